#include "BackupRunner.h"
#include "MainWindow.h"
#include "WidgetTestSupport.h"
#include "hepdesk/db/PatientRepository.h"

#include <QAction>
#include <QSignalSpy>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

// Issue 11, defect 5: a schema changed outside HepDesk (a signed-session trigger dropped) is
// found by the start-up check on the worker, and the window turns read-only as for damage.
TEST(DatabaseTamper, ADroppedTriggerMakesTheWindowReadOnlyAndBacksNothingUp) {
    hepdesk::test::TempDir dir;
    const auto path = dir / "hepdesk.sqlite";
    {
        auto db = db::Database::open(path);
        ASSERT_TRUE(db.ok()) << db.error().message;
        ASSERT_TRUE(db::SqlitePatientRepository(*db)
                        .add(Patient{0, "Ann", "1970-01-01", "", "", false})
                        .ok());
        ASSERT_TRUE(db->connection().exec("DROP TRIGGER session_signed_no_update").ok());
    }
    // As the app starts: the checks run on the worker, not at open.
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
    const std::string problem = damaged[0][0].toString().toStdString();
    EXPECT_NE(problem.find("changed outside HepDesk"), std::string::npos) << problem;
    EXPECT_NE(problem.find("trigger session_signed_no_update is missing"), std::string::npos)
        << problem;
    EXPECT_TRUE(window.databaseDamaged());
    EXPECT_FALSE(window.newPatientAction()->isEnabled());
    EXPECT_TRUE(std::filesystem::is_empty(folder)) << "a tampered file is never backed up";
}

} // namespace
} // namespace hepdesk::gui
