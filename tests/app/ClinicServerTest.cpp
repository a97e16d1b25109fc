// The app on a clinic server and two workstations on one draft: File > Connect to clinic
// server…, the status bar, the sign step's logged-in clinician, a draft saved meanwhile on
// another computer, and a connection lost in the middle of a save. The server tests run
// against the throwaway PostgreSQL 15 cluster (tests/pg/cluster.sh) and skip without it.

#include "../pg/PgTestServer.h"
#include "AppPreferences.h"
#include "AppSettings.h"
#include "ConnectDialog.h"
#include "MainWindow.h"
#include "ScopedTimeZone.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "SettingsDialog.h"
#include "SignPage.h"
#include "WidgetTestSupport.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/PgDatabase.h"
#include "hepdesk/db/PgRepositories.h"
#include "hepdesk/db/Store.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>
#include <atomic>
#include <gtest/gtest.h>
#include <thread>

namespace hepdesk::gui {
namespace {

using db::testing::ScratchDatabase;

constexpr const char* kPassword = "correct horse battery";

void setPain(SessionEditor& e, int now) {
    e.screeningPage()->findChild<QCheckBox*>(QStringLiteral("painRecorded0"))->setChecked(true);
    e.screeningPage()->painSlider(0)->setValue(now);
}

/// Clicks the button named `button` of the next message box and keeps its texts.
struct BoxAnswer {
    QString name;
    QString text;
    QString informative;
    bool shown = false;
    void arm(const QString& button) {
        QTimer::singleShot(0, [this, button] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box == nullptr) {
                return;
            }
            shown = true;
            name = box->objectName();
            text = box->text();
            informative = box->informativeText();
            auto* b = button.isEmpty() ? nullptr : box->findChild<QPushButton*>(button);
            if (b != nullptr) {
                b->click();
            } else {
                box->accept();
            }
        });
    }
};

/// A patient and a stored draft (pain now 3), made through a session window on `services`.
std::int64_t storedDraft(Services& services, std::int64_t* patientId) {
    auto pid = services.patients().add(Patient{0, "Ana Lee", "1970-01-01", "R-1", "", false});
    EXPECT_TRUE(pid) << pid.error().message;
    *patientId = pid ? *pid : 0;
    auto started = SessionEditor::newSession(services, *services.patients().get(*patientId), 0);
    EXPECT_TRUE(started) << started.error().message;
    SessionEditor e(services, *services.patients().get(*patientId), started->session);
    setPain(e, 3);
    auto s = e.save();
    EXPECT_TRUE(s) << s.error().message;
    return e.session().id;
}

// --- two computers on one draft (a database file: two windows, each with its own services) ---

TEST(DraftConflict, TheSecondSaveSaysWhoChangedItKeepsTheEditsAndOffersReload) {
    test::AppFixture here;
    ASSERT_TRUE(here.services);
    auto otherDb = db::Database::open(here.dir / "hepdesk.sqlite");
    ASSERT_TRUE(otherDb) << otherDb.error().message;
    otherDb->setActor("Dr Mora");
    auto there = Services::load(*otherDb, hepdesk::test::templatesDir());
    ASSERT_TRUE(there) << there.error().message;

    std::int64_t patientId = 0;
    const std::int64_t id = storedDraft(*here.services, &patientId);
    const Patient patient = *here.services->patients().get(patientId);
    SessionEditor mine(*here.services, patient, *here.services->sessions().get(id));
    SessionEditor theirs(**there, patient, *(*there)->sessions().get(id));
    setPain(theirs, 8);
    ASSERT_TRUE(theirs.save());

    setPain(mine, 1);
    ASSERT_TRUE(mine.isModified());
    BoxAnswer keep;
    keep.arm(QStringLiteral("conflictKeep"));
    mine.saveAndReport();
    ASSERT_TRUE(keep.shown);
    EXPECT_EQ(keep.name, QStringLiteral("draftConflictBox"));
    EXPECT_TRUE(
        keep.informative.contains(QStringLiteral("was changed on another computer by Dr Mora at ")))
        << keep.informative.toStdString();
    EXPECT_TRUE(keep.informative.contains(QStringLiteral("; reload it")));
    // Nothing overwritten, nothing lost: the other save stands, this window keeps its edit.
    EXPECT_EQ(here.services->sessions().get(id)->scores.painNow, 8);
    EXPECT_TRUE(mine.isModified());
    EXPECT_EQ(mine.screeningPage()->painSlider(0)->value(), 1);
    EXPECT_TRUE(mine.statusBar()->currentMessage().contains(QStringLiteral("Dr Mora")));
    (void)test::grabTo(mine, "h7-draft-conflict.png");

    // Save again: asked again; Reload shows the other computer's version, and then saves.
    BoxAnswer reload;
    reload.arm(QStringLiteral("conflictReload"));
    mine.saveAndReport();
    ASSERT_TRUE(reload.shown);
    EXPECT_FALSE(mine.isModified());
    EXPECT_EQ(mine.screeningPage()->painSlider(0)->value(), 8);
    setPain(mine, 2);
    auto saved = mine.save();
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_EQ(here.services->sessions().get(id)->scores.painNow, 2);
}

