// A whole visit from the keyboard alone: every step is a key press sent to whatever has the
// focus, as a clinician without a mouse (or with a screen reader) would do it. No setters, no
// clicks; the test only reads widgets to check where the focus is and what the app shows.
#include "AppPreferences.h"
#include "CatalogModel.h"
#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "MainWindow.h"
#include "PatientDialog.h"
#include "ProgramModel.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "SettingsDialog.h"
#include "SignPage.h"
#include "TriageBanner.h"
#include "WidgetTestSupport.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <filesystem>
#include <functional>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

QWidget* focused() {
    QWidget* f = QApplication::focusWidget();
    return f != nullptr ? f : QApplication::activeWindow();
}

/// One key press (with modifiers) where the keyboard's focus is.
void press(QKeyCombination key) {
    QWidget* target = focused();
    ASSERT_NE(target, nullptr) << "no window has the keyboard";
    QTest::keyClick(target, key.key(), key.keyboardModifiers());
}

/// A shortcut (a whole key sequence) where the keyboard's focus is.
void pressShortcut(const QKeySequence& sequence) {
    QWidget* target = focused();
    ASSERT_NE(target, nullptr) << "no window has the keyboard";
    QTest::keySequence(target, sequence);
}

/// Types `text` where the keyboard's focus is, one key at a time.
void type(const QString& text) {
    QWidget* target = focused();
    ASSERT_NE(target, nullptr) << "no window has the keyboard";
    test::typeText(target, text);
}

/// Waits until `w` is the window the keyboard goes to. (QTest::qWaitForWindowActive can
/// return while QApplication::activeWindow(), which shortcuts follow, still names the last one.)
bool waitActive(QWidget* w) {
    return QTest::qWaitFor([w] { return QApplication::activeWindow() == w; });
}

/// The offscreen platform has no window manager: when a dialog or window closes, nothing
/// gives the keyboard back to the window below it. This does what a window manager does; the
/// app itself is not touched.
bool windowManagerReturnsKeyboardTo(QWidget* w) {
    w->activateWindow();
    return waitActive(w);
}

/// Presses `open` and, inside the modal dialog it runs, `drive`; true when `drive` ran.
bool inModal(const std::function<void(QWidget* dialog)>& drive, const std::function<void()>& open) {
    bool ran = false;
    QTimer::singleShot(0, qApp, [&] {
        QWidget* dialog = QApplication::activeModalWidget();
        ASSERT_NE(dialog, nullptr) << "no dialog opened";
        ASSERT_TRUE(waitActive(dialog)) << "the dialog has the keyboard";
        ran = true;
        drive(dialog);
    });
    open();
    QCoreApplication::processEvents();
    return ran;
}

/// Runs `drive` on the next modal dialog as soon as one is shown. Needed when the dialog
/// opens from a delayed click (an Alt+letter presses its button visibly, a moment later), so
/// that the dialog's own event loop is already running when `drive` presses keys in it.
void whenModalShows(const std::function<void(QWidget* dialog)>& drive, bool* ran) {
    auto* poll = new QTimer(qApp);
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, qApp, [poll, drive, ran] {
        QWidget* dialog = QApplication::activeModalWidget();
        if (dialog == nullptr || !dialog->isVisible()) {
            return;
        }
        poll->stop();
        poll->deleteLater();
        ASSERT_TRUE(waitActive(dialog)) << "the dialog has the keyboard";
        *ran = true;
        drive(dialog);
    });
    poll->start();
}

/// The Alt+letter of a group box's title.
QKeySequence mnemonicOf(const QGroupBox* box) {
    return QKeySequence::mnemonic(box->title());
}

