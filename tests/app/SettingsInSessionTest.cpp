// Issue 12 item 5: the app asks for the clinic and the clinician on first start, Settings are
// reachable from a session window (Session > Settings…, Ctrl+,), and saving them takes effect
// in the open session (no stale "enter your name" on the Sign step).
#include "AppPreferences.h"
#include "AppSettings.h"
#include "HandoutPage.h"
#include "MainWindow.h"
#include "SessionEditor.h"
#include "SettingsDialog.h"
#include "SignPage.h"
#include "WidgetTestSupport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

/// No clinician chosen on this computer (QSettings outlive a test in the same process).
void forgetClinician() {
    AppPreferences().reset(AppPreferences::Key::ClinicianId);
}

/// Fills the open Settings dialog with a clinic and a clinician and presses Save.
void fillAndSave(SettingsDialog& d, const hepdesk::test::TempDir& dir) {
    d.clinicNameEdit()->setText(QStringLiteral("Riverside Physical Therapy"));
    d.clinicianNameEdit()->setText(QStringLiteral("Dana Whitfield"));
    d.credentialsEdit()->setText(QStringLiteral("PT, DPT"));
    d.backupFolderEdit()->setText(QString::fromStdString((dir / "backups").string()));
    d.accept();
}

TEST(SettingsInSession, FirstStartAsksForTheClinicAndTheClinicianOnce) {
    forgetClinician();
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    EXPECT_TRUE(SettingsDialog::needsFirstRun(app.services->clinic(), app.services->clinicians()));
    MainWindow window(*app.services);
    window.show();

    bool asked = false, refusedEmpty = false, welcomed = false;
    QTimer::singleShot(0, &window, [&] {
        auto* d = qobject_cast<SettingsDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(d, nullptr);
        asked = true;
        auto* welcome = d->findChild<QLabel*>(QStringLiteral("settingsWelcome"));
        welcomed = welcome != nullptr && welcome->isVisible() &&
                   welcome->text().contains(QStringLiteral("Welcome"));
        EXPECT_TRUE(test::grabTo(*d, "first-run-settings.png"));
        // Save with no names: refused, the dialog stays open and says what is missing.
        d->backupFolderEdit()->setText(QString::fromStdString((app.dir / "backups").string()));
        d->accept();
        auto* error = d->findChild<QLabel*>(QStringLiteral("settingsError"));
        refusedEmpty = d->isVisible() && error != nullptr && error->isVisible() &&
                       error->text().contains(QStringLiteral("Clinic name"));
        fillAndSave(*d, app.dir);
    });
    window.runFirstRunSetup();
    EXPECT_TRUE(asked);
    EXPECT_TRUE(welcomed);
    EXPECT_TRUE(refusedEmpty);
    EXPECT_FALSE(SettingsDialog::needsFirstRun(app.services->clinic(), app.services->clinicians()));
    EXPECT_EQ(app.services->clinic().load()->name, "Riverside Physical Therapy");
    EXPECT_EQ(app.services->clinicians().get(AppPreferences().clinicianId())->name,
              "Dana Whitfield");

    // Set up: the next start asks nothing (a dialog opened now would be closed and noticed).
    bool askedAgain = false;
    QTimer::singleShot(0, &window, [&] {
        if (auto* d = QApplication::activeModalWidget()) {
            askedAgain = true;
            d->close();
        }
    });
    window.runFirstRunSetup();
    QTest::qWait(0);
    EXPECT_FALSE(askedAgain);
}

