#include "hepdesk/db/PgDatabase.h"

#include "hepdesk/db/PgSchema.h"

namespace hepdesk::db {

PgDatabase::PgDatabase(PgConnection c, int version)
    : conn_(std::move(c)), schemaVersion_(version), actor_(conn_.user()) {}

Result<PgDatabase> PgDatabase::open(std::string_view conninfo, Options options) {
    auto conn = PgConnection::connect(conninfo);
    if (!conn) {
        return conn.error();
    }
    auto version = pgSchemaVersion(*conn);
    if (!version) {
        return version.error();
    }
    if (*version < pgLatestSchemaVersion()) {
        if (!options.migrate) {
            return Error::refused(conn->label() + " has HepDesk schema " +
                                  std::to_string(*version) + "; this HepDesk needs " +
                                  std::to_string(pgLatestSchemaVersion()) +
                                  ": run 'hepdesk-cli --db SERVER db migrate'");
        }
        if (auto s = pgMigrate(*conn); !s) {
            return s.error();
        }
        version = pgSchemaVersion(*conn);
        if (!version) {
            return version.error();
        }
    }
    return PgDatabase(std::move(*conn), *version);
}

} // namespace hepdesk::db
