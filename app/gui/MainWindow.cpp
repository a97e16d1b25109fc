#include "MainWindow.h"

#include "AppPreferences.h"
#include "AppSettings.h"
#include "BackupRunner.h"
#include "ConnectDialog.h"
#include "CustomExerciseDialog.h"
#include "FhirExportActions.h"
#include "PatientDialog.h"
#include "PatientListModel.h"
#include "PatientPage.h"
#include "Services.h"
#include "SessionEditor.h"
#include "SettingsDialog.h"
#include "hepdesk/core/Version.h"
#include "hepdesk/db/Database.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

namespace hepdesk::gui {

MainWindow::MainWindow(Services& services, QWidget* parent)
    : QMainWindow(parent), services_(services) {
    setWindowTitle(tr("HepDesk"));
    setObjectName(QStringLiteral("MainWindow"));

    model_ = new PatientListModel(services_.patients(), this);
    QWidget* left = buildPatientList();
    buildPatientPage();

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(right_);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);

    buildBackup();
    createActions();
    createMenus();
    updatePlaceholder();
    updateActions();
    // Where the records are, always in view: the file, or "server HOST/DB as USER".
    where_ = new QLabel(services_.where(), this);
    where_->setObjectName(QStringLiteral("databaseWhere"));
    where_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(where_);
    resize(1200, 760);
    restoreLayout();
}

// The search field and the patient list, sized so neither the hint nor a long name is cut.
QWidget* MainWindow::buildPatientList() {
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    search_ = new QLineEdit(left);
    search_->setObjectName(QStringLiteral("patientSearch"));
    search_->setPlaceholderText(tr("Search patients by name, record number or date of birth"));
    search_->setAccessibleName(tr("Patient search"));
    search_->setClearButtonEnabled(true);
    connect(search_, &QLineEdit::textChanged, this, &MainWindow::search);
    patientView_ = new QTableView(left);
    patientView_->setObjectName(QStringLiteral("patientList"));
    patientView_->setAccessibleName(tr("Patients"));
    patientView_->setModel(model_);
    patientView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    patientView_->setSelectionMode(QAbstractItemView::SingleSelection);
    patientView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    patientView_->verticalHeader()->hide();
    patientView_->horizontalHeader()->setSectionResizeMode(PatientListModel::NameColumn,
                                                           QHeaderView::Stretch);
    // The other columns fit their header (whose words vary with the interface language) and a
    // date; measuring every row instead would cost time on a large clinic's list.
    for (int column : {PatientListModel::BirthDateColumn, PatientListModel::RecordNumberColumn}) {
        const int date =
            patientView_->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00"));
        patientView_->horizontalHeader()->resizeSection(
            column, std::max(patientView_->horizontalHeader()->sectionSizeHint(column), date + 16));
    }
    connect(patientView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { showCurrentPatient(); });
    // Enter in the list or the search field goes to the patient's page.
    connect(patientView_, &QTableView::activated, this, [this] { page_->setFocus(); });
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        if (model_->rowCount() > 0) {
            patientView_->setCurrentIndex(model_->index(0, 0));
            patientView_->setFocus();
        }
    });
    leftLayout->addWidget(search_);
    leftLayout->addWidget(patientView_);
    // Neither the search hint nor a long name is cut off: the list is at least as wide as the
    // hint (with the clear button), and leaves a long two-surname name its room beside the
    // dates.
    {
        const QFontMetrics fm = search_->fontMetrics();
        const int hint = fm.horizontalAdvance(search_->placeholderText()) + 48;
        int others = 0;
        for (int column :
             {PatientListModel::BirthDateColumn, PatientListModel::RecordNumberColumn}) {
            others += patientView_->horizontalHeader()->sectionSize(column);
        }
        const int name = patientView_->fontMetrics().horizontalAdvance(
                             QStringLiteral("María Fernanda García-López Hernández")) +
                         16;
        left->setMinimumWidth(std::max(hint, name + others + 8) +
                              leftLayout->contentsMargins().left() +
                              leftLayout->contentsMargins().right());
    }

    return left;
}