// The time of the other computer's save as the person reads their own clock: local, in the
// app's one date-time format (never UTC).
TEST(DraftConflict, TheMessageGivesTheOtherSavesTimeInLocalTimeAndTheAppsFormat) {
    const hepdesk::test::ScopedTimeZone india("IST-5:30"); // UTC+05:30
    struct English { // the interface language, as the translation loader sets it
        QLocale saved;
        English() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
        ~English() { QLocale::setDefault(saved); }
    } english;
    test::AppFixture here;
    ASSERT_TRUE(here.services);
    auto otherDb = db::Database::open(here.dir / "hepdesk.sqlite");
    ASSERT_TRUE(otherDb) << otherDb.error().message;
    otherDb->setActor("Dr Mora");
    auto there = Services::load(*otherDb, hepdesk::test::templatesDir());
    ASSERT_TRUE(there) << there.error().message;
    std::int64_t patientId = 0;
    const std::int64_t id = storedDraft(*here.services, &patientId);
    const Patient patient = *here.services->patients().get(patientId);
    SessionEditor mine(*here.services, patient, *here.services->sessions().get(id));
    SessionEditor theirs(**there, patient, *(*there)->sessions().get(id));
    using namespace std::chrono;
    const FixedClock at(sys_days{year{2026} / 3 / 4} + hours{10} + minutes{15}); // 10:15 UTC
    Clock::install(&at);
    setPain(theirs, 8);
    const auto saved = theirs.save();
    Clock::install(nullptr);
    ASSERT_TRUE(saved) << saved.error().message;

    setPain(mine, 1);
    BoxAnswer keep;
    keep.arm(QStringLiteral("conflictKeep"));
    mine.saveAndReport();
    ASSERT_TRUE(keep.shown);
    const std::string shown = keep.informative.toStdString();
    EXPECT_NE(shown.find("changed on another computer by Dr Mora at Mar 4, 2026, 3:45"),
              std::string::npos)
        << shown;
    EXPECT_EQ(shown.find("10:15"), std::string::npos) << shown;
    EXPECT_EQ(shown.find("UTC"), std::string::npos) << shown;
    EXPECT_TRUE(mine.statusBar()->currentMessage().contains(QStringLiteral("Mar 4, 2026, 3:45")));
    QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
    const QString spanish = mine.conflictMessage();
    EXPECT_TRUE(spanish.contains(QStringLiteral("por Dr Mora el 4 mar 2026, 15:45;")))
        << spanish.toStdString();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    // The command line (the visit layer's own text): local too, and says so.
    visit::VisitWorkflow w({here.services->patients(), here.services->sessions(),
                            here.services->clinicians(), here.services->clinic()},
                           here.services->catalog(), here.services->rules(),
                           here.services->writer());
    Session stale = mine.session();
    auto refused = w.saveDraft(stale);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("by Dr Mora at 2026-03-04 15:45 (local time); reload"),
              std::string::npos)
        << refused.error().message;
    auto es = w.changedElsewhere(id, "es");
    ASSERT_TRUE(es) << es.error().message;
    EXPECT_NE(es->find("por Dr Mora el 2026-03-04 15:45 (hora local); vuelva a cargarla"),
              std::string::npos)
        << *es;
}

