#include "HandoutExporter.h"

#include "hepdesk/core/AtomicFile.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/core/handout/HandoutWriter.h"

#include <QThread>

namespace hepdesk::gui {

HandoutExporter::HandoutExporter(const handout::HandoutWriter& writer, QObject* parent)
    : QObject(parent), writer_(writer) {}

HandoutExporter::~HandoutExporter() {
    wait();
    delete thread_;
}

bool HandoutExporter::isRunning() const {
    // Once the result was delivered the thread is only returning (see BackupRunner).
    return thread_ != nullptr && thread_->isRunning() && !delivered_;
}

void HandoutExporter::wait() {
    if (thread_ != nullptr) {
        thread_->wait();
    }
}

bool HandoutExporter::start(Job job) {
    if (isRunning()) {
        return false;
    }
    wait();
    delete thread_;
    delivered_ = false;
    // `this` outlives the thread (the destructor waits); a queued call whose context object
    // is gone is dropped by Qt.
    thread_ = QThread::create([this, job = std::move(job)] {
        const QString path = QString::fromStdString(job.target.string());
        QString error;
        QString sha;
        qint64 size = 0;
        const auto rendered = visit::produceHandout(writer_, job.catalog, job.plan);
        // Handouts carry a patient's name: the file is readable by its owner only.
        if (!rendered) {
            error = QString::fromStdString(rendered.error().message);
        } else if (auto s = writeFileAtomically(job.target, rendered->pdf, 0600); !s) {
            error = QString::fromStdString(s.error().message);
        } else {
            sha = QString::fromStdString(sha256Hex(rendered->pdf));
            size = static_cast<qint64>(rendered->pdf.size());
        }
        QMetaObject::invokeMethod(
            this,
            [this, path, error, sha, size] {
                delivered_ = true;
                if (error.isEmpty()) {
                    emit finished(path, sha, size);
                } else {
                    emit failed(path, error);
                }
            },
            Qt::QueuedConnection);
    });
    thread_->setObjectName(QStringLiteral("hepdesk-export"));
    thread_->start();
    return true;
}

} // namespace hepdesk::gui
