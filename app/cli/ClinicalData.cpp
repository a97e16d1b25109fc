#include "ClinicalData.h"

#include "hepdesk/core/Paths.h"
#include "hepdesk/core/TextEscape.h"
#include "hepdesk/db/ClinicCatalog.h"
#include "hepdesk/db/CustomExerciseRepository.h"

#include <algorithm>
#include <ostream>

namespace hepdesk::cli {
namespace {

Result<Catalog> loadShipped(const std::filesystem::path& templates) {
    return Catalog::loadDir((templates.empty() ? templatesDir() : templates) / "catalog");
}

Result<ClinicalData> withRules(const std::filesystem::path& templates, Catalog catalog,
                               std::vector<std::string> customIds) {
    const std::filesystem::path dir = templates.empty() ? templatesDir() : templates;
    auto rules = ClinicalRules::loadDir(dir / "rules", catalog);
    if (!rules) {
        return rules.error();
    }
    return ClinicalData{std::move(catalog), std::move(*rules), std::move(customIds)};
}

} // namespace

Result<ClinicalData> ClinicalData::load(const std::filesystem::path& templates) {
    auto catalog = loadShipped(templates);
    if (!catalog) {
        return catalog.error();
    }
    return withRules(templates, std::move(*catalog), {});
}

Result<ClinicalData> ClinicalData::loadWithClinic(const std::filesystem::path& templates,
                                                  db::Database& db, std::ostream& warnings) {
    auto shipped = loadShipped(templates);
    if (!shipped) {
        return shipped.error();
    }
    db::SqliteCustomExerciseRepository repo(db);
    auto merged = db::mergeCustomExercises(*shipped, repo);
    if (!merged) {
        return merged.error();
    }
    // One broken custom exercise must not block every visit: say so and go on without it.
    for (const std::string& why : merged->skipped) {
        warnings << "hepdesk-cli: warning: skipped " << escapeForTerminal(why) << '\n';
    }
    return withRules(templates, std::move(merged->catalog), std::move(merged->customIds));
}

bool ClinicalData::isCustom(std::string_view id) const {
    return std::binary_search(customIds.begin(), customIds.end(), id);
}

} // namespace hepdesk::cli
