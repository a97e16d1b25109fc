#include "CatalogModel.h"
#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "MainWindow.h"
#include "ProgramModel.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "TriageBanner.h"
#include "WidgetTestSupport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <gtest/gtest.h>

// Issue 12, safety: a follow-up keeps the patient's lasting conditions.
namespace hepdesk::gui {
namespace {

EligibilityStatus statusOf(const CatalogModel& m, const char* id) {
    const int row = m.rowOf(id);
    EXPECT_GE(row, 0) << id;
    return static_cast<EligibilityStatus>(
        m.index(row, 0).data(CatalogModel::EligibilityRole).toInt());
}

SessionEditor* newestEditor(const MainWindow& w) {
    const auto editors = w.sessionEditors();
    return editors.empty() ? nullptr : editors.back();
}

TEST(FollowUpSafety, OsteoporosisIsCarriedAndTheTwistsStayCautioned) {
    test::AppFixture app;
    MainWindow window(*app.services);
    window.show();
    // Born 1948-03-02: 78 on any date from 2026-03-02 to 2027-03-01 (the test runs in that
    // window or works the age out the same way).
    ASSERT_GT(window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false}), 0);
    SessionEditor* first = window.openSession(0);
    ASSERT_NE(first, nullptr);
    ScreeningPage& s1 = *first->screeningPage();
    s1.findingBox("osteoporosis")->click();
    s1.findingBox("radiating_leg")->click(); // today's episode: refer and monitor
    auto* sex = s1.findChild<QComboBox*>();
    ASSERT_NE(sex, nullptr);
    sex->setCurrentIndex(sex->findData(static_cast<int>(Sex::Female)));
    ASSERT_TRUE(first->exercisesPage()->addExercise("seated_thoracic_twist"))
        << first->exercisesPage()->messageLabel()->text().toStdString();
    ASSERT_TRUE(first->exercisesPage()->addExercise("pelvic_tilt"));
    EXPECT_EQ(first->banner()->level(), TriageLevel::ReferAndMonitor);
    ASSERT_TRUE(first->save().ok());
    first->close();

    // The follow-up, as the clinician starts it (Ctrl+Shift+F).
    ASSERT_TRUE(window.followUpAction()->isEnabled());
    window.followUpAction()->trigger();
    SessionEditor* follow = newestEditor(window);
    ASSERT_NE(follow, nullptr);
    ASSERT_NE(follow, first);
    ScreeningPage& s2 = *follow->screeningPage();
    EXPECT_TRUE(s2.findingBox("osteoporosis")->isChecked());
    EXPECT_FALSE(s2.findingBox("radiating_leg")->isChecked()) << "acute: asked afresh";
    QLabel* mark = s2.carriedMark("osteoporosis");
    ASSERT_NE(mark, nullptr);
    EXPECT_TRUE(mark->isVisibleTo(&s2));
    EXPECT_EQ(mark->text(), QStringLiteral("from the last visit, confirm"));
    EXPECT_FALSE(s2.carriedMark("radiating_leg")->isVisibleTo(&s2));
    // On a laptop's session window the mark stays beside its box, whole (both wrap).
    follow->resize(784, 700);
    follow->showStep(SessionEditor::ScreeningStep);
    QApplication::processEvents();
    QWidget* group = s2.findingBox("osteoporosis")->parentWidget();
    EXPECT_LE(mark->mapTo(group, QPoint(mark->width(), 0)).x(), group->width());
    EXPECT_GE(mark->height(), mark->heightForWidth(mark->width()));
    EXPECT_TRUE(group->grab().save(QStringLiteral("/tmp/h15-carried-mark-784.png")));
    EXPECT_EQ(follow->banner()->level(), TriageLevel::Routine);
    EXPECT_EQ(follow->session().screening.sex, Sex::Female);
    ASSERT_TRUE(follow->session().screening.age.has_value()) << "age from the birth date";
    EXPECT_GE(*follow->session().screening.age, 78);

    // The copied program is checked against the carried screening: the twist keeps its caution.
    ASSERT_EQ(follow->programModel()->rowCount(), 2);
    CatalogModel& catalog = *follow->exercisesPage()->catalogModel();
    EXPECT_EQ(statusOf(catalog, "seated_thoracic_twist"), EligibilityStatus::Caution);
    EXPECT_EQ(statusOf(catalog, "standing_rotation"), EligibilityStatus::Caution);
    const QString headline = follow->banner()->headline();
    EXPECT_FALSE(headline.contains(QStringLiteral("no red flags recorded")))
        << headline.toStdString();
    EXPECT_TRUE(headline.contains(QStringLiteral("cautions"))) << headline.toStdString();
    EXPECT_TRUE(follow->banner()->instruction().contains(QStringLiteral("Osteoporosis")))
        << follow->banner()->instruction().toStdString();
    follow->showStep(SessionEditor::ScreeningStep);
    EXPECT_TRUE(test::grabTo(*follow, "follow-up-carried-osteoporosis.png"));

    // Unticking a carried finding clears its mark (the clinician has answered it).
    s2.findingBox("osteoporosis")->click();
    EXPECT_FALSE(mark->isVisibleTo(&s2));
    EXPECT_EQ(statusOf(catalog, "seated_thoracic_twist"), EligibilityStatus::Eligible);
    ASSERT_TRUE(follow->save().ok());
}

