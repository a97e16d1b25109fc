#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/db/Sqlite.h"

#include <span>
#include <string_view>

namespace hepdesk::db {

/// One forward-only schema step: the SQL that takes version `version - 1` to `version`.
struct Migration {
    int version;
    std::string_view sql;
};

/// All migrations, in order; the last one's version is the latest schema version.
std::span<const Migration> migrations();

/// Applies every migration above the file's user_version, each in its own transaction
/// that also sets user_version, up to `target` (default: the latest).
Status migrate(Connection& conn, int target = -1);

} // namespace hepdesk::db
