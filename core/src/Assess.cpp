#include "hepdesk/core/Assess.h"

#include "hepdesk/core/OutcomeScoring.h"

#include <algorithm>

namespace hepdesk {

std::string_view toId(EligibilityStatus s) {
    switch (s) {
    case EligibilityStatus::Eligible:
        return "eligible";
    case EligibilityStatus::Caution:
        return "caution";
    case EligibilityStatus::Excluded:
        return "excluded";
    }
    return "eligible";
}

Result<Assessment> assess(const Screening& s, const ClinicalRules& rules, const Catalog& catalog,
                          std::string_view source, const nlohmann::json* doc) {
    if (auto ok = rules.items().validate(s, source, doc); !ok) {
        return ok.error();
    }
    Assessment a;
    a.findings = rules.triage().evaluate(s);
    a.level = TriageRules::levelOf(a.findings);
    a.scores = scoreOutcomes(s, rules.items());
    for (const CatalogEntry& e : catalog.entries()) {
        if (e.isExercise()) {
            a.eligibility.push_back(rules.eligibility().evaluate(e, s));
        }
    }
    return a;
}

std::vector<const CatalogEntry*> avoidEntriesFor(const Screening& s, const Catalog& catalog) {
    std::vector<const CatalogEntry*> out;
    for (const CatalogEntry& e : catalog.entries()) {
        if (e.isExercise()) {
            continue;
        }
        const bool relevant =
            std::any_of(e.relevantFindings.begin(), e.relevantFindings.end(),
                        [&](const std::string& f) { return s.findings.contains(f); });
        if (e.alwaysOnHandout || relevant) {
            out.push_back(&e);
        }
    }
    return out;
}

} // namespace hepdesk
