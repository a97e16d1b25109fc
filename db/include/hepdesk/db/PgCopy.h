#pragma once

#include "hepdesk/core/Error.h"

#include <string>
#include <vector>

namespace hepdesk::db {

class Database;
class PgConnection;

/// What `db copy` found in each table: rows on both sides and whether their contents match.
struct TableCopy {
    std::string table;
    std::int64_t rows = 0;
    std::string sha256; ///< of the table's rows in key order, the same on both sides
};

/// Copies every record of the HepDesk file `from` (patients, sessions with signatures as
/// signed, addenda, overrides, handout records, the audit log with its chain, clinic exercises
/// with photos, clinic settings, clinicians) into the empty server database `to`, in one
/// transaction: all of it or nothing. Then reads both sides again and compares, table by
/// table, the number of rows and a SHA-256 of their contents; any difference rolls the copy
/// back and is the error. Refused when `to` already holds records.
Result<std::vector<TableCopy>> copyToServer(Database& from, PgConnection& to);

} // namespace hepdesk::db
