#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/Program.h"

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <string_view>

namespace hepdesk {

/// Reads templates/rules/progressions.json ({"progressions": [{"exercise", "easier",
/// "harder"}]}) into CatalogEntry::easier and ::harder of `catalog`. Checked: every id is a
/// catalog exercise, each exercise is listed once, an exercise is not its own alternative,
/// easier and harder differ, and following "easier" (or "harder") never comes back to where it
/// started. Errors name `source`, the JSON pointer and the value; on error `catalog` is
/// unchanged.
Status applyProgressions(const nlohmann::json& j, std::string_view source, Catalog& catalog);
/// The same for the file `file`.
Status loadProgressions(const std::filesystem::path& file, Catalog& catalog);
/// Which version of an exercise.
enum class Alternative { Easier, Harder };

/// The easier or harder version of a program entry as the program step offers it.
struct AlternativeOffer {
    std::string id; ///< empty: the exercise has no such version
    EligibilityStatus status = EligibilityStatus::Eligible;
    std::vector<EligibilityReason> reasons; ///< why it is excluded or cautioned
    bool inProgram = false;                 ///< already in the program (swapping would repeat it)
    /// A swap is offered: there is a version, it is not excluded and not in the program yet.
    [[nodiscard]] bool usable() const {
        return !id.empty() && status != EligibilityStatus::Excluded && !inProgram;
    }
};

/// The `which` version of `program`.items[index] for `assessment` (no version when the index is
/// out of range or the exercise unknown). A version with no eligibility decision in the
/// assessment counts as excluded: it is never offered unchecked.
AlternativeOffer alternativeFor(const Catalog& catalog, const Program& program, std::size_t index,
                                Alternative which, const Assessment& assessment);

/// The dosage a version takes over from the exercise it replaces: sets and times a day carry
/// over; repetitions and the hold carry over where the version uses them and the value is within
/// half to twice its own default (10 repetitions stay 10, a 3-second hold never becomes a
/// 3-minute rest); "each side" follows the version. Anything else takes the version's default.
Dosage dosageForAlternative(const Dosage& current, const Dosage& alternativeDefault);

/// Replaces `program`.items[index] in place by its `which` version, dosage per
/// dosageForAlternative, the clinician's note kept. Refused (naming the version and the
/// findings) when there is none, it is excluded or it is already in the program.
Status swapForAlternative(Program& program, std::size_t index, Alternative which,
                          const Catalog& catalog, const Assessment& assessment);

/// `templates`/catalog with `templates`/rules/progressions.json applied.
Result<Catalog> loadCatalogWithProgressions(const std::filesystem::path& templates);

} // namespace hepdesk
