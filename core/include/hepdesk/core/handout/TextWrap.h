#pragma once

#include "hepdesk/core/handout/FontMetrics.h"
#include "hepdesk/core/handout/Painter.h"

#include <string>
#include <vector>

namespace hepdesk::handout {

/// The regular and bold metrics of the handout's font family.
struct FontPair {
    const FontMetrics* regular = nullptr;
    const FontMetrics* bold = nullptr;
    [[nodiscard]] const FontMetrics& of(FontFace f) const {
        return f == FontFace::Bold ? *bold : *regular;
    }
};

/// A piece of a paragraph in one face ("Careful:" in bold, then the note in regular).
struct Span {
    std::string text;
    FontFace face = FontFace::Regular;
};

/// A run placed on a wrapped line, `x` from the line's left edge.
struct PlacedRun {
    double x = 0;
    FontFace face = FontFace::Regular;
    std::string text;
};

/// One output line of a paragraph.
struct WrappedLine {
    std::vector<PlacedRun> runs;
    double width = 0;
};

/// Breaks `spans` into lines no wider than `width` at `size` points: breaks at spaces, keeps
/// words whole, and splits (between code points) only a word that is wider than a whole
/// line. Runs of spaces collapse to one.
std::vector<WrappedLine> wrapText(const std::vector<Span>& spans, double size, double width,
                                  const FontPair& fonts);

} // namespace hepdesk::handout