TEST(SettingsInSession, SettingsFromTheSessionWindowTakeEffectOnItsSignStep) {
    forgetClinician();
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow window(*app.services);
    window.show();
    const auto patientId =
        window.addPatient(Patient{0, "Siobhán O'Brien", "1958-03-14", "", "", false});
    ASSERT_NE(patientId, 0);
    SessionEditor* e = window.openSession(0);
    ASSERT_NE(e, nullptr);
    test::recordPainNow(*e); // screen first: a routine screening
    e->showStep(SessionEditor::SignStep);
    SignPage& sign = *e->signPage();
    EXPECT_FALSE(sign.signButton()->isEnabled());
    EXPECT_TRUE(sign.summaryText().contains(QStringLiteral("enter your name")))
        << sign.summaryText().toStdString();

    // The Session menu holds Settings…, on Ctrl+, (or the desktop's Preferences key).
    QAction* settings = e->settingsAction();
    ASSERT_NE(settings, nullptr);
    EXPECT_FALSE(settings->shortcut().isEmpty());
    auto* bar = e->findChild<QMenuBar*>();
    ASSERT_NE(bar, nullptr);
    bool inMenu = false;
    for (QAction* top : bar->actions()) {
        if (top->menu() != nullptr && top->menu()->actions().contains(settings)) {
            inMenu = true;
        }
    }
    EXPECT_TRUE(inMenu);

    e->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(e));
    bool opened = false;
    QTimer::singleShot(0, e, [&] {
        auto* d = qobject_cast<SettingsDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(d, nullptr);
        opened = true;
        fillAndSave(*d, app.dir);
    });
    QTest::keySequence(e, settings->shortcut());
    EXPECT_TRUE(opened) << "the shortcut opens Settings from the session window";

    // The open session follows at once: Sign is enabled, the stale request is gone.
    EXPECT_TRUE(sign.signButton()->isEnabled());
    EXPECT_FALSE(sign.summaryText().contains(QStringLiteral("enter your name")))
        << sign.summaryText().toStdString();
    EXPECT_TRUE(test::grabTo(*e, "session-sign-after-settings.png"));
    ASSERT_TRUE(e->save().ok());
    e->close();
}

TEST(SettingsInSession, SavedPreferencesReadBackTypedAndReachTheOpenAndTheNextSession) {
    forgetClinician();
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow window(*app.services);
    window.show();
    ASSERT_NE(window.addPatient(Patient{0, "Ana Ruiz", "1970-05-02", "", "", false}), 0);
    SessionEditor* open = window.openSession(0);
    ASSERT_NE(open, nullptr);
    test::recordPainNow(*open); // screen first: a routine screening
    EXPECT_FALSE(open->signPage()->signButton()->isEnabled());

    bool saved = false;
    QTimer::singleShot(0, open, [&] {
        auto* d = qobject_cast<SettingsDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(d, nullptr);
        d->languageBox()->setCurrentIndex(d->languageBox()->findData(QStringLiteral("es")));
        d->printSizeBox()->setCurrentIndex(1);
        d->paperBox()->setCurrentIndex(
            d->paperBox()->findData(static_cast<int>(handout::HandoutOptions::Paper::Letter)));
        d->backupKeepBox()->setValue(9);
        fillAndSave(*d, app.dir);
        saved = !d->isVisible();
    });
    open->settingsAction()->trigger();
    ASSERT_TRUE(saved);

    // Read back through the typed preferences, each under its named key.
    AppPreferences prefs;
    EXPECT_EQ(prefs.handoutLanguage(), u"es");
    EXPECT_TRUE(prefs.handoutLargePrint());
    EXPECT_EQ(prefs.handoutPaper(), handout::HandoutOptions::Paper::Letter);
    EXPECT_EQ(prefs.backupKeep(), 9);
    EXPECT_EQ(prefs.backupFolder().toStdString(), (app.dir / "backups").string());
    ASSERT_NE(prefs.clinicianId(), 0);
    EXPECT_EQ(app.services->clinicians().get(prefs.clinicianId())->name, "Dana Whitfield");
    EXPECT_EQ(appSettings().value(AppPreferences::keyName(AppPreferences::Key::BackupKeep)),
              QVariant(9));

    // The open session follows at once: its clinician may sign now.
    EXPECT_TRUE(open->signPage()->signButton()->isEnabled());
    ASSERT_TRUE(open->save().ok());
    open->close();

    // The next session starts from the saved handout defaults.
    SessionEditor* next = window.openSession(0);
    ASSERT_NE(next, nullptr);
    const handout::HandoutRequest request = next->handoutPage()->request();
    EXPECT_EQ(request.options.lang, "es");
    EXPECT_TRUE(request.options.largePrint);
    EXPECT_EQ(request.options.paper, handout::HandoutOptions::Paper::Letter);
    ASSERT_TRUE(next->save().ok());
    next->close();
    prefs.reset(AppPreferences::Key::HandoutLanguage);
    prefs.reset(AppPreferences::Key::HandoutLargePrint);
    prefs.reset(AppPreferences::Key::HandoutPaper);
    prefs.reset(AppPreferences::Key::BackupKeep);
    EXPECT_EQ(AppPreferences().handoutLanguage(), u"en") << "a forgotten key reads as its default";
}

} // namespace
} // namespace hepdesk::gui
