#pragma once

#include "hepdesk/core/Error.h"

#include <filesystem>
#include <string_view>

namespace hepdesk {

/// Writes `bytes` to `target` so that readers see either the old file or the whole new one:
/// a temporary file in the same folder, fsync, rename, fsync of the folder. On any failure
/// the temporary file is removed and the target is left as it was.
/// `mode` is the permission of the new file (0600 for clinical records).
Status writeFileAtomically(const std::filesystem::path& target, std::string_view bytes,
                           unsigned mode = 0644);

} // namespace hepdesk
