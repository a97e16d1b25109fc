#include "BackupRunner.h"
#include "MainWindow.h"
#include "WidgetTestSupport.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <QAction>
#include <QMessageBox>
#include <QSignalSpy>
#include <gtest/gtest.h>
#include <sqlite3.h>

namespace hepdesk::gui {
namespace {

/// A signed session whose findings were rewritten with the sqlite3 shell (trigger dropped):
/// the start-up check names it, the window turns read-only, and no backup is made.
TEST(TamperedRecords, StartUpCheckNamesTheChangedSessionAndMakesTheWindowReadOnly) {
    hepdesk::test::TempDir dir;
    const auto path = dir / "hepdesk.sqlite";
    {
        auto db = db::Database::open(path);
        ASSERT_TRUE(db.ok()) << db.error().message;
        const auto patient =
            *db::SqlitePatientRepository(*db).add(Patient{0, "Ann Lee", "", "", "", false});
        const auto clinician =
            *db::SqliteClinicianRepository(*db).add(Clinician{0, "Dr Rivera", "PT", true});
        Session s;
        s.patientId = patient;
        s.triage = TriageLevel::Emergency;
        s.findings = {Finding{"ces_saddle_numbness", "r.ces", TriageLevel::Emergency, "CES"}};
        db::SqliteSessionRepository sessions(*db);
        const auto id = *sessions.add(s);
        ASSERT_TRUE(sessions.sign(id, clinician).ok());
    }
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    // Drop the guards, rewrite the emergency as routine, then put the guards back exactly as
    // they were: the schema check sees nothing, only the seal can tell.
    std::string restoreGuards;
    ASSERT_EQ(sqlite3_exec(
                  raw,
                  "SELECT sql FROM sqlite_schema WHERE name IN ('session_signed_no_update', "
                  "'session_finding_signed_no_update')",
                  [](void* out, int, char** values, char**) {
                      static_cast<std::string*>(out)->append(values[0]).append(";\n");
                      return 0;
                  },
                  &restoreGuards, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw,
                           "DROP TRIGGER session_signed_no_update; DROP TRIGGER "
                           "session_finding_signed_no_update; UPDATE session SET triage = "
                           "'routine'; UPDATE session_finding SET level = 'routine'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, restoreGuards.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(raw);

    auto db = db::Database::open(path, {.quickCheck = false});
    ASSERT_TRUE(db.ok()) << db.error().message;
    auto services = Services::load(*db, hepdesk::test::templatesDir());
    ASSERT_TRUE(services.ok()) << services.error().message;
    MainWindow window(**services);
    window.show();
    const auto folder = dir / "backups";
    std::filesystem::create_directories(folder);
    QSignalSpy damaged(window.backupRunner(), &BackupRunner::databaseDamaged);
    ASSERT_TRUE(window.backupRunner()->start(path, folder, 3));
    window.backupRunner()->wait();
    QTest::qWait(50); // let the queued result arrive
    ASSERT_EQ(damaged.size(), 1);
    EXPECT_EQ(damaged[0][0].toString().toStdString(),
              "records were changed outside HepDesk: session 1: signed content changed outside "
              "HepDesk (seal mismatch)");
    EXPECT_TRUE(window.databaseDamaged());
    EXPECT_FALSE(window.newPatientAction()->isEnabled());
    EXPECT_FALSE(window.centralWidget()->isEnabled());
    EXPECT_TRUE(std::filesystem::is_empty(folder)) << "a tampered file is never backed up";
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("databaseDamagedBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->informativeText().contains(QStringLiteral("session 1: signed content")))
        << box->informativeText().toStdString();
}

} // namespace
} // namespace hepdesk::gui
