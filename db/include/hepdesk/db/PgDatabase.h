#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/db/Pg.h"

#include <string>
#include <string_view>

namespace hepdesk::db {

/// A HepDesk database on a clinic's PostgreSQL server: one connection, schema checked (and,
/// unless asked not to, brought up to date). A database of another program or of a newer
/// HepDesk is refused untouched (pgSchemaVersion).
class PgDatabase {
public:
    struct Options {
        bool migrate = true; ///< bring an older (or empty) schema up to date
    };
    static Result<PgDatabase> open(std::string_view conninfo, Options options);
    static Result<PgDatabase> open(std::string_view conninfo) { return open(conninfo, {}); }

    PgConnection& connection() { return conn_; }
    [[nodiscard]] const PgConnection& connection() const { return conn_; }
    [[nodiscard]] int schemaVersion() const { return schemaVersion_; }
    /// Who the audit log names for writes through this connection; the login role unless set.
    void setActor(std::string actor) { actor_ = std::move(actor); }
    [[nodiscard]] const std::string& actor() const { return actor_; }

private:
    PgDatabase(PgConnection c, int version);
    PgConnection conn_;
    int schemaVersion_ = 0;
    std::string actor_;
};

} // namespace hepdesk::db
