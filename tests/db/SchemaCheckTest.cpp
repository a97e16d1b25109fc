#include "hepdesk/db/SchemaCheck.h"

#include "DbFixtures.h"
#include "TestSupport.h"
#include "hepdesk/db/Backup.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/DatabaseCheck.h"
#include "hepdesk/db/Migrations.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <algorithm>
#include <gtest/gtest.h>

namespace hepdesk::db {
namespace {
namespace fs = std::filesystem;

bool contains(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::string joined(const std::vector<std::string>& lines) {
    std::string all;
    for (const auto& l : lines) {
        all += l + "\n";
    }
    return all;
}

/// A database with two patients; patient 1 has three sessions, two of them signed.
void makeClinic(const fs::path& path) {
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().message;
    SqlitePatientRepository patients(*db);
    ASSERT_TRUE(patients.add(Patient{0, "Ann", "1970-01-01", "", "", false}).ok());
    ASSERT_TRUE(patients.add(Patient{0, "Ben", "1980-01-01", "", "", false}).ok());
    ASSERT_TRUE(db->connection()
                    .exec("INSERT INTO clinician(name, created_at) VALUES ('Dr A', '2026-01-01')")
                    .ok());
    SqliteSessionRepository sessions(*db);
    for (int n = 1; n <= 3; ++n) {
        auto id = sessions.add(test::sampleSession(1, n));
        ASSERT_TRUE(id.ok()) << id.error().message;
        if (n < 3) {
            ASSERT_TRUE(sessions.sign(*id, 1).ok());
        }
    }
}

/// Runs `sql` on `path` as the sqlite3 shell would: no HepDesk settings, foreign keys off.
void rawSql(const fs::path& path, const std::string& sql) {
    auto conn = Connection::open(path, Connection::Mode::ReadWrite);
    ASSERT_TRUE(conn.ok()) << conn.error().message;
    ASSERT_TRUE(conn->exec(sql).ok()) << sql;
}

// The probe's attack: the signed-session triggers dropped, a trigger that rewrites emergency
// findings to routine, one that deletes the audit rows of signing.
constexpr const char* kTamper = R"sql(
DROP TRIGGER session_signed_no_update;
DROP TRIGGER session_signed_no_delete;
CREATE TRIGGER downgrade AFTER INSERT ON session BEGIN
    UPDATE session SET triage = 'routine' WHERE id = new.id;
END;
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT 1; END;
)sql";

TEST(SchemaCheck, AFreshDatabaseAndEveryOlderVersionMatchHepDesks) {
    test::TempDir dir;
    // Every version a migration builds (9 and 10 are other work of this round).
    for (const Migration& m : migrations()) {
        const int v = m.version;
        SCOPED_TRACE(v);
        const auto path = dir / ("v" + std::to_string(v) + ".sqlite");
        auto db = Database::open(path, {.targetVersion = v});
        ASSERT_TRUE(db.ok()) << db.error().message;
        ASSERT_EQ(db->schemaVersion(), v);
        auto diff = db->schemaCheck();
        ASSERT_TRUE(diff.ok()) << diff.error().message;
        EXPECT_TRUE(diff->empty()) << joined(*diff);
    }
    makeClinic(dir / "clinic.sqlite");
    auto db = Database::open(dir / "clinic.sqlite");
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_TRUE(runDatabaseChecks(*db).empty()) << joined(runDatabaseChecks(*db));
}

TEST(SchemaCheck, OpenRefusesTamperedTriggersNamingEachAndWritesNothing) {
    test::TempDir dir;
    const auto path = dir / "clinic.sqlite";
    makeClinic(path);
    rawSql(path, kTamper);
    const std::string before = test::readFile(path);

    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().kind, Error::Kind::Database);
    const std::string& m = db.error().message;
    for (const char* named :
         {"trigger session_signed_no_update is missing",
          "trigger session_signed_no_delete is missing", "trigger downgrade is not HepDesk's",
          "trigger audit_log_no_delete's SQL differs", "restore it from a backup"}) {
        EXPECT_NE(m.find(named), std::string::npos) << named << " in: " << m;
    }
    EXPECT_EQ(test::readFile(path), before) << "a refused file is left untouched";

