#include "hepdesk/db/Database.h"

#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Migrations.h"
#include "hepdesk/db/SchemaCheck.h"
#include "hepdesk/db/SearchKey.h"

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace hepdesk::db {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

/// Reads the first 16 bytes before SQLite touches the file, so a foreign file is refused
/// without any journal or WAL file being created beside it. True when the file is empty.
Result<bool> checkHeader(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error::io("cannot read database '" + path.string() + "': " + std::strerror(errno));
    }
    std::array<char, 16> head{};
    in.read(head.data(), head.size());
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) {
        return true; // an empty file is an empty database
    }
    if (n < head.size() || std::string_view(head.data(), head.size()) != kSqliteMagic) {
        return Error::invalid("'" + path.string() +
                              "' is not a HepDesk database (not an SQLite file); it was left "
                              "untouched");
    }
    return false;
}

/// Creates an empty file readable by the owner only; SQLite gives its -wal and -shm files
/// the same permissions.
Status createPrivateFile(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error::io("cannot create database '" + path.string() + "': " + std::strerror(errno));
    }
    ::close(fd);
    return {};
}

/// An existing empty file about to become a database gets the permissions of one HepDesk
/// creates (0600), before SQLite creates its -wal and -shm files from them.
Status makePrivate(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return Error::io("cannot open database '" + path.string() + "': " + std::strerror(errno));
    }
    const int rc = ::fchmod(fd, 0600);
    const int saved = errno;
    ::close(fd);
    if (rc != 0) {
        return Error::io("cannot make database '" + path.string() +
                         "' private (chmod 600): " + std::strerror(saved));
    }
    return {};
}

} // namespace

int Database::latestSchemaVersion() {
    return migrations().back().version;
}

