#include "PsfsForm.h"

#include "ExercisesPage.h"
#include "MainWindow.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "WidgetTestSupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>
#include <gtest/gtest.h>

// Issue 15: the PSFS on the screening step, re-rated at a follow-up, and the adherence asked.
namespace hepdesk::gui {
namespace {

TEST(PsfsForm, RatedActivitiesShowTheMeanAndAFollowUpAsksThemAgainWithAdherence) {
    test::AppFixture app;
    MainWindow window(*app.services);
    window.show();
    ASSERT_GT(window.addPatient(Patient{0, "Rosa Díaz", "1960-03-02", "R-1", "", false}), 0);
    SessionEditor* first = window.openSession(0);
    ASSERT_NE(first, nullptr);
    PsfsForm& form = *first->screeningPage()->psfsForm();
    QTest::keyClicks(form.activityEdit(0), QStringLiteral("Lifting my grandson"));
    form.ratingBox(0)->setValue(3);
    QTest::keyClicks(form.activityEdit(1), QStringLiteral("Sitting through a film"));
    form.ratingBox(1)->setValue(6);
    QTest::keyClicks(form.activityEdit(2), QStringLiteral("Gardening")); // not rated yet
    EXPECT_EQ(form.scoreLabel()->text().toStdString(),
              "PSFS mean: 4.5 of 10 (2 of 3 activities rated)");
    form.grab().save(QStringLiteral("/tmp/h4-psfs-form.png"));
    ASSERT_TRUE(first->exercisesPage()->addExercise("pelvic_tilt"));
    ASSERT_TRUE(first->save().ok());
    first->close();

    window.followUpAction()->trigger();
    const auto editors = window.sessionEditors();
    ASSERT_FALSE(editors.empty());
    SessionEditor* follow = editors.back();
    PsfsForm& again = *follow->screeningPage()->psfsForm();
    EXPECT_EQ(again.activityEdit(0)->text().toStdString(), "Lifting my grandson");
    EXPECT_EQ(again.activityEdit(2)->text().toStdString(), "Gardening");
    EXPECT_EQ(again.ratingBox(0)->text().toStdString(), "not rated") << "rated afresh";
    EXPECT_EQ(again.scoreLabel()->text().toStdString(), "PSFS: not rated");
    QSpinBox* days = again.adherenceBox("pelvic_tilt");
    ASSERT_NE(days, nullptr) << "the last program's exercise is asked";
    EXPECT_EQ(days->text().toStdString(), "not asked");
    days->setValue(11);
    again.ratingBox(0)->setValue(7);
    again.grab().save(QStringLiteral("/tmp/h4-adherence.png"));
    const Screening s = follow->screeningPage()->screening();
    ASSERT_EQ(s.adherence.size(), 1U);
    EXPECT_EQ(s.adherence[0].daysDone, 11);
    EXPECT_EQ(s.psfs[0].rating, 7);
    EXPECT_EQ(again.scoreLabel()->text().toStdString(),
              "PSFS mean: 7.0 of 10 (1 of 3 activities rated)");
}

} // namespace
} // namespace hepdesk::gui
