#pragma once

#include "hepdesk/core/Error.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk {

/// The unit a hold or duration was given in: what the clinician typed is what the patient reads
/// ("10 minutes" stays 10 minutes, 90 seconds stays 90 seconds).
enum class HoldUnit { Seconds, Minutes };

/// How much of one exercise: "2 sets of 10, hold 5 seconds, twice a day, each side, 5 days a
/// week, for 6 weeks". Zero means "not used" for reps and holdSeconds (an exercise has reps, a
/// hold, or both). A hold in minutes is a whole number of minutes, kept in holdSeconds.
/// daysPerWeek 7 is every day and weeks 0 is "not said": neither is printed.
struct Dosage {
    int sets = 1;
    int reps = 0;
    int holdSeconds = 0;
    int timesPerDay = 1;
    bool perSide = false;
    HoldUnit holdUnit = HoldUnit::Seconds;
    int daysPerWeek = 7;
    int weeks = 0;
    bool operator==(const Dosage&) const = default;
};

/// An inclusive range of one dosage field.
struct DosageLimit {
    int min;
    int max;
};
/// The dosage limits, in one place: validate(), the command line's --exercise grammar and the
/// app's dosage editor read them (the database's CHECKs of migration 12 repeat them in SQL).
inline constexpr DosageLimit kSetsLimit{1, 10};
inline constexpr DosageLimit kRepsLimit{0, 100};
/// A hold or a duration such as walking: up to 60 minutes.
inline constexpr DosageLimit kHoldSecondsLimit{0, 3600};
inline constexpr DosageLimit kHoldMinutesLimit{0, kHoldSecondsLimit.max / 60};
inline constexpr DosageLimit kTimesPerDayLimit{1, 10};
inline constexpr DosageLimit kDaysPerWeekLimit{1, 7};
/// Number of weeks to keep going; 0 is "not said".
inline constexpr DosageLimit kWeeksLimit{0, 52};

/// One exercise in a patient's home program, as the clinician set it.
struct ProgramItem {
    std::string exerciseId;
    Dosage dosage;
    std::string note; ///< the clinician's note to the patient, may be empty
    bool operator==(const ProgramItem&) const = default;
};

/// The ordered home program chosen for one session.
struct Program {
    std::vector<ProgramItem> items;
    bool operator==(const Program&) const = default;
};

/// Checks the ranges above (sets, reps, hold, times a day, days a week, weeks), that a hold in
/// minutes is whole minutes, and that reps or hold > 0. The error names `where` ("exercise
/// cat_cow"), the field and the value.
Status validate(const Dosage& d, std::string_view where);

/// The hold as the clinician gave it: minutes for HoldUnit::Minutes, else seconds.
int holdInUnit(const Dosage& d);
/// "s" or "min", as the `ID:...:10m` grammar and the JSON's unit name them.
std::string_view toId(HoldUnit u);

/// Writes days_per_week, weeks and hold_minutes only when they differ from the defaults, so a
/// program stored or sealed before they existed serializes byte for byte as it did.
nlohmann::json toJson(const Dosage& d);
nlohmann::json toJson(const Program& p);
Result<Dosage> dosageFromJson(const nlohmann::json& j, std::string_view source,
                              std::string_view pointer);
Result<Program> programFromJson(const nlohmann::json& j, std::string_view source);

} // namespace hepdesk
