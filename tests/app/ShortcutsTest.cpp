// Every main action has a shortcut the user can see (in its menu or its tooltip), and no two
// visible controls share an Alt+letter: Qt then only moves the focus between them instead of
// pressing either, so the shortcut silently stops working.
#include "CustomExerciseDialog.h"
#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "MainWindow.h"
#include "PatientDialog.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "SettingsDialog.h"
#include "SignPage.h"
#include "Translations.h"
#include "WidgetTestSupport.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <gtest/gtest.h>
#include <map>

namespace hepdesk::gui {
namespace {

/// Each Alt+letter the visible controls of `window` define, with the texts that define it.
std::map<QString, QStringList> mnemonics(QWidget* window) {
    std::map<QString, QStringList> out;
    auto add = [&out](const QString& text) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty()) {
            out[key.toString()] << text;
        }
    };
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (!w->isVisible() || w->window() != window) {
            continue;
        }
        if (auto* b = qobject_cast<QAbstractButton*>(w)) {
            add(b->text());
        } else if (auto* l = qobject_cast<QLabel*>(w); l != nullptr && l->buddy() != nullptr) {
            add(l->text());
        } else if (auto* g = qobject_cast<QGroupBox*>(w)) {
            add(g->title());
        } else if (auto* t = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < t->count(); ++i) {
                add(t->tabText(i));
            }
        } else if (auto* m = qobject_cast<QMenuBar*>(w)) {
            for (QAction* a : m->actions()) {
                add(a->text());
            }
        }
    }
    return out;
}

/// The Alt+letters that more than one visible control of `window` claims.
std::string ambiguous(QWidget* window) {
    std::string report;
    for (const auto& [key, texts] : mnemonics(window)) {
        if (texts.size() > 1) {
            report +=
                key.toStdString() + ": " + texts.join(QStringLiteral(" | ")).toStdString() + "\n";
        }
    }
    return report;
}

bool hasShortcut(const QWidget& w, const QKeySequence& key) {
    for (const QAction* a : w.actions()) {
        if (a->shortcut() == key) {
            return true;
        }
    }
    return false;
}

QString native(const QKeySequence& key) {
    return key.toString(QKeySequence::NativeText);
}

/// Every check runs in each interface language: a translation brings its own access keys,
/// and two of them on one letter break a shortcut just as in English.
class Shortcuts : public ::testing::TestWithParam<const char*> {
protected:
    void SetUp() override {
        QString why;
        ASSERT_TRUE(translations_.install(QString::fromLatin1(GetParam()), &why))
            << why.toStdString();
    }
    void TearDown() override { translations_.uninstall(); }

private:
    Translations translations_;
};

TEST_P(Shortcuts, EveryMenuActionHasAShortcutAndTheToolbarShowsIt) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow w(*app.services);
    w.show();
    for (QAction* top : w.menuBar()->actions()) {
        ASSERT_NE(top->menu(), nullptr);
        for (QAction* a : top->menu()->actions()) {
            if (a->isSeparator() ||
                a->text() ==
                    QCoreApplication::translate("hepdesk::gui::MainWindow", "&About HepDesk")) {
                continue;
            }
            EXPECT_FALSE(a->shortcut().isEmpty())
                << a->text().toStdString() << " has no shortcut in its menu";
        }
    }
    auto* bar = w.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    ASSERT_NE(bar, nullptr);
    for (QAction* a : bar->actions()) {
        if (!a->isSeparator()) {
            EXPECT_TRUE(a->toolTip().contains(native(a->shortcut()))) << a->toolTip().toStdString();
        }
    }
}

TEST_P(Shortcuts, PatientPageButtonsNameTheirShortcuts) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow w(*app.services);
    w.show();
    ASSERT_NE(w.addPatient(Patient{0, "Tomás Gil", "", "", "", false}), 0);
    const std::pair<const char*, QAction*> buttons[] = {
        {"startSession", w.startSessionAction()},
        {"followUp", w.followUpAction()},
        {"openSession", w.openSessionAction()},
        {"editPatient", w.findChild<QAction*>(QStringLiteral("actionEditPatient"))},
    };
    for (const auto& [name, action] : buttons) {
        auto* b = w.findChild<QPushButton*>(QString::fromLatin1(name));
        ASSERT_NE(b, nullptr) << name;
        ASSERT_NE(action, nullptr) << name;
        EXPECT_TRUE(b->toolTip().contains(native(action->shortcut())))
            << name << ": " << b->toolTip().toStdString();
    }
    EXPECT_EQ(ambiguous(&w), "") << "the page's buttons and the menus share no Alt+letter";
}

