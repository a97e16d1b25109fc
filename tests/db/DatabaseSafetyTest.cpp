// Opening, backing up and locking: the probe's defects 2, 6, 12, 18 and 19 (issue 11).
#include "TestSupport.h"
#include "hepdesk/db/Backup.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"

#include <chrono>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace hepdesk::db {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

unsigned modeOf(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
    return st.st_mode & 0777U;
}

std::chrono::system_clock::time_point day(int n) {
    // 2026-01-01T08:00:00Z plus n days.
    return std::chrono::system_clock::time_point(std::chrono::seconds(1767225600)) + 8h +
           std::chrono::hours(24 * n);
}

void addPatient(Database& db, const std::string& name) {
    ASSERT_TRUE(SqlitePatientRepository(db).add(Patient{0, name, "", "", "", false}).ok());
}

std::size_t patientCount(const fs::path& path) {
    auto db = Database::open(path, {.create = false});
    EXPECT_TRUE(db.ok()) << db.error().message;
    return db ? SqlitePatientRepository(*db).list({})->size() : 0;
}

// Defect 2: `db backup --folder . --keep 1` beside the live database deleted it.
TEST(BackupRotation, AFolderHoldingTheLiveDatabaseKeepsItAndEveryFileNotABackup) {
    test::TempDir dir;
    const auto live = dir / "hepdesk-clinic.sqlite";
    auto db = Database::open(live);
    ASSERT_TRUE(db.ok()) << db.error().message;
    addPatient(*db, "Ann");
    // Files whose names only look like backups: rotation must never touch them.
    const std::vector<std::string> bystanders = {
        "hepdesk-notes.sqlite",
        "hepdesk-2026-01-01T080000Z.sqlite.bak",
        "hepdesk-2026-01-01T0800Z.sqlite",
        "hepdesk-2026-01-0xT080000Z.sqlite",
        "hepdesk-2026-01-01T080000Z.sqlite-wal",
        "old-hepdesk-2025-01-01T080000Z.sqlite",
    };
    for (const auto& name : bystanders) {
        test::writeFile(dir / name, "keep me");
    }
    FixedClock clock(day(0));
    for (int d = 0; d < 4; ++d) {
        clock.set(day(d));
        auto r = Backup::writeIfDue(*db, dir.path(), 1, clock);
        ASSERT_TRUE(r.ok()) << r.error().message;
        ASSERT_TRUE(r->has_value()) << "day " << d;
    }
    EXPECT_TRUE(fs::exists(live));
    EXPECT_TRUE(fs::exists(dir / "hepdesk-clinic.sqlite-wal")) << "the open database's WAL";
    EXPECT_TRUE(fs::exists(dir / "hepdesk-clinic.sqlite-shm"));
    for (const auto& name : bystanders) {
        EXPECT_EQ(test::readFile(dir / name), "keep me") << name;
    }
    auto kept = Backup::list(dir.path());
    ASSERT_TRUE(kept.ok());
    ASSERT_EQ(kept->size(), 1U);
    EXPECT_EQ(kept->front().filename(), "hepdesk-2026-01-04T080000Z.sqlite");
    addPatient(*db, "Ben");
    db = Error::internal("closed");
    EXPECT_EQ(patientCount(live), 2U) << "the live database is whole";
}

TEST(BackupRotation, ALiveDatabaseNamedLikeABackupIsNeverRotatedNorTodaysBackup) {
    test::TempDir dir;
    const auto live = dir / "hepdesk-2020-01-01T000000Z.sqlite";
    auto db = Database::open(live);
    ASSERT_TRUE(db.ok()) << db.error().message;
    addPatient(*db, "Ann");
    FixedClock clock(std::chrono::system_clock::time_point(std::chrono::seconds(1577836800)) + 12h);
    auto r = Backup::writeIfDue(*db, dir.path(), 1, clock);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_TRUE(r->has_value()) << "the database itself is not today's backup";
    clock.set(day(0));
    ASSERT_TRUE(Backup::writeIfDue(*db, dir.path(), 1, clock).ok());
    EXPECT_TRUE(fs::exists(live));
    db = Error::internal("closed");
    EXPECT_EQ(patientCount(live), 1U);
}

// Defect 12: an existing empty file adopted as a new database kept its 0644.
TEST(DatabaseOpen, AnAdoptedEmptyFileAndItsWalAreOwnerOnly) {
    test::TempDir dir;
    const auto path = dir / "z.sqlite";
    test::writeFile(path, "");
    ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().message;
    addPatient(*db, "Ann");
    EXPECT_EQ(modeOf(path), 0600U);
    EXPECT_EQ(modeOf(dir / "z.sqlite-wal"), 0600U);
    EXPECT_EQ(modeOf(dir / "z.sqlite-shm"), 0600U);
}

TEST(DatabaseOpen, AnExistingBackupFolderOpenToOthersIsNamed) {
    test::TempDir dir;
    const auto folder = dir / "shared";
    fs::create_directories(folder);
    ASSERT_EQ(::chmod(folder.c_str(), 0755), 0);
    EXPECT_NE(Backup::folderExposure(folder).find("'" + folder.string() + "'"), std::string::npos);
    ASSERT_EQ(::chmod(folder.c_str(), 0700), 0);
    EXPECT_EQ(Backup::folderExposure(folder), "");
}

