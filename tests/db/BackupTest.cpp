#include "hepdesk/db/Backup.h"

#include "DbFixtures.h"
#include "TestSupport.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <csignal>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace hepdesk::db {
namespace {
namespace fs = std::filesystem;
using std::chrono::hours;

unsigned modeOf(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
    return st.st_mode & 0777U;
}

std::chrono::system_clock::time_point day(int n) {
    // 2026-01-01T08:00:00Z plus n days.
    return std::chrono::system_clock::time_point(std::chrono::seconds(1767225600)) + hours(8) +
           hours(24 * n);
}

void addPatients(Database& db, int n, const std::string& prefix) {
    SqlitePatientRepository repo(db);
    for (int i = 0; i < n; ++i) {
        ASSERT_TRUE(repo.add(Patient{0, prefix + std::to_string(i), "", "", "", false}).ok());
    }
}

/// Flips bytes in the middle of a page that holds table rows: a realistic disk fault.
void damage(const fs::path& p) {
    std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
    ASSERT_TRUE(f);
    const std::string junk(4096, '\x5a');
    f.seekp(4096 * 2 + 100);
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

TEST(Backup, WritesAConsistentPrivateCopyThatOpensOnItsOwn) {
    test::TempDir dir;
    auto db = Database::open(dir / "live.sqlite");
    ASSERT_TRUE(db.ok());
    addPatients(*db, 50, "Patient ");
    const auto target = dir / "copy.sqlite";
    ASSERT_TRUE(Backup::write(*db, target).ok());
    EXPECT_EQ(modeOf(target), 0600U);
    EXPECT_FALSE(fs::exists(dir / "copy.sqlite-wal")) << "a backup needs no WAL to be read";
    EXPECT_TRUE(Backup::verify(target).ok());
    // The live database keeps working while and after the backup is taken.
    addPatients(*db, 1, "Later ");
    auto copy = Database::open(target);
    ASSERT_TRUE(copy.ok()) << copy.error().message;
    EXPECT_EQ(SqlitePatientRepository(*copy).list({})->size(), 50U);
    auto again = Backup::write(*db, target);
    ASSERT_FALSE(again.ok());
    EXPECT_NE(again.error().message.find("already exists"), std::string::npos);
}

TEST(Backup, DailyBackupOncePerDayKeepingTheNewestN) {
    test::TempDir dir;
    auto db = Database::open(dir / "live.sqlite");
    ASSERT_TRUE(db.ok());
    const auto folder = dir / "backups";
    FixedClock clock(day(0));
    auto first = backupIfDue(*db, folder, 3, clock);
    ASSERT_TRUE(first.ok()) << first.error().message;
    ASSERT_TRUE(first->has_value());
    EXPECT_EQ((*first)->filename(), "hepdesk-2026-01-01T080000Z.sqlite");
    EXPECT_EQ(modeOf(folder), 0700U);
    clock.set(day(0) + hours(10));
    auto sameDay = backupIfDue(*db, folder, 3, clock);
    ASSERT_TRUE(sameDay.ok());
    EXPECT_FALSE(sameDay->has_value()) << "one backup a day";
    for (int d = 1; d <= 4; ++d) {
        clock.set(day(d));
        addPatients(*db, 1, "Day " + std::to_string(d) + " ");
        auto r = backupIfDue(*db, folder, 3, clock);
        ASSERT_TRUE(r.ok() && r->has_value());
        EXPECT_EQ(modeOf(**r), 0600U);
    }
    auto kept = Backup::list(folder);
    ASSERT_TRUE(kept.ok());
    ASSERT_EQ(kept->size(), 3U);
    EXPECT_EQ(kept->front().filename(), "hepdesk-2026-01-03T080000Z.sqlite");
    EXPECT_EQ(kept->back().filename(), "hepdesk-2026-01-05T080000Z.sqlite");
    EXPECT_EQ(backupIfDue(*db, folder, 0, clock).error().kind, Error::Kind::InvalidInput);
}

TEST(Backup, RestoreReplacesTheDatabaseAndKeepsThePreviousFile) {
    test::TempDir dir;
    const auto live = dir / "live.sqlite";
    const auto backup = dir / "b.sqlite";
    {
        auto db = Database::open(live);
        ASSERT_TRUE(db.ok());
        addPatients(*db, 3, "Before ");
        SqliteSessionRepository sessions(*db);
        ASSERT_TRUE(sessions.add(test::sampleSession(1, 1)).ok());
        ASSERT_TRUE(Backup::write(*db, backup).ok());
        addPatients(*db, 2, "After ");
    }
    auto kept = Backup::restore(backup, live);
    ASSERT_TRUE(kept.ok()) << kept.error().message;
    EXPECT_EQ(modeOf(live), 0600U);
    auto db = Database::open(live);
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_EQ(SqlitePatientRepository(*db).list({})->size(), 3U);
    EXPECT_EQ(SqliteSessionRepository(*db).history(1, {})->size(), 1U);
    ASSERT_FALSE(kept->empty());
    auto previous = Database::open(*kept);
    ASSERT_TRUE(previous.ok()) << previous.error().message;
    EXPECT_EQ(SqlitePatientRepository(*previous).list({})->size(), 5U) << "nothing is lost";
}

TEST(Backup, RestoreRefusesADamagedBackupAndLeavesTheDatabaseAlone) {
    test::TempDir dir;
    const auto live = dir / "live.sqlite";
    const auto backup = dir / "b.sqlite";
    {
        auto db = Database::open(live);
        ASSERT_TRUE(db.ok());
        addPatients(*db, 400, std::string(200, 'x'));
        ASSERT_TRUE(Backup::write(*db, backup).ok());
    }
    damage(backup);
    const std::string before = test::readFile(live);
    auto r = Backup::restore(backup, live);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(r.error().message.find("damaged"), std::string::npos) << r.error().message;
    EXPECT_EQ(test::readFile(live), before);
    EXPECT_FALSE(fs::exists(dir / "live.sqlite.restoring"));

    test::writeFile(dir / "letter.txt", "not a database");
    EXPECT_EQ(Backup::restore(dir / "letter.txt", live).error().kind, Error::Kind::InvalidInput);
    EXPECT_EQ(Backup::restore(dir / "missing.sqlite", live).error().kind, Error::Kind::NotFound);
}

TEST(Backup, DamagedDatabaseIsReportedAtOpenAndByIntegrityCheck) {
    test::TempDir dir;
    const auto live = dir / "live.sqlite";
    {
        auto db = Database::open(live);
        ASSERT_TRUE(db.ok());
        addPatients(*db, 400, std::string(200, 'y'));
    }
    damage(live);
    const std::string before = test::readFile(live);
    auto db = Database::open(live);
    ASSERT_FALSE(db.ok());
    EXPECT_NE(db.error().message.find("damaged"), std::string::npos) << db.error().message;
    EXPECT_NE(db.error().message.find("restore"), std::string::npos) << db.error().message;
    EXPECT_EQ(test::readFile(live), before) << "a damaged file is never written";
    Database::Options o;
    o.quickCheck = false;
    o.migrate = false;
    auto raw = Database::open(live, o);
    ASSERT_TRUE(raw.ok()) << raw.error().message;
    auto problems = raw->integrityCheck();
    ASSERT_TRUE(problems.ok() || problems.error().kind == Error::Kind::Database);
    if (problems.ok()) {
        EXPECT_FALSE(problems->empty());
    }
}

TEST(Backup, RestoreRefusesADatabaseOpenInAnotherProcess) {
    test::TempDir dir;
    const auto live = dir / "live.sqlite";
    const auto backup = dir / "b.sqlite";
    {
        auto db = Database::open(live);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(Backup::write(*db, backup).ok());
    }
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        auto db = Database::open(live);
        const char c = db.ok() ? '1' : '0';
        (void)!::write(ready[1], &c, 1);
        ::pause();
        ::_exit(0);
    }
    char c = 0;
    ASSERT_EQ(::read(ready[0], &c, 1), 1);
    ASSERT_EQ(c, '1');
    EXPECT_TRUE(Backup::isOpenElsewhere(live));
    auto r = Backup::restore(backup, live);
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    ::close(ready[0]);
    ::close(ready[1]);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::Refused);
    EXPECT_NE(r.error().message.find("open in another program"), std::string::npos);
    EXPECT_FALSE(Backup::isOpenElsewhere(live));
    EXPECT_TRUE(Backup::restore(backup, live).ok());
}

} // namespace
} // namespace hepdesk::db
