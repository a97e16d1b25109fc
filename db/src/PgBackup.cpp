// Backups of a clinic server: PostgreSQL's pg_dump (custom format) with the daily rotation of
// database files (BackupRotation.h).

#include "BackupRotation.h"
#include "hepdesk/db/Backup.h"
#include "hepdesk/db/Pg.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <libpq-fe.h>
#include <memory>
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ; // NOLINT: POSIX

namespace hepdesk::db {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kDumpSuffix = ".dump";
/// What pg_dump says on standard error, quoted in a message at most this long.
constexpr std::size_t kMaxQuoted = 1500;

/// `conninfo` split for pg_dump: everything but the password as a key=value string (for its
/// command line), the password apart (for its environment), and "server HOST:PORT/DB".
struct SplitConninfo {
    std::string withoutPassword;
    std::optional<std::string> password;
    std::string label;
};

Result<SplitConninfo> split(std::string_view conninfo) {
    char* err = nullptr;
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> opts(
        PQconninfoParse(std::string(conninfo).c_str(), &err), &PQconninfoFree);
    if (!opts) {
        std::string why = err != nullptr ? err : "not a connection string";
        if (err != nullptr) {
            PQfreemem(err);
        }
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) {
            why.pop_back();
        }
        return Error::invalid("cannot read the server's connection string: " + why);
    }
    SplitConninfo out;
    std::string host = "localhost";
    std::string port = "5432";
    std::string dbname;
    for (const PQconninfoOption* o = opts.get(); o->keyword != nullptr; ++o) {
        if (o->val == nullptr || *o->val == '\0') {
            continue;
        }
        const std::string_view key = o->keyword;
        if (key == "password") {
            out.password = o->val;
            continue;
        }
        if (key == "host" || key == "hostaddr") {
            host = o->val;
        } else if (key == "port") {
            port = o->val;
        } else if (key == "dbname") {
            dbname = o->val;
        }
        out.withoutPassword += std::string(key) + "=" + conninfoQuoted(o->val) + " ";
    }
    if (!out.withoutPassword.empty()) {
        out.withoutPassword.pop_back();
    }
    out.label = "server " + host + ":" + port + "/" + dbname;
    return out;
}

bool isExecutable(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

/// The last `kMaxQuoted` characters of `text` on one line, trimmed.
std::string quoteOutput(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
    while (!text.empty() && text.back() == ' ') {
        text.pop_back();
    }
    if (text.size() > kMaxQuoted) {
        text = "..." + text.substr(text.size() - kMaxQuoted);
    }
    return text;
}

/// Runs `program` with `args`, standard input and output on /dev/null, with `extraEnv`
/// ("NAME=value") added to this process's environment. Its exit status (or 128 + signal) and
/// what it wrote on standard error.
Result<std::pair<int, std::string>> runProgram(const fs::path& program,
                                               const std::vector<std::string>& args,
                                               const std::vector<std::string>& extraEnv) {
    int errPipe[2];
    if (::pipe2(errPipe, O_CLOEXEC) != 0) {
        return Error::io(std::string("cannot start ") + program.string() + ": " +
                         std::strerror(errno));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);

    std::vector<std::string> names;
    for (const std::string& e : extraEnv) {
        names.push_back(e.substr(0, e.find('=') + 1));
    }
    std::vector<char*> env;
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
        const std::string_view entry(*e);
        // The caller's value wins over one inherited (e.g. a stale PGPASSWORD).
        if (std::none_of(names.begin(), names.end(),
                         [&](const std::string& n) { return entry.starts_with(n); })) {
            env.push_back(*e);
        }
    }
    for (const std::string& e : extraEnv) {
        env.push_back(const_cast<char*>(e.c_str())); // NOLINT: the POSIX interface
    }
    env.push_back(nullptr);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str())); // NOLINT
    for (const std::string& a : args) {
        argv.push_back(const_cast<char*>(a.c_str())); // NOLINT
    }
    argv.push_back(nullptr);

    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(errPipe[1]);
    if (rc != 0) {
        ::close(errPipe[0]);
        return Error::io("cannot start " + program.string() + ": " + std::strerror(rc));
    }
    std::string err;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(errPipe[0], buf, sizeof buf);
        if (n > 0) {
            err.append(buf, static_cast<std::size_t>(n));
            if (err.size() > 4 * kMaxQuoted) {
                err.erase(0, err.size() - 2 * kMaxQuoted);
            }
        } else if (n == 0 || errno != EINTR) {
            break;
        }
    }
    ::close(errPipe[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            return Error::io("cannot wait for " + program.string() + ": " + std::strerror(errno));
        }
    }
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return std::make_pair(code, std::move(err));
}

void removeQuietly(const fs::path& p) {
    std::error_code ec;
    fs::remove(p, ec);
}

} // namespace

