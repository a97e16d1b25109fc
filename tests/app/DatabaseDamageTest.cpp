#include "BackupRunner.h"
#include "MainWindow.h"
#include "WidgetTestSupport.h"
#include "hepdesk/db/PatientRepository.h"

#include <QAction>
#include <QSignalSpy>
#include <fstream>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

/// Overwrites one page in the middle of the file with garbage, as a failing disk would.
void damagePage(const std::filesystem::path& file) {
    const auto size = std::filesystem::file_size(file);
    const std::uintmax_t pageSize = 4096;
    const std::uintmax_t pages = size / pageSize;
    ASSERT_GT(pages, 6U);
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>((pages / 2) * pageSize));
    const std::string garbage(pageSize, '\xA5');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
}

TEST(DatabaseDamage, BackgroundCheckMakesTheWindowReadOnlyAndBacksNothingUp) {
    hepdesk::test::TempDir dir;
    const auto path = dir / "hepdesk.sqlite";
    {
        auto db = db::Database::open(path);
        ASSERT_TRUE(db.ok()) << db.error().message;
        db::SqlitePatientRepository repo(*db);
        for (int i = 0; i < 1500; ++i) {
            ASSERT_TRUE(repo.add(Patient{0, "Patient number " + std::to_string(i), "1970-01-01",
                                         "R-" + std::to_string(i), "", false})
                            .ok());
        }
    }
    damagePage(path);

    // As the app starts: no quick_check on the GUI thread.
    auto db = db::Database::open(path, {.quickCheck = false});
    ASSERT_TRUE(db.ok()) << db.error().message;
    auto services = Services::load(*db, hepdesk::test::templatesDir());
    ASSERT_TRUE(services.ok()) << services.error().message;
    MainWindow window(**services);
    window.show();
    ASSERT_TRUE(window.newPatientAction()->isEnabled());

    const auto folder = dir / "backups";
    std::filesystem::create_directories(folder);
    QSignalSpy damaged(window.backupRunner(), &BackupRunner::databaseDamaged);
    QSignalSpy failed(window.backupRunner(), &BackupRunner::failed);
    QSignalSpy finished(window.backupRunner(), &BackupRunner::finished);
    ASSERT_TRUE(window.backupRunner()->start(path, folder, 3));
    window.backupRunner()->wait();
    QTest::qWait(50); // let the queued result arrive
    ASSERT_EQ(damaged.size(), 1) << "failed: "
                                 << (failed.isEmpty() ? "-" : failed[0][0].toString().toStdString())
                                 << "; finished: " << finished.size();

    EXPECT_TRUE(window.databaseDamaged());
    EXPECT_FALSE(window.newPatientAction()->isEnabled());
    EXPECT_FALSE(window.startSessionAction()->isEnabled());
    EXPECT_FALSE(window.centralWidget()->isEnabled());
    EXPECT_TRUE(std::filesystem::is_empty(folder)) << "a damaged file is never backed up";
    auto* box = window.findChild<QWidget*>(QStringLiteral("databaseDamagedBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_TRUE(test::grabTo(window, "main-window-database-damaged.png"));
}

} // namespace
} // namespace hepdesk::gui
