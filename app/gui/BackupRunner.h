#pragma once

#include <QObject>
#include <QString>
#include <filesystem>

class QThread;

namespace hepdesk::gui {

/// Checks the database (PRAGMA quick_check, its schema against HepDesk's, then the seals of
/// signed sessions and the audit chain: db::verifyRecords) and then runs the once-a-day
/// automatic backup, on a worker thread with its own database connection, so opening the app
/// never waits for a read of every page of a large database.
class BackupRunner final : public QObject {
    Q_OBJECT
public:
    explicit BackupRunner(QObject* parent = nullptr);
    ~BackupRunner() override; ///< waits for a running backup: the file must not be left half

    /// Starts the backup of the database file `dbPath` into `folder`, keeping the newest
    /// `keep`. Returns false when one is already running.
    bool start(const std::filesystem::path& dbPath, const std::filesystem::path& folder, int keep);
    [[nodiscard]] bool isRunning() const;
    /// Blocks until the running backup (if any) has finished; for tests and shutdown.
    void wait();

signals:
    /// `written` is the new file, empty when today's backup already existed.
    void finished(const QString& written);
    /// What went wrong, in words a person can act on.
    void failed(const QString& message);
    /// quick_check found damage, the schema was changed outside HepDesk, or records were
    /// changed outside HepDesk (the first complaint); no backup was made.
    void databaseDamaged(const QString& problem);

private:
    QThread* thread_ = nullptr;
    bool delivered_ = false; ///< the running thread's result reached the GUI thread
};

} // namespace hepdesk::gui
