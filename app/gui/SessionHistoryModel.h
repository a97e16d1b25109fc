#pragma once

#include "hepdesk/core/AdherenceSummary.h"
#include "hepdesk/core/Clinician.h"
#include "hepdesk/core/Session.h"

#include <QAbstractTableModel>
#include <map>
#include <vector>

namespace hepdesk::gui {

/// A patient's sessions, newest first: date, clinician, triage, pain, scores, number of
/// exercises, the exercise log (days done), signed or draft (rows come from
/// SessionRepository::history).
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
        AdherenceColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role { SessionIdRole = Qt::UserRole + 1, SignedRole, TriageRole };

    explicit SessionHistoryModel(QObject* parent = nullptr);

    /// `adherence`: each session's exercise log in total, by session id (none: not recorded).
    void setSessions(std::vector<SessionSummary> sessions, const std::vector<Clinician>& clinicians,
                     std::map<std::int64_t, AdherenceSummary> adherence = {});
    [[nodiscard]] const std::vector<SessionSummary>& sessions() const { return rows_; }

    /// "ODI 32 %, STarT Back 5 (medium)": what was measured, in one cell.
    static QString scoresText(const SessionScores& s);
    /// "10 of 14 days" (one exercise asked), "71 % of days, 3 exercises", "not asked", or
    /// empty when the session has no exercise log.
    static QString adherenceText(const std::optional<AdherenceSummary>& a);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    std::vector<SessionSummary> rows_;
    std::map<std::int64_t, QString> clinicianNames_;
    std::map<std::int64_t, AdherenceSummary> adherence_;
};

} // namespace hepdesk::gui
