#pragma once

#include "hepdesk/core/Clinician.h"
#include "hepdesk/core/Session.h"

#include <QAbstractTableModel>
#include <map>
#include <vector>

namespace hepdesk::gui {

/// A patient's sessions, newest first: date, clinician, triage, pain, scores, number of
/// exercises, signed or draft (rows come from SessionRepository::history).
class SessionHistoryModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        DateColumn,
        ClinicianColumn,
        TriageColumn,
        PainColumn,
        ScoresColumn,
        ExercisesColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role { SessionIdRole = Qt::UserRole + 1, SignedRole, TriageRole };

    explicit SessionHistoryModel(QObject* parent = nullptr);

    void setSessions(std::vector<SessionSummary> sessions,
                     const std::vector<Clinician>& clinicians);
    [[nodiscard]] const std::vector<SessionSummary>& sessions() const { return rows_; }

    /// "ODI 32 %, STarT Back 5 (medium)": what was measured, in one cell.
    static QString scoresText(const SessionScores& s);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    std::vector<SessionSummary> rows_;
    std::map<std::int64_t, QString> clinicianNames_;
};

} // namespace hepdesk::gui
