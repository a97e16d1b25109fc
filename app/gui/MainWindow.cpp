#include "MainWindow.h"

#include "AppSettings.h"
#include "PatientDialog.h"
#include "PatientListModel.h"
#include "hepdesk/core/Version.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace hepdesk::gui {

MainWindow::MainWindow(db::Database& db, QWidget* parent)
    : QMainWindow(parent), db_(db), repo_(std::make_unique<db::SqlitePatientRepository>(db)) {
    setWindowTitle(tr("HepDesk"));
    setObjectName(QStringLiteral("MainWindow"));

    model_ = new PatientListModel(*repo_, this);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    search_ = new QLineEdit(left);
    search_->setObjectName(QStringLiteral("patientSearch"));
    search_->setPlaceholderText(tr("Search patients by name, record number or date of birth"));
    search_->setAccessibleName(tr("Patient search"));
    search_->setClearButtonEnabled(true);
    patientView_ = new QTableView(left);
    patientView_->setObjectName(QStringLiteral("patientList"));
    patientView_->setAccessibleName(tr("Patients"));
    patientView_->setModel(model_);
    patientView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    patientView_->setSelectionMode(QAbstractItemView::SingleSelection);
    patientView_->verticalHeader()->hide();
    patientView_->horizontalHeader()->setStretchLastSection(true);
    patientView_->horizontalHeader()->setSectionResizeMode(PatientListModel::NameColumn,
                                                           QHeaderView::Stretch);
    leftLayout->addWidget(search_);
    leftLayout->addWidget(patientView_);

    placeholder_ = new QLabel(this);
    placeholder_->setObjectName(QStringLiteral("patientPlaceholder"));
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(placeholder_);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);

    createActions();
    createMenus();
    updatePlaceholder();
    statusBar()->showMessage(tr("Database: %1").arg(QString::fromStdString(db_.path().string())));
    resize(1100, 700);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    newPatient_ = new QAction(tr("&New patient…"), this);
    newPatient_->setObjectName(QStringLiteral("actionNewPatient"));
    newPatient_->setShortcut(QKeySequence::New);
    newPatient_->setStatusTip(tr("Add a patient to the clinic's list"));
    connect(newPatient_, &QAction::triggered, this, &MainWindow::newPatient);

    find_ = new QAction(tr("&Find patient"), this);
    find_->setObjectName(QStringLiteral("actionFind"));
    find_->setShortcut(QKeySequence::Find);
    find_->setStatusTip(tr("Put the cursor in the patient search field"));
    connect(find_, &QAction::triggered, this, [this] {
        search_->setFocus(Qt::ShortcutFocusReason);
        search_->selectAll();
    });

    quit_ = new QAction(tr("&Quit"), this);
    quit_->setObjectName(QStringLiteral("actionQuit"));
    quit_->setShortcut(QKeySequence::Quit);
    connect(quit_, &QAction::triggered, this, &QWidget::close);

    about_ = new QAction(tr("&About HepDesk"), this);
    connect(about_, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About HepDesk"),
                           tr("HepDesk %1\nScreen first, then safe, self-paced movement.")
                               .arg(QString::fromLatin1(kVersion)));
    });
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(newPatient_);
    file->addSeparator();
    file->addAction(quit_);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(find_);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(about_);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(newPatient_);
}

void MainWindow::newPatient() {
    PatientDialog dialog(this);
    dialog.setPatient(Patient{});
    if (dialog.exec() == QDialog::Accepted) {
        addPatient(dialog.patient());
    }
}

std::int64_t MainWindow::addPatient(const Patient& p) {
    auto id = repo_->add(p);
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
    for (int row = 0; row < model_->rowCount(); ++row) {
        const QModelIndex index = model_->index(row, 0);
        if (index.data(PatientListModel::PatientIdRole).toLongLong() == *id) {
            patientView_->selectRow(row);
            patientView_->scrollTo(index);
            break;
        }
    }
    updatePlaceholder();
    statusBar()->showMessage(tr("Added %1").arg(QString::fromStdString(p.name)), 5000);
    return *id;
}

void MainWindow::showError(const QString& what, const QString& detail, const QString& todo) {
    QMessageBox box(QMessageBox::Warning, tr("HepDesk"), what, QMessageBox::Ok, this);
    box.setInformativeText(todo);
    box.setDetailedText(detail);
    box.exec();
}

void MainWindow::updatePlaceholder() {
    if (model_->rowCount() == 0) {
        placeholder_->setText(tr("No patients yet.\nAdd the first patient (%1) to start a session.")
                                  .arg(newPatient_->shortcut().toString(QKeySequence::NativeText)));
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
    saveLayout();
    event->accept();
}

} // namespace hepdesk::gui
