#include "hepdesk/db/Migrations.h"

#include <array>
#include <string>

namespace hepdesk::db {
namespace {

// Never edit a migration that has shipped: add a new one.
constexpr std::array kMigrations = {
    Migration{1, R"sql(
CREATE TABLE patient (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    birth_date    TEXT NOT NULL DEFAULT '',
    record_number TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at    TEXT NOT NULL
);
CREATE INDEX patient_name ON patient(name);
)sql"},
};

} // namespace

std::span<const Migration> migrations() {
    return kMigrations;
}

Status migrate(Connection& conn, int target) {
    if (target < 0) {
        target = kMigrations.back().version;
    }
    auto current = conn.queryInt("PRAGMA user_version");
    if (!current) {
        return current.error();
    }
    for (const Migration& m : kMigrations) {
        if (m.version <= *current || m.version > target) {
            continue;
        }
        auto tx = Transaction::begin(conn);
        if (!tx) {
            return tx.error();
        }
        if (auto s = conn.exec(m.sql); !s) {
            return Error::database("migration to schema " + std::to_string(m.version) +
                                   " failed: " + s.error().message);
        }
        if (auto s = conn.exec("PRAGMA user_version = " + std::to_string(m.version)); !s) {
            return s.error();
        }
        if (auto s = tx->commit(); !s) {
            return s.error();
        }
    }
    return {};
}

} // namespace hepdesk::db
