#pragma once

#include "ClinicalData.h"
#include "hepdesk/core/handout/HandoutWriter.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"
#include "hepdesk/visit/VisitWorkflow.h"

#include <iosfwd>
#include <memory>

namespace hepdesk::cli {

/// The visit workflow on the command's database: its repositories, the clinic's catalog and
/// rules (loaded once) and the handout writer. Commands only parse arguments and print.
class CliVisit {
public:
    /// Loads the clinic's catalog and rules from `db` (skipped exercises are printed on
    /// `warnings`) and the handout writer.
    static Result<std::unique_ptr<CliVisit>> open(db::Database& db, std::ostream& warnings);

    visit::VisitWorkflow& workflow() { return *workflow_; }
    [[nodiscard]] const ClinicalData& data() const { return data_; }
    db::SqlitePatientRepository& patients() { return patients_; }
    db::SqliteSessionRepository& sessions() { return sessions_; }
    db::SqliteClinicianRepository& clinicians() { return clinicians_; }
    db::SqliteClinicRepository& clinic() { return clinic_; }

private:
    CliVisit(db::Database& db, ClinicalData data, handout::HandoutWriter writer);

    db::SqlitePatientRepository patients_;
    db::SqliteSessionRepository sessions_;
    db::SqliteClinicianRepository clinicians_;
    db::SqliteClinicRepository clinic_;
    ClinicalData data_;
    handout::HandoutWriter writer_;
    std::unique_ptr<visit::VisitWorkflow> workflow_;
};

} // namespace hepdesk::cli
