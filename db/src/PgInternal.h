#pragma once

// Server-backend parts shared by the repositories and the migration steps.

#include "hepdesk/core/Error.h"
#include "hepdesk/core/Session.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Pg.h"

#include <cstdint>

namespace hepdesk::db {

/// The whole stored session, inside the caller's transaction (PgSessionRepository::get).
Result<Session> pgReadSession(PgConnection& c, std::int64_t id);

/// Appends `entry` to the audit chain inside the caller's transaction (its fields escaped).
Result<std::int64_t> pgAppendAudit(PgConnection& c, AuditEntry entry);

/// After migrating to the latest schema, as on SQLite: seals each session signed before seals
/// existed (listed by step 6 in session_seal_pending) as it is stored now, with an audit line
/// saying so; inside the caller's transaction. A session that cannot be read stays pending.
Status pgSealSessionsSignedBeforeSeals(PgConnection& c);

} // namespace hepdesk::db
