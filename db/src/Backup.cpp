#include "hepdesk/db/Backup.h"

#include "BackupRotation.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/SchemaCheck.h"
#include "hepdesk/db/Sqlite.h"
#include "hepdesk/db/TamperCheck.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace hepdesk::db {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPrefix = "hepdesk-";
constexpr std::string_view kSuffix = ".sqlite";

} // namespace

namespace backup_detail {

Status createPrivateFile(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error::io("cannot create '" + path.string() + "': " + std::strerror(errno));
    }
    ::close(fd);
    return {};
}

Status fsyncPath(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0) {
        return Error::io("cannot open '" + path.string() + "' to sync it: " + std::strerror(errno));
    }
    const int rc = ::fsync(fd);
    const int saved = errno;
    ::close(fd);
    if (rc != 0) {
        return Error::io("cannot sync '" + path.string() + "' to disk: " + std::strerror(saved));
    }
    return {};
}

} // namespace backup_detail

using backup_detail::createPrivateFile;
using backup_detail::fsyncPath;

namespace {

fs::path folderOf(const fs::path& p) {
    return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

void removeQuietly(const fs::path& p) {
    std::error_code ec;
    fs::remove(p, ec);
    fs::remove(fs::path(p.string() + "-journal"), ec);
    fs::remove(fs::path(p.string() + "-wal"), ec);
    fs::remove(fs::path(p.string() + "-shm"), ec);
}

/// Copies the open database `src` into a new private file `tmp` with the backup API, turns
/// the copy into a self-contained rollback-journal file (no -wal needed to read it), checks
/// it and syncs it to disk. On failure `tmp` is removed.
Status copyInto(Connection& src, const fs::path& tmp) {
    if (auto s = createPrivateFile(tmp); !s) {
        return s;
    }
    auto result = [&]() -> Status {
        auto dest = Connection::open(tmp, Connection::Mode::ReadWrite);
        if (!dest) {
            return dest.error();
        }
        if (auto s = src.copyTo(*dest, "backup to '" + tmp.string() + "'"); !s) {
            return s;
        }
        if (auto s = dest->exec("PRAGMA journal_mode = DELETE"); !s) {
            return s;
        }
        auto check = dest->queryText("PRAGMA integrity_check");
        if (!check) {
            return check.error();
        }
        if (*check != "ok") {
            return Error::database("the copy in '" + tmp.string() +
                                   "' failed its integrity check: " + *check);
        }
        return {};
    }();
    if (result) {
        result = fsyncPath(tmp, false);
    }
    if (!result) {
        removeQuietly(tmp);
    }
    return result;
}

std::string stamp(std::chrono::system_clock::time_point t) {
    std::string s = isoDateTime(t); // 2026-11-22T01:02:03Z
    s.erase(std::remove(s.begin(), s.end(), ':'), s.end());
    return s; // 2026-11-22T010203Z
}

/// Exactly the names writeIfDue writes, "hepdesk-YYYY-MM-DDTHHMMSSZ" and `suffix` (".sqlite",
/// or ".dump" for a clinic server): rotation deletes nothing else (not "hepdesk-clinic.sqlite",
/// not a -wal or -shm file, not a ".partial").
bool isBackupName(std::string_view name, std::string_view suffix) {
    constexpr std::string_view kShape = "hepdesk-DDDD-DD-DDTDDDDDDZ";
    if (name.size() != kShape.size() + suffix.size() || !name.ends_with(suffix)) {
        return false;
    }
    for (std::size_t i = 0; i < kShape.size(); ++i) {
        const bool digit = name[i] >= '0' && name[i] <= '9';
        if (kShape[i] == 'D' ? !digit : name[i] != kShape[i]) {
            return false;
        }
    }
    return true;
}

/// Whether `p` is the very file `db` has open (same device and inode, whatever the name).
bool isDatabaseFile(const fs::path& p, const fs::path& db) {
    std::error_code ec;
    return fs::equivalent(p, db, ec) && !ec;
}

/// Whether some other process holds a lock on `len` bytes at `offset` of `file`.
bool lockedByOther(const fs::path& file, off_t offset, off_t len) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    struct flock fl {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = offset;
    fl.l_len = len;
    const bool locked = ::fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
    // Closing a descriptor drops this process's own POSIX locks on the file, which would break
    // a connection of ours to it; F_GETLK only reports *other* processes' locks, and callers
    // never call this on a file they have open (restore refuses that case by contract).
    ::close(fd);
    return locked;
}

} // namespace

bool Backup::isOpenElsewhere(const fs::path& file) {
    // SQLite's unix VFS: every connection to a WAL database holds a shared lock on byte 128 of
    // the -shm file (the "DMS" slot); a rollback-journal connection locks bytes from 1 GiB on
    // in the database file while reading or writing.
    const fs::path shm = file.string() + "-shm";
    std::error_code ec;
    if (fs::exists(shm, ec) && lockedByOther(shm, 128, 1)) {
        return true;
    }
    return lockedByOther(file, 0x40000000, 512);
}

Status Backup::write(Database& db, const fs::path& target) {
    std::error_code ec;
    if (fs::exists(target, ec)) {
        return Error::invalid("backup target '" + target.string() +
                              "' already exists; choose a new file name");
    }
    const fs::path dir = folderOf(target);
    if (!fs::is_directory(dir, ec)) {
        return Error::invalid("cannot write backup '" + target.string() + "': folder '" +
                              dir.string() + "' does not exist");
    }
    const fs::path tmp = target.string() + ".partial";
    removeQuietly(tmp); // leftover of an interrupted backup: never a finished one
    if (auto s = copyInto(db.connection(), tmp); !s) {
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
    return fsyncPath(dir, true);
}

namespace backup_detail {

Result<std::vector<fs::path>> listBackups(const fs::path& folder, std::string_view suffix) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        return out;
    }
    for (const auto& e : fs::directory_iterator(folder, ec)) {
        if (e.is_regular_file(ec) && isBackupName(e.path().filename().string(), suffix)) {
            out.push_back(e.path());
        }
    }
    if (ec) {
        return Error::io("cannot list backups in '" + folder.string() + "': " + ec.message());
    }
    // The names carry a sortable UTC time stamp.
    std::sort(out.begin(), out.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
    return out;
}

Result<std::optional<fs::path>> rotateDaily(const fs::path& folder, int keep, const Clock& clock,
                                            std::string_view suffix,
                                            const std::function<bool(const fs::path&)>& isLive,
                                            const std::function<Status(const fs::path&)>& write) {
    if (keep < 1) {
        return Error::invalid("the number of backups to keep must be at least 1, got " +
                              std::to_string(keep));
    }
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        fs::create_directories(folder, ec);
        if (ec) {
            return Error::io("cannot create backup folder '" + folder.string() +
                             "': " + ec.message());
        }
        fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, ec);
    }
    const auto now = clock.now();
    const std::string today = std::string(kPrefix) + isoDate(now);
    auto found = listBackups(folder, suffix);
    if (!found) {
        return found.error();
    }
    // The backup folder may be the database's own: the open database never counts as a
    // backup, and is never deleted, whatever its name.
    std::vector<fs::path> existing;
    for (fs::path& p : *found) {
        if (!isLive(p)) {
            existing.push_back(std::move(p));
        }
    }
    for (const fs::path& p : existing) {
        if (p.filename().string().starts_with(today)) {
            return std::optional<fs::path>();
        }
    }
    const fs::path target = folder / (std::string(kPrefix) + stamp(now) + std::string(suffix));
    if (auto s = write(target); !s) {
        return s.error();
    }
    existing.push_back(target);
    const auto excess = static_cast<std::ptrdiff_t>(existing.size()) - keep;
    for (std::ptrdiff_t i = 0; i < excess; ++i) {
        const fs::path& old = existing.at(static_cast<std::size_t>(i));
        if (isBackupName(old.filename().string(), suffix) && !isLive(old)) {
            fs::remove(old, ec);
        }
    }
    return std::optional<fs::path>(target);
}

} // namespace backup_detail

