#pragma once

#include "hepdesk/core/Error.h"

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk {

enum class Region { Neck, MidBack, LowBack };
/// Every region, in the order screens and menus list them: the one list both front ends use.
inline constexpr Region kRegions[] = {Region::Neck, Region::MidBack, Region::LowBack};
enum class Sex { Unspecified, Female, Male, Other };

std::string_view toId(Region r); ///< "neck", "mid_back", "low_back"
std::optional<Region> regionFromId(std::string_view id);
std::string_view toId(Sex s); ///< "unspecified", "female", "male", "other"
std::optional<Sex> sexFromId(std::string_view id);

/// Numeric Pain Rating Scale answers, each 0..10 when given.
struct PainScores {
    std::optional<int> now;
    std::optional<int> best;
    std::optional<int> worst;
    bool operator==(const PainScores&) const = default;
};

/// One activity of the Patient-Specific Functional Scale (Stratford 1995), in the patient's own
/// words, rated 0 (unable to do it) .. 10 (as before the problem); unrated until asked.
struct PsfsActivity {
    std::string activity;
    std::optional<int> rating;
    bool operator==(const PsfsActivity&) const = default;
};
inline constexpr std::size_t kPsfsMaxActivities = 5;
inline constexpr std::size_t kPsfsMaxActivityBytes = 200;

/// How many of the 14 days of the exercise log the patient did one exercise; absent when the
/// clinician did not ask (never recorded as 0).
struct Adherence {
    std::string exerciseId;
    std::optional<int> daysDone; ///< 0..kAdherenceDays; nullopt = "not asked"
    bool operator==(const Adherence&) const = default;
};
inline constexpr int kAdherenceDays = 14;

/// What the clinician recorded at one visit. Every answer is keyed by a stable construct id
/// (never by position): ids of the red-flag and contraindication items, of STarT Back items,
/// of ODI and NDI sections, all defined in templates/rules/.
struct Screening {
    std::string date; ///< "YYYY-MM-DD"
    std::optional<int> age;
    Sex sex = Sex::Unspecified;
    std::vector<Region> regions; ///< at least one once complete; no duplicates
    PainScores pain;
    std::optional<int> durationDays;
    std::set<std::string> findings;       ///< ids of the items the clinician ticked
    std::map<std::string, int> startBack; ///< item id -> answer (0/1; bothersomeness 0..4)
    std::map<std::string, int> odi;       ///< section id -> 0..5 (absent = skipped)
    std::map<std::string, int> ndi;       ///< item id -> 0..5 (absent = skipped)
    std::string notes;
    std::vector<PsfsActivity> psfs = {};   ///< at most kPsfsMaxActivities, distinct activities
    std::vector<Adherence> adherence = {}; ///< per exercise of the last program, distinct ids

    bool operator==(const Screening&) const = default;
};

/// Whether the clinician has recorded anything of today's screening: a ticked finding, a pain
/// score, an answer of STarT Back, ODI or NDI, a PSFS rating or an adherence entry. Patient facts
/// (age, sex, regions, duration) and notes do not count: a follow-up starts with them, and they
/// alone screen nothing.
[[nodiscard]] bool isScreeningRecorded(const Screening& s);

/// Parses the screening JSON document (templates/schema/screening.schema.json).
/// Checks structure and ranges only; ids are checked against the rules by the clinical core.
/// Errors name `source` (a file name or "stdin"), the JSON pointer and what was expected.
Result<Screening> screeningFromJson(const nlohmann::json& j, std::string_view source);
nlohmann::json toJson(const Screening& s);

} // namespace hepdesk
