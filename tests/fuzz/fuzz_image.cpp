// A picture as the handout gets it (clinic logo, custom exercise photo): bytes ->
// imageFromBytes (PNG/JPEG header) -> checkImageReadable (PNG decoded with libpng) -> libharu
// embeds it exactly as PdfPainter::drawImage does. libharu aborts on some damaged PNGs, which
// is why checkImageReadable exists: an image it passes must never crash libharu.
// (EXIF orientation is read by Qt in the desktop app only; the fuzz build has no Qt.)
#include "FuzzSupport.h"
#include "hepdesk/core/handout/Handout.h"

#include <hpdf.h>

namespace {
void onHaruError(HPDF_STATUS, HPDF_STATUS, void*) {}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hepdesk;
    auto image = handout::imageFromBytes(std::string(fuzz::asText(data, size)), "fuzz image");
    if (!image) {
        return 0;
    }
    if (!handout::checkImageReadable(**image)) {
        return 0;
    }
    HPDF_Doc doc = HPDF_New(onHaruError, nullptr);
    if (doc == nullptr) {
        return 0;
    }
    const auto& bytes = (*image)->bytes;
    const auto* p = reinterpret_cast<const HPDF_BYTE*>(bytes.data());
    const auto n = static_cast<HPDF_UINT>(bytes.size());
    HPDF_Image img = (*image)->format == handout::ImageData::Format::Png
                         ? HPDF_LoadPngImageFromMem(doc, p, n)
                         : HPDF_LoadJpegImageFromMem(doc, p, n);
    if (img != nullptr) {
        HPDF_Page page = HPDF_AddPage(doc);
        HPDF_Page_DrawImage(page, img, 10, 10, 100, 100);
        HPDF_SaveToStream(doc);
    }
    HPDF_Free(doc);
    return 0;
}
