#pragma once

#include "hepdesk/core/Error.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk {

/// How much of one exercise: "2 sets of 10, hold 5 seconds, twice a day, each side".
/// Zero means "not used" for reps and holdSeconds (an exercise has reps, a hold, or both).
struct Dosage {
    int sets = 1;
    int reps = 0;
    int holdSeconds = 0;
    int timesPerDay = 1;
    bool perSide = false;
    bool operator==(const Dosage&) const = default;
};

/// An inclusive range of one dosage field.
struct DosageLimit {
    int min;
    int max;
};
/// The dosage limits, in one place: validate(), the command line's --exercise grammar and the
/// app's spin boxes read them (the database's CHECKs of migration 3 repeat them in SQL).
inline constexpr DosageLimit kSetsLimit{1, 10};
inline constexpr DosageLimit kRepsLimit{0, 100};
inline constexpr DosageLimit kHoldSecondsLimit{0, 600};
inline constexpr DosageLimit kTimesPerDayLimit{1, 10};

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

/// Checks the ranges above (sets, reps, hold seconds, times a day) and that reps or hold > 0.
/// The error names `where` ("exercise cat_cow") and the field.
Status validate(const Dosage& d, std::string_view where);

nlohmann::json toJson(const Dosage& d);
nlohmann::json toJson(const Program& p);
Result<Dosage> dosageFromJson(const nlohmann::json& j, std::string_view source,
                              std::string_view pointer);
Result<Program> programFromJson(const nlohmann::json& j, std::string_view source);

} // namespace hepdesk
