#include "BackupRunner.h"

#include "hepdesk/core/Clock.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Backup.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/TamperCheck.h"

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
        bool damaged = false;
        // The window opened the file without quick_check (it reads every page: seconds on a
        // large clinic database); the check runs here first, and a damaged file is never
        // backed up over the good copies.
        auto db =
            db::Database::open(dbPath, {.create = false, .migrate = false, .quickCheck = false});
        auto problems = db ? db->quickCheck() : Result<std::vector<std::string>>(db.error());
        if (db && problems && problems->empty()) {
            // A schema changed outside HepDesk (a trigger dropped or rewritten) is tampering:
            // the same read-only window as damage.
            problems = db->schemaCheck();
            if (problems && !problems->empty()) {
                problems->front() = "it was changed outside HepDesk: " + problems->front();
            }
        }
        if (!db) {
            message = QString::fromStdString(db.error().message);
        } else if (!problems) {
            // quick_check could not even read the file ("database disk image is malformed").
            damaged = true;
            message = QString::fromStdString(problems.error().message);
        } else if (!problems->empty()) {
            damaged = true;
            message = QString::fromStdString(problems->front());
        } else if (auto tampered = db::verifyRecords(*db); !tampered || !tampered->empty()) {
            // Signed sessions or audit rows changed outside HepDesk: as untrustworthy as a
            // damaged page, and never backed up over the good copies either.
            damaged = true;
            message = !tampered ? QString::fromStdString(tampered.error().message)
                                : tr("records were changed outside HepDesk: %1")
                                      .arg(QString::fromStdString(tampered->front()));
            if (tampered && tampered->size() > 1) {
                message += tr(" (and %n more; 'hepdesk-cli db check' lists them all)", nullptr,
                              static_cast<int>(tampered->size() - 1));
            }
        } else {
            auto r = db::backupIfDue(*db, folder, keep, Clock::current());
            if (!r) {
                message = QString::fromStdString(r.error().message);
            } else if (r->has_value()) {
                written = QString::fromStdString((*r)->string());
                if (auto s = db::SqliteAuditLog::record(*db, "db.backup", "database", "",
                                                        "file " + (*r)->string());
                    !s) {
                    message = QString::fromStdString(s.error().message);
                }
            }
        }
        // Deliver on the runner's (GUI) thread.
        QMetaObject::invokeMethod(
            this,
            [this, message, written, damaged] {
                delivered_ = true;
                if (damaged) {
                    emit databaseDamaged(message);
                } else if (message.isEmpty()) {
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
