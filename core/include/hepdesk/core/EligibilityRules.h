#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/Screening.h"
#include "hepdesk/core/ScreeningItems.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk {

/// Whether `e` carries `tag`; its position (sitting, lying_on_front...) counts as a tag.
[[nodiscard]] bool hasTag(const CatalogEntry& e, const std::string& tag);

/// Which exercises a rule applies to. Every criterion given must hold; within one criterion
/// any listed value is enough.
struct EligibilityMatch {
    std::vector<Movement> movements;    ///< the exercise loads one of these movements
    std::vector<std::string> tags;      ///< the exercise has one of these tags (or positions)
    std::vector<Region> regions;        ///< the exercise works one of these regions
    std::vector<std::string> exercises; ///< the exercise is one of these
    /// The exercise works a region the screening records as painful (every region when the
    /// screening records none: an injury of unknown place rules out all of them).
    bool painfulRegion = false;
    std::vector<std::string> unlessTags; ///< ...but not when the exercise has one of these

    [[nodiscard]] bool matches(const CatalogEntry& e, const Screening& s) const;
};

/// "finding -> exclude or caution these exercises", with the clinician's reason and, for a
/// caution, the note the patient reads beside the exercise.
struct EligibilityRule {
    std::string id;
    std::vector<std::string> findings; ///< any one of them present triggers the rule
    EligibilityStatus effect = EligibilityStatus::Caution;
    EligibilityMatch match;
    LocalizedText reason;      ///< clinician-facing, in English and Spanish
    LocalizedText patientNote; ///< cautions only
};

/// One declared exercise tag (templates/rules/tags.json): what an exercise moves or loads,
/// for the rules to match on, with its meaning for the clinician.
struct ExerciseTag {
    std::string id;
    LocalizedText clinicianLabel;
};

/// The rules of templates/rules/eligibility.json.
class EligibilityRules {
public:
    /// Loads `file` and the declared tags of tags.json beside it; a rule may only match on a
    /// declared tag.
    static Result<EligibilityRules> loadFile(const std::filesystem::path& file,
                                             const ScreeningItems& items);

    /// Checks that every catalog exercise's tags are declared, and that every tag and exercise
    /// id the rules name occurs in `catalog`: a rule on a misspelt tag would silently never
    /// fire, and an undeclared tag on an exercise would escape the rules written on tags.
    [[nodiscard]] Status checkAgainst(const Catalog& catalog) const;

    [[nodiscard]] const std::vector<EligibilityRule>& rules() const { return rules_; }
    [[nodiscard]] const std::vector<ExerciseTag>& tags() const { return tags_; }
    /// The reason of rule `ruleId` in every language, or nullptr for an unknown rule (a
    /// session stored before the rule was renamed or removed).
    [[nodiscard]] const LocalizedText* reasonOf(std::string_view ruleId) const;
    /// The clinician reason of `r` to show in `lang`. The assessment stores it in English; the
    /// rule's translation is used only while that rule still gives exactly this English text.
    [[nodiscard]] const std::string& reasonIn(const EligibilityReason& r,
                                              std::string_view lang) const;

    /// Excluded when any exclude rule applies, else caution when any caution rule applies;
    /// the reasons are those of the deciding effect, one per present finding and rule, with the
    /// clinician reason in English.
    [[nodiscard]] Eligibility evaluate(const CatalogEntry& exercise, const Screening& s) const;

private:
    std::filesystem::path file_;
    std::filesystem::path tagsFile_;
    std::vector<EligibilityRule> rules_;
    std::vector<ExerciseTag> tags_;
};

} // namespace hepdesk
