#pragma once

#include <QObject>
#include <QString>
#include <cstdint>
#include <functional>

class QAction;
class QWidget;

namespace hepdesk::gui {

class Services;

/// The two menu commands that export to the clinic's health record (HL7 FHIR R4): the
/// selected session, or the patient with all sessions. Thin: the Bundle comes from the
/// Qt-free visit::FhirExport, the file is written by the atomic writer, and the export is
/// logged like every copy of a record that leaves HepDesk.
class FhirExportActions final : public QObject {
    Q_OBJECT
public:
    /// `patientId` and `sessionId` give the patient shown and the session selected (0: none).
    FhirExportActions(Services& services, QWidget* window, std::function<std::int64_t()> patientId,
                      std::function<std::int64_t()> sessionId);

    [[nodiscard]] QAction* sessionAction() const { return session_; }
    [[nodiscard]] QAction* patientAction() const { return patient_; }
    /// Enables each command when there is something for it to export.
    void update(bool allowed);

    /// Writes the Bundle of session `id` (or of patient `id` when `wholePatient`) to `path`:
    /// an empty string when done, else what went wrong, in words for the clinician.
    QString exportTo(bool wholePatient, std::int64_t id, const QString& path);

private:
    void ask(bool wholePatient);

    Services& services_;
    QWidget* window_;
    std::function<std::int64_t()> patientId_;
    std::function<std::int64_t()> sessionId_;
    QAction* session_ = nullptr;
    QAction* patient_ = nullptr;
};

} // namespace hepdesk::gui
