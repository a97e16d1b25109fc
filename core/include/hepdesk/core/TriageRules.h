#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/Screening.h"
#include "hepdesk/core/ScreeningItems.h"
#include "hepdesk/core/TriageLevel.h"

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk {

/// A test over a screening, as written in templates/rules/triage.json:
/// {"finding": id}, {"any_finding": [ids]}, {"at_least": n, "of": [ids]},
/// {"all": [conditions]}, {"any": [conditions]}, {"age_at_least": years},
/// {"age_at_most": years}, {"duration_days_at_least": days}, {"duration_days_at_most": days},
/// {"sex": id}, {"region": id}, {"recorded": "odi"|"ndi"}, {"pain_above": [a, b]} (pain score
/// a above pain score b, each one of now, best, worst), {"not": condition}.
/// A test of a value never holds when the screening does not record that value; "not" holds
/// without naming an item, so it only qualifies other conditions inside "all".
struct TriageCondition {
    enum class Kind {
        Finding,
        AnyFinding,
        AtLeast,
        All,
        Any,
        AgeAtLeast,
        AgeAtMost,
        DurationAtLeast,
        DurationAtMost,
        Sex,
        Region,
        Recorded,
        PainAbove,
        Not
    };
    Kind kind = Kind::Finding;
    std::vector<std::string> findings; ///< finding ids; for Sex, Region, Recorded, PainAbove: ids
    int number = 0;                    ///< at_least count, age or days
    std::vector<TriageCondition> children;

    /// When the condition holds: the items that made it hold (finding ids, "age",
    /// "duration_days"); nullopt when it does not.
    [[nodiscard]] std::optional<std::vector<std::string>> evaluate(const Screening& s) const;
};

namespace detail {
class JsonObjectReader;
}
/// Reads one condition at `ptr` (for the other rule files that test a screening: screening
/// checks). Errors are recorded in `parent`'s sink.
TriageCondition readTriageCondition(const detail::JsonObjectReader& parent, const nlohmann::json& v,
                                    const std::string& ptr, const ScreeningItems& items);

/// One rule: when its condition holds, the screening is at least `level`, for `reason`.
struct TriageRule {
    std::string id;
    TriageLevel level = TriageLevel::Routine;
    LocalizedText reason; ///< clinician-facing, one line, in English and Spanish
    std::string source;   ///< where the rule comes from (paper, pathway)
    TriageCondition when;
};

/// The triage rules of templates/rules/triage.json, checked against the screening items.
class TriageRules {
public:
    /// Loads and validates `file`: unknown finding ids, malformed conditions, and any
    /// cauda-equina item that would not on its own give an emergency are errors.
    static Result<TriageRules> loadFile(const std::filesystem::path& file,
                                        const ScreeningItems& items);

    [[nodiscard]] const std::vector<TriageRule>& rules() const { return rules_; }
    /// The reason of rule `ruleId` in every language, or nullptr for an unknown rule (a
    /// session stored before the rule was renamed or removed).
    [[nodiscard]] const LocalizedText* reasonOf(std::string_view ruleId) const;
    /// The reason of `f` to show in `lang`. A finding stores its reason in English; the rule's
    /// translation is used only while that rule still gives exactly this English text, so an
    /// old session never shows a translation of a reason it did not record.
    [[nodiscard]] const std::string& reasonIn(const Finding& f, std::string_view lang) const;

    /// Every (rule, item) pair that fired, most serious first, then by item and rule id; each
    /// Finding records the English reason.
    [[nodiscard]] std::vector<Finding> evaluate(const Screening& s) const;
    /// The most serious level among `findings` (Routine when empty).
    static TriageLevel levelOf(const std::vector<Finding>& findings);

private:
    std::vector<TriageRule> rules_;
};

} // namespace hepdesk
