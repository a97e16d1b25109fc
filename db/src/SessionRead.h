#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/Session.h"

#include <cstdint>

namespace hepdesk::db {

class Connection;

/// The whole stored session, read on `conn` as of one moment (SqliteSessionRepository::get);
/// for the steps that have a connection but no Database (migration, verification).
Result<Session> readSession(Connection& conn, std::int64_t id);

} // namespace hepdesk::db