using backup_detail::listBackups;
using backup_detail::rotateDaily;

Result<std::vector<fs::path>> Backup::list(const fs::path& folder) {
    return listBackups(folder, kSuffix);
}

Result<std::optional<fs::path>> Backup::writeIfDue(Database& db, const fs::path& folder, int keep,
                                                   const Clock& clock) {
    return rotateDaily(
        folder, keep, clock, kSuffix,
        [&](const fs::path& p) { return isDatabaseFile(p, db.path()); },
        [&](const fs::path& target) { return write(db, target); });
}

std::string Backup::folderExposure(const fs::path& folder) {
    std::error_code ec;
    const auto perms = fs::status(folder, ec).permissions();
    if (ec || (perms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none) {
        return {};
    }
    return "backup folder '" + folder.string() +
           "' can be listed by other users of this computer (each backup is readable by you "
           "only); 'chmod 700' it to hide the backups' names too";
}

Status Backup::verify(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
        return Error::notFound("backup '" + file.string() + "' does not exist");
    }
    auto conn = Connection::open(file, Connection::Mode::ReadOnly);
    if (!conn) {
        return Error::invalid("backup '" + file.string() +
                              "' cannot be opened: " + conn.error().message);
    }
    auto appId = conn->queryInt("PRAGMA application_id");
    if (!appId) {
        return Error::invalid("backup '" + file.string() +
                              "' is damaged or not a HepDesk database: " + appId.error().message);
    }
    if (*appId != Database::kApplicationId) {
        return Error::invalid("backup '" + file.string() + "' is not a HepDesk database");
    }
    auto version = conn->queryInt("PRAGMA user_version");
    if (!version) {
        return Error::invalid("backup '" + file.string() +
                              "' is damaged: " + version.error().message);
    }
    if (*version < 1 || *version > Database::latestSchemaVersion()) {
        return Error::invalid("backup '" + file.string() + "' has schema " +
                              std::to_string(*version) + "; this HepDesk reads 1 to " +
                              std::to_string(Database::latestSchemaVersion()));
    }
    auto check = conn->queryText("PRAGMA integrity_check");
    if (!check || *check != "ok") {
        return Error::invalid("backup '" + file.string() + "' is damaged (integrity_check: " +
                              (check ? *check : check.error().message) +
                              "); choose another backup");
    }
    // A sound file may still have been changed outside HepDesk: a trigger that guards signed
    // sessions dropped, one that rewrites findings added, records orphaned.
    for (auto problems :
         {schemaDifferences(*conn, static_cast<int>(*version)), foreignKeyProblems(*conn),
          verifyRecords(*conn, static_cast<int>(*version))}) {
        if (!problems) {
            return Error::invalid("backup '" + file.string() +
                                  "' cannot be checked: " + problems.error().message);
        }
        if (!problems->empty()) {
            std::string list;
            for (const std::string& p : *problems) {
                list.append(list.empty() ? "" : "; ").append(p);
            }
            return Error::invalid("backup '" + file.string() + "' was changed outside HepDesk (" +
                                  list + "); choose another backup");
        }
    }
    return {};
}