// The selected patient's page, or the placeholder when none is selected.
void MainWindow::buildPatientPage() {
    placeholder_ = new QLabel(this);
    placeholder_->setObjectName(QStringLiteral("patientPlaceholder"));
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);
    page_ =
        new PatientPage(services_.patients(), services_.sessions(), services_.clinicians(), this);
    connect(page_, &PatientPage::startSessionRequested, this, [this] { openSession(0); });
    connect(page_, &PatientPage::followUpRequested, this,
            [this](std::int64_t, std::int64_t from) { openSession(0, from); });
    connect(page_, &PatientPage::openSessionRequested, this,
            [this](std::int64_t id) { openSession(id); });
    connect(page_, &PatientPage::editPatientRequested, this, &MainWindow::editPatient);
    right_ = new QStackedWidget(this);
    right_->addWidget(placeholder_);
    right_->addWidget(page_);
}

// The daily backup's runner: its result in the status bar, a damaged database made read-only.
void MainWindow::buildBackup() {
    backup_ = new BackupRunner(this);
    connect(backup_, &BackupRunner::finished, this, [this](const QString& written) {
        if (!written.isEmpty()) {
            statusBar()->showMessage(tr("Daily backup written: %1").arg(written), 8000);
        }
    });
    connect(backup_, &BackupRunner::failed, this, [this](const QString& message) {
        // Not modal: a failed backup must not stop the clinic, but it must be seen.
        statusBar()->showMessage(
            tr("The daily backup FAILED: %1 — check the backup folder in Settings.").arg(message));
    });

    connect(backup_, &BackupRunner::databaseDamaged, this, &MainWindow::onDatabaseDamaged);
}

MainWindow::~MainWindow() {
    for (const auto& e : editors_) {
        delete e.data();
    }
}

