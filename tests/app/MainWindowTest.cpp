#include "MainWindow.h"

#include "PatientListModel.h"
#include "TestSupport.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

QString artifact(const char* name) {
    return QString::fromStdString((test::artifactsDir() / name).string());
}

TEST(MainWindow, ShowsEmptyPatientListOnFreshDatabase) {
    test::TempDir dir;
    auto db = db::Database::open(dir / "a.sqlite");
    ASSERT_TRUE(db.ok()) << db.error().message;
    MainWindow w(*db);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    EXPECT_EQ(w.patientView()->model()->rowCount(), 0);
    EXPECT_EQ(w.patientView()->model()->columnCount(), PatientListModel::ColumnCount);
    auto* search = w.findChild<QLineEdit*>(QStringLiteral("patientSearch"));
    ASSERT_NE(search, nullptr);
    EXPECT_FALSE(search->accessibleName().isEmpty());
    EXPECT_TRUE(w.grab().save(artifact("main-window-empty.png")));
}

TEST(MainWindow, ListsStoredPatients) {
    test::TempDir dir;
    auto db = db::Database::open(dir / "a.sqlite");
    ASSERT_TRUE(db.ok());
    db::SqlitePatientRepository repo(*db);
    ASSERT_TRUE(repo.add(Patient{0, "Łukasz Nowak", "1975-04-01", "A-17", "", false}).ok());
    ASSERT_TRUE(repo.add(Patient{0, "Ann Archived", "", "", "", true}).ok());
    MainWindow w(*db);
    w.show();
    QAbstractItemModelTester tester(w.patientModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(w.patientModel()->rowCount(), 1) << "archived patients are hidden";
    EXPECT_EQ(w.patientModel()->index(0, PatientListModel::NameColumn).data().toString(),
              QStringLiteral("Łukasz Nowak"));
    EXPECT_TRUE(w.grab().save(artifact("main-window-one-patient.png")));
}

} // namespace
} // namespace hepdesk::gui
