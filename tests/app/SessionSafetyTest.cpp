#include "CatalogFilterModel.h"
#include "CatalogModel.h"
#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "MainWindow.h"
#include "ProgramModel.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "TriageBanner.h"
#include "WidgetTestSupport.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <filesystem>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

EligibilityStatus statusOf(const CatalogModel& m, const char* id) {
    const int row = m.rowOf(id);
    EXPECT_GE(row, 0) << id;
    return static_cast<EligibilityStatus>(
        m.index(row, 0).data(CatalogModel::EligibilityRole).toInt());
}

/// A new session window for a fresh patient, as the clinician opens it.
struct NewVisit {
    test::AppFixture app;
    std::unique_ptr<MainWindow> window;
    SessionEditor* editor = nullptr;

    NewVisit() {
        window = std::make_unique<MainWindow>(*app.services);
        window->show();
        window->addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
        editor = window->openSession(0);
    }
    ~NewVisit() {
        if (editor != nullptr) {
            (void)editor->save(); // stored, so closing does not ask
        }
    }
};

// Issue 14: a screening that contradicts itself is shown on the screening step, naming both
// fields; an unlikely value is shown as a warning.
TEST(SessionSafety, ScreeningStepShowsContradictionsNamingBothFields) {
    NewVisit v;
    ASSERT_NE(v.editor, nullptr);
    ScreeningPage* page = v.editor->screeningPage();
    QLabel* checks = page->checksLabel();
    ASSERT_NE(checks, nullptr);
    EXPECT_TRUE(checks->isHidden()) << "a fresh screening has nothing to check";

    page->findingBox("pregnancy_after_t1")->click();
    QComboBox* sex = nullptr;
    for (auto* c : page->findChildren<QComboBox*>()) {
        sex = c->accessibleName() == QStringLiteral("Sex") ? c : sex;
    }
    ASSERT_NE(sex, nullptr);
    sex->setCurrentIndex(sex->findData(static_cast<int>(Sex::Male)));
    EXPECT_FALSE(checks->isHidden());
    EXPECT_TRUE(checks->text().contains(QStringLiteral("sex and findings")))
        << checks->text().toStdString();
    EXPECT_TRUE(checks->property("contradiction").toBool());

    sex->setCurrentIndex(sex->findData(static_cast<int>(Sex::Female)));
    EXPECT_TRUE(checks->isHidden()) << checks->text().toStdString();
}

