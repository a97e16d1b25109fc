#include "hepdesk/core/handout/Handout.h"

#include <png.h>
#include <vector>

namespace hepdesk::handout {

Status checkImageReadable(const ImageData& image) {
    const std::string what = image.what.empty() ? std::string("image") : image.what;
    const long long pixels = static_cast<long long>(image.pixelWidth) * image.pixelHeight;
    if (pixels > kMaxImagePixels) {
        return Error::invalid(what + " has too many pixels (" + std::to_string(image.pixelWidth) +
                              " x " + std::to_string(image.pixelHeight) +
                              "; at most 25 megapixels): save a smaller copy of the picture");
    }
    if (image.format != ImageData::Format::Png) {
        return {};
    }
    // libpng's simplified reader catches its own errors (no longjmp through this code) and
    // decodes every row, checking each chunk's CRC and the compressed data on the way.
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    if (png_image_begin_read_from_memory(&png, image.bytes.data(), image.bytes.size()) == 0) {
        const std::string why = png.message;
        png_image_free(&png);
        return Error::invalid(what + " is a damaged PNG (" + why +
                              "): save the picture again and use the new file");
    }
    png.format = PNG_FORMAT_GRAY; // one byte a pixel: the check needs the data, not colours
    std::vector<png_byte> pixelsOut(PNG_IMAGE_SIZE(png));
    if (png_image_finish_read(&png, nullptr, pixelsOut.data(), 0, nullptr) == 0) {
        const std::string why = png.message;
        png_image_free(&png);
        return Error::invalid(what + " is a damaged PNG (" + why +
                              "): save the picture again and use the new file");
    }
    return {};
}

} // namespace hepdesk::handout