// Defect 19: a negative user_version: the file was switched to WAL before migration failed.
TEST(DatabaseOpen, AnImpossibleSchemaVersionLeavesTheFileByteForByte) {
    test::TempDir dir;
    const auto path = dir / "v.sqlite";
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        addPatient(*db, "Ann");
        ASSERT_TRUE(db->connection().exec("PRAGMA journal_mode = DELETE").ok());
        ASSERT_TRUE(db->connection().exec("PRAGMA user_version = -1").ok());
    }
    ASSERT_FALSE(fs::exists(dir / "v.sqlite-wal"));
    const std::string before = test::readFile(path);
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_NE(db.error().message.find("impossible schema version (-1)"), std::string::npos)
        << db.error().message;
    EXPECT_EQ(test::readFile(path), before);
    EXPECT_FALSE(fs::exists(dir / "v.sqlite-wal")) << "never switched to WAL";
    EXPECT_FALSE(fs::exists(dir / "v.sqlite-journal"));
}

TEST(DatabaseOpen, AnythingButARegularFileIsRefusedBeforeSqliteOpensIt) {
    // As root, SQLite would create "/dev/null-journal"; a FIFO would hang the open.
    auto devNull = Database::open("/dev/null");
    ASSERT_FALSE(devNull.ok());
    EXPECT_EQ(devNull.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(devNull.error().message.find("not a regular file"), std::string::npos);
    EXPECT_FALSE(fs::exists("/dev/null-journal"));
    EXPECT_FALSE(fs::exists("/dev/null-wal"));

    test::TempDir dir;
    const auto fifo = dir / "pipe.sqlite";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto piped = Database::open(fifo);
    ASSERT_FALSE(piped.ok());
    EXPECT_NE(piped.error().message.find("not a regular file"), std::string::npos);
    EXPECT_EQ(fs::status(fifo).type(), fs::file_type::fifo);
}

// Defect 18: a truncated database said "not a usable database" (exit 2, as bad input).
TEST(DatabaseOpen, ATruncatedDatabaseIsDamagedAndNamesTheRestore) {
    test::TempDir dir;
    const auto path = dir / "t.sqlite";
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        for (int i = 0; i < 300; ++i) {
            addPatient(*db, "Patient " + std::to_string(i));
        }
        ASSERT_TRUE(db->connection().exec("PRAGMA journal_mode = DELETE").ok());
    }
    for (const std::uintmax_t size : {fs::file_size(path) / 2, std::uintmax_t{50}}) {
        SCOPED_TRACE(size);
        fs::resize_file(path, size);
        auto db = Database::open(path);
        ASSERT_FALSE(db.ok());
        EXPECT_EQ(db.error().kind, Error::Kind::Database) << db.error().message;
        EXPECT_NE(db.error().message.find("damaged"), std::string::npos) << db.error().message;
        EXPECT_NE(db.error().message.find("restore it from a backup ('hepdesk-cli db restore')"),
                  std::string::npos)
            << db.error().message;
    }
}

TEST(DatabaseOpen, AMissingOrEmptyFileIsNotCreatedWithoutCreate) {
    test::TempDir dir;
    auto missing = Database::open(dir / "typo.sqlite", {.create = false});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(missing.error().message,
              "database '" + (dir / "typo.sqlite").string() + "' does not exist");
    EXPECT_FALSE(fs::exists(dir / "typo.sqlite"));
    test::writeFile(dir / "empty.sqlite", "");
    auto empty = Database::open(dir / "empty.sqlite", {.create = false});
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(fs::file_size(dir / "empty.sqlite"), 0U);
    EXPECT_FALSE(fs::exists(dir / "empty.sqlite-wal"));
}

// Defect 6/18: a lock held too long is a database failure with a clear message, never bad
// input; a shorter one is waited for, even by the very first statement of a connection.
TEST(DatabaseLocking, WritersWaitForALockAndALockHeldTooLongIsADatabaseError) {
    test::TempDir dir;
    const auto path = dir / "l.sqlite";
    auto holder = Database::open(path);
    ASSERT_TRUE(holder.ok());
    auto other = Database::open(path);
    ASSERT_TRUE(other.ok());

    ASSERT_TRUE(holder->connection().exec("BEGIN EXCLUSIVE").ok());
    std::thread release([&] {
        std::this_thread::sleep_for(300ms);
        (void)holder->connection().exec("COMMIT");
    });
    const auto start = std::chrono::steady_clock::now();
    auto waited = SqlitePatientRepository(*other).add(Patient{0, "Ann", "", "", "", false});
    const auto took = std::chrono::steady_clock::now() - start;
    release.join();
    EXPECT_TRUE(waited.ok()) << waited.error().message;
    EXPECT_GE(took, 250ms);

    ASSERT_TRUE(holder->connection().exec("BEGIN EXCLUSIVE").ok());
    other->connection().setBusyTimeout(100ms);
    auto locked = SqlitePatientRepository(*other).add(Patient{0, "Ben", "", "", "", false});
    ASSERT_FALSE(locked.ok());
    EXPECT_EQ(locked.error().kind, Error::Kind::Database);
    EXPECT_NE(locked.error().message.find("locked"), std::string::npos) << locked.error().message;
    EXPECT_NE(locked.error().message.find("try again"), std::string::npos);
    ASSERT_TRUE(holder->connection().exec("ROLLBACK").ok());
}

} // namespace
} // namespace hepdesk::db
