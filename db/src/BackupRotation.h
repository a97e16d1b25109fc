#pragma once

// The parts of Backup.cpp that backups of a clinic server (PgBackup.cpp) share with those of a
// database file: private files synced to disk, and one daily rotation.

#include "hepdesk/core/Clock.h"
#include "hepdesk/core/Error.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace hepdesk::db::backup_detail {

/// Creates `path` (which must not exist) empty, readable and writable by the owner only.
Status createPrivateFile(const std::filesystem::path& path);
/// fsync of a file, or of a folder (so a rename in it is on disk).
Status fsyncPath(const std::filesystem::path& path, bool directory);

/// Backups named "hepdesk-YYYY-MM-DDTHHMMSSZ" + `suffix` in `folder`, oldest first.
Result<std::vector<std::filesystem::path>> listBackups(const std::filesystem::path& folder,
                                                       std::string_view suffix);

/// The daily rotation: when `folder` (created 0700 when missing) has no backup of that shape
/// from today (by `clock`, UTC), `write`s "hepdesk-<now>" + `suffix` there, then deletes the
/// oldest beyond the newest `keep`. Files for which `isLive` is true (the open database) are
/// never counted nor deleted. The new file, or nothing when today's backup exists already.
Result<std::optional<std::filesystem::path>>
rotateDaily(const std::filesystem::path& folder, int keep, const Clock& clock,
            std::string_view suffix,
            const std::function<bool(const std::filesystem::path&)>& isLive,
            const std::function<Status(const std::filesystem::path&)>& write);

} // namespace hepdesk::db::backup_detail
