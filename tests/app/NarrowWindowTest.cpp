#include "ExercisesPage.h"
#include "MainWindow.h"
#include "ProgramModel.h"
#include "ProtocolChooser.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "Translations.h"
#include "WidgetTestSupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

/// The session window on a 1024-pixel laptop beside the sidebar: 784 pixels wide.
constexpr int kLaptopSessionWidth = 784;

/// The interface in `language` for one test, back to English afterwards.
class Interface {
public:
    explicit Interface(const QString& language) {
        if (language != QStringLiteral("en")) {
            QString why;
            EXPECT_TRUE(translations_.install(language, &why)) << why.toStdString();
        }
    }
    Interface(const Interface&) = delete;
    Interface& operator=(const Interface&) = delete;
    ~Interface() { translations_.uninstall(); }

private:
    Translations translations_;
};

class ScreeningAtLaptopWidth : public testing::TestWithParam<const char*> {};

TEST_P(ScreeningAtLaptopWidth, NeedsNoHorizontalScrollBar) {
    const QString language = QString::fromLatin1(GetParam());
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    Interface ui(language);
    MainWindow window(*app.services);
    window.show();
    window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    editor->showStep(SessionEditor::ScreeningStep);
    ScreeningPage& screening = *editor->screeningPage();
    // Every part shown that may widen the column: the neck (NDI) and a check beside a field.
    screening.regionBox(Region::Neck)->click();
    screening.regionBox(Region::LowBack)->click();
    editor->resize(kLaptopSessionWidth, 700);
    QApplication::processEvents();
    EXPECT_EQ(editor->width(), kLaptopSessionWidth)
        << "the session window is wider than a laptop leaves it: minimum "
        << editor->minimumSizeHint().width();
    auto* scroll = screening.findChild<QScrollArea*>();
    ASSERT_NE(scroll, nullptr);
    const QString shot = QStringLiteral("h15-screening-784-%1.png").arg(language);
    EXPECT_TRUE(editor->grab().save(QStringLiteral("/tmp/") + shot));
    EXPECT_FALSE(scroll->horizontalScrollBar()->isVisible())
        << "the form needs " << scroll->widget()->minimumSizeHint().width()
        << " pixels, the column has " << scroll->viewport()->width();
    EXPECT_TRUE(scroll->verticalScrollBar()->isVisible()); // the form is taller: it scrolls
    // Too narrow for two columns: the questionnaires follow the findings, and a long red flag
    // wraps inside the column (its box stays clickable).
    QCheckBox* saddle = screening.findingBox("ces_saddle_numbness");
    QWidget* startBack = screening.startBackBox("worrying_thoughts");
    const auto at = [&](QWidget* w) { return w->mapTo(scroll->widget(), QPoint(0, 0)); };
    EXPECT_GT(at(startBack).y(), at(saddle).y());
    for (QCheckBox* box : scroll->widget()->findChildren<QCheckBox*>()) {
        EXPECT_LE(at(box).x() + box->width(), scroll->viewport()->width())
            << box->objectName().toStdString();
    }
    QTest::mouseClick(saddle, Qt::LeftButton, {}, QPoint(saddle->width() - 4, 6));
    EXPECT_TRUE(saddle->isChecked()) << "a click on the text ticks it";
    EXPECT_TRUE(startBack->parentWidget()->grab().save(
        QStringLiteral("/tmp/h15-screening-784-%1-startback.png").arg(language)));
    EXPECT_TRUE(scroll->widget()->grab().save(
        QStringLiteral("/tmp/h15-screening-784-%1-whole.png").arg(language)));

    // On a wider screen (1366 pixels beside the sidebar) the two columns stand side by side.
    editor->resize(1126, 700);
    QApplication::processEvents();
    EXPECT_FALSE(scroll->horizontalScrollBar()->isVisible());
    EXPECT_GT(at(startBack).x(), at(saddle).x() + saddle->width());
    EXPECT_TRUE(
        editor->grab().save(QStringLiteral("/tmp/h15-screening-1126-%1.png").arg(language)));
    (void)editor->save();
}

INSTANTIATE_TEST_SUITE_P(EnglishAndSpanish, ScreeningAtLaptopWidth, testing::Values("en", "es"),
                         [](const testing::TestParamInfo<const char*>& p) {
                             return std::string(p.param);
                         });

} // namespace
} // namespace hepdesk::gui

namespace hepdesk::gui {
namespace {

struct ExercisesCase {
    const char* language;
    int width;
};

class ExercisesAtScreenWidths : public testing::TestWithParam<ExercisesCase> {};

TEST_P(ExercisesAtScreenWidths, ShowTheirButtonsAndChoicesWhole) {
    const QString language = QString::fromLatin1(GetParam().language);
    const int width = GetParam().width;
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    Interface ui(language);
    MainWindow window(*app.services);
    window.show();
    window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    editor->screeningPage()->regionBox(Region::LowBack)->click();
    editor->screeningPage()->regionBox(Region::MidBack)->click();
    ExercisesPage& page = *editor->exercisesPage();
    ProtocolChooser& chooser = *page.protocolChooser();
    chooser.choice()->setCurrentIndex(
        chooser.choice()->findData(QStringLiteral("Acute low back pain: first week")));
    ASSERT_TRUE(chooser.applySelected().ok());
    page.programView()->setCurrentIndex(editor->programModel()->index(0));
    editor->resize(width, 700);
    editor->showStep(SessionEditor::ExercisesStep);
    QApplication::processEvents();
    EXPECT_TRUE(editor->grab().save(
        QStringLiteral("/tmp/h15-exercises-%1-%2.png").arg(width).arg(language)));
    EXPECT_EQ(editor->width(), width) << "minimum " << editor->minimumSizeHint().width();
    // A narrow protocol box still names the whole protocol (its tooltip).
    EXPECT_TRUE(
        chooser.choice()->toolTip().startsWith(QStringLiteral("Acute low back pain: first week")))
        << chooser.choice()->toolTip().toStdString();
    // The program side (protocols, list, buttons, dosage) is never cut off at the right: no
    // sideways scroll bar, every button whole inside it. The catalog list may scroll sideways.
    auto* programSide = page.findChild<QScrollArea*>();
    ASSERT_NE(programSide, nullptr);
    EXPECT_FALSE(programSide->horizontalScrollBar()->isVisible());
    const int right = programSide->viewport()->width();
    for (auto* button : programSide->widget()->findChildren<QAbstractButton*>()) {
        if (!button->isVisible()) {
            continue;
        }
        SCOPED_TRACE(button->text().toStdString());
        EXPECT_LE(button->mapTo(programSide->viewport(), QPoint(button->width(), 0)).x(), right);
        if (qobject_cast<QPushButton*>(button) != nullptr) {
            EXPECT_GE(button->width(), button->sizeHint().width()) << "its text is whole";
        }
    }
    (void)editor->save();
}

INSTANTIATE_TEST_SUITE_P(LaptopsAndLanguages, ExercisesAtScreenWidths,
                         testing::Values(ExercisesCase{"en", 784}, ExercisesCase{"es", 784},
                                         ExercisesCase{"en", 1024}, ExercisesCase{"es", 1024},
                                         ExercisesCase{"en", 1366}, ExercisesCase{"es", 1366}),
                         [](const testing::TestParamInfo<ExercisesCase>& p) {
                             return std::string(p.param.language) + "_" +
                                    std::to_string(p.param.width);
                         });

} // namespace
} // namespace hepdesk::gui
