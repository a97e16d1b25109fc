#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/ReadFile.h"
#include "hepdesk/core/handout/Handout.h"
#include "hepdesk/core/handout/ImageIntake.h"

#include <string_view>
#include <utility>

namespace hepdesk::handout {
namespace {

unsigned be16(const std::string& b, std::size_t i) {
    const unsigned hi = static_cast<unsigned char>(b[i]);
    const unsigned lo = static_cast<unsigned char>(b[i + 1]);
    return (hi << 8U) | lo;
}

unsigned u16(std::string_view b, std::size_t i, bool little) {
    const unsigned x = static_cast<unsigned char>(b[i]);
    const unsigned y = static_cast<unsigned char>(b[i + 1]);
    return little ? (y << 8U) | x : (x << 8U) | y;
}

unsigned u32(std::string_view b, std::size_t i, bool little) {
    return little ? (u16(b, i + 2, true) << 16U) | u16(b, i, true)
                  : (u16(b, i, false) << 16U) | u16(b, i + 2, false);
}

/// The orientation tag (0x0112) of an APP1 "Exif" segment's first IFD: 1 to 8, else 1. Every
/// offset is checked against the segment, so a damaged tag reads as upright, never out of bounds.
int exifOrientation(std::string_view app1) {
    if (app1.size() < 14 || app1.substr(0, 6) != std::string_view("Exif\0\0", 6)) {
        return 1;
    }
    const std::string_view tiff = app1.substr(6);
    const bool little = tiff.substr(0, 2) == "II";
    if (!little && tiff.substr(0, 2) != "MM") {
        return 1;
    }
    const std::size_t ifd = u32(tiff, 4, little);
    if (ifd + 2 > tiff.size()) {
        return 1;
    }
    const unsigned count = u16(tiff, ifd, little);
    for (unsigned k = 0; k < count; ++k) {
        const std::size_t entry = ifd + 2 + std::size_t{k} * 12;
        if (entry + 12 > tiff.size()) {
            return 1;
        }
        if (u16(tiff, entry, little) == 0x0112 && u16(tiff, entry + 2, little) == 3) {
            const unsigned v = u16(tiff, entry + 8, little);
            return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
        }
    }
    return 1;
}

} // namespace

Result<std::shared_ptr<const ImageData>> imageFromBytes(std::string bytes, std::string_view what) {
    auto img = std::make_shared<ImageData>();
    img->bytes = std::move(bytes);
    img->what = what;
    const std::string& b = img->bytes;
    if (b.size() > 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0 &&
        b.compare(12, 4, "IHDR") == 0) {
        img->format = ImageData::Format::Png;
        img->pixelWidth = static_cast<int>((be16(b, 16) << 16U) | be16(b, 18));
        img->pixelHeight = static_cast<int>((be16(b, 20) << 16U) | be16(b, 22));
    } else if (b.size() > 4 && static_cast<unsigned char>(b[0]) == 0xFF &&
               static_cast<unsigned char>(b[1]) == 0xD8) {
        img->format = ImageData::Format::Jpeg;
        // Walk the segments to the first start-of-frame marker, which holds the size.
        for (std::size_t i = 2; i + 9 < b.size();) {
            if (static_cast<unsigned char>(b[i]) != 0xFF) {
                break;
            }
            const auto marker = static_cast<unsigned char>(b[i + 1]);
            const unsigned len = be16(b, i + 2);
            if (marker == 0xE1 && len >= 2 && i + 2 + len <= b.size()) {
                img->orientation = exifOrientation(std::string_view(b).substr(i + 4, len - 2));
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                marker != 0xCC) {
                img->pixelHeight = static_cast<int>(be16(b, i + 5));
                img->pixelWidth = static_cast<int>(be16(b, i + 7));
                break;
            }
            i += 2 + len;
        }
    } else {
        return Error::invalid(std::string(what) + " is neither PNG nor JPEG");
    }
    if (img->pixelWidth <= 0 || img->pixelHeight <= 0) {
        return Error::invalid(std::string(what) + " has no readable size");
    }
    if (img->orientation >= 5) { // turned a quarter: the upright picture is tall where it was wide
        std::swap(img->pixelWidth, img->pixelHeight);
    }
    return std::shared_ptr<const ImageData>(std::move(img));
}

Result<std::shared_ptr<const ImageData>> loadImage(const std::filesystem::path& file,
                                                   std::uintmax_t maxBytes) {
    // Size and kind first: a 100 MB file, a folder or /dev/zero is refused before any read.
    auto bytes = readRegularFile(file, maxBytes, "image");
    if (!bytes) {
        return bytes.error();
    }
    return imageFromBytes(std::move(*bytes), "image '" + file.string() + "'");
}

Result<ClinicInfo> clinicFromJson(const nlohmann::json& j, const std::filesystem::path& file) {
    const std::string src = file.string();
    if (!j.is_object()) {
        return json::fieldError(src, "", "expected an object");
    }
    ClinicInfo c;
    const auto str = [&](const char* key, std::string& into, bool required) -> Status {
        const auto it = j.find(key);
        if (it == j.end()) {
            if (required) {
                return json::fieldError(src, std::string("/") + key, "missing");
            }
            return {};
        }
        if (!it->is_string()) {
            return json::fieldError(src, std::string("/") + key,
                                    "expected a string, got " + json::describe(*it));
        }
        into = it->get<std::string>();
        return {};
    };
    std::string logo;
    for (auto st :
         {str("name", c.name, true), str("address", c.address, false), str("phone", c.phone, false),
          str("clinician_name", c.clinicianName, false),
          str("clinician_credentials", c.clinicianCredentials, false), str("logo", logo, false)}) {
        if (!st) {
            return st.error();
        }
    }
    for (const auto& [k, v] : j.items()) {
        static const std::set<std::string> kKnown = {
            "name", "address", "phone", "clinician_name", "clinician_credentials", "logo"};
        if (!kKnown.contains(k)) {
            return json::fieldError(src, "/" + k, "unknown field");
        }
    }
    if (!logo.empty()) {
        std::filesystem::path p(logo);
        if (p.is_relative()) {
            p = file.parent_path() / p;
        }
        auto img = intakeImageFile(p, ImageUse::ClinicLogo);
        if (!img) {
            return json::fieldError(src, "/logo", img.error().message);
        }
        c.logo = *img;
    }
    return c;
}

} // namespace hepdesk::handout