Result<Database> Database::open(const fs::path& path, Options options) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec); // follows a symbolic link
    if (ec && status.type() != fs::file_type::not_found) {
        return Error::io("cannot open database '" + path.string() + "': " + ec.message());
    }
    if (!fs::exists(status)) {
        if (!options.create) {
            return Error::notFound("database '" + path.string() + "' does not exist");
        }
        const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
        if (!fs::is_directory(dir, ec)) {
            return Error::invalid("cannot create database '" + path.string() + "': folder '" +
                                  dir.string() + "' does not exist");
        }
        if (auto s = createPrivateFile(path); !s) {
            return s.error();
        }
    } else if (fs::is_directory(status)) {
        return Error::invalid("'" + path.string() + "' is a folder, not a database file");
    } else if (!fs::is_regular_file(status)) {
        // A device, pipe or socket: SQLite would hang on a pipe or create "/dev/null-journal".
        return Error::invalid("'" + path.string() +
                              "' is not a regular file (a device, pipe or socket), so it cannot "
                              "be a database; it was left untouched");
    } else if (auto e = checkHeader(path); !e) {
        return e.error();
    } else if (*e) {
        if (!options.create) {
            return Error::notFound("database '" + path.string() +
                                   "' does not exist (the file is empty)");
        }
        if (auto s = makePrivate(path); !s) {
            return s.error();
        }
    }

    auto conn = Connection::open(path, Connection::Mode::ReadWrite);
    if (!conn) {
        return conn.error();
    }
    Connection& c = *conn;

    // Identify the file before changing anything in it: every check below only reads, and a
    // refusal leaves the file as it was, byte for byte.
    auto appId = c.queryInt("PRAGMA application_id");
    if (!appId) {
        return appId.error(); // a truncated or garbled file says it is damaged
    }
    auto version = c.queryInt("PRAGMA user_version");
    if (!version) {
        return version.error();
    }
    auto tables = c.queryInt("SELECT count(*) FROM sqlite_schema");
    if (!tables) {
        return tables.error();
    }
    const bool fresh = *appId == 0 && *version == 0 && *tables == 0;
    if (!fresh && *appId != kApplicationId) {
        return Error::invalid("'" + path.string() +
                              "' is an SQLite database of another program, not HepDesk; it was "
                              "left untouched");
    }
    if (*version > latestSchemaVersion()) {
        return Error::invalid("'" + path.string() + "' was written by a newer HepDesk (schema " +
                              std::to_string(*version) + "; this version reads up to " +
                              std::to_string(latestSchemaVersion()) + "); it was left untouched");
    }
    if (*version < 0) {
        return Error::database("database '" + path.string() +
                               "' has an impossible schema version (" + std::to_string(*version) +
                               ") and was left untouched" + kDamagedAdvice);
    }
    if (fresh && !options.create) {
        return Error::notFound("database '" + path.string() +
                               "' does not exist (the file holds no database)");
    }

    if (auto s = registerSearchKeyFunction(c); !s) {
        return s.error();
    }
    // foreign_keys must be set outside any transaction, on every connection (busy_timeout is
    // set by Connection::open, before the first statement).
    if (auto s = c.exec("PRAGMA foreign_keys = ON"); !s) {
        return s.error();
    }
    // Check before switching the journal mode: a damaged file is reported, never written.
    if (!fresh && options.quickCheck) {
        auto check = c.queryText("PRAGMA quick_check");
        if (!check || *check != "ok") {
            return Error::database(
                "database '" + path.string() +
                "' is damaged (quick_check: " + (check ? *check : check.error().message) +
                "); it was left untouched: restore it from a backup ('hepdesk-cli db restore')");
        }
        auto differences = schemaDifferences(c, static_cast<int>(*version));
        if (!differences) {
            return differences.error();
        }
        if (!differences->empty()) {
            std::string list;
            for (const std::string& d : *differences) {
                list.append(list.empty() ? "" : "; ").append(d);
            }
            return Error::database("database '" + path.string() +
                                   "' was changed outside HepDesk (" + list +
                                   "); it was left untouched: restore it from a backup "
                                   "('hepdesk-cli db restore')");
        }
    }
    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"}) {
        if (auto s = c.exec(pragma); !s) {
            return s.error();
        }
    }
    if (fresh) {
        if (auto s = c.exec("PRAGMA application_id = " + std::to_string(kApplicationId)); !s) {
            return s.error();
        }
    }
    if (options.migrate || fresh) {
        if (auto s = db::migrate(c, options.targetVersion); !s) {
            return s.error();
        }
    }
    auto finalVersion = c.queryInt("PRAGMA user_version");
    if (!finalVersion) {
        return finalVersion.error();
    }
    return Database(std::move(c), static_cast<int>(*finalVersion));
}

namespace {
/// Until clinicians authenticate, the audit log names the operating-system user as the
/// system knows it ($USER is whatever the caller set, newlines included).
std::string defaultActor() {
    return operatingSystemUser();
}
} // namespace

Database::Database(Connection c, int version)
    : conn_(std::move(c)), schemaVersion_(version), actor_(defaultActor()) {}

Status Database::migrate(int target) {
    if (auto s = db::migrate(conn_, target); !s) {
        return s;
    }
    auto v = conn_.queryInt("PRAGMA user_version");
    if (!v) {
        return v.error();
    }
    schemaVersion_ = static_cast<int>(*v);
    return {};
}

namespace {
Result<std::vector<std::string>> runCheck(Connection& conn, const char* pragma) {
    std::vector<std::string> problems;
    if (auto s = Statement::on(conn, pragma).forEachRow([&](const Statement& st) {
            if (std::string line = st.columnText(0); line != "ok") {
                problems.push_back(std::move(line));
            }
        });
        !s) {
        return s.error();
    }
    return problems;
}
} // namespace

Result<std::vector<std::string>> Database::integrityCheck() {
    return runCheck(conn_, "PRAGMA integrity_check");
}

Result<std::vector<std::string>> Database::quickCheck() {
    return runCheck(conn_, "PRAGMA quick_check");
}

Result<std::vector<std::string>> Database::schemaCheck() {
    return schemaDifferences(conn_, schemaVersion_);
}

Result<std::vector<std::string>> Database::foreignKeyCheck() {
    return foreignKeyProblems(conn_);
}

} // namespace hepdesk::db