TEST_P(Shortcuts, SessionWindowShortcutsAreShownAndNoStepSharesAnAltLetter) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow w(*app.services);
    w.show();
    ASSERT_NE(w.addPatient(Patient{0, "Tomás Gil", "", "", "", false}), 0);
    SessionEditor* e = w.openSession(0);
    ASSERT_NE(e, nullptr);
    ASSERT_TRUE(e->exercisesPage()->addExercise("pelvic_tilt"));
    // An urgent finding shows the override reason field and its label too.
    e->screeningPage()->findingBox("fever_or_chills")->click();

    const std::pair<QAbstractButton*, QKeySequence> shown[] = {
        {e->findChild<QPushButton*>(QStringLiteral("saveSession")), QKeySequence::Save},
        {e->handoutPage()->exportButton(), QKeySequence(Qt::CTRL | Qt::Key_E)},
        {e->handoutPage()->printButton(), QKeySequence::Print},
        {e->handoutPage()->printPreviewButton(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)},
    };
    for (const auto& [button, key] : shown) {
        ASSERT_NE(button, nullptr);
        EXPECT_TRUE(button->toolTip().contains(native(key))) << button->toolTip().toStdString();
        EXPECT_TRUE(hasShortcut(*e, key)) << native(key).toStdString() << " does something";
    }
    for (int i = 0; i < 4; ++i) {
        const QKeySequence key(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i));
        EXPECT_TRUE(e->steps()->tabToolTip(i).contains(native(key)))
            << e->steps()->tabToolTip(i).toStdString();
        EXPECT_TRUE(hasShortcut(*e, key));
    }
    const QKeySequence sign = QKeySequence::mnemonic(e->signPage()->signButton()->text());
    EXPECT_FALSE(sign.isEmpty());
    EXPECT_TRUE(e->signPage()->signButton()->toolTip().contains(native(sign)))
        << e->signPage()->signButton()->toolTip().toStdString();

    for (auto step : {SessionEditor::ScreeningStep, SessionEditor::ExercisesStep,
                      SessionEditor::HandoutStep, SessionEditor::SignStep}) {
        e->showStep(step);
        EXPECT_EQ(ambiguous(e), "") << "step " << static_cast<int>(step) + 1;
    }
    ASSERT_TRUE(e->save().ok());
}

TEST_P(Shortcuts, NoScreeningLabelShowsALiteralAmpersand) {
    // A label whose text names an Alt letter must have a buddy; without one Qt draws the '&'.
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow w(*app.services);
    w.show();
    ASSERT_NE(w.addPatient(Patient{0, "Tomás Gil", "", "", "", false}), 0);
    SessionEditor* e = w.openSession(0);
    ASSERT_NE(e, nullptr);
    e->showStep(SessionEditor::ScreeningStep);
    int mnemonics = 0;
    for (const QLabel* label : e->screeningPage()->findChildren<QLabel*>()) {
        const QString text = QString(label->text()).replace(QStringLiteral("&&"), QString());
        if (label->textFormat() == Qt::PlainText || !text.contains(QLatin1Char('&'))) {
            continue;
        }
        ++mnemonics;
        EXPECT_NE(label->buddy(), nullptr) << label->text().toStdString();
    }
    EXPECT_GE(mnemonics, 4) << "age, sex, duration and the visit time name an Alt letter";
}

TEST_P(Shortcuts, DialogsShareNoAltLetter) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    PatientDialog patient;
    patient.show();
    EXPECT_EQ(ambiguous(&patient), "");
    SettingsDialog settings(app.services->clinic(), app.services->clinicians());
    ASSERT_TRUE(settings.load().ok());
    settings.show();
    EXPECT_EQ(ambiguous(&settings), "");
    CustomExerciseDialog custom(*app.services);
    custom.show();
    EXPECT_EQ(ambiguous(&custom), "");
}

INSTANTIATE_TEST_SUITE_P(Languages, Shortcuts, ::testing::Values("en", "es"));

} // namespace
} // namespace hepdesk::gui
