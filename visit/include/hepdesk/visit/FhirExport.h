#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/FhirBundle.h"
#include "hepdesk/visit/VisitWorkflow.h"

#include <cstdint>
#include <optional>
#include <string>

namespace hepdesk::visit {

/// What an export to the health record may set.
struct FhirExportOptions {
    /// The identifier system (a URI) of the patient's record number in the receiving record,
    /// given for this export: it wins over the clinic's (ClinicSettings::recordSystem); without
    /// either, fhir::kDefaultRecordNumberSystem.
    std::optional<std::string> recordNumberSystem = std::nullopt;
    /// The language of the labels shown as text (finding, question and exercise names).
    std::string language = "en";
};

/// Exports sessions as HL7 FHIR R4 Bundles (JSON text) for the clinic's health record: loads
/// the patient, clinic, clinicians and sessions through the repositories and makes each
/// session's handout again through the workflow (a signed session from its snapshot, so the
/// PDF is the one signed). The same session gives the same bytes.
class FhirExport {
public:
    /// `repos` and `workflow` must outlive the exporter.
    FhirExport(Repositories repos, VisitWorkflow& workflow, FhirExportOptions options = {});

    /// One session, its patient and everything it names.
    Result<std::string> session(std::int64_t sessionId);
    /// All of the patient's sessions, oldest first.
    Result<std::string> patient(std::int64_t patientId);

private:
    Result<std::string> bundle(std::int64_t patientId, const std::vector<Session>& sessions,
                               std::string bundleName);
    Result<fhir::SessionRecord> record(Session session);

    Repositories repos_;
    VisitWorkflow& workflow_;
    FhirExportOptions options_;
};

} // namespace hepdesk::visit
