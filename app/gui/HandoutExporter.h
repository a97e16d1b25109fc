#pragma once

#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/handout/Handout.h"
#include "hepdesk/visit/VisitWorkflow.h"

#include <QObject>
#include <QString>
#include <filesystem>
#include <vector>

class QThread;

namespace hepdesk::handout {
class HandoutWriter;
}

namespace hepdesk::gui {

/// Renders a handout and writes its PDF (atomically) on a worker thread, so a large handout
/// (photos of several megabytes) never freezes the window. The worker gets a copy of
/// everything it reads: the plan and the catalog entries (their photos are shared and
/// immutable), and the handout writer, whose templates never change once loaded. It never
/// touches the database or a widget; the window records the result when it arrives.
class HandoutExporter final : public QObject {
    Q_OBJECT
public:
    /// One export, copied into the worker.
    struct Job {
        /// What to print: a draft's request, or a signed session's reprint (visit::produceHandout
        /// gives the PDF kept at signing, or refuses one that would differ from it).
        visit::HandoutPlan plan;
        std::vector<CatalogEntry> catalog;
        std::filesystem::path target;
    };

    /// `writer` must outlive the exporter.
    explicit HandoutExporter(const handout::HandoutWriter& writer, QObject* parent = nullptr);
    ~HandoutExporter() override; ///< waits for a running export: no half-written temp file

    /// Starts writing; false when an export is already running.
    bool start(Job job);
    [[nodiscard]] bool isRunning() const;
    /// Blocks until the running export (if any) has finished; for shutdown and tests.
    void wait();

signals:
    /// The PDF is at `path`; its SHA-256 (hex) and size identify the handout.
    void finished(const QString& path, const QString& sha256, qint64 byteSize);
    /// Nothing was written to `path`; `message` says why, in words a person can act on.
    void failed(const QString& path, const QString& message);

private:
    const handout::HandoutWriter& writer_;
    QThread* thread_ = nullptr;
    bool delivered_ = false; ///< the running thread's result reached the GUI thread
};

} // namespace hepdesk::gui
