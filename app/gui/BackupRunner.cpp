#include "BackupRunner.h"

#include "hepdesk/core/Clock.h"
#include "hepdesk/db/Backup.h"
#include "hepdesk/db/Database.h"

#include <QThread>

namespace hepdesk::gui {

BackupRunner::BackupRunner(QObject* parent) : QObject(parent) {}

BackupRunner::~BackupRunner() {
    wait();
    delete thread_;
}

bool BackupRunner::isRunning() const {
    // Once the result was delivered the thread is only returning: no longer "running" for the
    // caller, who may start the next backup (start() waits for those last instructions).
    return thread_ != nullptr && thread_->isRunning() && !delivered_;
}

void BackupRunner::wait() {
    if (thread_ != nullptr) {
        thread_->wait();
    }
}

bool BackupRunner::start(const std::filesystem::path& dbPath, const std::filesystem::path& folder,
                         int keep) {
    if (isRunning()) {
        return false;
    }
    wait();
    delete thread_;
    delivered_ = false;
    // `this` outlives the thread: the destructor waits for it. A queued call whose context
    // object is gone is dropped by Qt, so a late result never reaches a dead runner.
    thread_ = QThread::create([this, dbPath, folder, keep] {
        // A connection of its own: SQLite connections are not shared across threads, and the
        // backup API reads a consistent snapshot while the window keeps writing.
        QString message;
        QString written;
        auto db = db::Database::open(dbPath, {.create = false, .migrate = false});
        if (!db) {
            message = QString::fromStdString(db.error().message);
        } else {
            auto r = db::backupIfDue(*db, folder, keep, Clock::current());
            if (!r) {
                message = QString::fromStdString(r.error().message);
            } else if (r->has_value()) {
                written = QString::fromStdString((*r)->string());
            }
        }
        // Deliver on the runner's (GUI) thread.
        QMetaObject::invokeMethod(
            this,
            [this, message, written] {
                delivered_ = true;
                if (message.isEmpty()) {
                    emit finished(written);
                } else {
                    emit failed(message);
                }
            },
            Qt::QueuedConnection);
    });
    thread_->setObjectName(QStringLiteral("hepdesk-backup"));
    thread_->start(QThread::LowPriority);
    return true;
}

} // namespace hepdesk::gui
