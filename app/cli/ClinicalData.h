#pragma once

#include "hepdesk/visit/ClinicData.h"

#include <filesystem>
#include <iosfwd>

namespace hepdesk::db {
class CustomExerciseRepository;
class Database;
} // namespace hepdesk::db

namespace hepdesk::cli {

/// The catalog and rules of one templates folder, loaded and cross-checked together (the
/// visit layer's ClinicData), as the commands load them.
struct ClinicalData : visit::ClinicData {
    /// `templates`/catalog and `templates`/rules; the installation's folder when empty.
    static Result<ClinicalData> load(const std::filesystem::path& templates);
    /// The same plus the clinic's own exercises stored in the clinic's database (with their
    /// photos), the rules checked against that merged catalog, as the desktop app does. Each stored
    /// exercise left out is printed on `warnings` ("hepdesk-cli: warning: ...") and is not an
    /// error.
    static Result<ClinicalData> loadWithClinic(const std::filesystem::path& templates,
                                               db::CustomExerciseRepository& customExercises,
                                               std::ostream& warnings);
    /// The same with the exercises of database file `db`.
    static Result<ClinicalData> loadWithClinic(const std::filesystem::path& templates,
                                               db::Database& db, std::ostream& warnings);
};

} // namespace hepdesk::cli