Result<fs::path> Backup::findPgDump() {
    if (const char* named = std::getenv("HEPDESK_PG_DUMP"); named != nullptr && *named != '\0') {
        if (!isExecutable(named)) {
            return Error::io(std::string("pg_dump was not found at '") + named +
                             "' (named by HEPDESK_PG_DUMP)");
        }
        return fs::path(named);
    }
    if (const char* path = std::getenv("PATH"); path != nullptr) {
        std::string_view rest(path);
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            const std::string_view dir = rest.substr(0, colon);
            rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
            if (!dir.empty() && isExecutable(fs::path(dir) / "pg_dump")) {
                return fs::path(dir) / "pg_dump";
            }
        }
    }
    // Debian keeps each version's programs apart; the newest reads every older server.
    std::optional<std::pair<int, fs::path>> newest;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
        const std::string name = e.path().filename().string();
        const fs::path candidate = e.path() / "bin" / "pg_dump";
        if (!name.empty() && std::all_of(name.begin(), name.end(), ::isdigit) &&
            isExecutable(candidate)) {
            const int version = std::atoi(name.c_str());
            if (!newest || version > newest->first) {
                newest = {version, candidate};
            }
        }
    }
    if (newest) {
        return newest->second;
    }
    return Error::io("pg_dump, PostgreSQL's backup program, was not found (not on PATH nor in "
                     "/usr/lib/postgresql/N/bin): install the PostgreSQL client (Debian: 'apt "
                     "install postgresql-client-15'), name it with HEPDESK_PG_DUMP, or back up "
                     "on the server with 'pg_dump --format=custom --file=hepdesk.dump DBNAME'");
}

Status Backup::writeServer(std::string_view conninfo, const fs::path& target) {
    std::error_code ec;
    if (fs::exists(target, ec)) {
        return Error::invalid("backup target '" + target.string() +
                              "' already exists; choose a new file name");
    }
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec)) {
        return Error::invalid("cannot write backup '" + target.string() + "': folder '" +
                              dir.string() + "' does not exist");
    }
    auto server = split(conninfo);
    if (!server) {
        return server.error();
    }
    auto pgDump = findPgDump();
    if (!pgDump) {
        return pgDump.error();
    }
    const fs::path tmp = target.string() + ".partial";
    removeQuietly(tmp); // leftover of an interrupted backup: never a finished one
    // Created owner-only first: pg_dump writes into it and keeps its permissions.
    if (auto s = backup_detail::createPrivateFile(tmp); !s) {
        return s;
    }
    std::vector<std::string> env;
    if (server->password) {
        env.push_back("PGPASSWORD=" + *server->password);
    }
    auto ran = runProgram(*pgDump,
                          {"--format=custom", "--no-password", "--file=" + tmp.string(),
                           "--dbname=" + server->withoutPassword},
                          env);
    if (!ran) {
        removeQuietly(tmp);
        return ran.error();
    }
    if (ran->first != 0) {
        removeQuietly(tmp);
        std::string why = quoteOutput(ran->second);
        if (server->password) { // never echoed, should a program ever print it
            for (auto at = why.find(*server->password);
                 at != std::string::npos && !server->password->empty();
                 at = why.find(*server->password)) {
                why.replace(at, server->password->size(), "***");
            }
        }
        return Error::io("pg_dump (" + pgDump->string() + ") could not back up " + server->label +
                         " (exit status " + std::to_string(ran->first) +
                         "): " + (why.empty() ? "it gave no reason" : why));
    }
    // A custom-format archive starts with "PGDMP"; anything else is not a backup.
    char magic[5] = {};
    {
        const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
        const ssize_t n = fd < 0 ? -1 : ::read(fd, magic, sizeof magic);
        if (fd >= 0) {
            ::close(fd);
        }
        if (n != static_cast<ssize_t>(sizeof magic) ||
            std::string_view(magic, sizeof magic) != "PGDMP") {
            removeQuietly(tmp);
            return Error::io("pg_dump (" + pgDump->string() +
                             ") wrote no custom-format archive "
                             "for " +
                             server->label);
        }
    }
    if (auto s = backup_detail::fsyncPath(tmp, false); !s) {
        removeQuietly(tmp);
        return s;
    }
    if (fs::exists(target, ec)) {
        removeQuietly(tmp);
        return Error::invalid("backup target '" + target.string() + "' appeared meanwhile");
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        removeQuietly(tmp);
        return Error::io("cannot name backup '" + target.string() + "': " + ec.message());
    }
    return backup_detail::fsyncPath(dir, true);
}

Result<std::optional<fs::path>> Backup::writeServerIfDue(std::string_view conninfo,
                                                         const fs::path& folder, int keep,
                                                         const Clock& clock) {
    return backup_detail::rotateDaily(
        folder, keep, clock, kDumpSuffix, [](const fs::path&) { return false; },
        [&](const fs::path& target) { return writeServer(conninfo, target); });
}

Result<std::vector<fs::path>> Backup::listServer(const fs::path& folder) {
    return backup_detail::listBackups(folder, kDumpSuffix);
}

} // namespace hepdesk::db