Result<fs::path> Backup::restore(const fs::path& backup, const fs::path& target) {
    if (auto s = verify(backup); !s) {
        return s.error();
    }
    std::error_code ec;
    if (fs::exists(target, ec) && fs::equivalent(backup, target, ec)) {
        return Error::invalid("cannot restore '" + target.string() + "' from itself");
    }
    const fs::path dir = folderOf(target);
    if (!fs::is_directory(dir, ec)) {
        return Error::invalid("cannot restore to '" + target.string() + "': folder '" +
                              dir.string() + "' does not exist");
    }
    const bool hadTarget = fs::exists(target, ec);
    if (hadTarget && isOpenElsewhere(target)) {
        return Error::refused("database '" + target.string() +
                              "' is open in another program (HepDesk?); close it, then restore");
    }
    const fs::path tmp = target.string() + ".restoring";
    removeQuietly(tmp);
    {
        auto src = Connection::open(backup, Connection::Mode::ReadOnly);
        if (!src) {
            return src.error();
        }
        if (auto s = copyInto(*src, tmp); !s) {
            return s.error();
        }
    }
    fs::path kept;
    if (hadTarget) {
        const std::string base =
            target.string() + ".before-restore-" + stamp(Clock::current().now());
        kept = base;
        for (int n = 2; fs::exists(kept, ec) || fs::exists(kept.string() + "-wal", ec); ++n) {
            kept = base + "-" + std::to_string(n);
        }
        // A hard link keeps the old file whole under the new name while `target` is replaced
        // below in one rename; its -wal moves along so the kept copy stays complete.
        fs::create_hard_link(target, kept, ec);
        if (ec) {
            removeQuietly(tmp);
            return Error::io("cannot keep the current database as '" + kept.string() +
                             "': " + ec.message());
        }
        const fs::path wal = target.string() + "-wal";
        if (fs::exists(wal, ec)) {
            fs::rename(wal, kept.string() + "-wal", ec);
            if (ec) {
                removeQuietly(tmp);
                fs::remove(kept, ec);
                return Error::io("cannot move '" + wal.string() + "' aside: " + ec.message());
            }
        }
        fs::remove(target.string() + "-shm", ec);
        fs::remove(target.string() + "-journal", ec);
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        removeQuietly(tmp);
        return Error::io("cannot put the restored database in place at '" + target.string() +
                         "': " + ec.message());
    }
    if (auto s = fsyncPath(dir, true); !s) {
        return s.error();
    }
    return kept;
}

} // namespace hepdesk::db
