#pragma once

#include "hepdesk/core/Patient.h"

#include <QMainWindow>
#include <memory>

class QAction;
class QLineEdit;
class QTableView;
class QLabel;

namespace hepdesk::db {
class Database;
class PatientRepository;
} // namespace hepdesk::db

namespace hepdesk::gui {

class PatientListModel;

/// The clinic's front page: the patient list with its search field, the selected patient beside.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    /// `db` must outlive the window.
    explicit MainWindow(db::Database& db, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] QTableView* patientView() const { return patientView_; }
    [[nodiscard]] PatientListModel* patientModel() const { return model_; }
    [[nodiscard]] QLineEdit* searchField() const { return search_; }
    [[nodiscard]] QAction* newPatientAction() const { return newPatient_; }
    [[nodiscard]] QAction* findAction() const { return find_; }

    /// Stores `p`, refreshes the list and selects the new row. Shows a dialog saying what went
    /// wrong when the database refuses; returns the new id or 0.
    std::int64_t addPatient(const Patient& p);

public slots:
    /// Opens the new-patient dialog (Ctrl+N).
    void newPatient();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void updatePlaceholder();
    void restoreLayout();
    void saveLayout() const;
    void showError(const QString& what, const QString& detail, const QString& todo);

    db::Database& db_;
    std::unique_ptr<db::PatientRepository> repo_;
    PatientListModel* model_ = nullptr;
    QLineEdit* search_ = nullptr;
    QTableView* patientView_ = nullptr;
    QLabel* placeholder_ = nullptr;
    QAction* newPatient_ = nullptr;
    QAction* find_ = nullptr;
    QAction* quit_ = nullptr;
    QAction* about_ = nullptr;
};

} // namespace hepdesk::gui
