#include "PatientListModel.h"

#include "DateText.h"
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
    auto result = query_.isEmpty() ? repo_.list({.limit = kPageSize})
                                   : repo_.search(query_.toStdString(), {.limit = kSearchLimit});
    if (!result) {
        lastError_ = QString::fromStdString(result.error().message);
        return false;
    }
    beginResetModel();
    rows_ = std::move(result).value();
    more_ = query_.isEmpty() && static_cast<int>(rows_.size()) == kPageSize;
    endResetModel();
    lastError_.clear();
    return true;
}

bool PatientListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && more_;
}

void PatientListModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid() || !more_) {
        return;
    }
    auto page = repo_.list({.limit = kPageSize, .offset = static_cast<int>(rows_.size())});
    if (!page) {
        lastError_ = QString::fromStdString(page.error().message);
        more_ = false;
        return;
    }
    more_ = static_cast<int>(page->size()) == kPageSize;
    if (page->empty()) {
        return;
    }
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    for (Patient& p : *page) {
        rows_.push_back(std::move(p));
    }
    endInsertRows();
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
        return dateTimeText(p.birthDate);
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
