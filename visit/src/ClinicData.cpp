#include "hepdesk/visit/ClinicData.h"

#include "hepdesk/core/Paths.h"
#include "hepdesk/core/Progressions.h"
#include "hepdesk/db/ClinicCatalog.h"
#include "hepdesk/db/CustomExerciseRepository.h"

#include <algorithm>

namespace hepdesk::visit {
namespace {

std::filesystem::path folder(const std::filesystem::path& templates) {
    return templates.empty() ? templatesDir() : templates;
}

Result<ClinicData> withRules(const std::filesystem::path& templates, Catalog catalog,
                             std::vector<std::string> customIds, std::vector<std::string> skipped) {
    // The rules are checked against the catalog they apply to, the clinic's exercises included.
    auto rules = ClinicalRules::loadDir(folder(templates) / "rules", catalog);
    if (!rules) {
        return rules.error();
    }
    return ClinicData{std::move(catalog), std::move(*rules), std::move(customIds),
                      std::move(skipped)};
}

} // namespace

bool ClinicData::isCustom(std::string_view id) const {
    return std::binary_search(customIds.begin(), customIds.end(), id);
}

Result<ClinicData> loadShipped(const std::filesystem::path& templates) {
    auto catalog = loadCatalogWithProgressions(folder(templates));
    if (!catalog) {
        return catalog.error();
    }
    return withRules(templates, std::move(*catalog), {}, {});
}

Result<ClinicData> mergeClinic(const std::filesystem::path& templates, const Catalog& shipped,
                               db::CustomExerciseRepository& customExercises) {
    auto merged = db::mergeCustomExercises(shipped, customExercises);
    if (!merged) {
        return merged.error();
    }
    return withRules(templates, std::move(merged->catalog), std::move(merged->customIds),
                     std::move(merged->skipped));
}

Result<ClinicData> loadClinic(const std::filesystem::path& templates,
                              db::CustomExerciseRepository& customExercises) {
    auto shipped = loadCatalogWithProgressions(folder(templates));
    if (!shipped) {
        return shipped.error();
    }
    return mergeClinic(templates, *shipped, customExercises);
}

} // namespace hepdesk::visit
