#pragma once

#include "hepdesk/core/Error.h"

#include <cstddef>
#include <filesystem>
#include <string_view>
#include <sys/types.h>

namespace hepdesk {

/// Writes `bytes` to `target` so that readers see either the old file or the whole new one:
/// a temporary file in the same folder, fsync, rename, fsync of the folder. On any failure
/// the temporary file is removed and the target is left as it was.
/// A target that exists and is not a regular file (a symbolic link, device, FIFO, socket or
/// folder) is refused (InvalidInput) and left as it is: renaming over it would replace it.
/// `mode` is the permission of the new file (0600 for clinical records).
Status writeFileAtomically(const std::filesystem::path& target, std::string_view bytes,
                           unsigned mode = 0644);

namespace detail {
/// Test seam: the system calls writeFileAtomically makes after creating its temporary file.
/// Fault-injection tests replace them to fail at a chosen step; production never changes them.
struct AtomicFileOps {
    ssize_t (*write)(int fd, const void* buf, std::size_t n);
    int (*fsync)(int fd);
    int (*close)(int fd);
    int (*rename)(const char* from, const char* to);
};
/// The calls in use (initially the real ::write, ::fsync, ::close, ::rename).
AtomicFileOps& atomicFileOps();
} // namespace detail

} // namespace hepdesk
