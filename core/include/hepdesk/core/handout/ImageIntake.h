#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/handout/Painter.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace hepdesk::handout {

/// What a picture is for: each use has its own size limit and name in messages.
enum class ImageUse {
    ClinicLogo,    ///< printed in every handout's header; at most kMaxLogoFileBytes
    ExercisePhoto, ///< a clinic exercise's photo; at most kMaxPhotoFileBytes
};

/// The most bytes a picture for `use` may have (ReadFile.h's named limits).
[[nodiscard]] std::uintmax_t maxImageBytes(ImageUse use);
/// "logo", "photo": how messages name a picture for `use`.
[[nodiscard]] std::string_view imageUseName(ImageUse use);
/// "image/png" or "image/jpeg".
[[nodiscard]] std::string_view mimeTypeOf(const ImageData& image);

/// The one way a picture enters HepDesk (logos and photos; the app, the CLI and the database
/// alike): the type from the first bytes (PNG or JPEG, whatever the file is called), the size
/// limit of `use`, the pixel size and a JPEG's EXIF orientation from the header, and every
/// PNG decoded once (checkImageReadable). Errors start with `name` ("clinic logo", "logo
/// '/home/ana/logo.png'") and say what is wrong, in words a person can act on.
Result<std::shared_ptr<const ImageData>> intakeImage(std::string bytes, ImageUse use,
                                                     std::string_view name);
/// intakeImage on a file: a regular file only (a folder, /dev/zero or a FIFO is refused
/// before a byte is read, by readRegularFile), no larger than the limit of `use`; errors name
/// the use and the file ("logo '/home/ana/logo.png' is not a PNG or JPEG picture ...").
Result<std::shared_ptr<const ImageData>> intakeImageFile(const std::filesystem::path& file,
                                                         ImageUse use);

} // namespace hepdesk::handout