TEST(DraftConflict, TheVisitLayerSaysItInSpanish) {
    test::AppFixture here;
    ASSERT_TRUE(here.services);
    std::int64_t patientId = 0;
    const std::int64_t id = storedDraft(*here.services, &patientId);
    here.db->setActor("Dra. Mora");
    Session a = *here.services->sessions().get(id);
    a.scores.painNow = 6;
    ASSERT_TRUE(here.services->sessions().update(a));
    visit::VisitWorkflow w({here.services->patients(), here.services->sessions(),
                            here.services->clinicians(), here.services->clinic()},
                           here.services->catalog(), here.services->rules(),
                           here.services->writer());
    auto es = w.changedElsewhere(id, "es");
    ASSERT_TRUE(es) << es.error().message;
    EXPECT_NE(es->find("fue modificada en otro ordenador por Dra. Mora el "), std::string::npos)
        << *es;
    EXPECT_NE(es->find("; vuelva a cargarla"), std::string::npos);
    Session stale = a; // read before the save above
    auto refused = w.saveDraft(stale);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::Conflict);
    EXPECT_NE(refused.error().message.find("changed on another computer by Dra. Mora at "),
              std::string::npos)
        << refused.error().message;
}

// --- File > Connect to clinic server… ---

TEST(ConnectDialog, RemembersEverythingButThePassword) {
    ConnectDialog d;
    d.hostField()->setText(QStringLiteral("records.clinic.local"));
    d.portField()->setValue(6543);
    d.databaseField()->setText(QStringLiteral("hepdesk"));
    d.userField()->setText(QStringLiteral("ana"));
    d.passwordField()->setText(QStringLiteral("s3cret'pw"));
    d.sslModeField()->setCurrentIndex(d.sslModeField()->findData(QStringLiteral("verify-full")));
    EXPECT_EQ(d.passwordField()->echoMode(), QLineEdit::Password);
    EXPECT_EQ(d.conninfo(), QStringLiteral("host='records.clinic.local' port=6543 "
                                           "dbname='hepdesk' user='ana' sslmode='verify-full' "
                                           "password='s3cret\\'pw'"));
    ConnectDialog::remember(d.settings());
    QSettings stored = appSettings();
    stored.sync();
    QFile file(stored.fileName());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << stored.fileName().toStdString();
    const QByteArray bytes = file.readAll();
    EXPECT_TRUE(bytes.contains("records.clinic.local"));
    EXPECT_FALSE(bytes.contains("s3cret")) << "the password is never written";
    EXPECT_TRUE(ConnectDialog::usesServer());
    ConnectDialog again;
    again.setSettings(ConnectDialog::remembered());
    EXPECT_EQ(again.settings(), d.settings());
    EXPECT_TRUE(again.passwordField()->text().isEmpty()) << "asked each time";
    (void)test::grabTo(again, "h7-connect-dialog.png");
    ConnectDialog::forgetServer();
    EXPECT_FALSE(ConnectDialog::usesServer());
}

// --- on the throwaway PostgreSQL cluster ---