void MainWindow::createActions() {
    auto make = [this](const QString& text, const char* name, const QKeySequence& key,
                       const QString& tip) {
        auto* a = new QAction(text, this);
        a->setObjectName(QString::fromLatin1(name));
        a->setShortcut(key);
        a->setStatusTip(tip);
        a->setToolTip(tip + QStringLiteral(" (") + key.toString(QKeySequence::NativeText) +
                      QLatin1Char(')'));
        return a;
    };
    newPatient_ = make(tr("&New patient…"), "actionNewPatient", QKeySequence::New,
                       tr("Add a patient to the clinic's list"));
    connect(newPatient_, &QAction::triggered, this, &MainWindow::newPatient);
    editPatient_ = make(tr("&Edit patient…"), "actionEditPatient",
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                        tr("Change the selected patient's details"));
    connect(editPatient_, &QAction::triggered, this, &MainWindow::editPatient);
    archive_ =
        make(tr("&Archive patient"), "actionArchive", QKeySequence(Qt::CTRL | Qt::Key_Delete),
             tr("Hide the selected patient from the list; their records are kept"));
    connect(archive_, &QAction::triggered, this, &MainWindow::archivePatient);
    find_ = make(tr("&Find patient"), "actionFind", QKeySequence::Find,
                 tr("Put the cursor in the patient search field"));
    connect(find_, &QAction::triggered, this, [this] {
        search_->setFocus(Qt::ShortcutFocusReason);
        search_->selectAll();
    });
    startSession_ = make(tr("&Start session"), "actionStartSession",
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                         tr("Start a new visit for the selected patient"));
    connect(startSession_, &QAction::triggered, this, [this] { openSession(0); });
    followUp_ = make(tr("&Follow-up session"), "actionFollowUp",
                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                     tr("Start a new visit from the last session's program"));
    connect(followUp_, &QAction::triggered, this, [this] {
        if (const auto& s = page_->historyModel(); s != nullptr) {
            const std::int64_t last = page_->currentSessionId();
            if (last != 0) {
                openSession(0, last);
            }
        }
    });
    openSession_ = make(tr("&Open session"), "actionOpenSession", QKeySequence::Open,
                        tr("Open the selected session"));
    connect(openSession_, &QAction::triggered, this, [this] {
        if (const auto id = page_->currentSessionId(); id != 0) {
            openSession(id);
        }
    });
    const QKeySequence prefs = QKeySequence(QKeySequence::Preferences).isEmpty()
                                   ? QKeySequence(Qt::CTRL | Qt::Key_Comma)
                                   : QKeySequence(QKeySequence::Preferences);
    settings_ = make(tr("S&ettings…"), "actionSettings", prefs,
                     tr("Clinic, clinician, handout defaults and backups"));
    connect(settings_, &QAction::triggered, this, &MainWindow::showSettings);
    customExercises_ = make(tr("&Clinic exercises…"), "actionCustomExercises",
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
                            tr("Create or edit the clinic's own exercises"));
    connect(customExercises_, &QAction::triggered, this, &MainWindow::editCustomExercises);
    // Some desktops define no standard Quit key (as with Preferences above): Ctrl+Q then.
    const QKeySequence quitKey = QKeySequence(QKeySequence::Quit).isEmpty()
                                     ? QKeySequence(Qt::CTRL | Qt::Key_Q)
                                     : QKeySequence(QKeySequence::Quit);
    connectServer_ =
        make(tr("Connect to clinic ser&ver…"), "actionConnectServer",
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
             tr("Keep the records on the clinic's PostgreSQL server, shared by every workstation"));
    connect(connectServer_, &QAction::triggered, this, &MainWindow::connectToServer);
    quit_ = make(tr("&Quit"), "actionQuit", quitKey, tr("Close HepDesk"));
    connect(quit_, &QAction::triggered, this, &QWidget::close);
    fhir_ = new FhirExportActions(
        services_, this,
        [this] { return patientView_->currentIndex().isValid() ? page_->patientId() : 0; },
        [this] { return patientView_->currentIndex().isValid() ? page_->currentSessionId() : 0; });
    about_ = new QAction(tr("&About HepDesk"), this);
    connect(about_, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About HepDesk"),
                           tr("HepDesk %1\nScreen first, then safe, self-paced movement.")
                               .arg(QString::fromLatin1(kVersion)));
    });
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addActions({newPatient_, editPatient_, archive_, fhir_->patientAction()});
    file->addSeparator();
    file->addAction(settings_);
    file->addAction(customExercises_);
    file->addSeparator();
    file->addAction(connectServer_);
    file->addSeparator();
    file->addAction(quit_);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(find_);
    QMenu* session = menuBar()->addMenu(tr("&Session"));
    session->addActions({startSession_, followUp_, openSession_});
    session->addSeparator();
    session->addAction(fhir_->sessionAction());
    // The same two exports from the patient page (its context menu).
    page_->addActions({fhir_->sessionAction(), fhir_->patientAction()});
    page_->setContextMenuPolicy(Qt::ActionsContextMenu);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(about_);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addActions({newPatient_, startSession_, followUp_, openSession_});
    bar->addSeparator();
    bar->addAction(settings_);
}

void MainWindow::search(const QString& text) {
    const std::int64_t keep = page_->patientId();
    if (!model_->setQuery(text)) {
        statusBar()->showMessage(tr("Search failed: %1").arg(model_->lastError()), 8000);
        return;
    }
    if (const int row = model_->rowOf(keep); row >= 0) {
        patientView_->selectRow(row);
    }
    updatePlaceholder();
}

void MainWindow::showCurrentPatient() {
    const QModelIndex i = patientView_->currentIndex();
    if (!i.isValid()) {
        right_->setCurrentWidget(placeholder_);
        updateActions();
        return;
    }
    const auto id = i.data(PatientListModel::PatientIdRole).toLongLong();
    if (id != page_->patientId() || !page_->isVisible()) {
        if (!page_->showPatient(id)) {
            statusBar()->showMessage(page_->lastError(), 8000);
        }
    }
    right_->setCurrentWidget(page_);
    updateActions();
}

