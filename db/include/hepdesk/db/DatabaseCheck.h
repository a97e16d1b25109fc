#pragma once

#include "hepdesk/core/Error.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk::db {

class Database;

/// One of the checks `db check` runs on a database: SQLite's integrity_check, the schema
/// compared with HepDesk's, foreign keys, the seals of signed sessions and the audit chain.
/// Each names every problem it finds; a further check is one more entry in databaseChecks().
struct DatabaseCheck {
    std::string_view
        name; ///< "integrity", "schema", "foreign keys", "records": prefixes its problems
    Result<std::vector<std::string>> (*run)(Database& db) = nullptr;
};

/// Every check, in the order `db check` runs them.
std::span<const DatabaseCheck> databaseChecks();

/// Runs `checks` on `db`: every problem as "<check>: <problem>". A check that cannot run at
/// all (the file is too damaged to read) is a problem too; the others still run.
std::vector<std::string> runDatabaseChecks(Database& db, std::span<const DatabaseCheck> checks);
inline std::vector<std::string> runDatabaseChecks(Database& db) {
    return runDatabaseChecks(db, databaseChecks());
}

} // namespace hepdesk::db