// Issue 12, safety 3: an empty screening said "Routine: no red flags recorded - a handout is
// allowed" before anything was asked.
TEST(FollowUpSafety, AnEmptyScreeningIsNotDoneYetUntilSomethingIsRecorded) {
    test::AppFixture app;
    MainWindow window(*app.services);
    window.show();
    ASSERT_GT(window.addPatient(Patient{0, "Ana Ruiz", "1980-05-06", "", "", false}), 0);
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    TriageBanner& banner = *editor->banner();
    EXPECT_FALSE(banner.screeningRecorded());
    EXPECT_EQ(banner.headline(), QStringLiteral("Screening not done yet"));
    EXPECT_FALSE(banner.instruction().contains(QStringLiteral("handout is allowed")))
        << banner.instruction().toStdString();
    EXPECT_EQ(banner.findChild<QLabel*>(QStringLiteral("triageTitle"))->text(),
              QStringLiteral("Screening not done yet"));
    EXPECT_TRUE(test::grabTo(*editor, "session-screening-not-done.png"));

    // The age (from the birth date), sex and regions are facts, not a screening.
    auto* sex = editor->screeningPage()->findChild<QComboBox*>();
    sex->setCurrentIndex(sex->findData(static_cast<int>(Sex::Female)));
    EXPECT_EQ(banner.headline(), QStringLiteral("Screening not done yet"));

    // A pain score recorded: now "no red flags" is a finding of the screening.
    ScreeningPage& page = *editor->screeningPage();
    auto* painNow = page.findChild<QCheckBox*>(QStringLiteral("painRecorded0"));
    ASSERT_NE(painNow, nullptr);
    painNow->click();
    EXPECT_TRUE(banner.screeningRecorded());
    EXPECT_EQ(banner.headline(), QStringLiteral("Routine: no red flags recorded"));
    EXPECT_EQ(banner.instruction(), QStringLiteral("A handout is allowed."));
    painNow->click();
    EXPECT_EQ(banner.headline(), QStringLiteral("Screening not done yet"));
    page.findingBox("radiating_leg")->click();
    EXPECT_EQ(banner.level(), TriageLevel::ReferAndMonitor);
    ASSERT_TRUE(editor->save().ok());
}

// Issue 12, safety 2: with an emergency the Exercises step still looked like any other visit;
// only the Handout step said a handout was blocked.
TEST(FollowUpSafety, TheExercisesStepSaysAHandoutIsBlockedAndWhy) {
    test::AppFixture app;
    MainWindow window(*app.services);
    window.show();
    ASSERT_GT(window.addPatient(Patient{0, "Luis Gómez", "1975-01-02", "", "", false}), 0);
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    ExercisesPage& page = *editor->exercisesPage();
    editor->showStep(SessionEditor::ExercisesStep);
    EXPECT_FALSE(page.handoutNotice()->isVisible()) << "nothing blocks a routine handout";

    editor->screeningPage()->findingBox("ces_saddle_numbness")->click();
    EXPECT_TRUE(page.handoutNotice()->isVisible());
    const QString emergency = page.handoutNotice()->text();
    EXPECT_TRUE(emergency.startsWith(QStringLiteral("No handout and no exercises: Emergency")))
        << emergency.toStdString();
    EXPECT_TRUE(emergency.contains(QStringLiteral("Possible cauda equina syndrome")))
        << emergency.toStdString();
    EXPECT_TRUE(emergency.contains(QStringLiteral("override reason"))) << emergency.toStdString();
    EXPECT_LT(page.handoutNotice()->height(), page.height() / 4) << "the catalog keeps the room";
    EXPECT_TRUE(test::grabTo(*editor, "session-emergency-exercises.png"));

    editor->screeningPage()->findingBox("ces_saddle_numbness")->click();
    editor->screeningPage()->findingBox("significant_trauma")->click();
    const QString urgent = page.handoutNotice()->text();
    EXPECT_TRUE(urgent.startsWith(QStringLiteral("No handout and no exercises: Urgent referral")))
        << urgent.toStdString();
    EXPECT_TRUE(urgent.contains(QStringLiteral("significant recent trauma")))
        << urgent.toStdString();

    // With a real override reason the notice says the handout goes out under it.
    QLineEdit* reason = editor->handoutPage()->overrideEdit();
    QComboBox* kind = editor->handoutPage()->overrideKindBox();
    kind->setCurrentIndex(kind->findData(QStringLiteral("seen_by_doctor_today")));
    reason->setFocus();
    QTest::keyClicks(reason, QStringLiteral("x"));
    EXPECT_TRUE(page.handoutNotice()->text().startsWith(QStringLiteral("No handout")))
        << "\"x\" is no reason";
    reason->clear();
    QTest::keyClicks(reason, QStringLiteral("Seen by her doctor today, exercises agreed"));
    EXPECT_TRUE(page.handoutNotice()->isVisible());
    EXPECT_TRUE(page.handoutNotice()->text().contains(QStringLiteral("override reason recorded")))
        << page.handoutNotice()->text().toStdString();

    editor->screeningPage()->findingBox("significant_trauma")->click();
    EXPECT_FALSE(page.handoutNotice()->isVisible());
    ASSERT_TRUE(editor->save().ok());
}

} // namespace
} // namespace hepdesk::gui
