#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/db/Sqlite.h"

#include <filesystem>

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
    };

    static Result<Database> open(const std::filesystem::path& path, Options options);
    static Result<Database> open(const std::filesystem::path& path) { return open(path, {}); }

    [[nodiscard]] int schemaVersion() const { return schemaVersion_; }
    [[nodiscard]] const std::filesystem::path& path() const { return conn_.path(); }
    Connection& connection() { return conn_; }

private:
    Database(Connection c, int version) : conn_(std::move(c)), schemaVersion_(version) {}
    Connection conn_;
    int schemaVersion_ = 0;
};

} // namespace hepdesk::db
