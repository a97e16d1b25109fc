#include "hepdesk/db/Database.h"

#include "TestSupport.h"
#include "hepdesk/db/PatientRepository.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

namespace hepdesk::db {
namespace {
namespace fs = std::filesystem;

TEST(Database, CreatesVersionedOwnerOnlyFile) {
    test::TempDir dir;
    const auto path = dir / "clinic.sqlite";
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_EQ(db->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_EQ(*db->connection().queryInt("PRAGMA application_id"), Database::kApplicationId);
    EXPECT_EQ(*db->connection().queryInt("PRAGMA foreign_keys"), 1);
    EXPECT_EQ(*db->connection().queryText("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(*db->connection().queryInt("PRAGMA synchronous"), 2) << "FULL";
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777U, 0600U);
}

TEST(Database, ReopensExistingFileAndKeepsData) {
    test::TempDir dir;
    const auto path = dir / "clinic.sqlite";
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        SqlitePatientRepository repo(*db);
        ASSERT_TRUE(repo.add(Patient{0, "Zoë Ørsted", "1980-02-29", "R-1", "", false}).ok());
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().message;
    SqlitePatientRepository repo(*db);
    auto list = repo.list({});
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1U);
    EXPECT_EQ((*list)[0].name, "Zoë Ørsted");
}

TEST(Database, EmptyListOnFreshDatabase) {
    test::TempDir dir;
    auto db = Database::open(dir / "a.sqlite");
    ASSERT_TRUE(db.ok());
    SqlitePatientRepository repo(*db);
    auto list = repo.list({});
    ASSERT_TRUE(list.ok());
    EXPECT_TRUE(list->empty());
}

TEST(Database, RefusesFileThatIsNotSqliteAndLeavesItUntouched) {
    test::TempDir dir;
    const auto path = dir / "notes.txt";
    const std::string content = "these are somebody's notes, not a database\n";
    test::writeFile(path, content);
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(db.error().message.find("notes.txt"), std::string::npos) << db.error().message;
    EXPECT_EQ(test::readFile(path), content);
    EXPECT_FALSE(fs::exists(dir / "notes.txt-wal"));
    EXPECT_FALSE(fs::exists(dir / "notes.txt-journal"));
}

TEST(Database, RefusesNewerSchemaAndLeavesItUntouched) {
    test::TempDir dir;
    const auto path = dir / "future.sqlite";
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(db->connection().exec("PRAGMA user_version = 999").ok());
    }
    const std::string before = test::readFile(path);
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_NE(db.error().message.find("newer"), std::string::npos) << db.error().message;
    EXPECT_EQ(test::readFile(path), before);
}

TEST(Database, RefusesAnotherProgramsSqliteFile) {
    test::TempDir dir;
    const auto path = dir / "other.sqlite";
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr,
                           nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_NE(db.error().message.find("another program"), std::string::npos) << db.error().message;
}

TEST(Database, MissingFolderIsAClearErrorAndCreatesNothing) {
    test::TempDir dir;
    const auto path = dir / "missing" / "db.sqlite";
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_NE(db.error().message.find("missing"), std::string::npos) << db.error().message;
    EXPECT_FALSE(fs::exists(dir / "missing"));
}

TEST(Database, TransactionRollsBackUnlessCommitted) {
    test::TempDir dir;
    auto db = Database::open(dir / "a.sqlite");
    ASSERT_TRUE(db.ok());
    SqlitePatientRepository repo(*db);
    {
        auto tx = Transaction::begin(db->connection());
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(repo.add(Patient{0, "Ann", "", "", "", false}).ok());
    }
    EXPECT_TRUE(repo.list({})->empty());
    {
        auto tx = Transaction::begin(db->connection());
        ASSERT_TRUE(repo.add(Patient{0, "Ann", "", "", "", false}).ok());
        ASSERT_TRUE(tx->commit().ok());
    }
    EXPECT_EQ(repo.list({})->size(), 1U);
}

TEST(Database, StoresTextVerbatimIncludingQuotesAndNul) {
    test::TempDir dir;
    auto db = Database::open(dir / "a.sqlite");
    ASSERT_TRUE(db.ok());
    SqlitePatientRepository repo(*db);
    const std::string tricky = std::string("O'Brien\"; DROP TABLE patient; --\0x", 34);
    ASSERT_TRUE(repo.add(Patient{0, tricky, "", "", "", false}).ok());
    auto list = repo.list({});
    ASSERT_EQ(list->size(), 1U);
    EXPECT_EQ((*list)[0].name, tricky);
}

} // namespace
} // namespace hepdesk::db
