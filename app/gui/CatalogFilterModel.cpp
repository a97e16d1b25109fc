#include "CatalogFilterModel.h"

#include "CatalogModel.h"

#include <algorithm>

namespace hepdesk::gui {

CatalogFilterModel::CatalogFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

// Each setter changes one criterion and re-filters (Qt 6.4 has no begin/endFilterChange).
void CatalogFilterModel::setText(const QString& text) {
    text_ = text.simplified();
    invalidateFilter();
}

void CatalogFilterModel::setRegion(const QString& regionId) {
    setRegions(regionId.isEmpty() ? QStringList() : QStringList{regionId});
}

void CatalogFilterModel::setRegions(const QStringList& regionIds) {
    regions_ = regionIds;
    invalidateFilter();
}

void CatalogFilterModel::setPosition(const QString& positionId) {
    position_ = positionId;
    invalidateFilter();
}

void CatalogFilterModel::setEquipment(const QString& equipmentId) {
    equipment_ = equipmentId;
    invalidateFilter();
}

bool CatalogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex idx = sourceModel()->index(sourceRow, CatalogModel::NameColumn, sourceParent);
    if (!text_.isEmpty()) {
        const QString name = idx.data(Qt::DisplayRole).toString();
        const QString id = idx.data(CatalogModel::ExerciseIdRole).toString();
        // Every word must appear somewhere in the name or the id, in any order.
        for (const QString& word : text_.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!name.contains(word, Qt::CaseInsensitive) &&
                !id.contains(word, Qt::CaseInsensitive)) {
                return false;
            }
        }
    }
    if (!regions_.isEmpty()) {
        const QStringList own = idx.data(CatalogModel::RegionIdsRole).toStringList();
        if (std::none_of(regions_.begin(), regions_.end(),
                         [&own](const QString& r) { return own.contains(r); })) {
            return false;
        }
    }
    if (!position_.isEmpty() && idx.data(CatalogModel::PositionIdRole).toString() != position_) {
        return false;
    }
    if (!equipment_.isEmpty()) {
        const QStringList needed = idx.data(CatalogModel::EquipmentIdsRole).toStringList();
        if (equipment_ == QLatin1String("none") ? !needed.isEmpty()
                                                : !needed.contains(equipment_)) {
            return false;
        }
    }
    return true;
}

} // namespace hepdesk::gui
