#include "hepdesk/core/handout/PdfPainter.h"

#include "hepdesk/core/handout/Handout.h"

#include <cmath>
#include <cstdio>
#include <hpdf.h>
#include <map>

namespace hepdesk::handout {

/// What libharu's error handler records: the first error wins (later ones are consequences,
/// since libharu errors are sticky).
struct PdfPainter::State {
    HPDF_Doc doc = nullptr;
    HPDF_Page page = nullptr;
    HPDF_Font regular = nullptr;
    HPDF_Font bold = nullptr;
    double pageHeight = 0;
    HPDF_STATUS error = HPDF_OK;
    HPDF_STATUS detail = HPDF_OK;
    std::string where;
    std::map<const ImageData*, HPDF_Image> images;

    [[nodiscard]] bool failed() const { return error != HPDF_OK; }
    ~State() {
        if (doc != nullptr) {
            HPDF_Free(doc);
        }
    }
};

namespace {

void onError(HPDF_STATUS error, HPDF_STATUS detail, void* userData) {
    auto* s = static_cast<PdfPainter::State*>(userData);
    if (s->error == HPDF_OK) {
        s->error = error;
        s->detail = detail;
    }
}

/// Rounds to 1/100 pt: libharu flushes tiny values to 0 and prints long decimals otherwise.
HPDF_REAL r2(double v) {
    return static_cast<HPDF_REAL>(std::round(v * 100.0) / 100.0);
}

HPDF_REAL c01(std::uint8_t c) {
    return static_cast<HPDF_REAL>(std::round(c / 255.0 * 1000.0) / 1000.0);
}

Error pdfError(const PdfPainter::State& s, std::string_view what) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " (libharu error 0x%04X, detail %u)",
                  static_cast<unsigned>(s.error), static_cast<unsigned>(s.detail));
    return Error::internal(std::string("PDF writer: ") + std::string(what) + buf);
}

} // namespace

PdfPainter::PdfPainter(std::unique_ptr<State> state) : s_(std::move(state)) {}
PdfPainter::~PdfPainter() = default;