class ClinicServerApp : public ::testing::Test {
protected:
    void SetUp() override {
        HEPDESK_REQUIRE_PG();
        scratch_.emplace();
        ASSERT_TRUE(scratch_->ready());
        auto owner = db::PgDatabase::open(scratch_->conninfo());
        ASSERT_TRUE(owner) << owner.error().message;
        owner_.emplace(std::move(*owner));
        const std::string suffix = scratch_->name().substr(std::string("hepdesk_t_").size());
        ana_ = "ana_" + suffix;
        auto id = db::PgClinicianRepository(*owner_).addWithLogin(
            Clinician{0, "Ana Ruiz", "PT", true}, ana_, kPassword, false);
        ASSERT_TRUE(id) << id.error().message;
        anaId_ = *id;
        const QUrl server(QString::fromStdString(*db::testing::testServer()));
        host_ = server.host();
        port_ = server.port();
    }
    void TearDown() override {
        if (!owner_) {
            return;
        }
        owner_.reset();
        if (auto c = db::PgConnection::connect(*db::testing::testServer()); c && !ana_.empty()) {
            (void)c->exec("DROP DATABASE IF EXISTS " + scratch_->name() + " WITH (FORCE)");
            (void)c->exec("DROP ROLE IF EXISTS " + ana_);
        }
    }
    [[nodiscard]] std::string anaConninfo() const {
        return scratch_->conninfo() + " user='" + ana_ + "' password='" + kPassword + "'";
    }

    std::optional<ScratchDatabase> scratch_;
    std::optional<db::PgDatabase> owner_;
    std::string ana_;
    std::int64_t anaId_ = 0;
    QString host_;
    int port_ = 0;
};

TEST_F(ClinicServerApp, ConnectMenuOpensTheServerAndTheStatusBarSaysWhoIsLoggedIn) {
    test::AppFixture file;
    ASSERT_TRUE(file.services);
    MainWindow window(*file.services);
    EXPECT_TRUE(window.whereLabel()->text().startsWith(QStringLiteral("Database: ")));
    EXPECT_TRUE(window.whereLabel()->text().endsWith(QStringLiteral("hepdesk.sqlite")));

    QSignalSpy opened(&window, &MainWindow::serverOpened);
    bool filled = false;
    QTimer::singleShot(0, [&] {
        auto* d = qobject_cast<ConnectDialog*>(QApplication::activeModalWidget());
        if (d == nullptr) {
            return;
        }
        filled = true;
        d->hostField()->setText(host_);
        d->portField()->setValue(port_);
        d->databaseField()->setText(QString::fromStdString(scratch_->name()));
        d->userField()->setText(QString::fromStdString(ana_));
        d->passwordField()->setText(QString::fromLatin1(kPassword));
        d->sslModeField()->setCurrentIndex(d->sslModeField()->findData(QStringLiteral("disable")));
        d->accept();
    });
    window.connectServerAction()->trigger();
    ASSERT_TRUE(filled);
    ASSERT_EQ(opened.count(), 1);
    auto store = window.takeOpenedStore();
    ASSERT_TRUE(store);
    EXPECT_EQ(store->backend(), db::Store::Backend::Server);
    EXPECT_EQ(ConnectDialog::remembered().user, QString::fromStdString(ana_));
    ConnectDialog::forgetServer();

    auto services = Services::load(*store, hepdesk::test::templatesDir());
    ASSERT_TRUE(services) << services.error().message;
    MainWindow onServer(**services);
    const QString expected =
        QStringLiteral("server %1/%2 as %3")
            .arg(host_, QString::fromStdString(scratch_->name()), QString::fromStdString(ana_));
    EXPECT_EQ(onServer.whereLabel()->text(), expected);
    onServer.show();
    (void)test::grabTo(onServer, "h7-server-main-window.png");
    (void)test::grabTo(*onServer.statusBar(), "h7-server-status-bar.png");
}