// Issue 14: while the screening contradicts itself the later steps stay locked (no program,
// handout or signature on it), the contradiction is shown beside both fields it names, and an
// unlikely value is a warning beside its own field that locks nothing.
TEST(SessionSafety, AContradictionLocksTheLaterStepsAndWarningsSitBesideTheirField) {
    NewVisit v;
    ASSERT_NE(v.editor, nullptr);
    ScreeningPage* page = v.editor->screeningPage();
    auto* steps = v.editor->findChild<QTabWidget*>(QStringLiteral("sessionSteps"));
    ASSERT_NE(steps, nullptr);
    QLabel* age = page->fieldCheck("age");
    QLabel* sexCheck = page->fieldCheck("sex");
    QLabel* findingsCheck = page->fieldCheck("findings");
    ASSERT_TRUE(age != nullptr && sexCheck != nullptr && findingsCheck != nullptr);
    EXPECT_TRUE(age->isHidden());

    // A warning: beside the age, nothing locked, nothing above the form.
    auto* ageBox = page->findChild<QSpinBox*>();
    for (auto* b : page->findChildren<QSpinBox*>()) {
        ageBox = b->accessibleName() == QStringLiteral("Age") ? b : ageBox;
    }
    ageBox->setValue(14);
    EXPECT_FALSE(age->isHidden());
    EXPECT_TRUE(age->text().contains(QStringLiteral("under 16"))) << age->text().toStdString();
    EXPECT_FALSE(age->property("contradiction").toBool());
    EXPECT_TRUE(page->checksLabel()->isHidden()) << "a warning is not a contradiction";
    EXPECT_TRUE(steps->isTabEnabled(SessionEditor::ExercisesStep));
    EXPECT_TRUE(steps->isTabEnabled(SessionEditor::HandoutStep));

    // A contradiction: named beside both fields and above the form; steps 2-4 locked.
    page->findingBox("pregnancy_after_t1")->click();
    QComboBox* sex = nullptr;
    for (auto* c : page->findChildren<QComboBox*>()) {
        sex = c->accessibleName() == QStringLiteral("Sex") ? c : sex;
    }
    ASSERT_NE(sex, nullptr);
    sex->setCurrentIndex(sex->findData(static_cast<int>(Sex::Male)));
    for (QLabel* l : {sexCheck, findingsCheck}) {
        EXPECT_FALSE(l->isHidden());
        EXPECT_TRUE(l->text().contains(QStringLiteral("sex and findings")))
            << l->text().toStdString();
        EXPECT_TRUE(l->property("contradiction").toBool());
    }
    EXPECT_FALSE(page->checksLabel()->isHidden());
    EXPECT_TRUE(page->checksLabel()->text().contains(QStringLiteral("sex and findings")));
    EXPECT_FALSE(age->isHidden()) << "the age warning stays beside the age";
    for (auto step :
         {SessionEditor::ExercisesStep, SessionEditor::HandoutStep, SessionEditor::SignStep}) {
        EXPECT_FALSE(steps->isTabEnabled(step)) << step;
    }
    v.editor->showStep(SessionEditor::HandoutStep);
    EXPECT_EQ(steps->currentIndex(), SessionEditor::ScreeningStep);
    EXPECT_TRUE(v.editor->statusBar()->currentMessage().contains(QStringLiteral("contradicts")));
    // The banner no longer says "a handout is allowed" while the steps are locked.
    EXPECT_TRUE(v.editor->banner()->instruction().contains(QStringLiteral("contradicts itself")))
        << v.editor->banner()->instruction().toStdString();
    v.editor->resize(1200, 820);
    EXPECT_TRUE(test::grabTo(*v.editor, "screening-contradiction.png"));

    // Fixed: unlocked, and only the warning is left.
    sex->setCurrentIndex(sex->findData(static_cast<int>(Sex::Female)));
    EXPECT_TRUE(sexCheck->isHidden());
    EXPECT_TRUE(findingsCheck->isHidden());
    EXPECT_TRUE(page->checksLabel()->isHidden());
    EXPECT_TRUE(steps->isTabEnabled(SessionEditor::HandoutStep));
    EXPECT_FALSE(v.editor->banner()->instruction().contains(QStringLiteral("contradicts")));
    v.editor->showStep(SessionEditor::HandoutStep);
    EXPECT_EQ(steps->currentIndex(), SessionEditor::HandoutStep);
    EXPECT_FALSE(age->isHidden());
}