Result<std::unique_ptr<PdfPainter>> PdfPainter::create(const Fonts& fonts, std::string title) {
    auto s = std::make_unique<State>();
    s->doc = HPDF_New(onError, s.get());
    if (s->doc == nullptr) {
        return Error::internal("PDF writer: libharu could not create a document (out of memory)");
    }
    HPDF_SetCompressionMode(s->doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(s->doc);
    HPDF_SetCurrentEncoder(s->doc, "UTF-8");
    const auto load = [&](const std::filesystem::path& p) -> HPDF_Font {
        const char* name = HPDF_LoadTTFontFromFile(s->doc, p.c_str(), HPDF_TRUE);
        if (name == nullptr) {
            return nullptr;
        }
        return HPDF_GetFont(s->doc, name, "UTF-8");
    };
    s->regular = load(fonts.regular);
    if (s->regular == nullptr || s->failed()) {
        return pdfError(*s, "cannot load font '" + fonts.regular.string() + "'");
    }
    s->bold = load(fonts.bold);
    if (s->bold == nullptr || s->failed()) {
        return pdfError(*s, "cannot load font '" + fonts.bold.string() + "'");
    }
    HPDF_SetInfoAttr(s->doc, HPDF_INFO_TITLE, title.c_str());
    HPDF_SetInfoAttr(s->doc, HPDF_INFO_CREATOR, "HepDesk");
    if (s->failed()) {
        return pdfError(*s, "cannot set the document information");
    }
    return std::unique_ptr<PdfPainter>(new PdfPainter(std::move(s)));
}

void PdfPainter::beginPage(double width, double height) {
    if (s_->failed()) {
        return;
    }
    s_->page = HPDF_AddPage(s_->doc);
    if (s_->page == nullptr) {
        return;
    }
    HPDF_Page_SetWidth(s_->page, r2(width));
    HPDF_Page_SetHeight(s_->page, r2(height));
    HPDF_Page_SetLineCap(s_->page, HPDF_ROUND_END);
    HPDF_Page_SetLineJoin(s_->page, HPDF_ROUND_JOIN);
    s_->pageHeight = height;
}

void PdfPainter::endPage() {
    s_->page = nullptr;
}

namespace {

void setStroke(HPDF_Page p, const Stroke& st) {
    HPDF_Page_SetRGBStroke(p, c01(st.color.r), c01(st.color.g), c01(st.color.b));
    HPDF_Page_SetLineWidth(p, r2(st.width));
}

void setFill(HPDF_Page p, const Color& c) {
    HPDF_Page_SetRGBFill(p, c01(c.r), c01(c.g), c01(c.b));
}

/// Ends the current path the way fill/stroke ask for.
void finishPath(HPDF_Page p, const std::optional<Color>& fill, const std::optional<Stroke>& st) {
    if (fill && st) {
        HPDF_Page_FillStroke(p);
    } else if (fill) {
        HPDF_Page_Fill(p);
    } else if (st) {
        HPDF_Page_Stroke(p);
    } else {
        HPDF_Page_EndPath(p);
    }
}

} // namespace

void PdfPainter::drawText(const TextRun& run) {
    if (s_->failed() || s_->page == nullptr || run.utf8.empty()) {
        return;
    }
    HPDF_Page p = s_->page;
    setFill(p, run.color);
    HPDF_Page_BeginText(p);
    HPDF_Page_SetFontAndSize(p, run.face == FontFace::Bold ? s_->bold : s_->regular, r2(run.size));
    HPDF_Page_TextOut(p, r2(run.origin.x), r2(s_->pageHeight - run.origin.y), run.utf8.c_str());
    HPDF_Page_EndText(p);
}

void PdfPainter::drawLine(const Line& line) {
    if (s_->failed() || s_->page == nullptr) {
        return;
    }
    HPDF_Page p = s_->page;
    setStroke(p, line.stroke);
    HPDF_Page_MoveTo(p, r2(line.from.x), r2(s_->pageHeight - line.from.y));
    HPDF_Page_LineTo(p, r2(line.to.x), r2(s_->pageHeight - line.to.y));
    HPDF_Page_Stroke(p);
}

void PdfPainter::drawPolyline(const Polyline& pl) {
    if (s_->failed() || s_->page == nullptr || pl.points.empty()) {
        return;
    }
    HPDF_Page p = s_->page;
    if (pl.fill) {
        setFill(p, *pl.fill);
    }
    if (pl.stroke) {
        setStroke(p, *pl.stroke);
    }
    HPDF_Page_MoveTo(p, r2(pl.points[0].x), r2(s_->pageHeight - pl.points[0].y));
    for (std::size_t i = 1; i < pl.points.size(); ++i) {
        HPDF_Page_LineTo(p, r2(pl.points[i].x), r2(s_->pageHeight - pl.points[i].y));
    }
    if (pl.closed || pl.fill) {
        HPDF_Page_ClosePath(p);
    }
    finishPath(p, pl.fill, pl.stroke);
}

void PdfPainter::drawCircle(const Circle& c) {
    if (s_->failed() || s_->page == nullptr) {
        return;
    }
    HPDF_Page p = s_->page;
    if (c.fill) {
        setFill(p, *c.fill);
    }
    if (c.stroke) {
        setStroke(p, *c.stroke);
    }
    HPDF_Page_Circle(p, r2(c.center.x), r2(s_->pageHeight - c.center.y), r2(c.radius));
    finishPath(p, c.fill, c.stroke);
}

void PdfPainter::drawRect(const Rect& r) {
    if (s_->failed() || s_->page == nullptr) {
        return;
    }
    HPDF_Page p = s_->page;
    if (r.fill) {
        setFill(p, *r.fill);
    }
    if (r.stroke) {
        setStroke(p, *r.stroke);
    }
    HPDF_Page_Rectangle(p, r2(r.topLeft.x), r2(s_->pageHeight - r.topLeft.y - r.height),
                        r2(r.width), r2(r.height));
    finishPath(p, r.fill, r.stroke);
}

void PdfPainter::drawImage(const Image& im) {
    if (s_->failed() || s_->page == nullptr || !im.data) {
        return;
    }
    HPDF_Image& img = s_->images[im.data.get()];
    if (img == nullptr) {
        if (auto readable = checkImageReadable(*im.data); !readable) {
            // libharu would abort the process on this image: fail the document instead.
            s_->error = HPDF_INVALID_PNG_IMAGE;
            s_->where = readable.error().message;
            return;
        }
        const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(im.data->bytes.data());
        const auto size = static_cast<HPDF_UINT>(im.data->bytes.size());
        img = im.data->format == ImageData::Format::Png
                  ? HPDF_LoadPngImageFromMem(s_->doc, bytes, size)
                  : HPDF_LoadJpegImageFromMem(s_->doc, bytes, size);
        if (img == nullptr) {
            s_->where = "cannot embed the " +
                        (im.data->what.empty() ? std::string("image") : im.data->what) +
                        ": save the picture again as an ordinary PNG or JPEG and use the new file";
            return;
        }
    }
    const HPDF_REAL x = r2(im.topLeft.x);
    const HPDF_REAL y = r2(s_->pageHeight - im.topLeft.y - im.height);
    const HPDF_REAL w = r2(im.width);
    const HPDF_REAL h = r2(im.height);
    if (im.data->orientation <= 1 || im.data->orientation > 8) {
        HPDF_Page_DrawImage(s_->page, img, x, y, w, h);
        return;
    }
    // A JPEG stored as the sensor saw it: the image's unit square is mapped so that the
    // picture stands upright in its box (EXIF orientations 2 to 8: mirrored and/or turned).
    struct Matrix {
        HPDF_REAL a, b, c, d, e, f;
    };
    const Matrix m = [&]() -> Matrix {
        switch (im.data->orientation) {
        case 2:
            return {-w, 0, 0, h, x + w, y};
        case 3:
            return {-w, 0, 0, -h, x + w, y + h};
        case 4:
            return {w, 0, 0, -h, x, y + h};
        case 5:
            return {0, -h, -w, 0, x + w, y + h};
        case 6:
            return {0, -h, w, 0, x, y + h};
        case 7:
            return {0, h, w, 0, x, y};
        default: // 8
            return {0, h, -w, 0, x + w, y};
        }
    }();
    HPDF_Page_GSave(s_->page);
    HPDF_Page_Concat(s_->page, m.a, m.b, m.c, m.d, m.e, m.f);
    HPDF_Page_DrawImage(s_->page, img, 0, 0, 1, 1);
    HPDF_Page_GRestore(s_->page);
}

Result<std::string> PdfPainter::finish() {
    if (s_->failed()) {
        return pdfError(*s_, s_->where.empty() ? "drawing failed" : s_->where);
    }
    if (HPDF_SaveToStream(s_->doc) != HPDF_OK || s_->failed()) {
        return pdfError(*s_, "cannot assemble the PDF");
    }
    const HPDF_UINT32 size = HPDF_GetStreamSize(s_->doc);
    std::string bytes(size, '\0');
    HPDF_UINT32 got = size;
    HPDF_ReadFromStream(s_->doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &got);
    // Reading the whole stream reports "end of stream" as an error: expected, not a failure.
    if (s_->error == HPDF_STREAM_EOF) {
        s_->error = HPDF_OK;
        HPDF_ResetError(s_->doc);
    }
    if (s_->failed() || got != size) {
        return pdfError(*s_, "cannot read the assembled PDF back");
    }
    return bytes;
}

} // namespace hepdesk::handout