    // `db check` opens without the checks and lists every difference under "schema".
    auto opened = Database::open(path, {.create = false, .migrate = false, .quickCheck = false});
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    const auto problems = runDatabaseChecks(*opened);
    EXPECT_EQ(problems.size(), 4U) << joined(problems);
    EXPECT_TRUE(contains(problems, "schema: trigger session_signed_no_update is missing"))
        << joined(problems);
    EXPECT_TRUE(contains(problems, "schema: trigger downgrade is not HepDesk's"));
    EXPECT_TRUE(
        contains(problems, "schema: trigger audit_log_no_delete's SQL differs from HepDesk's"));
}

TEST(SchemaCheck, TablesIndexesAndViewsAreComparedToo) {
    test::TempDir dir;
    const auto path = dir / "clinic.sqlite";
    makeClinic(path);
    rawSql(path, "DROP INDEX patient_name; CREATE VIEW everyone AS SELECT * FROM patient;"
                 "CREATE TABLE notes(x); ALTER TABLE clinician ADD COLUMN pin TEXT;");
    auto db = Database::open(path, {.migrate = false, .quickCheck = false});
    ASSERT_TRUE(db.ok()) << db.error().message;
    auto diff = db->schemaCheck();
    ASSERT_TRUE(diff.ok()) << diff.error().message;
    EXPECT_EQ(*diff, (std::vector<std::string>{"table clinician's SQL differs from HepDesk's",
                                               "index patient_name is missing",
                                               "view everyone is not HepDesk's",
                                               "table notes is not HepDesk's"}))
        << joined(*diff);
}

TEST(SchemaCheck, RestoreRefusesATamperedBackupAndKeepsTheDatabase) {
    test::TempDir dir;
    const auto live = dir / "live.sqlite";
    const auto backup = dir / "backup.sqlite";
    makeClinic(live);
    {
        auto db = Database::open(live);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(Backup::write(*db, backup).ok());
    }
    rawSql(backup, kTamper);
    auto verified = Backup::verify(backup);
    ASSERT_FALSE(verified.ok());
    EXPECT_NE(verified.error().message.find("trigger session_signed_no_update is missing"),
              std::string::npos)
        << verified.error().message;
    const std::string before = test::readFile(live);
    auto restored = Backup::restore(backup, live);
    ASSERT_FALSE(restored.ok());
    EXPECT_NE(restored.error().message.find("changed outside HepDesk"), std::string::npos)
        << restored.error().message;
    EXPECT_EQ(test::readFile(live), before);
}

TEST(SchemaCheck, ForeignKeyCheckNamesEveryOrphan) {
    test::TempDir dir;
    const auto path = dir / "clinic.sqlite";
    makeClinic(path);
    // The sqlite3 shell has foreign keys off: deleting the patient orphans its sessions.
    rawSql(path, "DELETE FROM patient WHERE id = 1");
    auto db = Database::open(path, {.create = false, .migrate = false, .quickCheck = false});
    ASSERT_TRUE(db.ok()) << db.error().message;
    auto orphans = db->foreignKeyCheck();
    ASSERT_TRUE(orphans.ok()) << orphans.error().message;
    EXPECT_EQ(*orphans,
              (std::vector<std::string>{"session 1: patient_id 1 refers to a patient that does "
                                        "not exist",
                                        "session 2: patient_id 1 refers to a patient that does "
                                        "not exist",
                                        "session 3: patient_id 1 refers to a patient that does "
                                        "not exist"}))
        << joined(*orphans);
    const auto problems = runDatabaseChecks(*db);
    EXPECT_TRUE(contains(problems, "foreign keys: session 2: patient_id 1 refers to a patient "
                                   "that does not exist"))
        << joined(problems);

    // A backup with orphans is not restored either.
    const auto backup = dir / "orphans.sqlite";
    ASSERT_TRUE(Backup::write(*db, backup).ok());
    auto verified = Backup::verify(backup);
    ASSERT_FALSE(verified.ok());
    EXPECT_NE(verified.error().message.find("session 1: patient_id 1"), std::string::npos)
        << verified.error().message;
}

TEST(SchemaCheck, ChecksAreAListEachNamingItsProblems) {
    std::vector<std::string> names;
    for (const DatabaseCheck& c : databaseChecks()) {
        names.emplace_back(c.name);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"integrity", "schema", "foreign keys", "records"}));
}

} // namespace
} // namespace hepdesk::db
