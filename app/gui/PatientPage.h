#pragma once

#include "TrendChart.h"
#include "hepdesk/core/AdherenceSummary.h"
#include "hepdesk/core/Patient.h"
#include "hepdesk/core/Session.h"

#include <QWidget>
#include <map>
#include <vector>

class QLabel;
class QPushButton;
class QTableView;

namespace hepdesk::db {
class PatientRepository;
class SessionRepository;
class ClinicianRepository;
} // namespace hepdesk::db

namespace hepdesk::gui {

class SessionHistoryModel;

/// One patient beside the list: details, sessions newest first, the trend of their scores, and
/// the buttons that start a visit (new, open, follow-up copying the last program).
class PatientPage final : public QWidget {
    Q_OBJECT
public:
    PatientPage(db::PatientRepository& patients, db::SessionRepository& sessions,
                db::ClinicianRepository& clinicians, QWidget* parent = nullptr);

    /// Shows patient `id`; false (and a message on the page) when it cannot be read.
    bool showPatient(std::int64_t id);
    /// Re-reads the current patient (after a session was saved).
    bool reload();
    [[nodiscard]] std::int64_t patientId() const { return patient_.id; }
    [[nodiscard]] const Patient& patient() const { return patient_; }
    [[nodiscard]] QString lastError() const { return lastError_; }

    [[nodiscard]] SessionHistoryModel* historyModel() const { return history_; }
    [[nodiscard]] QTableView* historyView() const { return historyView_; }
    [[nodiscard]] TrendChart* trendChart() const { return trend_; }
    /// The selected session, else the newest; 0 when there is none.
    [[nodiscard]] std::int64_t currentSessionId() const;

    /// The trend series of NPRS, ODI %, NDI %, STarT Back and the PSFS mean from the stored
    /// points, each with its clinically important change, and the exercises done (% of the
    /// days asked) from each session's exercise log (`adherence`, by session id).
    static std::vector<TrendSeries>
    trendSeries(const std::vector<TrendPoint>& points,
                const std::map<std::int64_t, AdherenceSummary>& adherence = {});

signals:
    void startSessionRequested(std::int64_t patientId);
    void followUpRequested(std::int64_t patientId, std::int64_t fromSessionId);
    void openSessionRequested(std::int64_t sessionId);
    void editPatientRequested(std::int64_t patientId);

private:
    // The constructor's parts, in the order they run (widget creation order is the tab order).
    void buildHeading();
    void buildButtons();
    void buildHistory();
    void updateButtons();

    db::PatientRepository& patients_;
    db::SessionRepository& sessions_;
    db::ClinicianRepository& clinicians_;
    Patient patient_;
    QString lastError_;
    QLabel* name_ = nullptr;
    QLabel* details_ = nullptr;
    SessionHistoryModel* history_ = nullptr;
    QTableView* historyView_ = nullptr;
    TrendChart* trend_ = nullptr;
    QPushButton* start_ = nullptr;
    QPushButton* followUp_ = nullptr;
    QPushButton* open_ = nullptr;
    QPushButton* edit_ = nullptr;
};

} // namespace hepdesk::gui
