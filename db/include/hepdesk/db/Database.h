#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/db/Sqlite.h"

#include <filesystem>
#include <string>
#include <vector>

namespace hepdesk::db {

/// A HepDesk database file: one connection with HepDesk's settings, schema brought up to date.
///
/// Opening never damages a file it does not understand: anything but a regular file (or a
/// missing one, when creating), a file that is not SQLite, a SQLite file of another
/// application, one written by a newer HepDesk, one with an impossible schema version, a
/// damaged one and one whose schema was changed outside HepDesk are refused untouched (not
/// one byte written).
class Database {
public:
    /// SQLite header field identifying HepDesk files ("HEPD").
    static constexpr std::int32_t kApplicationId = 0x48455044;
    /// The schema version this build writes (PRAGMA user_version).
    static int latestSchemaVersion();

    struct Options {
        /// Create the file if missing (never its folder), or make an empty file a database.
        /// Without it a missing or empty file is NotFound ("database 'X' does not exist").
        bool create = true;
        bool migrate = true; ///< bring an older schema up to date
        /// Check the file before use: PRAGMA quick_check, and the schema compared with
        /// HepDesk's (schemaCheck()). Off for `db check`, which runs the full checks itself
        /// and must be able to report on a damaged file, and for the app, which runs them on
        /// a worker thread (BackupRunner) and turns its window read-only when they fail.
        bool quickCheck = true;
        /// Schema version to migrate to; -1 for the latest (tests build older files).
        int targetVersion = -1;
    };

    static Result<Database> open(const std::filesystem::path& path, Options options);
    static Result<Database> open(const std::filesystem::path& path) { return open(path, {}); }

    [[nodiscard]] int schemaVersion() const { return schemaVersion_; }
    [[nodiscard]] const std::filesystem::path& path() const { return conn_.path(); }
    Connection& connection() { return conn_; }

    /// Brings the schema up to `target` (-1: latest); the running schemaVersion() follows.
    Status migrate(int target = -1);

    /// PRAGMA integrity_check: an empty list when the file is sound, else SQLite's findings.
    Result<std::vector<std::string>> integrityCheck();
    /// PRAGMA quick_check (what open runs unless Options::quickCheck is off): for a caller
    /// that opens without it to start sooner and checks on a worker of its own.
    Result<std::vector<std::string>> quickCheck();
    /// The schema compared with what this HepDesk builds for schemaVersion(): every table,
    /// index, trigger or view missing, added or changed outside HepDesk, one sentence each.
    Result<std::vector<std::string>> schemaCheck();
    /// PRAGMA foreign_key_check: every row that refers to a record that does not exist.
    Result<std::vector<std::string>> foreignKeyCheck();

    /// Who the audit log names for writes through this connection (a clinician's name or
    /// the operating-system user); set by the app or CLI after opening.
    void setActor(std::string actor) { actor_ = std::move(actor); }
    [[nodiscard]] const std::string& actor() const { return actor_; }

private:
    Database(Connection c, int version);
    Connection conn_;
    int schemaVersion_ = 0;
    std::string actor_;
};

} // namespace hepdesk::db
