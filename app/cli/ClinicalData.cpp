#include "ClinicalData.h"

#include "hepdesk/core/TextEscape.h"
#include "hepdesk/db/CustomExerciseRepository.h"

#include <ostream>

namespace hepdesk::cli {

Result<ClinicalData> ClinicalData::load(const std::filesystem::path& templates) {
    auto data = visit::loadShipped(templates);
    if (!data) {
        return data.error();
    }
    return ClinicalData{std::move(*data)};
}

Result<ClinicalData> ClinicalData::loadWithClinic(const std::filesystem::path& templates,
                                                  db::CustomExerciseRepository& customExercises,
                                                  std::ostream& warnings) {
    auto data = visit::loadClinic(templates, customExercises);
    if (!data) {
        return data.error();
    }
    // One broken custom exercise must not block every visit: say so and go on without it.
    for (const std::string& why : data->skipped) {
        warnings << "hepdesk-cli: warning: skipped " << escapeForTerminal(why) << '\n';
    }
    return ClinicalData{std::move(*data)};
}

Result<ClinicalData> ClinicalData::loadWithClinic(const std::filesystem::path& templates,
                                                  db::Database& db, std::ostream& warnings) {
    db::SqliteCustomExerciseRepository repo(db);
    return loadWithClinic(templates, repo, warnings);
}

} // namespace hepdesk::cli
