#include "hepdesk/core/ClinicalRules.h"

#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/Paths.h"

namespace hepdesk {

Result<ClinicalRules> ClinicalRules::loadDir(const std::filesystem::path& rulesDir,
                                             const Catalog& catalog) {
    std::error_code ec;
    if (!std::filesystem::is_directory(rulesDir, ec)) {
        return Error::notFound("rules folder '" + rulesDir.string() + "' does not exist");
    }
    ClinicalRules r;
    auto items = ScreeningItems::loadDir(rulesDir);
    if (!items) {
        return items.error();
    }
    r.items_ = std::move(*items);
    auto triage = TriageRules::loadFile(rulesDir / "triage.json", r.items_);
    if (!triage) {
        return triage.error();
    }
    r.triage_ = std::move(*triage);
    auto elig = EligibilityRules::loadFile(rulesDir / "eligibility.json", r.items_);
    if (!elig) {
        return elig.error();
    }
    r.eligibility_ = std::move(*elig);
    auto checks = ScreeningChecks::loadFile(rulesDir / "screening_checks.json", r.items_);
    if (!checks) {
        return checks.error();
    }
    r.checks_ = std::move(*checks);
    if (auto s = r.eligibility_.checkAgainst(catalog); !s) {
        return s.error();
    }
    // Avoid entries name the findings that put them on a handout: those ids must exist.
    for (const CatalogEntry& e : catalog.entries()) {
        for (std::size_t i = 0; i < e.relevantFindings.size(); ++i) {
            if (r.items_.finding(e.relevantFindings[i]) == nullptr) {
                return json::fieldError("catalog entry " + e.id,
                                        "/relevant_findings/" + std::to_string(i),
                                        "unknown finding id \"" + e.relevantFindings[i] +
                                            "\" (expected an id of screening_items.json)");
            }
        }
    }
    return r;
}

Result<ClinicalRules> ClinicalRules::loadDefault(const Catalog& catalog) {
    return loadDir(templatesDir() / "rules", catalog);
}

} // namespace hepdesk
