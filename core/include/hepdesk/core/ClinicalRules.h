#pragma once

#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/EligibilityRules.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/ScreeningChecks.h"
#include "hepdesk/core/ScreeningItems.h"
#include "hepdesk/core/TriageRules.h"

#include <filesystem>

namespace hepdesk {

/// Everything assess() decides from, loaded from templates/rules/ and checked against each
/// other and the catalog: screening items and scoring data, triage rules, eligibility rules.
class ClinicalRules {
public:
    /// Loads screening_items.json, outcome_measures.json, triage.json, eligibility.json (with
    /// tags.json) and screening_checks.json of
    /// `rulesDir`. Every error names the file, the JSON pointer and what was expected.
    static Result<ClinicalRules> loadDir(const std::filesystem::path& rulesDir,
                                         const Catalog& catalog);
    /// templates/rules/ of the running installation.
    static Result<ClinicalRules> loadDefault(const Catalog& catalog);

    [[nodiscard]] const ScreeningItems& items() const { return items_; }
    [[nodiscard]] const TriageRules& triage() const { return triage_; }
    [[nodiscard]] const EligibilityRules& eligibility() const { return eligibility_; }
    /// Contradictions refused and unlikely values warned about (screening_checks.json).
    [[nodiscard]] const ScreeningChecks& checks() const { return checks_; }

private:
    ScreeningItems items_;
    TriageRules triage_;
    EligibilityRules eligibility_;
    ScreeningChecks checks_;
};

} // namespace hepdesk