bool MainWindow::selectPatient(std::int64_t id) {
    int row = model_->rowOf(id);
    if (row < 0 && !search_->text().isEmpty()) {
        search_->clear();
        row = model_->rowOf(id);
    }
    if (row < 0) {
        // Not on the first page of a large list: search for the patient by name instead of
        // reading the whole list.
        auto p = services_.patients().get(id);
        if (!p) {
            return false;
        }
        search_->setText(QString::fromStdString(p->name));
        row = model_->rowOf(id);
    }
    if (row < 0) {
        return false;
    }
    patientView_->setCurrentIndex(model_->index(row, 0));
    patientView_->scrollTo(model_->index(row, 0));
    showCurrentPatient();
    return true;
}

void MainWindow::updateActions() {
    if (databaseDamaged_) {
        return; // everything that writes stays off (see onDatabaseDamaged)
    }
    const bool has = patientView_->currentIndex().isValid();
    // An archived patient's record is read-only (the database refuses any change): their
    // sessions can be opened, nothing else.
    const bool open = has && !page_->patient().archived;
    editPatient_->setEnabled(open);
    archive_->setEnabled(open);
    startSession_->setEnabled(open);
    const bool sessions = has && page_->currentSessionId() != 0;
    followUp_->setEnabled(open && sessions);
    openSession_->setEnabled(sessions);
    fhir_->update(true);
}

void MainWindow::newPatient() {
    PatientDialog dialog(this);
    dialog.setPatient(Patient{});
    if (dialog.exec() == QDialog::Accepted) {
        addPatient(dialog.patient());
    }
}

void MainWindow::editPatient() {
    if (page_->patientId() == 0 ||
        refusedAsArchived(tr("The patient's details cannot be changed."))) {
        return;
    }
    PatientDialog dialog(this);
    dialog.setPatient(page_->patient());
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const Patient p = dialog.patient();
    if (auto s = services_.patients().update(p); !s) {
        if (s.error().kind == Error::Kind::Refused) {
            (void)refusedAsArchived(tr("The changes were not saved."));
            return;
        }
        showError(tr("The changes were not saved."), QString::fromStdString(s.error().message),
                  tr("Check the disk and try again; the patient's previous details are kept."));
        return;
    }
    model_->reload();
    selectPatient(p.id);
    page_->showPatient(p.id);
}

void MainWindow::archivePatient() {
    const Patient p = page_->patient();
    if (p.id == 0) {
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Archive patient"),
        tr("Hide %1 from the patient list? Their sessions stay in the database and the patient "
           "can be found again by an administrator.")
            .arg(QString::fromStdString(p.name)));
    if (answer != QMessageBox::Yes) {
        return;
    }
    if (auto s = services_.patients().setArchived(p.id, true); !s) {
        showError(tr("The patient was not archived."), QString::fromStdString(s.error().message),
                  tr("Try again."));
        return;
    }
    model_->reload();
    right_->setCurrentWidget(placeholder_);
    updatePlaceholder();
    updateActions();
}

std::int64_t MainWindow::addPatient(const Patient& p) {
    auto id = services_.patients().add(p);
    if (!id) {
        showError(tr("The patient was not saved."), QString::fromStdString(id.error().message),
                  tr("Check that the database folder is writable and the disk is not full, then "
                     "try again. Nothing else was changed."));
        return 0;
    }
    if (!model_->reload()) {
        showError(tr("The patient was saved, but the list could not be refreshed."),
                  model_->lastError(), tr("Restart HepDesk to see the full list."));
    }
    selectPatient(*id);
    updatePlaceholder();
    statusBar()->showMessage(tr("Added %1").arg(QString::fromStdString(p.name)), 5000);
    return *id;
}

