#include "FhirExportActions.h"

#include "Services.h"
#include "hepdesk/core/AtomicFile.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/visit/FhirExport.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QKeySequence>
#include <QMessageBox>
#include <QStatusBar>
#include <QWidget>

namespace hepdesk::gui {

FhirExportActions::FhirExportActions(Services& services, QWidget* window,
                                     std::function<std::int64_t()> patientId,
                                     std::function<std::int64_t()> sessionId)
    : QObject(window), services_(services), window_(window), patientId_(std::move(patientId)),
      sessionId_(std::move(sessionId)) {
    session_ = new QAction(tr("Export for &health record (FHIR)…"), this);
    session_->setObjectName(QStringLiteral("actionExportSessionFhir"));
    session_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    session_->setStatusTip(tr("Save the selected session as an HL7 FHIR file for the clinic's "
                              "health record"));
    connect(session_, &QAction::triggered, this, [this] { ask(false); });
    patient_ = new QAction(tr("Export patient for health &record (FHIR)…"), this);
    patient_->setObjectName(QStringLiteral("actionExportPatientFhir"));
    patient_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    patient_->setStatusTip(tr("Save the patient and all sessions as an HL7 FHIR file for the "
                              "clinic's health record"));
    connect(patient_, &QAction::triggered, this, [this] { ask(true); });
}

void FhirExportActions::update(bool allowed) {
    session_->setEnabled(allowed && sessionId_() != 0);
    patient_->setEnabled(allowed && patientId_() != 0);
}

QString FhirExportActions::exportTo(bool wholePatient, std::int64_t id, const QString& path) {
    visit::Repositories repos{services_.patients(), services_.sessions(), services_.clinicians(),
                              services_.clinic()};
    visit::VisitWorkflow workflow(repos, services_.catalog(), services_.rules(),
                                  services_.writer());
    visit::FhirExport exporter(repos, workflow);
    auto text = wholePatient ? exporter.patient(id) : exporter.session(id);
    if (!text) {
        return QString::fromStdString(text.error().message);
    }
    // A clinical record: owner-only, written whole or not at all.
    if (auto w = writeFileAtomically(path.toStdString(), *text, 0600); !w) {
        return QString::fromStdString(w.error().message);
    }
    const char* entity = wholePatient ? "patient" : "session";
    if (auto r = services_.recordAudit(std::string(entity) + ".export", entity, id,
                                       "FHIR file " + path.toStdString());
        !r) {
        return QString::fromStdString(r.error().message);
    }
    return {};
}

void FhirExportActions::ask(bool wholePatient) {
    const std::int64_t id = wholePatient ? patientId_() : sessionId_();
    if (id == 0) {
        return;
    }
    const QString name = wholePatient ? QStringLiteral("patient-%1.fhir.json").arg(id)
                                      : QStringLiteral("session-%1.fhir.json").arg(id);
    const QString path =
        QFileDialog::getSaveFileName(window_, tr("Export for health record (FHIR)"),
                                     QDir::home().filePath(name), tr("FHIR JSON (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    if (const QString failed = exportTo(wholePatient, id, path); !failed.isEmpty()) {
        QMessageBox::warning(window_, tr("Export for health record (FHIR)"),
                             tr("The file was not written: %1").arg(failed));
        return;
    }
    if (auto* status = window_->findChild<QStatusBar*>()) {
        status->showMessage(tr("Saved for the health record: %1").arg(path), 8000);
    }
}

} // namespace hepdesk::gui
