#pragma once

#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/Error.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk::db {
class CustomExerciseRepository;
}

namespace hepdesk::visit {

/// The catalog and rules a clinic works with, loaded once: the shipped catalog plus the
/// clinic's own exercises, and the rules checked against that merged catalog.
struct ClinicData {
    Catalog catalog;
    ClinicalRules rules;
    /// Ids of the clinic's exercises in `catalog`, sorted; empty without a database.
    std::vector<std::string> customIds;
    /// One message per stored exercise left out (it names the exercise and why).
    std::vector<std::string> skipped;

    [[nodiscard]] bool isCustom(std::string_view id) const;
};

/// `templates`/catalog and `templates`/rules (the installation's folder when empty), without
/// the clinic's exercises (a command run without a database).
Result<ClinicData> loadShipped(const std::filesystem::path& templates);
/// The same with the clinic's own exercises (db::mergeCustomExercises): a broken stored
/// exercise is left out and named in `skipped`, never an error.
Result<ClinicData> loadClinic(const std::filesystem::path& templates,
                              db::CustomExerciseRepository& customExercises);
/// Merges the clinic's exercises into `shipped` and loads the rules for the result (the app
/// keeps the shipped catalog and calls this again after a clinic exercise changes).
Result<ClinicData> mergeClinic(const std::filesystem::path& templates, const Catalog& shipped,
                               db::CustomExerciseRepository& customExercises);

} // namespace hepdesk::visit
