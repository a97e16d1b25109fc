#include "MainWindow.h"

#include "PatientListModel.h"
#include "WidgetTestSupport.h"
#include "hepdesk/db/PatientRepository.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

TEST(MainWindow, ShowsEmptyPatientListOnFreshDatabase) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow w(*app.services);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    EXPECT_EQ(w.patientView()->model()->rowCount(), 0);
    EXPECT_EQ(w.patientView()->model()->columnCount(), PatientListModel::ColumnCount);
    auto* search = w.findChild<QLineEdit*>(QStringLiteral("patientSearch"));
    ASSERT_NE(search, nullptr);
    EXPECT_FALSE(search->accessibleName().isEmpty());
    EXPECT_TRUE(w.grab().save(test::artifact("main-window-empty.png")));
}

TEST(MainWindow, ListsStoredPatients) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    auto& repo = app.services->patients();
    ASSERT_TRUE(repo.add(Patient{0, "Łukasz Nowak", "1975-04-01", "A-17", "", false}).ok());
    auto archived = repo.add(Patient{0, "Ann Archived", "", "", "", false});
    ASSERT_TRUE(archived.ok());
    ASSERT_TRUE(repo.setArchived(*archived, true).ok());
    MainWindow w(*app.services);
    w.show();
    QAbstractItemModelTester tester(w.patientModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(w.patientModel()->rowCount(), 1) << "archived patients are hidden";
    EXPECT_EQ(w.patientModel()->index(0, PatientListModel::NameColumn).data().toString(),
              QStringLiteral("Łukasz Nowak"));
    EXPECT_TRUE(w.grab().save(test::artifact("main-window-one-patient.png")));
}

} // namespace
} // namespace hepdesk::gui