SessionEditor* MainWindow::openSession(std::int64_t sessionId, std::int64_t followUpFrom) {
    const Patient patient = page_->patient();
    // One window per stored session: opening it again brings the open one forward.
    for (const auto& e : editors_) {
        if (e && sessionId != 0 && e->session().id == sessionId) {
            e->raise();
            e->activateWindow();
            return e.data();
        }
    }
    Result<Session> session = Error::internal("no session");
    visit::StartedSession started;
    if (sessionId != 0) {
        session = services_.sessions().get(sessionId);
    } else if (patient.id != 0) {
        if (refusedAsArchived(tr("No session was started."))) {
            return nullptr;
        }
        auto fresh = SessionEditor::newSession(services_, patient, followUpFrom);
        if (fresh) {
            started = std::move(fresh).value();
            session = started.session;
        } else {
            session = fresh.error();
        }
    } else {
        return nullptr;
    }
    if (!session) {
        showError(tr("The session could not be opened."),
                  QString::fromStdString(session.error().message),
                  tr("Close other HepDesk windows and try again; if it persists, restore the "
                     "latest backup."));
        return nullptr;
    }
    Patient owner = patient;
    if (session->patientId != patient.id) {
        auto p = services_.patients().get(session->patientId);
        if (p) {
            owner = std::move(p).value();
        }
    }
    auto* editor = new SessionEditor(services_, owner, std::move(session).value());
    editor->showStarted(started.carried, started.leftOut);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &SessionEditor::settingsRequested, this, &MainWindow::showSettings);
    connect(editor, &SessionEditor::sessionSaved, this, [this] {
        page_->reload();
        updateActions();
    });
    editors_.erase(std::remove_if(editors_.begin(), editors_.end(),
                                  [](const QPointer<SessionEditor>& e) { return e.isNull(); }),
                   editors_.end());
    editors_.emplace_back(editor);
    editor->show();
    return editor;
}

std::vector<SessionEditor*> MainWindow::sessionEditors() const {
    std::vector<SessionEditor*> out;
    for (const auto& e : editors_) {
        if (e) {
            out.push_back(e.data());
        }
    }
    return out;
}

void MainWindow::showSettings() {
    showSettingsDialog(false);
}

void MainWindow::connectToServer() {
    ConnectDialog dialog(this);
    dialog.setSettings(ConnectDialog::remembered());
    while (dialog.exec() == QDialog::Accepted) {
        // The password typed lives only in this string, for this one connection.
        auto store = db::Store::open(dialog.conninfo().toStdString());
        if (!store) {
            dialog.setMessage(tr("HepDesk could not connect: %1\nCheck the fields and the "
                                 "password, then try again.")
                                  .arg(QString::fromStdString(store.error().message)));
            continue;
        }
        // The open session windows ask about their unsaved changes first.
        for (SessionEditor* e : sessionEditors()) {
            if (!e->close()) {
                return;
            }
        }
        ConnectDialog::remember(dialog.settings());
        opened_ = std::move(*store);
        emit serverOpened();
        return;
    }
}

std::unique_ptr<db::Store> MainWindow::takeOpenedStore() {
    return std::move(opened_);
}

void MainWindow::runFirstRunSetup() {
    if (services_.onServer()) {
        return; // the clinic's settings and clinicians are the server administrator's
    }
    if (SettingsDialog::needsFirstRun(services_.clinic(), services_.clinicians())) {
        showSettingsDialog(true);
    }
}

void MainWindow::showSettingsDialog(bool firstRun) {
    // Over the window it was asked from (a session window's Session menu, or this one).
    QWidget* over = QApplication::activeWindow() ? QApplication::activeWindow() : this;
    SettingsDialog dialog(services_.clinic(), services_.clinicians(), over);
    if (auto s = dialog.load(); !s) {
        showError(tr("The settings could not be read."), QString::fromStdString(s.error().message),
                  tr("Try again; if it persists, restore the latest backup."));
        return;
    }
    dialog.setFirstRun(firstRun);
    if (services_.onServer()) {
        dialog.setServerLogin(services_.login(), services_.loggedInClinician());
    }
    if (dialog.exec() == QDialog::Accepted) {
        for (SessionEditor* e : sessionEditors()) {
            e->settingsChanged();
        }
    }
}

void MainWindow::editCustomExercises() {
    if (!sessionEditors().empty()) {
        QMessageBox::information(this, tr("Clinic exercises"),
                                 tr("Close the open session windows first: they show the "
                                    "catalog that is about to change."));
        return;
    }
    CustomExerciseDialog dialog(services_, this);
    dialog.exec();
    if (!services_.skippedCustom().empty()) {
        statusBar()->showMessage(
            tr("Some clinic exercises were left out: %1")
                .arg(QString::fromStdString(services_.skippedCustom().front())),
            10000);
    }
}

