#include "PatientDialog.h"

#include "MainWindow.h"
#include "PatientListModel.h"
#include "WidgetTestSupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

TEST(PatientDialog, ValidatesEachFieldWithAMessageNamingIt) {
    PatientDialog d;
    const QDate today(2026, 11, 22);
    EXPECT_TRUE(d.validate(today).message.startsWith(QStringLiteral("Full name")));
    EXPECT_EQ(d.validate(today).field, d.nameEdit());

    test::typeText(d.nameEdit(), QStringLiteral("  Nguyễn Thị Ánh  "));
    EXPECT_TRUE(d.validate(today).message.isEmpty());
    EXPECT_EQ(d.patient().name, "Nguyễn Thị Ánh") << "trimmed, otherwise exactly as typed";

    for (const char* bad : {"1975-13-01", "01/04/1975", "1975-4-1", "2027-01-01", "1875-01-01"}) {
        d.birthDateEdit()->setText(QString::fromLatin1(bad));
        const auto problem = d.validate(today);
        EXPECT_TRUE(problem.message.contains(QString::fromLatin1(bad))) << bad;
        EXPECT_EQ(problem.field, d.birthDateEdit()) << bad;
    }
    d.birthDateEdit()->setText(QStringLiteral("1975-04-01"));
    EXPECT_TRUE(d.validate(today).message.isEmpty());

    d.nameEdit()->setText(QStringLiteral("Tab\there"));
    EXPECT_TRUE(d.validate(today).message.contains(QStringLiteral("control character")));
}

TEST(PatientDialog, RefusesToCloseWhileInvalidAndShowsWhy) {
    PatientDialog d;
    d.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&d));
    d.birthDateEdit()->setText(QStringLiteral("tomorrow"));
    d.accept();
    EXPECT_TRUE(d.isVisible()) << "an invalid dialog stays open";
    EXPECT_TRUE(d.errorText().startsWith(QStringLiteral("Full name")));
    QTest::keyClicks(d.nameEdit(), QStringLiteral("Ana"));
    d.accept();
    EXPECT_TRUE(d.isVisible());
    EXPECT_TRUE(d.errorText().contains(QStringLiteral("tomorrow")));
    EXPECT_TRUE(test::grabTo(d, "patient-dialog-error.png"));
}

TEST(MainWindow, CreatesAPatientThroughTheDialogFromTheKeyboard) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow w(*app.services);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    QAbstractItemModelTester tester(w.patientModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(w.newPatientAction()->shortcut(), QKeySequence(QKeySequence::New));

    // The modal dialog is driven from the event loop it runs, never exec()'d by the test.
    bool driven = false;
    QTimer::singleShot(0, &w, [&driven] {
        auto* d = qobject_cast<PatientDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(d, nullptr);
        test::typeText(d->nameEdit(), QStringLiteral("Zoë Øster-Ñúñez"));
        QTest::keyClicks(d->birthDateEdit(), QStringLiteral("1961-07-30"));
        QTest::keyClicks(d->recordEdit(), QStringLiteral("R-2040"));
        EXPECT_TRUE(test::grabTo(*d, "patient-dialog-filled.png"));
        driven = true;
        QTest::keyClick(d, Qt::Key_Return);
    });
    w.newPatientAction()->trigger();
    ASSERT_TRUE(driven);

    ASSERT_EQ(w.patientModel()->rowCount(), 1);
    EXPECT_EQ(w.patientModel()->index(0, PatientListModel::NameColumn).data().toString(),
              QStringLiteral("Zoë Øster-Ñúñez"));
    EXPECT_EQ(w.patientModel()->index(0, PatientListModel::RecordNumberColumn).data().toString(),
              QStringLiteral("R-2040"));
    EXPECT_TRUE(w.patientView()->selectionModel()->isRowSelected(0, {}));

    w.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
    QTest::keySequence(&w, QKeySequence::Find);
    EXPECT_TRUE(w.searchField()->hasFocus()) << "Ctrl+F puts the cursor in the search field";
    EXPECT_TRUE(test::grabTo(w, "main-window-created-patient.png"));
}

} // namespace
} // namespace hepdesk::gui
