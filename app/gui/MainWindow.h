#pragma once

#include "hepdesk/core/Patient.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>
#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace hepdesk::db {
class Store;
}

namespace hepdesk::gui {

class BackupRunner;
class FhirExportActions;
class PatientListModel;
class PatientPage;
class Services;
class SessionEditor;

/// The clinic's front page: the patient list with its search field, the selected patient's
/// page beside it, and the actions that start a visit.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    /// `services` must outlive the window.
    explicit MainWindow(Services& services, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] QTableView* patientView() const { return patientView_; }
    [[nodiscard]] PatientListModel* patientModel() const { return model_; }
    [[nodiscard]] QLineEdit* searchField() const { return search_; }
    [[nodiscard]] PatientPage* patientPage() const { return page_; }
    [[nodiscard]] QAction* newPatientAction() const { return newPatient_; }
    [[nodiscard]] QAction* findAction() const { return find_; }
    [[nodiscard]] QAction* editPatientAction() const { return editPatient_; }
    [[nodiscard]] QAction* archiveAction() const { return archive_; }
    [[nodiscard]] QAction* startSessionAction() const { return startSession_; }
    [[nodiscard]] QAction* followUpAction() const { return followUp_; }
    [[nodiscard]] QAction* openSessionAction() const { return openSession_; }
    [[nodiscard]] QAction* settingsAction() const { return settings_; }
    /// File > Connect to clinic server…
    [[nodiscard]] QAction* connectServerAction() const { return connectServer_; }
    /// The status bar's "Database: PATH" or "server HOST/DB as USER".
    [[nodiscard]] QLabel* whereLabel() const { return where_; }
    /// Session > Export for health record (FHIR)… and the patient's export.
    [[nodiscard]] FhirExportActions* fhirExport() const { return fhir_; }
    [[nodiscard]] BackupRunner* backupRunner() const { return backup_; }
    /// The session windows opened from this window that are still open.
    [[nodiscard]] std::vector<SessionEditor*> sessionEditors() const;

    /// Stores `p`, refreshes the list and selects the new row. Shows a dialog saying what went
    /// wrong when the database refuses; returns the new id or 0.
    std::int64_t addPatient(const Patient& p);
    /// Selects patient `id` in the list (clearing a search that hides it) and shows the page.
    bool selectPatient(std::int64_t id);
    /// Opens a session window: a new one (sessionId 0, optionally following up `fromSession`)
    /// or a stored one. Returns it, or nullptr after telling the user what went wrong.
    SessionEditor* openSession(std::int64_t sessionId, std::int64_t followUpFrom = 0);
    /// Starts the integrity check and the once-a-day backup in the background (at start-up).
    void startAutomaticBackup();
    /// On first start (no clinic name or no clinician on this computer) asks for them in the
    /// Settings dialog, with a welcome line; Cancel asks again on the next start.
    void runFirstRunSetup();
    /// Whether the background integrity check found the database damaged (window read-only).
    [[nodiscard]] bool databaseDamaged() const { return databaseDamaged_; }

    /// The clinic server connected by File > Connect to clinic server… (once).
    std::unique_ptr<db::Store> takeOpenedStore();

signals:
    /// File > Connect to clinic server… connected (takeOpenedStore()): main() opens a new
    /// window on the server in place of this one.
    void serverOpened();

public slots:
    /// File > Connect to clinic server…: asks host, port, database, user and password (again
    /// with the server's answer when it fails); once connected, remembers all but the
    /// password, closes the session windows and emits serverOpened().
    void connectToServer();
    void newPatient();
    void editPatient();
    void archivePatient();
    /// The Settings dialog (from this window or a session window's Session menu); after
    /// saving, every open session window follows the new clinic and clinician.
    void showSettings();
    /// The clinic's own exercises (only while no session window is open: the catalog those
    /// windows show is rebuilt).
    void editCustomExercises();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // The constructor's parts, in the order they run.
    QWidget* buildPatientList();
    void buildPatientPage();
    void buildBackup();
    void showSettingsDialog(bool firstRun);
    void createActions();
    void createMenus();
    void updatePlaceholder();
    void updateActions();
    void restoreLayout();
    void saveLayout() const;
    void search(const QString& text);
    void showCurrentPatient();
    /// When the shown patient is archived (read again from the database): refreshes the page
    /// and the actions, says so under `what` and returns true.
    bool refusedAsArchived(const QString& what);
    void showError(const QString& what, const QString& detail, const QString& todo);
    void onDatabaseDamaged(const QString& problem);

    Services& services_;
    PatientListModel* model_ = nullptr;
    QLineEdit* search_ = nullptr;
    QTableView* patientView_ = nullptr;
    QStackedWidget* right_ = nullptr;
    QLabel* placeholder_ = nullptr;
    PatientPage* page_ = nullptr;
    BackupRunner* backup_ = nullptr;
    std::vector<QPointer<SessionEditor>> editors_;
    QAction* newPatient_ = nullptr;
    QAction* editPatient_ = nullptr;
    QAction* archive_ = nullptr;
    QAction* find_ = nullptr;
    QAction* startSession_ = nullptr;
    QAction* followUp_ = nullptr;
    QAction* openSession_ = nullptr;
    QAction* settings_ = nullptr;
    QAction* customExercises_ = nullptr;
    QAction* quit_ = nullptr;
    QAction* connectServer_ = nullptr;
    QLabel* where_ = nullptr;
    std::unique_ptr<db::Store> opened_;
    QAction* about_ = nullptr;
    FhirExportActions* fhir_ = nullptr;
    bool databaseDamaged_ = false;
};

} // namespace hepdesk::gui
