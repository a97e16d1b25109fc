#pragma once

#include <string>

namespace hepdesk {

/// The clinic's identity printed on every handout. One per database.
struct ClinicSettings {
    std::string name;
    std::string address; ///< may span lines
    std::string phone;
    std::string logo;     ///< image bytes (PNG or JPEG), empty when there is no logo
    std::string logoMime; ///< "image/png" or "image/jpeg"; empty when there is no logo
    /// The identifier system (an absolute URI) of patients' record numbers in the clinic's
    /// health record, for the FHIR export; empty: HepDesk's own (fhir::kDefaultRecordNumberSystem).
    std::string recordSystem = {};
    bool operator==(const ClinicSettings&) const = default;
};

} // namespace hepdesk
