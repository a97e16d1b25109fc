#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/db/Pg.h"

#include <span>
#include <string_view>

namespace hepdesk::db {

/// One forward-only step of the server schema: takes version `version - 1` to `version`, with
/// the same number and meaning as the SQLite migration of that number (db/Migrations.h).
/// `sql` runs first; `after`, when set, then does in the same transaction what SQL cannot
/// (HepDesk's ICU search key and audit hashes are computed by the client). Adding a schema
/// version is adding one step at the end of the list in PgSchema.cpp.
struct PgMigration {
    int version;
    std::string_view sql;
    Status (*after)(PgConnection& conn) = nullptr;
};

/// All server migrations, in order; the last one's version is the latest.
std::span<const PgMigration> pgMigrations();
int pgLatestSchemaVersion();

/// The server database's HepDesk schema version, from its marker (table hepdesk_schema):
/// 0 for an empty database. Refuses (Refused, the database untouched) one that holds tables
/// of another program, one marked by another program, and one written by a newer HepDesk.
Result<int> pgSchemaVersion(PgConnection& conn);

/// Brings the server schema up to `target` (-1: latest), one transaction per version that
/// also moves the marker; two workstations migrating at once wait for each other (an
/// advisory lock) and the second finds the work done. Refuses what pgSchemaVersion refuses.
Status pgMigrate(PgConnection& conn, int target = -1);

} // namespace hepdesk::db
