#pragma once

#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/handout/HandoutWriter.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/CustomExerciseRepository.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/ProtocolRepository.h"
#include "hepdesk/db/SessionRepository.h"
#include "hepdesk/visit/ProtocolLibrary.h"

#include <filesystem>
#include <memory>
#include <optional>

namespace hepdesk::db {
class Database;
}

namespace hepdesk::gui {

/// What the windows share, loaded once at start-up: the database's repositories, the catalog
/// (shipped plus the clinic's own exercises), the clinical rules and the handout writer.
class Services {
public:
    /// Loads everything from `templatesDir` (the installation's when empty). A custom exercise
    /// that no longer validates is left out and reported in skippedCustom().
    static Result<std::unique_ptr<Services>> load(db::Database& db,
                                                  std::filesystem::path templatesDir = {});

    db::Database& database() { return db_; }
    db::PatientRepository& patients() { return patients_; }
    db::SessionRepository& sessions() { return sessions_; }
    db::ClinicianRepository& clinicians() { return clinicians_; }
    db::ClinicRepository& clinic() { return clinic_; }
    db::CustomExerciseRepository& customExercises() { return custom_; }
    [[nodiscard]] const Catalog& catalog() const { return catalog_; }
    [[nodiscard]] const ClinicalRules& rules() const { return *rules_; }
    [[nodiscard]] const handout::HandoutWriter& writer() const { return *writer_; }
    [[nodiscard]] const std::vector<std::string>& skippedCustom() const { return skipped_; }
    /// The shipped protocols and the clinic's saved ones.
    visit::ProtocolLibrary& protocols() { return *protocols_; }

    /// Re-reads the clinic's custom exercises into the catalog (after the editor saved one).
    Status reloadCustomExercises();

private:
    explicit Services(db::Database& db);

    db::Database& db_;
    db::SqlitePatientRepository patients_;
    db::SqliteSessionRepository sessions_;
    db::SqliteClinicianRepository clinicians_;
    db::SqliteClinicRepository clinic_;
    db::SqliteCustomExerciseRepository custom_;
    db::SqliteProtocolRepository savedProtocols_;
    std::filesystem::path templatesDir_;
    Catalog shipped_;
    Catalog catalog_;
    std::optional<ClinicalRules> rules_;
    std::optional<handout::HandoutWriter> writer_;
    std::vector<std::string> skipped_;
    std::optional<visit::ProtocolLibrary> protocols_;
};

} // namespace hepdesk::gui
