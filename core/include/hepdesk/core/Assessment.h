#pragma once

#include "hepdesk/core/LocalizedText.h"
#include "hepdesk/core/OutcomeScores.h"
#include "hepdesk/core/TriageLevel.h"

#include <string>
#include <vector>

namespace hepdesk {

/// A screening item that raised the triage level, with the rule and its one-line reason.
struct Finding {
    std::string itemId; ///< the screening item ("saddle_numbness")
    std::string ruleId; ///< the rule in templates/rules/ that fired
    TriageLevel level = TriageLevel::Routine;
    std::string reason; ///< clinician-facing, one line
};

enum class EligibilityStatus { Eligible, Caution, Excluded };
std::string_view toId(EligibilityStatus s); ///< "eligible", "caution", "excluded"

/// Why an exercise is cautioned or excluded: always the finding that caused it.
struct EligibilityReason {
    std::string findingId;       ///< the screening finding ("osteoporosis")
    std::string ruleId;          ///< the rule in templates/rules/eligibility*.json
    std::string clinicianReason; ///< "Osteoporosis: forced rotation risks a compression fracture"
    LocalizedText
        patientNote; ///< cautions only: "Because you have weak bones: keep the twist small"
};

struct Eligibility {
    std::string exerciseId;
    EligibilityStatus status = EligibilityStatus::Eligible;
    std::vector<EligibilityReason> reasons; ///< empty when eligible
};

/// What assess() concludes from one screening.
struct Assessment {
    TriageLevel level = TriageLevel::Routine;
    std::vector<Finding> findings; ///< sorted by level (most serious first), then item id
    OutcomeScores scores;
    std::vector<Eligibility> eligibility; ///< one per catalog exercise, in catalog order

    [[nodiscard]] const Eligibility* eligibilityOf(std::string_view exerciseId) const {
        for (const auto& e : eligibility) {
            if (e.exerciseId == exerciseId) {
                return &e;
            }
        }
        return nullptr;
    }
};

} // namespace hepdesk