TEST(SessionSafety, OsteoporosisCautionsTwistsAndExcludesDoubleKneeToChest) {
    NewVisit v;
    ASSERT_NE(v.editor, nullptr);
    CatalogModel& catalog = *v.editor->exercisesPage()->catalogModel();
    QAbstractItemModelTester tester(&catalog,
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(statusOf(catalog, "double_knee_to_chest"), EligibilityStatus::Eligible)
        << "nothing ticked yet";

    QCheckBox* osteoporosis = v.editor->screeningPage()->findingBox("osteoporosis");
    ASSERT_NE(osteoporosis, nullptr);
    osteoporosis->click();

    for (const char* twist :
         {"seated_thoracic_twist", "standing_rotation", "supine_lumbar_rotation"}) {
        EXPECT_EQ(statusOf(catalog, twist), EligibilityStatus::Caution) << twist;
        const QString why =
            catalog.index(catalog.rowOf(twist), 0).data(CatalogModel::ReasonsRole).toString();
        EXPECT_TRUE(why.contains(QStringLiteral("rotation"), Qt::CaseInsensitive))
            << twist << ": " << why.toStdString();
        EXPECT_EQ(catalog.index(catalog.rowOf(twist), CatalogModel::EligibilityColumn)
                      .data(Qt::ToolTipRole)
                      .toString(),
                  why)
            << "the reason shows on hover";
    }
    EXPECT_EQ(statusOf(catalog, "double_knee_to_chest"), EligibilityStatus::Excluded);

    // Excluded exercises cannot be added, by button, by Enter or by code.
    ExercisesPage& page = *v.editor->exercisesPage();
    EXPECT_FALSE(page.addExercise("double_knee_to_chest"));
    EXPECT_TRUE(page.messageLabel()->text().contains(QStringLiteral("excluded")));
    EXPECT_EQ(v.editor->programModel()->rowCount(), 0);
    EXPECT_TRUE(page.addExercise("seated_thoracic_twist")) << "a caution can be added";

    v.editor->showStep(SessionEditor::ExercisesStep);
    page.searchEdit()->setText(QStringLiteral("knee"));
    ASSERT_GE(page.filterModel()->rowCount(), 1);
    page.catalogView()->setCurrentIndex(page.filterModel()->index(0, 0));
    EXPECT_FALSE(page.addButton()->isEnabled()) << "Add is disabled on an excluded row";
    EXPECT_TRUE(page.detailsPane()->toPlainText().contains(QStringLiteral("Excluded")));
    EXPECT_TRUE(test::grabTo(*v.editor, "session-osteoporosis-exercises.png"));
    page.searchEdit()->clear();
}

TEST(SessionSafety, CaudaEquinaSignShowsEmergencyAndBlocksExport) {
    NewVisit v;
    ASSERT_NE(v.editor, nullptr);
    ASSERT_TRUE(v.editor->exercisesPage()->addExercise("pelvic_tilt"));
    EXPECT_FALSE(v.editor->handoutPage()->canExport()) << "nothing recorded is not routine";
    test::recordPainNow(*v.editor, 6);
    EXPECT_TRUE(v.editor->handoutPage()->canExport()) << "routine: a handout is allowed";

    v.editor->screeningPage()->findingBox("ces_saddle_numbness")->click();
    TriageBanner& banner = *v.editor->banner();
    EXPECT_EQ(banner.level(), TriageLevel::Emergency);
    EXPECT_TRUE(banner.findChild<QLabel*>(QStringLiteral("triageTitle"))
                    ->text()
                    .contains(QStringLiteral("EMERGENCY")));
    EXPECT_TRUE(banner.findChild<QLabel*>(QStringLiteral("triageFindings"))->isVisibleTo(&banner));

    HandoutPage& handout = *v.editor->handoutPage();
    EXPECT_FALSE(handout.canExport());
    EXPECT_FALSE(handout.exportButton()->isEnabled());
    EXPECT_FALSE(handout.printButton()->isEnabled());
    EXPECT_TRUE(handout.blockedReason().contains(QStringLiteral("referral")));
    EXPECT_TRUE(handout.overrideEdit()->isVisibleTo(&handout));
    const auto target = v.app.dir / "blocked.pdf";
    auto refused = v.editor->startExport(QString::fromStdString(target.string()));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, Error::Kind::Refused);
    EXPECT_FALSE(std::filesystem::exists(target)) << "no file when refused";

    v.editor->showStep(SessionEditor::HandoutStep);
    EXPECT_TRUE(test::grabTo(*v.editor, "session-emergency-blocked.png"));

    // With a recorded reason the clinician may still give the exercises.
    handout.overrideKindBox()->setCurrentIndex(
        handout.overrideKindBox()->findData(QStringLiteral("referral_arranged")));
    handout.overrideEdit()->setFocus();
    QTest::keyClicks(handout.overrideEdit(), QStringLiteral("Sent to ED; exercises for after"));
    EXPECT_TRUE(handout.canExport());
    EXPECT_TRUE(handout.exportButton()->isEnabled());
}

} // namespace
} // namespace hepdesk::gui