TEST_F(ClinicServerApp, TheSignStepShowsTheLoginAndSignsAsItWhateverSettingsSay) {
    auto store = db::Store::open(anaConninfo());
    ASSERT_TRUE(store) << store.error().message;
    auto services = Services::load(**store, hepdesk::test::templatesDir());
    ASSERT_TRUE(services) << services.error().message;
    // This computer's Settings name no clinician (or another one): on the server it does not
    // matter, the login signs.
    std::int64_t patientId = 0;
    const std::int64_t id = storedDraft(**services, &patientId);
    const Patient patient = *(*services)->patients().get(patientId);
    SessionEditor e(**services, patient, *(*services)->sessions().get(id));
    EXPECT_EQ(e.session().clinicianId, anaId_);
    e.showStep(SessionEditor::SignStep);
    EXPECT_TRUE(e.signPage()->signerText().startsWith(QStringLiteral("You sign as Ana Ruiz, PT")))
        << e.signPage()->signerText().toStdString();
    EXPECT_TRUE(e.signPage()->findChild<QPushButton*>(QStringLiteral("signSession"))->isEnabled());
    e.show();
    (void)test::grabTo(e, "h7-server-sign-step.png");
    auto s = e.sign();
    ASSERT_TRUE(s) << s.error().message;
    EXPECT_EQ((*services)->sessions().get(id)->signedBy, anaId_);
}

// On a server the login signs: Settings shows who that is instead of name fields that would
// sign nothing, and a clinician (not an administrator) still saves this computer's choices.
TEST_F(ClinicServerApp, SettingsSayTheLoginSignsAndAClinicianSavesThisComputersChoices) {
    test::AppFixture file;
    ASSERT_TRUE(file.services);
    {
        SettingsDialog onFile(file.services->clinic(), file.services->clinicians());
        ASSERT_TRUE(onFile.load());
        EXPECT_TRUE(onFile.clinicianNameEdit()->isVisibleTo(&onFile));
        EXPECT_FALSE(onFile.serverSignerLabel()->isVisibleTo(&onFile));
        EXPECT_TRUE(onFile.backupFolderEdit()->isVisibleTo(&onFile));
    }
    auto store = db::Store::open(anaConninfo());
    ASSERT_TRUE(store) << store.error().message;
    auto services = Services::load(**store, hepdesk::test::templatesDir());
    ASSERT_TRUE(services) << services.error().message;
    MainWindow window(**services);
    const bool largeBefore = AppPreferences().handoutLargePrint();
    bool seen = false;
    bool namesHidden = false;
    bool backupHidden = false;
    QString signer;
    QString refusedClinic;
    bool closed = false;
    QTimer::singleShot(0, [&] {
        auto* d = qobject_cast<SettingsDialog*>(QApplication::activeModalWidget());
        if (d == nullptr) {
            return;
        }
        seen = true;
        namesHidden = !d->clinicianNameEdit()->isVisibleTo(d) &&
                      !d->credentialsEdit()->isVisibleTo(d) &&
                      d->serverSignerLabel()->isVisibleTo(d);
        signer = d->serverSignerLabel()->text();
        auto* backupNote = d->findChild<QLabel*>(QStringLiteral("serverBackup"));
        backupHidden = !d->backupFolderEdit()->isVisibleTo(d) &&
                       !d->backupKeepBox()->isVisibleTo(d) && backupNote != nullptr &&
                       backupNote->isVisibleTo(d) &&
                       backupNote->text().contains(QStringLiteral("backed up on the server"));
        (void)test::grabTo(*d, "h14-server-settings.png");
        // A clinician changing the clinic: refused in plain words, nothing closed.
        const QString name = d->clinicNameEdit()->text();
        d->clinicNameEdit()->setText(QStringLiteral("Ana's own clinic"));
        d->accept();
        refusedClinic = d->findChild<QLabel*>(QStringLiteral("settingsError"))->text();
        // This computer's choice alone: saved.
        d->clinicNameEdit()->setText(name);
        d->printSizeBox()->setCurrentIndex(largeBefore ? 0 : 1);
        d->accept();
        closed = !d->isVisible();
        if (!closed) {
            d->done(QDialog::Rejected);
        }
    });
    window.settingsAction()->trigger();
    ASSERT_TRUE(seen);
    EXPECT_TRUE(namesHidden);
    EXPECT_TRUE(backupHidden) << "this computer makes no backup of a server";
    const QString expectedSigner =
        QStringLiteral("You sign as the clinician of your server login (%1): Ana Ruiz, PT.")
            .arg(QString::fromStdString(ana_));
    EXPECT_TRUE(signer.startsWith(expectedSigner)) << signer.toStdString();
    EXPECT_TRUE(refusedClinic.contains(QStringLiteral("only the clinic's administrator can")))
        << refusedClinic.toStdString();
    EXPECT_FALSE(refusedClinic.contains(QStringLiteral("permission denied")))
        << refusedClinic.toStdString();
    EXPECT_TRUE(closed) << "the clinician's own choice is saved";
    EXPECT_EQ(AppPreferences().handoutLargePrint(), !largeBefore);
    AppPreferences().setHandoutLargePrint(largeBefore);
}

