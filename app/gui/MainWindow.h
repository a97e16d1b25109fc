#pragma once

#include <QMainWindow>
#include <memory>

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

private:
    void createMenus();
    void updatePlaceholder();

    db::Database& db_;
    std::unique_ptr<db::PatientRepository> repo_;
    PatientListModel* model_ = nullptr;
    QLineEdit* search_ = nullptr;
    QTableView* patientView_ = nullptr;
    QLabel* placeholder_ = nullptr;
};

} // namespace hepdesk::gui
