#pragma once

#include "hepdesk/core/Error.h"

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

namespace hepdesk {

/// The largest file of each kind HepDesk reads. A screening, clinic.json, a catalog entry, a
/// rules, strings or figure file is at most a few dozen KiB: a larger one is a mistake (or
/// /dev/zero), refused before it is read.
inline constexpr std::uintmax_t kMaxJsonFileBytes = std::uintmax_t{1} << 20U;
/// A custom exercise's photo (the same limit the database keeps).
inline constexpr std::uintmax_t kMaxPhotoFileBytes = std::uintmax_t{5} << 20U;
/// A clinic logo (the same limit the clinic settings keep).
inline constexpr std::uintmax_t kMaxLogoFileBytes = std::uintmax_t{2} << 20U;
/// A TrueType font (Noto Sans is about 0.5 MiB).
inline constexpr std::uintmax_t kMaxFontFileBytes = std::uintmax_t{32} << 20U;

/// Reads the whole of `path`, a regular file of at most `maxBytes`. Anything else is refused
/// before a byte is read, with a message naming `what` ("screening file"), the file and what
/// it is: a folder, a named pipe (FIFO), a device (/dev/zero), a socket, or too large. The file
/// is opened non-blocking, so a FIFO never hangs the program. Not found: Error::notFound;
/// not a regular file or too large: Error::invalid; a failed read: Error::io.
Result<std::string> readRegularFile(const std::filesystem::path& path, std::uintmax_t maxBytes,
                                    std::string_view what);

/// Reads `in` (standard input) to its end, refusing more than `maxBytes`.
Result<std::string> readBoundedStream(std::istream& in, std::uintmax_t maxBytes,
                                      std::string_view what);

/// "1 MiB", "5 MiB", "512 KiB", "300 bytes": a limit as a person reads it.
std::string byteSizeText(std::uintmax_t bytes);

} // namespace hepdesk
