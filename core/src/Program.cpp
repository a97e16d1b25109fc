#include "hepdesk/core/Program.h"

#include "hepdesk/core/JsonRead.h"

#include <limits>
#include <nlohmann/json.hpp>

namespace hepdesk {
namespace {

Status checkRange(int v, DosageLimit limit, std::string_view where, std::string_view field) {
    const int lo = limit.min;
    const int hi = limit.max;
    if (v < lo || v > hi) {
        return Error::invalid(std::string(where) + ": " + std::string(field) + " must be " +
                              std::to_string(lo) + " to " + std::to_string(hi) + ", got " +
                              std::to_string(v));
    }
    return {};
}

} // namespace

Status validate(const Dosage& d, std::string_view where) {
    const bool minutes = d.holdUnit == HoldUnit::Minutes;
    if (minutes && d.holdSeconds % 60 != 0) {
        return Error::invalid(std::string(where) +
                              ": a hold in minutes must be whole minutes, got " +
                              std::to_string(d.holdSeconds) + " seconds");
    }
    for (const Status& s :
         {checkRange(d.sets, kSetsLimit, where, "sets"),
          checkRange(d.reps, kRepsLimit, where, "reps"),
          minutes ? checkRange(d.holdSeconds / 60, kHoldMinutesLimit, where, "hold minutes")
                  : checkRange(d.holdSeconds, kHoldSecondsLimit, where, "hold seconds"),
          checkRange(d.timesPerDay, kTimesPerDayLimit, where, "times per day"),
          checkRange(d.daysPerWeek, kDaysPerWeekLimit, where, "days per week"),
          checkRange(d.weeks, kWeeksLimit, where, "weeks")}) {
        if (!s) {
            return s;
        }
    }
    if (d.reps == 0 && d.holdSeconds == 0) {
        return Error::invalid(std::string(where) + ": give repetitions or a hold time");
    }
    return {};
}

int holdInUnit(const Dosage& d) {
    return d.holdUnit == HoldUnit::Minutes ? d.holdSeconds / 60 : d.holdSeconds;
}

std::string_view toId(HoldUnit u) {
    return u == HoldUnit::Minutes ? "min" : "s";
}

nlohmann::json toJson(const Dosage& d) {
    nlohmann::json j = {{"sets", d.sets}, {"reps", d.reps}};
    if (d.holdUnit == HoldUnit::Minutes) {
        j["hold_minutes"] = d.holdSeconds / 60;
    } else {
        j["hold_seconds"] = d.holdSeconds;
    }
    j["times_per_day"] = d.timesPerDay;
    j["per_side"] = d.perSide;
    if (d.daysPerWeek != Dosage{}.daysPerWeek) {
        j["days_per_week"] = d.daysPerWeek;
    }
    if (d.weeks != Dosage{}.weeks) {
        j["weeks"] = d.weeks;
    }
    return j;
}

nlohmann::json toJson(const Program& p) {
    nlohmann::json items = nlohmann::json::array();
    for (const ProgramItem& it : p.items) {
        items.push_back(
            {{"exercise", it.exerciseId}, {"dosage", toJson(it.dosage)}, {"note", it.note}});
    }
    return {{"items", items}};
}

Result<Dosage> dosageFromJson(const nlohmann::json& j, std::string_view source,
                              std::string_view pointer) {
    const std::string ptr(pointer);
    if (!j.is_object()) {
        return json::fieldError(source, ptr, "expected a dosage object, got " + json::describe(j));
    }
    if (j.contains("hold_seconds") && j.contains("hold_minutes")) {
        return json::fieldError(source, ptr + "/hold_minutes",
                                "give hold_seconds or hold_minutes, not both");
    }
    Dosage d;
    int holdMinutes = 0;
    for (const auto& [k, v] : j.items()) {
        const std::string p = ptr + "/" + k;
        int* target = nullptr;
        if (k == "sets") {
            target = &d.sets;
        } else if (k == "reps") {
            target = &d.reps;
        } else if (k == "hold_seconds") {
            target = &d.holdSeconds;
        } else if (k == "hold_minutes") {
            target = &holdMinutes;
            d.holdUnit = HoldUnit::Minutes;
        } else if (k == "times_per_day") {
            target = &d.timesPerDay;
        } else if (k == "days_per_week") {
            target = &d.daysPerWeek;
        } else if (k == "weeks") {
            target = &d.weeks;
        } else if (k == "per_side") {
            if (!v.is_boolean()) {
                return json::fieldError(source, p,
                                        "expected true or false, got " + json::describe(v));
            }
            d.perSide = v.get<bool>();
            continue;
        } else {
            return json::fieldError(source, p,
                                    "unknown field (expected sets, reps, hold_seconds or "
                                    "hold_minutes, times_per_day, per_side, days_per_week, "
                                    "weeks)");
        }
        // Only guards the int (and minutes * 60); validate() below names the real limit.
        if (!v.is_number_integer() || v.get<long long>() < 0 ||
            v.get<long long>() > std::numeric_limits<int>::max() / 60) {
            return json::fieldError(source, p, "expected a whole number, got " + json::describe(v));
        }
        *target = v.get<int>();
    }
    if (d.holdUnit == HoldUnit::Minutes) {
        d.holdSeconds = holdMinutes * 60;
    }
    if (auto s = validate(d, std::string(source) + ": " + ptr); !s) {
        return s.error();
    }
    return d;
}

Result<Program> programFromJson(const nlohmann::json& j, std::string_view source) {
    if (!j.is_object() || !j.contains("items") || !j["items"].is_array()) {
        return json::fieldError(source, "", "expected {\"items\": [...]}");
    }
    Program p;
    const auto& items = j["items"];
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string ptr = "/items/" + std::to_string(i);
        const auto& it = items[i];
        if (!it.is_object() || !it.contains("exercise") || !it["exercise"].is_string()) {
            return json::fieldError(source, ptr, "expected an object with an exercise id");
        }
        ProgramItem item;
        item.exerciseId = it["exercise"].get<std::string>();
        if (it.contains("dosage")) {
            auto d = dosageFromJson(it["dosage"], source, ptr + "/dosage");
            if (!d) {
                return d.error();
            }
            item.dosage = *d;
        }
        if (it.contains("note")) {
            if (!it["note"].is_string()) {
                return json::fieldError(source, ptr + "/note", "expected text");
            }
            item.note = it["note"].get<std::string>();
        }
        p.items.push_back(std::move(item));
    }
    return p;
}

} // namespace hepdesk
