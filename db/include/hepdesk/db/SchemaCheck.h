#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/db/Sqlite.h"

#include <string>
#include <vector>

namespace hepdesk::db {

/// Compares the schema of `conn`'s database (its tables, indexes, triggers and views, with
/// their SQL) with the one HepDesk's own migrations build for schema `version`, and names each
/// difference: "trigger session_signed_no_update is missing", "trigger x is not HepDesk's",
/// "trigger y's SQL differs from HepDesk's". Empty when the schema is exactly HepDesk's.
///
/// The expected schema is built by running the migrations up to `version` in an in-memory
/// database, so it follows every migration this build has without a list to keep up to date.
/// SQLite's internal objects (sqlite_autoindex_*, sqlite_stat*, sqlite_sequence) are left
/// out; the shadow tables of a full-text index are checked by name only (their SQL is
/// SQLite's, which may differ between SQLite versions). Never writes to `conn`.
Result<std::vector<std::string>> schemaDifferences(Connection& conn, int version);

/// PRAGMA foreign_key_check, one sentence per row that points at a missing record:
/// "session 3: patient_id 1 refers to a patient that does not exist".
Result<std::vector<std::string>> foreignKeyProblems(Connection& conn);

} // namespace hepdesk::db
