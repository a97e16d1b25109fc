#include "MainWindow.h"

#include "PatientListModel.h"
#include "hepdesk/core/Version.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
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
    splitter->addWidget(left);
    splitter->addWidget(placeholder_);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);

    createMenus();
    updatePlaceholder();
    statusBar()->showMessage(tr("Database: %1").arg(QString::fromStdString(db_.path().string())));
    resize(1100, 700);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About HepDesk"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About HepDesk"),
                           tr("HepDesk %1\nScreen first, then safe, self-paced movement.")
                               .arg(QString::fromLatin1(kVersion)));
    });
}

void MainWindow::updatePlaceholder() {
    if (model_->rowCount() == 0) {
        placeholder_->setText(tr("No patients yet.\nAdd the first patient to start a session."));
    } else {
        placeholder_->setText(tr("Select a patient to see their sessions."));
    }
}

} // namespace hepdesk::gui
