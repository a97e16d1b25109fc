#include "hepdesk/core/handout/HandoutWriter.h"

#include "hepdesk/core/AtomicFile.h"
#include "hepdesk/core/LocalizedText.h"
#include "hepdesk/core/Paths.h"
#include "hepdesk/core/handout/HandoutComposer.h"
#include "hepdesk/core/handout/PdfPainter.h"

namespace hepdesk::handout {

Result<HandoutWriter> HandoutWriter::load(const std::filesystem::path& templatesDir,
                                          std::filesystem::path regularFont,
                                          std::filesystem::path boldFont) {
    HandoutWriter w;
    w.fontFiles_.regular =
        regularFont.empty() ? fontPath("NotoSans-Regular.ttf") : std::move(regularFont);
    w.fontFiles_.bold = boldFont.empty() ? fontPath("NotoSans-Bold.ttf") : std::move(boldFont);
    auto regular = FontMetrics::load(w.fontFiles_.regular);
    if (!regular) {
        return regular.error();
    }
    auto bold = FontMetrics::load(w.fontFiles_.bold);
    if (!bold) {
        return bold.error();
    }
    w.regular_ = std::make_unique<FontMetrics>(std::move(*regular));
    w.bold_ = std::make_unique<FontMetrics>(std::move(*bold));
    auto figures = loadFigures(templatesDir / "figures");
    if (!figures) {
        return figures.error();
    }
    w.figures_ = std::make_unique<std::map<std::string, Figure, std::less<>>>(std::move(*figures));
    for (std::string_view lang : kLanguages) {
        auto s = HandoutStrings::load(templatesDir / "strings", lang);
        if (!s) {
            return s.error();
        }
        w.strings_.emplace(std::string(lang), std::move(*s));
    }
    return w;
}

const HandoutStrings* HandoutWriter::strings(std::string_view lang) const {
    const auto it = strings_.find(lang);
    return it == strings_.end() ? nullptr : &it->second;
}

Result<HandoutLayoutResult> HandoutWriter::layout(const HandoutRequest& request,
                                                  const std::vector<CatalogEntry>& catalog) const {
    const HandoutStrings* s = strings(request.options.lang);
    if (s == nullptr) {
        std::string known;
        for (std::string_view l : kLanguages) {
            known += (known.empty() ? "" : ", ") + std::string(l);
        }
        return Error::invalid("language '" + request.options.lang + "' is not supported (" + known +
                              ")");
    }
    const HandoutComposer composer(catalog, *figures_, *s);
    auto doc = composer.compose(request);
    if (!doc) {
        return doc.error();
    }
    const FontPair f = fonts();
    HandoutLayoutResult laid = HandoutLayout(f, *s, *figures_).layout(*doc);
    laid.undrawable = undrawableText(*doc, f);
    return laid;
}

Result<HandoutWriter::Rendered>
HandoutWriter::render(const HandoutRequest& request,
                      const std::vector<CatalogEntry>& catalog) const {
    auto laid = layout(request, catalog);
    if (!laid) {
        return laid.error();
    }
    const HandoutStrings* s = strings(request.options.lang);
    auto painter =
        PdfPainter::create(fontFiles_, s->text("document_title") + " - " + request.patientName);
    if (!painter) {
        return painter.error();
    }
    paintPages(laid->pages, **painter);
    auto pdf = (*painter)->finish();
    if (!pdf) {
        return pdf.error();
    }
    return Rendered{std::move(*pdf), static_cast<int>(laid->pages.size()),
                    std::move(laid->undrawable)};
}

Result<HandoutWriter::Rendered> HandoutWriter::renderReferral(const ReferralLetter& letter) const {
    const HandoutStrings* s = strings(letter.lang);
    if (s == nullptr) {
        return Error::invalid("language '" + letter.lang + "' is not supported");
    }
    auto page = layoutReferral(letter, fonts(), *s);
    if (!page) {
        return page.error();
    }
    auto painter = PdfPainter::create(fontFiles_, s->text("referral_document_title") + " - " +
                                                      letter.patientName);
    if (!painter) {
        return painter.error();
    }
    paintPages({*page}, **painter);
    auto pdf = (*painter)->finish();
    if (!pdf) {
        return pdf.error();
    }
    return Rendered{std::move(*pdf), 1, {}};
}

Result<std::string> HandoutWriter::renderPdf(const HandoutRequest& request,
                                             const std::vector<CatalogEntry>& catalog) const {
    auto r = render(request, catalog);
    if (!r) {
        return r.error();
    }
    return std::move(r->pdf);
}

Status HandoutWriter::writePdf(const HandoutRequest& request,
                               const std::vector<CatalogEntry>& catalog,
                               const std::filesystem::path& target) const {
    auto bytes = renderPdf(request, catalog);
    if (!bytes) {
        return bytes.error();
    }
    return writeFileAtomically(target, *bytes, 0600);
}

} // namespace hepdesk::handout
