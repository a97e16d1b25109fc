#include "ClinicalData.h"

#include "hepdesk/core/Paths.h"

namespace hepdesk::cli {

Result<ClinicalData> ClinicalData::load(const std::filesystem::path& templates) {
    const std::filesystem::path dir = templates.empty() ? templatesDir() : templates;
    auto catalog = Catalog::loadDir(dir / "catalog");
    if (!catalog) {
        return catalog.error();
    }
    auto rules = ClinicalRules::loadDir(dir / "rules", *catalog);
    if (!rules) {
        return rules.error();
    }
    return ClinicalData{std::move(*catalog), std::move(*rules)};
}

} // namespace hepdesk::cli
