#include "ExercisesPage.h"
#include "MainWindow.h"
#include "ProgramModel.h"
#include "ProtocolChooser.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "WidgetTestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <gtest/gtest.h>
#include <map>

// Issue 15: the program step's Easier / Harder buttons and the protocol chooser.
namespace hepdesk::gui {
namespace {

SessionEditor* osteoporosisSession(MainWindow& window) {
    EXPECT_GT(window.addPatient(Patient{0, "Rosa Díaz", "", "R-7", "", false}), 0);
    SessionEditor* e = window.openSession(0);
    EXPECT_NE(e, nullptr);
    if (e != nullptr) {
        e->screeningPage()->findingBox("osteoporosis")->click();
    }
    return e;
}

std::string idAt(const ProgramModel& m, int row) {
    return m.index(row).data(ProgramModel::ExerciseIdRole).toString().toStdString();
}

TEST(EasierHarder, SwapsInPlaceKeepingTheDosageAndNeverOffersAnExcludedVersion) {
    test::AppFixture app;
    MainWindow window(*app.services);
    window.show();
    SessionEditor* e = osteoporosisSession(window);
    ASSERT_NE(e, nullptr);
    ExercisesPage& page = *e->exercisesPage();
    ProgramModel& program = *e->programModel();
    ASSERT_TRUE(page.addExercise("glute_bridge"));
    ASSERT_TRUE(page.addExercise("standing_overhead_reach"));
    ASSERT_TRUE(page.addExercise("chin_tuck"));

    // The bridge, made 3 sets of 12 by the clinician: Harder gives the bird-dog in its place.
    page.programView()->setCurrentIndex(program.index(0));
    ASSERT_TRUE(program.setData(program.index(0), 3, ProgramModel::SetsRole));
    ASSERT_TRUE(program.setData(program.index(0), 12, ProgramModel::RepsRole));
    ASSERT_TRUE(page.harderButton()->isEnabled()) << page.harderButton()->toolTip().toStdString();
    EXPECT_TRUE(page.harderButton()->toolTip().contains(QStringLiteral("Bird-dog")))
        << page.harderButton()->toolTip().toStdString();
    QTest::mouseClick(page.harderButton(), Qt::LeftButton);
    ASSERT_EQ(program.rowCount(), 3);
    EXPECT_EQ(idAt(program, 0), "bird_dog");
    EXPECT_EQ(program.index(0).data(ProgramModel::SetsRole).toInt(), 3);
    EXPECT_EQ(program.index(0).data(ProgramModel::RepsRole).toInt(), 12);
    EXPECT_EQ(idAt(program, 1), "standing_overhead_reach") << "the order is kept";
    EXPECT_TRUE(e->isModified());
    // ...and Easier takes it back.
    ASSERT_TRUE(page.easierButton()->isEnabled());
    QTest::mouseClick(page.easierButton(), Qt::LeftButton);
    EXPECT_EQ(idAt(program, 0), "glute_bridge");

    // The overhead reach's harder version (child's pose) is excluded by osteoporosis: the
    // button is off and says why.
    page.programView()->setCurrentIndex(program.index(1));
    EXPECT_FALSE(page.harderButton()->isEnabled());
    const QString tip = page.harderButton()->toolTip();
    EXPECT_TRUE(tip.contains(QStringLiteral("excluded"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("osteoporosis"))) << tip.toStdString();
    QTest::mouseClick(page.harderButton(), Qt::LeftButton);
    EXPECT_EQ(idAt(program, 1), "standing_overhead_reach");
    // The chin tuck has no version at all.
    page.programView()->setCurrentIndex(program.index(2));
    EXPECT_FALSE(page.easierButton()->isEnabled());
    EXPECT_TRUE(page.easierButton()->toolTip().contains(QStringLiteral("No easier version")));

    page.programView()->setCurrentIndex(program.index(1));
    e->resize(1400, 900);
    e->steps()->setCurrentWidget(&page);
    e->show(); // laid out as on screen, not as a hidden widget
    ASSERT_TRUE(QTest::qWaitForWindowExposed(e));
    EXPECT_TRUE(test::grabTo(*e, "h3-easier-harder.png"));
}

TEST(ProtocolChooserTest, AppliesWithExclusionsNamedSavesRenamesAndDeletes) {
    test::AppFixture app;
    MainWindow window(*app.services);
    window.show();
    SessionEditor* e = osteoporosisSession(window);
    ASSERT_NE(e, nullptr);
    ExercisesPage& page = *e->exercisesPage();
    ProtocolChooser& chooser = *page.protocolChooser();
    ProgramModel& program = *e->programModel();
    ASSERT_GE(chooser.choice()->count(), 6);

    // A shipped protocol: read-only.
    const int acute = chooser.choice()->findData(QStringLiteral("Acute low back pain: first week"));
    ASSERT_GE(acute, 0);
    chooser.choice()->setCurrentIndex(acute);
    EXPECT_FALSE(chooser.renameButton()->isEnabled());
    EXPECT_FALSE(chooser.deleteButton()->isEnabled());
    EXPECT_TRUE(chooser.deleteButton()->toolTip().contains(QStringLiteral("read-only")));
    EXPECT_FALSE(chooser.saveButton()->isEnabled()) << "nothing to save yet";

    ASSERT_TRUE(chooser.applyButton()->isEnabled())
        << chooser.applyButton()->toolTip().toStdString();
    QTest::mouseClick(chooser.applyButton(), Qt::LeftButton);
    EXPECT_EQ(program.rowCount(), 4);
    for (int r = 0; r < program.rowCount(); ++r) {
        EXPECT_NE(idAt(program, r), "double_knee_to_chest");
    }
    const QString result = chooser.resultLabel()->text();
    EXPECT_TRUE(result.contains(QStringLiteral("Left out Both knees to chest: excluded by "
                                               "osteoporosis")))
        << result.toStdString();
    EXPECT_TRUE(e->isModified());
    e->resize(1400, 900);
    e->steps()->setCurrentWidget(&page);
    e->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(e));
    EXPECT_TRUE(test::grabTo(*e, "h3-protocol-chooser.png"));

    // Saved as the clinic's own, renamed, deleted.
    ASSERT_TRUE(chooser.saveCurrentAs(QStringLiteral("Rosa's back"), false).ok());
    EXPECT_EQ(chooser.choice()->currentData().toString(), QStringLiteral("Rosa's back"));
    EXPECT_TRUE(chooser.renameButton()->isEnabled());
    EXPECT_FALSE(chooser.saveCurrentAs(QStringLiteral("Rosa's back"), false).ok());
    EXPECT_FALSE(chooser.saveCurrentAs(QStringLiteral("Neck stiffness"), true).ok())
        << "a shipped name is taken";
    ASSERT_TRUE(chooser.renameSelected(QStringLiteral("Bone-safe week 1")).ok());
    auto stored = app.services->protocols().find("Bone-safe week 1");
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    EXPECT_EQ(stored->program, program.program());
    ASSERT_TRUE(chooser.deleteSelected().ok());
    EXPECT_EQ(chooser.choice()->findData(QStringLiteral("Bone-safe week 1")), -1);
    EXPECT_FALSE(app.services->protocols().find("Bone-safe week 1").ok());
}

/// Issue 12 (review): a protocol's long holds read in minutes in the program list, as the
/// clinician would give them ("3 min"), never "hold 180 s"; the walk of the desk-worker
/// protocol too. The same wording as any program item (ProgramModel::dosageText).
TEST(ProtocolChooserTest, LongHoldsReadInMinutesInTheProgramList) {
    test::AppFixture app;
    MainWindow window(*app.services);
    window.show();
    ASSERT_GT(window.addPatient(Patient{0, "Rosa Díaz", "", "R-7", "", false}), 0);
    SessionEditor* e = window.openSession(0);
    ASSERT_NE(e, nullptr);
    e->screeningPage()->regionBox(Region::LowBack)->click();
    e->screeningPage()->regionBox(Region::MidBack)->click();
    ExercisesPage& page = *e->exercisesPage();
    ProtocolChooser& chooser = *page.protocolChooser();
    ProgramModel& program = *e->programModel();
    for (const char* name :
         {"Acute low back pain: first week", "Desk worker: mid-back stiffness"}) {
        const int at = chooser.choice()->findData(QString::fromLatin1(name));
        ASSERT_GE(at, 0) << name;
        chooser.choice()->setCurrentIndex(at);
        ASSERT_TRUE(chooser.applySelected().ok()) << chooser.resultLabel()->text().toStdString();
    }
    std::map<std::string, QString> dosage;
    for (int r = 0; r < program.rowCount(); ++r) {
        const QString text = program.index(r).data(ProgramModel::DosageTextRole).toString();
        dosage[idAt(program, r)] = text;
        EXPECT_FALSE(text.contains(QRegularExpression(QStringLiteral("\\d{3} s"))))
            << idAt(program, r) << ": " << text.toStdString();
    }
    ASSERT_TRUE(dosage.contains("hook_lying_rest"));
    EXPECT_TRUE(dosage["hook_lying_rest"].startsWith(QStringLiteral("3 min")))
        << dosage["hook_lying_rest"].toStdString();
    ASSERT_TRUE(dosage.contains("short_walk"));
    EXPECT_TRUE(dosage["short_walk"].startsWith(QStringLiteral("10 min")))
        << "the first protocol's walk stays; " << dosage["short_walk"].toStdString();
    e->resize(1126, 700);
    e->showStep(SessionEditor::ExercisesStep);
    EXPECT_TRUE(e->grab().save(QStringLiteral("/tmp/h15-protocol-minutes-1126.png")));
    (void)e->save();
}

} // namespace
} // namespace hepdesk::gui
