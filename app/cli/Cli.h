#pragma once

#include "hepdesk/core/Error.h"

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk::db {
class Database;
class Store;
} // namespace hepdesk::db

namespace hepdesk::cli {

/// Process exit codes of hepdesk-cli (documented in --help and the README).
enum ExitCode : int {
    kOk = 0,
    kFailure = 1, ///< the operation failed (disk, database: full, locked, damaged, read-only)
    kUsage = 2,   ///< bad command line or bad input file
    kRefused = 3, ///< a safety rule refused the operation
};

enum class Format { Text, Json };

/// What every command gets: the global options and where to write.
struct Context {
    std::optional<std::filesystem::path> dbPath; ///< --db, if given and a file
    Format format = Format::Text;
    std::ostream& out;
    std::ostream& err;
    bool formatGiven = false; ///< --format was on the command line (assess defaults to JSON)
    /// --db, if given and a clinic server (a postgresql:// URI or libpq key=value string).
    std::optional<std::string> server;

    /// Opens (creating if needed) the database named by --db, or the default one: for
    /// commands that write records.
    Result<db::Database> openDatabase() const;
    /// Opens the database named by --db, or the default one, only if it exists (NotFound
    /// "database 'X' does not exist" otherwise): for commands that only read, so a mistyped
    /// --db never leaves an empty database behind.
    Result<db::Database> openExistingDatabase() const;
    /// The repositories of --db, a file (as openDatabase, or openExistingDatabase when
    /// `readsOnly`) or a clinic server (schema brought up to date when the login may).
    Result<std::unique_ptr<db::Store>> openStore(bool readsOnly) const;
    /// The file named by --db, or the default one (not opened, not created); an error when
    /// there is no --db and no HOME or XDG_DATA_HOME to find the default one.
    [[nodiscard]] Result<std::filesystem::path> databasePath() const;
    /// Prints "hepdesk-cli: <message>" to err and returns the exit code fitting its kind.
    int fail(const Error& error) const;
    int usage(std::string_view message) const;
};

using Args = std::span<const std::string>;
using CommandFn = std::function<int(Context&, Args)>;

struct Command {
    std::string_view name;
    std::string_view synopsis; ///< one line for --help
    CommandFn run;
};

/// The default database file: $XDG_DATA_HOME/HepDesk/hepdesk.sqlite, else
/// $HOME/.local/share/HepDesk/hepdesk.sqlite (the GUI's location); an error (InvalidInput)
/// when neither variable is set, never a folder relative to the current one.
Result<std::filesystem::path> defaultDatabasePath();

/// Every top-level command; each lives in its own Cmd*.cpp file.
std::span<const Command> commands();

int runDb(Context& ctx, Args args);
int runAssess(Context& ctx, Args args);
int runCatalog(Context& ctx, Args args);
int runPatient(Context& ctx, Args args);
int runSession(Context& ctx, Args args);
int runClinician(Context& ctx, Args args);
int runClinic(Context& ctx, Args args);
int runHandout(Context& ctx, Args args);
int runProtocol(Context& ctx, Args args);

/// The whole program, with its streams injected (tests call it directly).
int run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

} // namespace hepdesk::cli
