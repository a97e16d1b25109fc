#pragma once

#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/handout/Figure.h"
#include "hepdesk/core/handout/FontMetrics.h"
#include "hepdesk/core/handout/Handout.h"
#include "hepdesk/core/handout/HandoutLayout.h"
#include "hepdesk/core/handout/HandoutStrings.h"
#include "hepdesk/core/handout/PdfPainter.h"
#include "hepdesk/core/handout/ReferralLetter.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace hepdesk::handout {

/// Makes handouts: holds the fonts' metrics, the figures and the strings of every language,
/// loaded once, and turns a request into laid-out pages, PDF bytes or a PDF file.
class HandoutWriter {
public:
    /// Loads templates/figures, templates/strings/<lang>.json for every language and the
    /// Noto Sans metrics (hepdesk::fontPath unless given).
    static Result<HandoutWriter> load(const std::filesystem::path& templatesDir,
                                      std::filesystem::path regularFont = {},
                                      std::filesystem::path boldFont = {});

    /// Composes (applying the safety rules) and lays out; `catalog` is Catalog::entries().
    [[nodiscard]] Result<HandoutLayoutResult>
    layout(const HandoutRequest& request, const std::vector<CatalogEntry>& catalog) const;
    /// A finished PDF, its page count and the text its fonts could not draw.
    struct Rendered {
        std::string pdf;
        int pages = 0;
        std::vector<UndrawableText> undrawable;
    };
    [[nodiscard]] Result<Rendered> render(const HandoutRequest& request,
                                          const std::vector<CatalogEntry>& catalog) const;
    /// The PDF file's bytes.
    [[nodiscard]] Result<std::string> renderPdf(const HandoutRequest& request,
                                                const std::vector<CatalogEntry>& catalog) const;
    /// Renders, then writes atomically (temp file in the folder, fsync, rename): on any
    /// failure `target` is untouched and no partial file is left.
    [[nodiscard]] Status writePdf(const HandoutRequest& request,
                                  const std::vector<CatalogEntry>& catalog,
                                  const std::filesystem::path& target) const;

    /// The one-page referral letter (core/handout/ReferralLetter) as PDF bytes, in the letter's
    /// language; refused for a routine triage.
    [[nodiscard]] Result<Rendered> renderReferral(const ReferralLetter& letter) const;

    [[nodiscard]] const std::map<std::string, Figure, std::less<>>& figures() const {
        return *figures_;
    }
    [[nodiscard]] const HandoutStrings* strings(std::string_view lang) const;
    [[nodiscard]] FontPair fonts() const { return {regular_.get(), bold_.get()}; }
    [[nodiscard]] const PdfPainter::Fonts& fontFiles() const { return fontFiles_; }

private:
    HandoutWriter() = default;
    std::unique_ptr<FontMetrics> regular_;
    std::unique_ptr<FontMetrics> bold_;
    PdfPainter::Fonts fontFiles_;
    std::unique_ptr<std::map<std::string, Figure, std::less<>>> figures_;
    std::map<std::string, HandoutStrings, std::less<>> strings_;
};

} // namespace hepdesk::handout