void MainWindow::startAutomaticBackup() {
    if (services_.database() == nullptr) {
        return; // a server is backed up on the server (hepdesk-cli db backup runs pg_dump)
    }
    const AppPreferences prefs;
    const QString folder = prefs.backupFolder();
    std::error_code ec;
    std::filesystem::create_directories(folder.toStdString(), ec);
    backup_->start(services_.database()->path(), folder.toStdString(), prefs.backupKeep());
}

void MainWindow::onDatabaseDamaged(const QString& problem) {
    // Nothing more may be written to a damaged file: the window stays open with the message,
    // but every control (and every open session window) is switched off.
    databaseDamaged_ = true;
    centralWidget()->setEnabled(false);
    for (QAction* a :
         {newPatient_, editPatient_, archive_, startSession_, followUp_, openSession_, settings_,
          customExercises_, fhir_->sessionAction(), fhir_->patientAction()}) {
        a->setEnabled(false);
    }
    for (SessionEditor* editor : sessionEditors()) {
        editor->setEnabled(false);
    }
    const QString path = services_.where();
    statusBar()->showMessage(tr("The database is damaged: HepDesk is read-only."));
    auto* box = new QMessageBox(QMessageBox::Critical, tr("HepDesk"),
                                tr("The database %1 is damaged.").arg(path), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("databaseDamagedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("The integrity check reported: %1\n\nNothing more will be written to it. Close "
           "HepDesk and restore the newest backup (hepdesk-cli db restore BACKUP), or call your "
           "IT support.")
            .arg(problem));
    box->open();
}

bool MainWindow::refusedAsArchived(const QString& what) {
    // The record may have been archived elsewhere (hepdesk-cli, another computer) since it
    // was shown: read it again rather than let the database refuse with a vaguer message.
    const std::int64_t id = page_->patientId();
    auto now = services_.patients().get(id);
    if (!now || !now->archived) {
        return false;
    }
    page_->showPatient(id);
    updateActions();
    showError(what,
              tr("%1 is archived: the record is read-only.").arg(QString::fromStdString(now->name)),
              tr("Their sessions can still be opened. An administrator can restore the patient "
                 "(hepdesk-cli patient archive %1 --undo).")
                  .arg(id));
    return true;
}

void MainWindow::showError(const QString& what, const QString& detail, const QString& todo) {
    QMessageBox box(QMessageBox::Warning, tr("HepDesk"), what, QMessageBox::Ok, this);
    box.setInformativeText(detail + QStringLiteral("\n\n") + todo);
    box.exec();
}

void MainWindow::updatePlaceholder() {
    if (model_->rowCount() == 0 && model_->query().isEmpty()) {
        placeholder_->setText(tr("No patients yet.\nAdd the first patient (%1) to start a session.")
                                  .arg(newPatient_->shortcut().toString(QKeySequence::NativeText)));
    } else if (model_->rowCount() == 0) {
        placeholder_->setText(tr("No patient matches \"%1\".").arg(model_->query()));
    } else {
        placeholder_->setText(tr("Select a patient to see their sessions."));
    }
}

void MainWindow::restoreLayout() {
    QSettings settings = appSettings();
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    if (auto* splitter = findChild<QSplitter*>(QStringLiteral("mainSplitter"))) {
        splitter->restoreState(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray());
    }
}

void MainWindow::saveLayout() const {
    QSettings settings = appSettings();
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    if (auto* splitter = findChild<QSplitter*>(QStringLiteral("mainSplitter"))) {
        settings.setValue(QStringLiteral("mainWindow/splitter"), splitter->saveState());
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // Session windows ask about their own unsaved changes; any refusal keeps the app open.
    for (const auto& e : editors_) {
        if (e && !e->close()) {
            event->ignore();
            return;
        }
    }
    saveLayout();
    backup_->wait();
    event->accept();
}

} // namespace hepdesk::gui
