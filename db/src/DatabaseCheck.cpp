#include "hepdesk/db/DatabaseCheck.h"

#include "hepdesk/db/Database.h"
#include "hepdesk/db/TamperCheck.h"

#include <array>

namespace hepdesk::db {
namespace {

const std::array kChecks = {
    DatabaseCheck{"integrity", [](Database& db) { return db.integrityCheck(); }},
    DatabaseCheck{"schema", [](Database& db) { return db.schemaCheck(); }},
    DatabaseCheck{"foreign keys", [](Database& db) { return db.foreignKeyCheck(); }},
    // Signed sessions against their seals, and the audit log's hash chain.
    DatabaseCheck{"records", [](Database& db) { return verifyRecords(db); }},
};

} // namespace

std::span<const DatabaseCheck> databaseChecks() {
    return kChecks;
}

std::vector<std::string> runDatabaseChecks(Database& db, std::span<const DatabaseCheck> checks) {
    std::vector<std::string> problems;
    for (const DatabaseCheck& check : checks) {
        const std::string prefix = std::string(check.name) + ": ";
        auto found = check.run(db);
        if (!found) {
            problems.push_back(prefix + found.error().message);
            continue;
        }
        for (const std::string& p : *found) {
            problems.push_back(prefix + p);
        }
    }
    return problems;
}

} // namespace hepdesk::db
