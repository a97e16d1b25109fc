#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/db/Sqlite.h"

#include <filesystem>
#include <string>
#include <vector>

namespace hepdesk::db {

/// A HepDesk database file: one connection with HepDesk's settings, schema brought up to date.
///
/// Opening never damages a file it does not understand: a file that is not SQLite, a SQLite
/// file of another application, or one written by a newer HepDesk is refused untouched.
class Database {
public:
    /// SQLite header field identifying HepDesk files ("HEPD").
    static constexpr std::int32_t kApplicationId = 0x48455044;
    /// The schema version this build writes (PRAGMA user_version).
    static int latestSchemaVersion();

    struct Options {
        bool create = true;  ///< create the file if missing (never its folder)
        bool migrate = true; ///< bring an older schema up to date
        /// Run PRAGMA quick_check before use (off only for `db check`, which runs the full
        /// integrity_check itself and must be able to report on a damaged file).
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
