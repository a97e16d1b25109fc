#include "PatientListModel.h"

#include "hepdesk/db/PatientRepository.h"

namespace hepdesk::gui {

PatientListModel::PatientListModel(db::PatientRepository& repo, QObject* parent)
    : QAbstractTableModel(parent), repo_(repo) {
    reload();
}

bool PatientListModel::setQuery(const QString& query) {
    query_ = query.trimmed();
    return reload();
}

int PatientListModel::rowOf(std::int64_t id) const {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

bool PatientListModel::reload() {
    auto result = query_.isEmpty() ? repo_.list({})
                                   : repo_.search(query_.toStdString(), {.limit = kSearchLimit});
    if (!result) {
        lastError_ = QString::fromStdString(result.error().message);
        return false;
    }
    beginResetModel();
    rows_ = std::move(result).value();
    endResetModel();
    lastError_.clear();
    return true;
}

int PatientListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int PatientListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Patient& p = rows_[static_cast<std::size_t>(index.row())];
    if (role == PatientIdRole) {
        return QVariant::fromValue<qlonglong>(p.id);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return QString::fromStdString(p.name);
    case BirthDateColumn:
        return QString::fromStdString(p.birthDate);
    case RecordNumberColumn:
        return QString::fromStdString(p.recordNumber);
    default:
        return {};
    }
}

QVariant PatientListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case BirthDateColumn:
        return tr("Date of birth");
    case RecordNumberColumn:
        return tr("Record no.");
    default:
        return {};
    }
}

} // namespace hepdesk::gui
