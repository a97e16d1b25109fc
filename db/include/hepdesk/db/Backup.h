#pragma once

#include "hepdesk/core/Clock.h"
#include "hepdesk/core/Error.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk::db {

class Database;

/// Online backups of a HepDesk database and restore from them.
///
/// Copies go through SQLite's backup API (a consistent snapshot while the app keeps working),
/// never a file copy; every backup is checked with integrity_check before it gets its final
/// name, and files are created readable by the owner only.
class Backup {
public:
    /// Writes a backup of `db` to `target` (which must not exist yet).
    static Status write(Database& db, const std::filesystem::path& target);

    /// The app's daily backup: when `folder` has no backup from today (by `clock`, UTC), writes
    /// `hepdesk-YYYY-MM-DDTHHMMSSZ.sqlite` there and deletes the oldest beyond the newest
    /// `keep`. Returns the new file, or nothing when today's backup exists already.
    /// Rotation deletes only files whose whole name has exactly that shape, and never the
    /// database `db` has open (nor its -wal/-shm/-journal), so `folder` may be the database's
    /// own folder. A missing folder is created 0700.
    static Result<std::optional<std::filesystem::path>>
    writeIfDue(Database& db, const std::filesystem::path& folder, int keep, const Clock& clock);

    /// Backups written by writeIfDue in `folder` (names of exactly its shape), oldest first.
    static Result<std::vector<std::filesystem::path>> list(const std::filesystem::path& folder);

    /// A sentence for the user when other users may enter or list `folder` (HepDesk creates
    /// backup folders 0700 but leaves an existing folder's permissions alone); empty if not.
    static std::string folderExposure(const std::filesystem::path& folder);

    /// Checks that `file` is a sound HepDesk database: header, application id, schema version,
    /// a full integrity_check, its schema exactly HepDesk's for that version, and no record
    /// referring to a missing one. Never writes to it.
    static Status verify(const std::filesystem::path& file);

    /// Replaces the database at `target` with the content of `backup`, refusing a damaged
    /// backup and a target that another program has open. The previous file (and its WAL) is
    /// kept beside it as `<target>.before-restore-<time>`, whose path is returned (empty when
    /// there was no previous file). The new file takes its name in one atomic rename.
    static Result<std::filesystem::path> restore(const std::filesystem::path& backup,
                                                 const std::filesystem::path& target);

    /// True when another process has `file` open as an SQLite database (its locks are held).
    static bool isOpenElsewhere(const std::filesystem::path& file);

    // --- A clinic server (PostgreSQL) ---------------------------------------------------

    /// Writes a backup of the clinic server database `conninfo` (a postgresql:// URI or libpq
    /// key=value string) to `target` (which must not exist yet) with PostgreSQL's own tool:
    /// `pg_dump --format=custom`, into `<target>.partial` (owner-only), checked to be a
    /// custom-format archive, synced and renamed whole. A password in `conninfo` reaches
    /// pg_dump in its environment (PGPASSWORD), never on its command line nor on disk; without
    /// one libpq's ~/.pgpass and PG* variables apply, and pg_dump never prompts. The program is
    /// $HEPDESK_PG_DUMP when set, else `pg_dump` on PATH, else the newest
    /// /usr/lib/postgresql/N/bin/pg_dump. Io errors say when it is missing or quote why it failed.
    static Status writeServer(std::string_view conninfo, const std::filesystem::path& target);

    /// writeIfDue for a clinic server: `hepdesk-YYYY-MM-DDTHHMMSSZ.dump` in `folder` when it has
    /// none from today, keeping the newest `keep` (the same daily rotation, only those names).
    static Result<std::optional<std::filesystem::path>>
    writeServerIfDue(std::string_view conninfo, const std::filesystem::path& folder, int keep,
                     const Clock& clock);

    /// Server backups written by writeServerIfDue in `folder`, oldest first.
    static Result<std::vector<std::filesystem::path>>
    listServer(const std::filesystem::path& folder);

    /// The pg_dump writeServer runs, or an Io error saying how to install or name it.
    static Result<std::filesystem::path> findPgDump();
};

/// Same as Backup::writeIfDue, under the name the app uses at start-up.
inline Result<std::optional<std::filesystem::path>>
backupIfDue(Database& db, const std::filesystem::path& folder, int keep, const Clock& clock) {
    return Backup::writeIfDue(db, folder, keep, clock);
}

} // namespace hepdesk::db
