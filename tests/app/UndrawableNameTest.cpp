#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "MainWindow.h"
#include "SessionEditor.h"
#include "WidgetTestSupport.h"

#include <QLabel>
#include <QPushButton>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

/// The Handout step of a new visit for `name`, with one exercise chosen.
struct VisitFor {
    test::AppFixture app;
    std::unique_ptr<MainWindow> window;
    SessionEditor* editor = nullptr;

    explicit VisitFor(const std::string& name) {
        window = std::make_unique<MainWindow>(*app.services);
        window->show();
        window->addPatient(Patient{0, name, "1960-05-04", "", "", false});
        editor = window->openSession(0);
        if (editor != nullptr) {
            test::recordPainNow(*editor); // screen first: a routine screening
            editor->showStep(SessionEditor::ExercisesStep);
            EXPECT_TRUE(editor->exercisesPage()->addExercise("cat_cow"));
            editor->showStep(SessionEditor::HandoutStep);
        }
    }
    ~VisitFor() {
        if (editor != nullptr) {
            (void)editor->save(); // stored, so closing does not ask
        }
    }
};

TEST(UndrawableName, ArabicPatientNameWarnsBesideExportAndExportStaysPossible) {
    // Noto Sans has no Arabic: the name would print as empty boxes.
    VisitFor v("محمد علي");
    ASSERT_NE(v.editor, nullptr);
    HandoutPage& handout = *v.editor->handoutPage();
    QLabel* warning = handout.undrawableLabel();
    ASSERT_NE(warning, nullptr);
    EXPECT_TRUE(warning->isVisibleTo(&handout)) << "the clinician sees it before Export";
    EXPECT_TRUE(warning->text().contains(QStringLiteral("patient name")))
        << warning->text().toStdString();
    EXPECT_TRUE(warning->text().contains(QStringLiteral("U+0645")))
        << "names the character (meem): " << warning->text().toStdString();
    EXPECT_TRUE(handout.canExport()) << "a warning, not a refusal";
    EXPECT_TRUE(handout.exportButton()->isEnabled());
    EXPECT_TRUE(test::grabTo(*v.editor, "handout-undrawable-name.png"));
}

TEST(UndrawableName, LatinGreekAndCyrillicNamesShowNoWarning) {
    VisitFor v("Zoë Ñúñez-Παπαδοπούλου Иванова");
    ASSERT_NE(v.editor, nullptr);
    HandoutPage& handout = *v.editor->handoutPage();
    EXPECT_FALSE(handout.undrawableLabel()->isVisibleTo(&handout))
        << handout.undrawableLabel()->text().toStdString();
    EXPECT_TRUE(handout.canExport());
}

} // namespace
} // namespace hepdesk::gui
