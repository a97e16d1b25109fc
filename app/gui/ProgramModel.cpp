#include "ProgramModel.h"

#include "ProgramDecisionText.h"
#include "UiLanguage.h"

#include <QColor>
#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

namespace hepdesk::gui {
namespace {

const QString kMime = QStringLiteral("application/x-hepdesk-program-rows");

} // namespace

ProgramModel::ProgramModel(const Catalog& catalog, QObject* parent)
    : QAbstractListModel(parent), catalog_(catalog) {}

void ProgramModel::setProgram(Program program) {
    beginResetModel();
    program_ = std::move(program);
    endResetModel();
}

void ProgramModel::replaceProgram(Program program) {
    setProgram(std::move(program));
    emit programEdited();
}

void ProgramModel::setAssessment(const Assessment* assessment) {
    assessment_ = assessment;
    if (!program_.items.empty()) {
        emit dataChanged(index(0), index(rowCount() - 1), {EligibilityRole, Qt::ToolTipRole});
    }
}

void ProgramModel::setReadOnly(bool readOnly) {
    readOnly_ = readOnly;
    if (!program_.items.empty()) {
        emit dataChanged(index(0), index(rowCount() - 1));
    }
}

void ProgramModel::setLanguage(const QString& lang) {
    lang_ = lang.toStdString();
    if (!program_.items.empty()) {
        emit dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole});
    }
}

Status ProgramModel::add(const std::string& exerciseId) {
    if (readOnly_) {
        return Error::refused(
            tr("This session is signed: its program can no longer change.").toStdString());
    }
    const CatalogEntry* entry = catalog_.find(exerciseId);
    if (entry == nullptr || !entry->isExercise()) {
        return Error::notFound(tr("No exercise \"%1\" in the catalog.")
                                   .arg(QString::fromStdString(exerciseId))
                                   .toStdString());
    }
    for (const auto& item : program_.items) {
        if (item.exerciseId == exerciseId) {
            return Error::refused(tr("%1 is already in the program.")
                                      .arg(QString::fromStdString(entry->name.text(lang_)))
                                      .toStdString());
        }
    }
    if (assessment_ == nullptr) {
        return Error::refused(
            tr("Record the screening first: exercises are checked against it.").toStdString());
    }
    // Core's one program rule: excluded, or blocked by an urgent or emergency triage.
    const ProgramDecision d = checkProgramItem(*assessment_, exerciseId, overridden_);
    if (!d.allowed()) {
        QStringList why;
        const std::string lang = uiLanguage();
        for (const auto& r : d.reasons) {
            why << QString::fromStdString(rules_ != nullptr ? rules_->reasonIn(r, lang)
                                                            : r.clinicianReason);
        }
        return Error::refused(programRefusalText(d, QString::fromStdString(entry->name.text(lang_)),
                                                 why.join(QStringLiteral("; ")), triageRules_)
                                  .toStdString());
    }
    const int row = rowCount();
    beginInsertRows({}, row, row);
    program_.items.push_back(ProgramItem{exerciseId, entry->defaultDosage, {}});
    endInsertRows();
    emit programEdited();
    return {};
}

Status ProgramModel::swapForAlternative(int row, Alternative which) {
    if (readOnly_) {
        return Error::refused(
            tr("This session is signed: its program can no longer change.").toStdString());
    }
    if (assessment_ == nullptr) {
        return Error::refused(
            tr("Record the screening first: exercises are checked against it.").toStdString());
    }
    if (row < 0 || row >= rowCount()) {
        return Error::invalid(tr("Select an exercise of the program first.").toStdString());
    }
    Program changed = program_;
    if (auto s = hepdesk::swapForAlternative(changed, static_cast<std::size_t>(row), which,
                                             catalog_, *assessment_);
        !s) {
        return s;
    }
    program_ = std::move(changed);
    emit dataChanged(index(row), index(row));
    emit programEdited();
    return {};
}

