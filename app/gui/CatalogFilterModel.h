#pragma once

#include <QSortFilterProxyModel>

namespace hepdesk::gui {

/// Narrows the catalog by words in the name and by region, position and equipment ids
/// (an empty filter lets everything through).
class CatalogFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit CatalogFilterModel(QObject* parent = nullptr);

    void setText(const QString& text);
    void setRegion(const QString& regionId);
    /// Shows exercises for any of these regions (empty: every region).
    void setRegions(const QStringList& regionIds);
    void setPosition(const QString& positionId);
    /// Shows exercises that need this equipment; "none" shows those needing nothing.
    void setEquipment(const QString& equipmentId);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex& sourceParent) const override;

private:
    QString text_;
    QStringList regions_;
    QString position_;
    QString equipment_;
};

} // namespace hepdesk::gui