TEST(KeyboardVisit, NewPatientToSignedSessionWithTheKeyboardAlone) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow w(*app.services);
    w.resize(1200, 760);
    w.show();
    w.activateWindow();
    ASSERT_TRUE(waitActive(&w));
    EXPECT_TRUE(test::grabTo(w, "keyboard-0-main.png"));

    // Settings (Ctrl+,): Alt+M is "Full name" in "You", Tab goes to the credentials, Enter saves.
    ASSERT_TRUE(inModal(
        [](QWidget* dialog) {
            auto* d = qobject_cast<SettingsDialog*>(dialog);
            ASSERT_NE(d, nullptr);
            press(Qt::ALT | Qt::Key_M);
            ASSERT_EQ(focused(), d->clinicianNameEdit());
            type(QStringLiteral("Ana Pérez"));
            press(Qt::Key_Tab);
            ASSERT_EQ(focused(), d->credentialsEdit());
            type(QStringLiteral("PT, DPT"));
            EXPECT_TRUE(test::grabTo(*d, "keyboard-1-settings.png"));
            press(Qt::Key_Return);
            EXPECT_FALSE(d->isVisible()) << "Enter saves the settings";
        },
        [&w] { pressShortcut(w.settingsAction()->shortcut()); }));
    ASSERT_NE(AppPreferences().clinicianId(), 0);

    // New patient (Ctrl+N): name, Tab, date of birth, Tab, record number, Enter.
    ASSERT_TRUE(windowManagerReturnsKeyboardTo(&w));
    ASSERT_TRUE(inModal(
        [](QWidget* dialog) {
            auto* d = qobject_cast<PatientDialog*>(dialog);
            ASSERT_NE(d, nullptr);
            ASSERT_EQ(focused(), d->nameEdit()) << "the cursor starts in the name";
            type(QStringLiteral("Łucja Kowalska"));
            press(Qt::Key_Tab);
            ASSERT_EQ(focused(), d->birthDateEdit());
            type(QStringLiteral("1979-05-12"));
            press(Qt::Key_Tab);
            ASSERT_EQ(focused(), d->recordEdit());
            type(QStringLiteral("K-77"));
            EXPECT_TRUE(test::grabTo(*d, "keyboard-2-new-patient.png"));
            press(Qt::Key_Return);
            EXPECT_FALSE(d->isVisible()) << "Enter stores the patient";
        },
        [] { pressShortcut(QKeySequence::New); }));
    auto patients = app.services->patients().list({});
    ASSERT_TRUE(patients.ok());
    ASSERT_EQ(patients->size(), 1U);
    const std::int64_t patientId = patients->front().id;
    EXPECT_EQ(patients->front().name, "Łucja Kowalska");

    // Start a session (Ctrl+Shift+N): a new window with the keyboard in it.
    ASSERT_TRUE(windowManagerReturnsKeyboardTo(&w));
    pressShortcut(w.startSessionAction()->shortcut());
    ASSERT_EQ(w.sessionEditors().size(), 1U) << "Ctrl+Shift+N starts a session";
    SessionEditor* e = w.sessionEditors().front();
    ASSERT_TRUE(waitActive(e));
    ASSERT_NE(focused(), nullptr);
    EXPECT_EQ(focused()->window(), e);
    ScreeningPage& screening = *e->screeningPage();

    // Screening: Alt+R is "Painful regions" (Neck); Right, Right is Low back; Space ticks it.
    press(Qt::ALT | Qt::Key_R);
    EXPECT_EQ(focused(), screening.regionBox(Region::Neck));
    press(Qt::Key_Right);
    press(Qt::Key_Right);
    ASSERT_EQ(focused(), screening.regionBox(Region::LowBack));
    press(Qt::Key_Space);
    EXPECT_TRUE(screening.regionBox(Region::LowBack)->isChecked());
    // The contraindications group's Alt+letter goes to its first box, osteoporosis.
    auto* contraindications =
        screening.findChild<QGroupBox*>(QStringLiteral("group_contraindication"));
    ASSERT_NE(contraindications, nullptr);
    ASSERT_FALSE(mnemonicOf(contraindications).isEmpty()) << "the group has an Alt+letter";
    pressShortcut(mnemonicOf(contraindications));
    ASSERT_EQ(focused(), screening.findingBox("osteoporosis"))
        << (focused() != nullptr ? focused()->objectName().toStdString() : "nothing");
    QCheckBox* osteoporosis = screening.findingBox("osteoporosis");
    EXPECT_FALSE(osteoporosis->visibleRegion().isEmpty()) << "scrolled into view";
    press(Qt::Key_Space);
    EXPECT_TRUE(osteoporosis->isChecked());
    EXPECT_TRUE(e->session().screening.findings.contains("osteoporosis"));
    EXPECT_EQ(e->banner()->level(), TriageLevel::Routine) << "a caution, not a referral";
    EXPECT_TRUE(test::grabTo(*e, "keyboard-3-screening.png"));

    // Exercises (Ctrl+2): Ctrl+F is the search, Enter goes to the first match, Enter adds it.
    press(Qt::CTRL | Qt::Key_2);
    ASSERT_EQ(e->steps()->currentWidget(), e->exercisesPage());
    ExercisesPage& exercises = *e->exercisesPage();
    for (const auto& [words, id] :
         {std::pair{"pelvic tilt", "pelvic_tilt"}, std::pair{"cat cow", "cat_cow"}}) {
        press(Qt::CTRL | Qt::Key_F);
        ASSERT_EQ(focused(), exercises.searchEdit()) << words;
        type(QString::fromLatin1(words));
        press(Qt::Key_Return);
        ASSERT_EQ(focused(), exercises.catalogView()) << words;
        const QModelIndex current = exercises.catalogView()->currentIndex();
        EXPECT_EQ(current.data(CatalogModel::ExerciseIdRole).toString(), QString::fromLatin1(id));
        press(Qt::Key_Return);
    }
    ASSERT_EQ(e->programModel()->rowCount(), 2) << exercises.messageLabel()->text().toStdString();
    EXPECT_EQ(e->programModel()->program().items[0].exerciseId, "pelvic_tilt");
    EXPECT_EQ(e->programModel()->program().items[1].exerciseId, "cat_cow");
    EXPECT_TRUE(test::grabTo(*e, "keyboard-4-exercises.png"));

    // Handout (Ctrl+3), Export PDF (Ctrl+E): the file name typed in the save dialog, Enter.
    press(Qt::CTRL | Qt::Key_3);
    ASSERT_EQ(e->steps()->currentWidget(), e->handoutPage());
    ASSERT_TRUE(e->handoutPage()->canExport()) << e->handoutPage()->blockedReason().toStdString();
    EXPECT_TRUE(test::grabTo(*e, "keyboard-5-handout.png"));
    const auto pdf = app.dir / "kowalska.pdf";
    ASSERT_TRUE(inModal(
        [&pdf](QWidget* dialog) {
            auto* files = qobject_cast<QFileDialog*>(dialog);
            ASSERT_NE(files, nullptr) << "Ctrl+E asks where to save";
            ASSERT_NE(qobject_cast<QLineEdit*>(focused()), nullptr) << "the file name has focus";
            press(Qt::CTRL | Qt::Key_A);
            type(QString::fromStdString(pdf.string()));
            EXPECT_TRUE(test::grabTo(*files, "keyboard-6-export-dialog.png"));
            press(Qt::Key_Return);
        },
        [] { press(Qt::CTRL | Qt::Key_E); }));
    // The PDF is written on a worker thread; the window stays responsive meanwhile.
    for (int i = 0; i < 240 && e->isExporting(); ++i) {
        QTest::qWait(250);
    }
    ASSERT_FALSE(e->isExporting());
    ASSERT_TRUE(std::filesystem::exists(pdf)) << "the PDF was written";

    // Sign (Ctrl+4, then Alt+G).
    ASSERT_TRUE(windowManagerReturnsKeyboardTo(e));
    press(Qt::CTRL | Qt::Key_4);
    ASSERT_EQ(e->steps()->currentWidget(), e->signPage());
    // Signing cannot be undone, so the button asks first: Esc goes back to the draft...
    bool asked = false;
    whenModalShows(
        [](QWidget* dialog) {
            EXPECT_EQ(dialog->objectName(), QStringLiteral("confirmSign"));
            EXPECT_TRUE(test::grabTo(*dialog, "keyboard-7-confirm-sign.png"));
            press(Qt::Key_Escape);
        },
        &asked);
    press(Qt::ALT | Qt::Key_G);
    // A mnemonic presses the button visibly (animateClick): the click lands a moment later.
    ASSERT_TRUE(QTest::qWaitFor([&asked] { return asked; })) << "Alt+G asks before signing";
    QTest::qWait(50);
    EXPECT_FALSE(e->isReadOnly()) << "Esc in the question does not sign";
    EXPECT_FALSE(e->session().isSigned);
    // ... and Enter (the default button, Sign) signs.
    ASSERT_TRUE(windowManagerReturnsKeyboardTo(e));
    asked = false;
    whenModalShows([](QWidget*) { press(Qt::Key_Return); }, &asked);
    press(Qt::ALT | Qt::Key_G);
    EXPECT_TRUE(QTest::qWaitFor([e] { return e->isReadOnly(); }))
        << e->signPage()->summaryText().toStdString();
    EXPECT_TRUE(asked);
    EXPECT_TRUE(test::grabTo(*e, "keyboard-8-signed.png"));

    // Ctrl+W closes the signed session without a question.
    const std::int64_t sessionId = e->session().id;
    const QPointer<SessionEditor> window(e);
    ASSERT_TRUE(windowManagerReturnsKeyboardTo(e)); // the question has closed
    pressShortcut(QKeySequence::Close);
    EXPECT_FALSE(e->isVisible()) << "Ctrl+W closed the session window";
    EXPECT_TRUE(QTest::qWaitFor([&window] { return window.isNull(); })) << "and deleted it";
    EXPECT_TRUE(w.sessionEditors().empty());

    auto history = app.services->sessions().history(patientId, {});
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(history->size(), 1U);
    auto stored = app.services->sessions().get(sessionId);
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored->isSigned);
    ASSERT_EQ(stored->program.items.size(), 2U);
    EXPECT_EQ(stored->program.items[0].exerciseId, "pelvic_tilt");
    EXPECT_EQ(stored->program.items[1].exerciseId, "cat_cow");
    EXPECT_TRUE(stored->screening.findings.contains("osteoporosis"));
    ASSERT_FALSE(stored->handouts.empty()) << "the exported handout is recorded";
    EXPECT_EQ(stored->handouts.front().byteSize,
              static_cast<std::int64_t>(std::filesystem::file_size(pdf)));
    EXPECT_TRUE(test::grabTo(w, "keyboard-9-main-after-visit.png"));
}

} // namespace
} // namespace hepdesk::gui