bool ProgramModel::remove(int row) {
    if (readOnly_ || row < 0 || row >= rowCount()) {
        return false;
    }
    beginRemoveRows({}, row, row);
    program_.items.erase(program_.items.begin() + row);
    endRemoveRows();
    emit programEdited();
    return true;
}

bool ProgramModel::setDosage(int row, const Dosage& d) {
    if (readOnly_ || row < 0 || row >= rowCount()) {
        return false;
    }
    ProgramItem& item = program_.items[static_cast<std::size_t>(row)];
    if (!validate(d, item.exerciseId).ok()) {
        return false;
    }
    if (item.dosage != d) {
        item.dosage = d;
        emit dataChanged(index(row), index(row));
        emit programEdited();
    }
    return true;
}

bool ProgramModel::move(int row, int delta) {
    const int target = row + delta;
    if (delta == 0 || target < 0 || target >= rowCount()) {
        return false;
    }
    // moveRows' destination is "before which row", so moving down skips one further.
    return moveRows({}, row, 1, {}, delta > 0 ? target + 1 : target);
}

QString ProgramModel::dosageText(const Dosage& d) {
    QStringList parts;
    if (d.reps > 0) {
        parts << (d.sets > 1 ? tr("%1 × %2").arg(d.sets).arg(d.reps) : tr("%1 reps").arg(d.reps));
    } else if (d.sets > 1) {
        parts << tr("%1 sets").arg(d.sets);
    }
    if (d.holdSeconds > 0) {
        parts << (d.holdUnit == HoldUnit::Minutes ? tr("%1 min").arg(d.holdSeconds / 60)
                                                  : tr("hold %1 s").arg(d.holdSeconds));
    }
    // How often in the handout's words: "once a day", "twice a day", "3 times a day".
    parts << (d.timesPerDay == 1   ? tr("once a day")
              : d.timesPerDay == 2 ? tr("twice a day")
                                   : tr("%1 times a day").arg(d.timesPerDay));
    if (d.perSide) {
        parts << tr("each side");
    }
    if (d.daysPerWeek < kDaysPerWeekLimit.max) {
        parts << tr("%1 days a week").arg(d.daysPerWeek);
    }
    if (d.weeks > 0) {
        parts << (d.weeks == 1 ? tr("1 week") : tr("%1 weeks").arg(d.weeks));
    }
    return parts.join(QStringLiteral(", "));
}

int ProgramModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(program_.items.size());
}

QVariant ProgramModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ProgramItem& item = program_.items[static_cast<std::size_t>(index.row())];
    const CatalogEntry* entry = catalog_.find(item.exerciseId);
    const QString name = entry != nullptr ? QString::fromStdString(entry->name.text(lang_))
                                          : QString::fromStdString(item.exerciseId);
    const Eligibility* e =
        assessment_ != nullptr ? assessment_->eligibilityOf(item.exerciseId) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        // A caution is marked in the list itself, not only in the tool tip.
        if (e != nullptr && e->status == EligibilityStatus::Caution) {
            return tr("%1. ⚠ %2 (caution) — %3")
                .arg(index.row() + 1)
                .arg(name, dosageText(item.dosage));
        }
        return tr("%1. %2 — %3").arg(index.row() + 1).arg(name, dosageText(item.dosage));
    case Qt::ForegroundRole:
        if (e != nullptr && e->status == EligibilityStatus::Caution) {
            return QColor(0x8A, 0x4B, 0x00);
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines{name};
        if (e != nullptr) {
            const std::string lang = uiLanguage();
            for (const auto& r : e->reasons) {
                lines << QString::fromStdString(rules_ != nullptr ? rules_->reasonIn(r, lang)
                                                                  : r.clinicianReason);
            }
        }
        if (!item.note.empty()) {
            lines << tr("Note: %1").arg(QString::fromStdString(item.note));
        }
        return lines.join(QLatin1Char('\n'));
    }
    case ExerciseIdRole:
        return QString::fromStdString(item.exerciseId);
    case SetsRole:
        return item.dosage.sets;
    case RepsRole:
        return item.dosage.reps;
    case HoldSecondsRole:
        return item.dosage.holdSeconds;
    case TimesPerDayRole:
        return item.dosage.timesPerDay;
    case PerSideRole:
        return item.dosage.perSide;
    case NoteRole:
        return QString::fromStdString(item.note);
    case DosageTextRole:
        return dosageText(item.dosage);
    case EligibilityRole:
        return static_cast<int>(e != nullptr ? e->status : EligibilityStatus::Eligible);
    default:
        return {};
    }
}

