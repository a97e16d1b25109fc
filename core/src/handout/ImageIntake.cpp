#include "hepdesk/core/handout/ImageIntake.h"

#include "hepdesk/core/ReadFile.h"
#include "hepdesk/core/handout/Handout.h"

namespace hepdesk::handout {
namespace {

constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);
constexpr std::string_view kJpegSignature("\xFF\xD8\xFF", 3);

} // namespace

std::uintmax_t maxImageBytes(ImageUse use) {
    return use == ImageUse::ClinicLogo ? kMaxLogoFileBytes : kMaxPhotoFileBytes;
}

std::string_view imageUseName(ImageUse use) {
    return use == ImageUse::ClinicLogo ? "logo" : "photo";
}

std::string_view mimeTypeOf(const ImageData& image) {
    return image.format == ImageData::Format::Png ? "image/png" : "image/jpeg";
}

Result<std::shared_ptr<const ImageData>> intakeImage(std::string bytes, ImageUse use,
                                                     std::string_view name) {
    const std::string what(name);
    if (bytes.size() > maxImageBytes(use)) {
        return Error::invalid(what + " is too large (" + std::to_string(bytes.size()) +
                              " bytes; at most " + byteSizeText(maxImageBytes(use)) +
                              "): save a smaller copy of the picture as PNG or JPEG");
    }
    const std::string_view b(bytes);
    if (!b.starts_with(kPngSignature) && !b.starts_with(kJpegSignature)) {
        return Error::invalid(what + " is not a PNG or JPEG picture (" +
                              (b.empty() ? std::string("the file is empty")
                                         : std::string("its first bytes are not an image's")) +
                              "): save it as PNG or JPEG and use the new file");
    }
    auto image = imageFromBytes(std::move(bytes), what);
    if (!image) {
        return Error::invalid(image.error().message +
                              ": the picture is damaged; save it again as PNG or JPEG");
    }
    if (auto readable = checkImageReadable(**image); !readable) {
        return readable.error();
    }
    return image;
}

Result<std::shared_ptr<const ImageData>> intakeImageFile(const std::filesystem::path& file,
                                                         ImageUse use) {
    auto bytes = readRegularFile(file, maxImageBytes(use), imageUseName(use));
    if (!bytes) {
        return bytes.error();
    }
    return intakeImage(std::move(*bytes), use,
                       std::string(imageUseName(use)) + " '" + file.string() + "'");
}

} // namespace hepdesk::handout
