#pragma once

#include "hepdesk/core/handout/Figure.h"
#include "hepdesk/core/handout/GlyphCoverage.h"
#include "hepdesk/core/handout/Handout.h"
#include "hepdesk/core/handout/HandoutStrings.h"
#include "hepdesk/core/handout/Painter.h"
#include "hepdesk/core/handout/TextWrap.h"

#include <map>
#include <string>
#include <vector>

namespace hepdesk::handout {

/// Where a block that must stay whole (an exercise) ended up.
struct BlockPlacement {
    std::string id;    ///< exercise id
    int firstPage = 0; ///< 0-based
    int lastPage = 0;  ///< equals firstPage unless the block alone is taller than a page
    double top = 0;    ///< layout y on firstPage
    double bottom = 0; ///< layout y on lastPage
};

/// The laid-out handout: pages of drawing commands plus where each exercise block went.
struct HandoutLayoutResult {
    std::vector<LayoutPage> pages;
    std::vector<BlockPlacement> blocks;
    /// How full each page's body is: the height its content takes (from the top margin to the
    /// end of its last row) over the height between the margins, one value per page.
    std::vector<double> pageFill;
    /// Text the fonts cannot draw (printed as empty boxes): warn before export.
    std::vector<UndrawableText> undrawable;
};

/// Measures, wraps and paginates a handout into pages of drawing commands (A4 or Letter,
/// standard or large print). Knows nothing of PDF or Qt: any Painter can replay the result.
class HandoutLayout {
public:
    HandoutLayout(const FontPair& fonts, const HandoutStrings& strings,
                  const std::map<std::string, Figure, std::less<>>& figures)
        : fonts_(fonts), strings_(strings), figures_(figures) {}

    [[nodiscard]] HandoutLayoutResult layout(const HandoutDocument& doc) const;

private:
    const FontPair& fonts_;
    const HandoutStrings& strings_;
    const std::map<std::string, Figure, std::less<>>& figures_;
};

} // namespace hepdesk::handout
