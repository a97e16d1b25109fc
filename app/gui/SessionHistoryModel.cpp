#include "SessionHistoryModel.h"

#include "DateText.h"
#include "TriageBanner.h"
#include "Vocabulary.h"

#include <QBrush>
#include <QDateTime>
#include <QLocale>

namespace hepdesk::gui {
namespace {

QString percent(double v) {
    return QLocale().toString(v, 'f', v == static_cast<int>(v) ? 0 : 1) + QStringLiteral(" %");
}

} // namespace

SessionHistoryModel::SessionHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void SessionHistoryModel::setSessions(std::vector<SessionSummary> sessions,
                                      const std::vector<Clinician>& clinicians,
                                      std::map<std::int64_t, AdherenceSummary> adherence) {
    beginResetModel();
    rows_ = std::move(sessions);
    adherence_ = std::move(adherence);
    clinicianNames_.clear();
    for (const Clinician& c : clinicians) {
        QString name = QString::fromStdString(c.name);
        if (!c.credentials.empty()) {
            name += QStringLiteral(", ") + QString::fromStdString(c.credentials);
        }
        clinicianNames_[c.id] = name;
    }
    endResetModel();
}

QString SessionHistoryModel::scoresText(const SessionScores& s) {
    QStringList parts;
    if (s.odiPercent) {
        parts << tr("ODI %1").arg(percent(*s.odiPercent));
    }
    if (s.ndiPercent) {
        parts << tr("NDI %1").arg(percent(*s.ndiPercent));
    }
    if (s.startBackTotal) {
        parts << (s.startBackRisk ? tr("STarT Back %1 (%2 risk)")
                                        .arg(*s.startBackTotal)
                                        .arg(vocabularyLabel(riskId(*s.startBackRisk)).toLower())
                                  : tr("STarT Back %1").arg(*s.startBackTotal));
    }
    if (s.psfsMean) {
        parts << tr("PSFS %1").arg(QLocale().toString(*s.psfsMean, 'f', 1));
    }
    return parts.join(QStringLiteral(", "));
}

QString SessionHistoryModel::adherenceText(const std::optional<AdherenceSummary>& a) {
    if (!a) {
        return {};
    }
    if (!a->percent) {
        return tr("not asked");
    }
    if (a->exercisesAsked == 1) {
        return tr("%1 of %2 days").arg(a->daysDone).arg(a->daysAsked);
    }
    return tr("%1 % of days, %n exercise(s)", nullptr, a->exercisesAsked)
        .arg(QLocale().toString(*a->percent, 'f', 0));
}

int SessionHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int SessionHistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionHistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SessionSummary& s = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case SessionIdRole:
        return QVariant::fromValue<qlonglong>(s.id);
    case SignedRole:
        return s.isSigned;
    case TriageRole:
        return static_cast<int>(s.triage);
    case Qt::BackgroundRole:
        if (index.column() == TriageColumn && !handoutAllowedWithoutOverride(s.triage)) {
            return QBrush(TriageBanner::background(s.triage));
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == TriageColumn && !handoutAllowedWithoutOverride(s.triage)) {
            return QBrush(TriageBanner::foreground(s.triage));
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case DateColumn:
        // Date and time: two visits on one day are told apart.
        return dateTimeText(s.startedAt);
    case ClinicianColumn:
        if (s.clinicianId) {
            auto it = clinicianNames_.find(*s.clinicianId);
            return it != clinicianNames_.end() ? it->second : tr("#%1").arg(*s.clinicianId);
        }
        return tr("—");
    case TriageColumn:
        return TriageBanner::levelLabel(s.triage);
    case PainColumn:
        return s.scores.painNow ? tr("%1/10").arg(*s.scores.painNow) : tr("—");
    case ScoresColumn:
        return scoresText(s.scores);
    case ExercisesColumn:
        return static_cast<int>(s.program.items.size());
    case AdherenceColumn: {
        const auto a = adherence_.find(s.id);
        return adherenceText(a == adherence_.end() ? std::nullopt
                                                   : std::optional<AdherenceSummary>(a->second));
    }
    case StatusColumn:
        return s.isSigned ? tr("Signed") : tr("Draft");
    default:
        return {};
    }
}

QVariant SessionHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case DateColumn:
        return tr("Date");
    case ClinicianColumn:
        return tr("Clinician");
    case TriageColumn:
        return tr("Triage");
    case PainColumn:
        return tr("Pain");
    case ScoresColumn:
        return tr("Scores");
    case ExercisesColumn:
        return tr("Exercises");
    case AdherenceColumn:
        return tr("Done at home");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace hepdesk::gui
