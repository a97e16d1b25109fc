#pragma once

#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicSettings.h"
#include "hepdesk/core/Clinician.h"
#include "hepdesk/core/Patient.h"
#include "hepdesk/core/ScreeningItems.h"
#include "hepdesk/core/Session.h"

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hepdesk::fhir {

/// The identifier system of a patient's record number when the clinic gives none.
inline constexpr std::string_view kDefaultRecordNumberSystem =
    "https://hepdesk.invalid/fhir/record-number";

/// A handout of one session as it is exported: the PDF made again (byte-identical for a signed
/// session, from its snapshot) and its fingerprint.
struct HandoutPdf {
    std::string bytes;
    std::string sha256; ///< 64 lowercase hex digits
    std::string language;
};

/// One session to export and its handout, when one can be made.
struct SessionRecord {
    Session session;
    std::optional<HandoutPdf> handout;
};

/// Everything one Bundle is made from. Decides nothing: what the session holds is written out.
struct BundleInput {
    Patient patient;
    ClinicSettings clinic;
    /// Every clinician a session names (its clinician, signer, addenda and overrides).
    std::vector<Clinician> clinicians;
    std::vector<SessionRecord> sessions; ///< in the order they appear in the Bundle
    /// The identifier system of the record number (a URI).
    std::string recordNumberSystem = std::string(kDefaultRecordNumberSystem);
    /// "session/4" or "patient/2": names the Bundle's own UUID.
    std::string bundleName;
};

/// Labels the Bundle shows as text: clinician labels of findings and questions, exercise names.
struct BundleLabels {
    const ScreeningItems& items;
    const Catalog& catalog;
    std::string language = "en";
    /// The label of each override kind (visit/OverrideReason.h) in `language`, by its id.
    std::map<std::string, std::string> overrideKinds = {};
};

/// One HL7 FHIR R4 Bundle (type "collection") as JSON: Patient, Organization, Practitioners,
/// the Questionnaires it answers, and per session an Encounter, Observations, a RiskAssessment,
/// QuestionnaireResponses, a CarePlan with one ServiceRequest per exercise, DocumentReferences
/// and Provenance. Deterministic: ids are name-based UUIDs, no clock is read, keys are sorted.
nlohmann::json toFhirBundle(const BundleInput& input, const BundleLabels& labels);

/// toFhirBundle as text: two-space indented, keys sorted, ending in a newline.
std::string toFhirText(const BundleInput& input, const BundleLabels& labels);

} // namespace hepdesk::fhir
