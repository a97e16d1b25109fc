#include "CatalogModel.h"

#include "FigureThumbnail.h"
#include "ProgramDecisionText.h"
#include "TriageBanner.h"
#include "UiLanguage.h"
#include "Vocabulary.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>

namespace hepdesk::gui {

CatalogModel::CatalogModel(QObject* parent) : QAbstractTableModel(parent), lang_(uiLanguage()) {}

void CatalogModel::setCatalog(const Catalog* catalog) {
    beginResetModel();
    catalog_ = catalog;
    rows_.clear();
    pictures_.clear(); // a custom exercise's photo may have changed
    if (catalog_ != nullptr) {
        for (const CatalogEntry& e : catalog_->entries()) {
            if (e.isExercise()) {
                rows_.push_back(&e);
            }
        }
    }
    endResetModel();
}

void CatalogModel::setAssessment(const Assessment* assessment) {
    assessment_ = assessment;
    if (!rows_.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

void CatalogModel::setLanguage(const QString& lang) {
    lang_ = lang.toStdString();
    if (!rows_.empty()) {
        emit dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn));
    }
}

void CatalogModel::setRules(const EligibilityRules* rules) {
    rules_ = rules;
    if (!rows_.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

void CatalogModel::setTriageRules(const TriageRules* rules) {
    triageRules_ = rules;
    if (!rows_.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

void CatalogModel::setScreeningRecorded(bool recorded) {
    if (recorded == screeningRecorded_) {
        return;
    }
    screeningRecorded_ = recorded;
    if (!rows_.empty()) {
        emit dataChanged(index(0, EligibilityColumn), index(rowCount() - 1, EligibilityColumn));
    }
}

void CatalogModel::setOverridden(bool overridden) {
    if (overridden == overridden_) {
        return;
    }
    overridden_ = overridden;
    if (!rows_.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

void CatalogModel::setFigures(const std::map<std::string, handout::Figure, std::less<>>* figures) {
    figures_ = figures;
    pictures_.clear();
    if (!rows_.empty()) {
        emit dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn),
                         {Qt::DecorationRole});
    }
}

const CatalogEntry* CatalogModel::entryAt(int row) const {
    return row >= 0 && row < rowCount() ? rows_[static_cast<std::size_t>(row)] : nullptr;
}

int CatalogModel::rowOf(const std::string& exerciseId) const {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i]->id == exerciseId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

const Eligibility* CatalogModel::eligibilityAt(int row) const {
    const CatalogEntry* e = entryAt(row);
    return e != nullptr && assessment_ != nullptr ? assessment_->eligibilityOf(e->id) : nullptr;
}

QString CatalogModel::humanize(const std::string& id) {
    return vocabularyLabel(id);
}

int CatalogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int CatalogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CatalogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const CatalogEntry& e = *rows_[static_cast<std::size_t>(index.row())];
    const Eligibility* el = eligibilityAt(index.row());
    const EligibilityStatus status = el != nullptr ? el->status : EligibilityStatus::Eligible;
    const ProgramDecision decision = assessment_ != nullptr
                                         ? checkProgramItem(*assessment_, e.id, overridden_)
                                         : ProgramDecision{};
    const bool blocked = decision.verdict == ProgramVerdict::BlockedByTriage;
    const QStringList reasons = reasonsOf(el, decision);
    QStringList regions;
    QStringList regionIds;
    for (Region r : e.regions) {
        regionIds << QString::fromUtf8(toId(r).data(), static_cast<qsizetype>(toId(r).size()));
        regions << humanize(std::string(toId(r)));
    }
    QStringList equipment;
    QStringList equipmentIds;
    for (const auto& q : e.equipment) {
        equipmentIds << QString::fromStdString(q);
        equipment << humanize(q);
    }

    switch (role) {
    case Qt::DecorationRole:
        return index.column() == NameColumn ? pictureOf(e) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return QString::fromStdString(e.name.text(lang_));
        case RegionColumn:
            return regions.join(QStringLiteral(", "));
        case PositionColumn:
            return humanize(e.position);
        case EquipmentColumn:
            return equipment.isEmpty() ? tr("None") : equipment.join(QStringLiteral(", "));
        case EligibilityColumn:
            return eligibilityText(status, decision);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (!reasons.isEmpty()) {
            return reasons.join(QLatin1Char('\n'));
        }
        return index.column() == NameColumn ? QString::fromStdString(e.illustration.text(lang_))
                                            : QVariant();
    case Qt::ForegroundRole:
        if (status == EligibilityStatus::Excluded || blocked) {
            return QBrush(QColor(0x6B, 0x6B, 0x6B));
        }
        return {};
    case Qt::BackgroundRole:
        if (index.column() != EligibilityColumn) {
            return {};
        }
        if (status == EligibilityStatus::Excluded || blocked) {
            return QBrush(QColor(0xF6, 0xD5, 0xD5));
        }
        if (status == EligibilityStatus::Caution) {
            return QBrush(QColor(0xFF, 0xEC, 0xB3));
        }
        return {};
    case Qt::AccessibleDescriptionRole:
        return reasons.join(QLatin1Char('\n'));
    case ExerciseIdRole:
        return QString::fromStdString(e.id);
    case EligibilityRole:
        return static_cast<int>(status);
    case VerdictRole:
        return static_cast<int>(decision.verdict);
    case ReasonsRole:
        return reasons.join(QLatin1Char('\n'));
    case RegionIdsRole:
        return regionIds;
    case PositionIdRole:
        return QString::fromStdString(e.position);
    case EquipmentIdsRole:
        return equipmentIds;
    default:
        return {};
    }
}

// The exercise's figure or photo as a list thumbnail, drawn once and then cached.
QVariant CatalogModel::pictureOf(const CatalogEntry& e) const {
    auto cached = pictures_.find(e.id);
    if (cached == pictures_.end()) {
        QPixmap picture;
        if (e.photo) {
            picture =
                FigureThumbnail::renderPhoto(*e.photo, kPictureSize, qGuiApp->devicePixelRatio());
        } else if (figures_ != nullptr) {
            auto fig = figures_->find(e.id);
            if (fig == figures_->end()) {
                return {}; // a custom exercise without a figure or photo
            }
            picture =
                FigureThumbnail::render(fig->second, kPictureSize, qGuiApp->devicePixelRatio());
        } else {
            return {};
        }
        cached = pictures_.emplace(e.id, std::move(picture)).first;
    }
    return cached->second;
}

// Why the exercise is blocked, excluded or cautioned, in the interface language.
QStringList CatalogModel::reasonsOf(const Eligibility* el, const ProgramDecision& decision) const {
    QStringList reasons;
    if (decision.verdict == ProgramVerdict::BlockedByTriage) {
        reasons << tr("No exercises until the referral: %1")
                       .arg(triageBlockText(decision, triageRules_));
    }
    if (el != nullptr) {
        const std::string lang = uiLanguage();
        for (const auto& r : el->reasons) {
            reasons << QString::fromStdString(rules_ != nullptr ? rules_->reasonIn(r, lang)
                                                                : r.clinicianReason);
        }
    }
    return reasons;
}

// The Eligibility column: not screened, blocked by the triage, or the rules' verdict ("Screening
// not done yet" instead of "Eligible" while the screening records nothing).
QVariant CatalogModel::eligibilityText(EligibilityStatus status,
                                       const ProgramDecision& decision) const {
    if (assessment_ == nullptr) {
        return tr("Not screened");
    }
    if (decision.verdict == ProgramVerdict::BlockedByTriage) {
        return tr("Blocked: %1").arg(TriageBanner::levelLabel(*decision.triageBlock));
    }
    switch (status) {
    case EligibilityStatus::Excluded:
        return tr("Excluded");
    case EligibilityStatus::Caution:
        return tr("Caution");
    case EligibilityStatus::Eligible:
        // Nothing recorded is no verdict: the exercise may be planned, not given yet.
        return screeningRecorded_ ? tr("Eligible") : tr("Screening not done yet");
    }
    return {};
}

QVariant CatalogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Exercise");
    case RegionColumn:
        return tr("Region");
    case PositionColumn:
        return tr("Position");
    case EquipmentColumn:
        return tr("Equipment");
    case EligibilityColumn:
        return tr("Eligibility");
    default:
        return {};
    }
}

} // namespace hepdesk::gui
