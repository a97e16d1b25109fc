#pragma once

#include "hepdesk/core/Error.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk::db {

class Database;
class Connection;
class Statement;

/// One line of the audit log: who did what to which record, when.
struct AuditEntry {
    std::int64_t id = 0;
    std::string at;       ///< "YYYY-MM-DDTHH:MM:SSZ"
    std::string actor;    ///< clinician name or operating-system user
    std::string action;   ///< "patient.add", "session.sign", ...
    std::string entity;   ///< "patient", "session", ...
    std::string entityId; ///< the record's id, as text
    std::string detail;   ///< short human-readable detail, may be empty
};

/// `text` with every control character (C0, DEL, C1), backslash and byte that is not UTF-8
/// written as an escape (\n, \x1b, \u0085, \\): one audit field is always one line
/// of printable text, whatever a name or note contained.
std::string escapeAuditText(std::string_view text);

/// The operating-system user running HepDesk, from the password database for the effective
/// uid (never the environment, which anyone can set): "name (uid N)", or "uid N" when the
/// uid has no entry; escaped as escapeAuditText does.
std::string operatingSystemUser();

/// SHA-256 (hex) of one audit row: `prevHash` and the row's fields, each written as its byte
/// length, ':' and its bytes, so no two different rows give the same input.
std::string auditRowHash(std::string_view prevHash, const AuditEntry& row);

/// Appends `entry` to the hash chain on `conn` (schema 6 on): the row gets the next id, the
/// previous row's hash and its own. Runs in one transaction with the read of the previous
/// row (a savepoint inside the caller's), so two writers never chain to the same row.
/// The fields are escaped here (escapeAuditText).
Result<std::int64_t> appendChained(Connection& conn, AuditEntry entry);

/// The append-only record of every change; the database refuses UPDATE and DELETE on it.
/// From schema 6 each row also holds the previous row's hash and its own (a hash chain), so
/// a row changed, removed or inserted outside HepDesk is found by verifyRecords().
class AuditLog {
public:
    virtual ~AuditLog() = default;
    struct Query {
        std::string entity;   ///< empty: any
        std::string entityId; ///< empty: any
        int limit = 1000;
    };
    /// Appends `entry` (its id and, when empty, its time are assigned here).
    virtual Result<std::int64_t> append(AuditEntry entry) = 0;
    /// Newest first.
    virtual Result<std::vector<AuditEntry>> list(const Query& query) = 0;
};

/// AuditLog on a HepDesk SQLite database; repositories write through record() inside their
/// own transactions, so a change and its audit line commit or vanish together.
class SqliteAuditLog final : public AuditLog {
public:
    explicit SqliteAuditLog(Database& db) : db_(db) {}
    Result<std::int64_t> append(AuditEntry entry) override;
    Result<std::vector<AuditEntry>> list(const Query& query) override;

    /// Appends a line naming db.actor() and the current time (Clock::current()).
    static Status record(Database& db, std::string_view action, std::string_view entity,
                         std::int64_t entityId, std::string_view detail = {});
    /// Runs `insert` (an INSERT of one `entity` row) and records `action` for the new row, in
    /// one transaction; the new row's id.
    static Result<std::int64_t> insertRecorded(Database& db, Statement& insert,
                                               std::string_view action, std::string_view entity);
    /// record() for a record whose id is text (a custom exercise).
    static Status record(Database& db, std::string_view action, std::string_view entity,
                         std::string_view entityId, std::string_view detail = {});

private:
    Database& db_;
};

} // namespace hepdesk::db
