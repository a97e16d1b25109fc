#include "HandoutPreview.h"

#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "MainWindow.h"
#include "ProgramModel.h"
#include "SessionEditor.h"
#include "SettingsDialog.h"
#include "WidgetTestSupport.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <gtest/gtest.h>

// Issue 12 items 9 and 10: the preview shows whole pages with zoom and page navigation; the
// paper comes from Settings; export names are unique per session; Ctrl+E works from a text
// field; a blocked export is explained once.
namespace hepdesk::gui {
namespace {

struct Visit {
    test::AppFixture app;
    std::unique_ptr<MainWindow> window;
    Visit() {
        window = std::make_unique<MainWindow>(*app.services);
        window->show();
        window->addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    }
    /// A new session whose screening records the pain now (screen first: a routine one).
    SessionEditor* open() {
        SessionEditor* e = window->openSession(0);
        if (e != nullptr) {
            test::recordPainNow(*e);
        }
        return e;
    }
};

TEST(HandoutPreview, WholePageWithZoomAndPageNavigation) {
    Visit v;
    SessionEditor* e = v.open();
    ASSERT_NE(e, nullptr);
    for (const char* id : {"pelvic_tilt", "cat_cow", "bird_dog", "chin_tuck"}) {
        ASSERT_TRUE(e->exercisesPage()->addExercise(id)) << id;
    }
    e->resize(1100, 800);
    e->showStep(SessionEditor::HandoutStep);
    QCoreApplication::processEvents();
    HandoutPreview& preview = *e->handoutPage()->preview();
    const int pages = static_cast<int>(preview.pages().size());
    ASSERT_GE(pages, 2);
    EXPECT_EQ(preview.pageLabel()->text(), QStringLiteral("Page 1 of %1").arg(pages));
    EXPECT_FALSE(preview.previousButton()->isEnabled());

    // Fit page: the whole page is inside the visible area.
    const QSize view = preview.scrollArea()->viewport()->size();
    QRect page = preview.pageRect();
    EXPECT_LE(page.right(), view.width());
    EXPECT_LE(page.bottom(), view.height());
    EXPECT_TRUE(test::grabTo(*e, "h6-preview-fit-page.png"));

    preview.nextButton()->click();
    EXPECT_EQ(preview.currentPage(), 1);
    EXPECT_EQ(preview.pageLabel()->text(), QStringLiteral("Page 2 of %1").arg(pages));
    EXPECT_TRUE(preview.previousButton()->isEnabled());
    EXPECT_TRUE(test::grabTo(*e, "h6-preview-page-2.png"));

    // Fit width: the page is as wide as the visible area, and taller: it scrolls.
    preview.zoomBox()->setCurrentIndex(
        preview.zoomBox()->findData(static_cast<int>(HandoutPreview::Zoom::FitWidth)));
    QCoreApplication::processEvents();
    const QSize wide = preview.scrollArea()->viewport()->size();
    page = preview.pageRect();
    EXPECT_NEAR(page.width(), wide.width() - 2 * page.left(), 2);
    EXPECT_GT(page.width(), view.width() / 2);
    EXPECT_TRUE(test::grabTo(*e, "h6-preview-fit-width.png"));

    // 100 %: a point is a point at the screen's resolution.
    preview.setZoom(HandoutPreview::Zoom::Actual);
    EXPECT_EQ(preview.zoomBox()->currentData().toInt(),
              static_cast<int>(HandoutPreview::Zoom::Actual));
    EXPECT_DOUBLE_EQ(preview.scale(), preview.logicalDpiX() / 72.0);
    EXPECT_NEAR(preview.pageRect().width(), preview.pages()[1].width * preview.scale(), 1);

    // Laid out again (a dosage change), the preview stays on its page.
    ASSERT_TRUE(
        e->programModel()->setData(e->programModel()->index(0), 12, ProgramModel::RepsRole));
    EXPECT_EQ(preview.currentPage(), 1);
    preview.setCurrentPage(pages + 5);
    EXPECT_EQ(preview.currentPage(), pages - 1);
    EXPECT_FALSE(preview.nextButton()->isEnabled());
    (void)e->save();
}

TEST(HandoutExport, PaperFromSettingsUniqueNamesCtrlEFromAFieldAndOneBlockedMessage) {
    Visit v;
    {
        SettingsDialog settings(v.app.services->clinic(), v.app.services->clinicians());
        ASSERT_TRUE(settings.load().ok());
        settings.clinicianNameEdit()->setText(QStringLiteral("Ana Pérez"));
        settings.paperBox()->setCurrentIndex(settings.paperBox()->findData(
            static_cast<int>(handout::HandoutOptions::Paper::Letter)));
        ASSERT_TRUE(settings.save().ok());
    }
    SessionEditor* first = v.open();
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->handoutPage()->request().options.paper, handout::HandoutOptions::Paper::Letter)
        << "a new session starts on the paper chosen in Settings";
    ASSERT_TRUE(first->exercisesPage()->addExercise("pelvic_tilt"));
    ASSERT_TRUE(first->save().ok());
    SessionEditor* second = v.open();
    ASSERT_NE(second, nullptr);
    ASSERT_TRUE(second->save().ok());
    const QString a = first->suggestedExportPath();
    const QString b = second->suggestedExportPath();
    EXPECT_NE(a, b) << "two sessions on one day";
    EXPECT_TRUE(a.endsWith(QStringLiteral(" session %1.pdf").arg(first->session().id)))
        << a.toStdString();
    EXPECT_TRUE(a.contains(QStringLiteral("Rosa Díaz"))) << a.toStdString();

    // The second session has no exercise: export is blocked. Ctrl+E from a text field goes to
    // the Handout step, where the reason is said once; no dialog repeats it.
    second->showStep(SessionEditor::ExercisesStep);
    second->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(second));
    QLineEdit* search = second->exercisesPage()->searchEdit();
    search->setFocus();
    ASSERT_TRUE(QTest::qWaitFor([&] { return QApplication::focusWidget() == search; }));
    QTest::keyClick(search, Qt::Key_E, Qt::ControlModifier);
    EXPECT_EQ(second->steps()->currentWidget(), second->handoutPage()) << "Ctrl+E ran";
    EXPECT_EQ(QApplication::activeModalWidget(), nullptr) << "no dialog repeats the reason";
    EXPECT_EQ(search->cursorPosition(), search->text().size());
    HandoutPage& handout = *second->handoutPage();
    ASSERT_FALSE(handout.canExport());
    const QString reason = handout.blockedReason();
    int shown = 0;
    for (const QLabel* label : second->findChildren<QLabel*>()) {
        shown += label->isVisible() && label->text().contains(reason) ? 1 : 0;
    }
    EXPECT_EQ(shown, 1) << reason.toStdString();
    EXPECT_FALSE(handout.preview()->message().contains(reason));
    EXPECT_FALSE(second->statusBar()->currentMessage().contains(reason));
    EXPECT_TRUE(test::grabTo(*second, "h6-export-blocked.png"));

    SettingsDialog reset(v.app.services->clinic(), v.app.services->clinicians());
    ASSERT_TRUE(reset.load().ok());
    reset.paperBox()->setCurrentIndex(
        reset.paperBox()->findData(static_cast<int>(handout::HandoutOptions::Paper::A4)));
    ASSERT_TRUE(reset.save().ok());
}

} // namespace
} // namespace hepdesk::gui
