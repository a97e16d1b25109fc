#pragma once

#include "hepdesk/core/Patient.h"

#include <QAbstractTableModel>
#include <vector>

namespace hepdesk::db {
class PatientRepository;
}

namespace hepdesk::gui {

/// The clinic's patients as a table (name, date of birth, record number), read from the database.
class PatientListModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, BirthDateColumn, RecordNumberColumn, ColumnCount };
    enum Role { PatientIdRole = Qt::UserRole + 1 };
    /// Most matches a search shows: the clinician types more rather than scrolls.
    static constexpr int kSearchLimit = 200;
    /// The whole list is read a page at a time as the view scrolls: a clinic of 100,000
    /// patients opens as fast as one of ten.
    static constexpr int kPageSize = 500;

    explicit PatientListModel(db::PatientRepository& repo, QObject* parent = nullptr);

    /// Re-reads the list; returns false (and keeps the old rows) if the database failed,
    /// with the message in lastError().
    bool reload();
    /// Shows the patients matching `query` (the database's accent- and case-insensitive
    /// search); an empty query shows everyone.
    bool setQuery(const QString& query);
    [[nodiscard]] QString query() const { return query_; }
    /// The row of patient `id`, or -1.
    [[nodiscard]] int rowOf(std::int64_t id) const;
    [[nodiscard]] QString lastError() const { return lastError_; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    db::PatientRepository& repo_;
    std::vector<Patient> rows_;
    QString query_;
    bool more_ = false; ///< the unfiltered list has rows not read yet
    QString lastError_;
};

} // namespace hepdesk::gui