bool ProgramModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (readOnly_ ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    ProgramItem& item = program_.items[static_cast<std::size_t>(index.row())];
    if (role == NoteRole) {
        item.note = value.toString().toStdString();
    } else {
        Dosage d = item.dosage;
        bool ok = true;
        const int n = value.toInt(&ok);
        switch (role) {
        case SetsRole:
            d.sets = n;
            break;
        case RepsRole:
            d.reps = n;
            break;
        case HoldSecondsRole:
            d.holdSeconds = n;
            break;
        case TimesPerDayRole:
            d.timesPerDay = n;
            break;
        case PerSideRole:
            d.perSide = value.toBool();
            ok = true;
            break;
        default:
            return false;
        }
        // The core's ranges decide what a dosage may be; an out-of-range value is not stored.
        if (!ok || !validate(d, item.exerciseId).ok()) {
            return false;
        }
        item.dosage = d;
    }
    emit dataChanged(index, index);
    emit programEdited();
    return true;
}

Qt::ItemFlags ProgramModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) {
        return readOnly_ ? Qt::NoItemFlags : Qt::ItemIsDropEnabled;
    }
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (!readOnly_) {
        f |= Qt::ItemIsDragEnabled;
    }
    return f;
}

QHash<int, QByteArray> ProgramModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ExerciseIdRole, "exerciseId");
    names.insert(NoteRole, "note");
    names.insert(DosageTextRole, "dosageText");
    return names;
}

bool ProgramModel::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                            const QModelIndex& destinationParent, int destinationChild) {
    if (readOnly_ || sourceParent.isValid() || destinationParent.isValid() || count != 1 ||
        sourceRow < 0 || sourceRow >= rowCount() || destinationChild < 0 ||
        destinationChild > rowCount() || destinationChild == sourceRow ||
        destinationChild == sourceRow + 1) {
        return false;
    }
    if (!beginMoveRows({}, sourceRow, sourceRow, {}, destinationChild)) {
        return false;
    }
    auto& items = program_.items;
    ProgramItem moved = std::move(items[static_cast<std::size_t>(sourceRow)]);
    items.erase(items.begin() + sourceRow);
    const int insertAt = destinationChild > sourceRow ? destinationChild - 1 : destinationChild;
    items.insert(items.begin() + insertAt, std::move(moved));
    endMoveRows();
    // Every row's number ("1.", "2.") may have changed.
    emit dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole});
    emit programEdited();
    return true;
}

Qt::DropActions ProgramModel::supportedDropActions() const {
    return Qt::MoveAction;
}

QStringList ProgramModel::mimeTypes() const {
    return {kMime};
}

QMimeData* ProgramModel::mimeData(const QModelIndexList& indexes) const {
    if (indexes.isEmpty()) {
        return nullptr;
    }
    auto* mime = new QMimeData;
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << indexes.front().row();
    mime->setData(kMime, bytes);
    return mime;
}

bool ProgramModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row,
                                int /*column*/, const QModelIndex& parent) {
    if (readOnly_ || action != Qt::MoveAction || data == nullptr || !data->hasFormat(kMime)) {
        return false;
    }
    QDataStream in(data->data(kMime));
    int source = -1;
    in >> source;
    int destination = row;
    if (destination < 0) {
        destination = parent.isValid() ? parent.row() : rowCount();
    }
    moveRows({}, source, 1, {}, destination);
    // The move is done here; returning false stops the view from also removing the source row.
    return false;
}

} // namespace hepdesk::gui