TEST_F(ClinicServerApp, ALostConnectionInTheMiddleOfASaveKeepsTheEditsAndARetrySaves) {
    auto store = db::Store::open(anaConninfo());
    ASSERT_TRUE(store) << store.error().message;
    auto services = Services::load(**store, hepdesk::test::templatesDir());
    ASSERT_TRUE(services) << services.error().message;
    std::int64_t patientId = 0;
    const std::int64_t id = storedDraft(**services, &patientId);
    const Patient patient = *(*services)->patients().get(patientId);
    SessionEditor e(**services, patient, *(*services)->sessions().get(id));
    setPain(e, 9);

    // The save's transaction writes the session, then waits for the audit log's turn: another
    // connection holds it, and cuts the app's connection off while it waits there.
    auto holder = db::PgConnection::connect(scratch_->conninfo());
    ASSERT_TRUE(holder);
    ASSERT_TRUE(holder->exec("BEGIN"));
    ASSERT_TRUE(holder->exec("SELECT pg_advisory_xact_lock(4847, 4551)"));
    std::atomic<bool> cut{false};
    std::thread killer([&] {
        auto c = db::PgConnection::connect(scratch_->conninfo());
        if (!c) {
            return;
        }
        for (int i = 0; i < 6000 && !cut; ++i) {
            auto r = c->exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                             "WHERE usename = $1 AND wait_event_type = 'Lock' "
                             "AND wait_event = 'advisory'",
                             {ana_});
            if (r && r->rows() > 0) {
                cut = true;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });
    BoxAnswer told;
    told.arm({});
    e.saveAndReport();
    killer.join();
    ASSERT_TRUE(cut) << "the save waited at the audit log and was cut off there";
    ASSERT_TRUE(holder->exec("ROLLBACK"));

    ASSERT_TRUE(told.shown);
    EXPECT_EQ(told.text, QStringLiteral("The session was not saved."));
    EXPECT_TRUE(told.informative.contains(QStringLiteral("lost the connection to the server")))
        << told.informative.toStdString();
    EXPECT_TRUE(told.informative.contains(QStringLiteral("Save again")));
    EXPECT_TRUE(e.isModified());
    EXPECT_EQ(e.screeningPage()->painSlider(0)->value(), 9);
    // Nothing half-written: the stored draft is as before, and no audit line for the save.
    auto look = db::PgConnection::connect(scratch_->conninfo());
    ASSERT_TRUE(look);
    auto row = look->exec("SELECT pain_now, row_version FROM session WHERE id = $1", {id});
    ASSERT_TRUE(row);
    EXPECT_EQ(row->int64(0, 0), 3);
    EXPECT_EQ(row->int64(0, 1), 0);
    auto edits = look->exec("SELECT count(*) FROM audit_log WHERE action = 'session.edit'");
    ASSERT_TRUE(edits);
    EXPECT_EQ(edits->int64(0, 0), 0);

    // The server answers again: the same window saves on a retry.
    auto again = e.save();
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_FALSE(e.isModified());
    EXPECT_EQ((*services)->sessions().get(id)->scores.painNow, 9);
}

} // namespace
} // namespace hepdesk::gui
