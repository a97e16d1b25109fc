#include "hepdesk/core/Program.h"

#include "hepdesk/core/JsonRead.h"

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
    for (const Status& s : {checkRange(d.sets, kSetsLimit, where, "sets"),
                            checkRange(d.reps, kRepsLimit, where, "reps"),
                            checkRange(d.holdSeconds, kHoldSecondsLimit, where, "hold seconds"),
                            checkRange(d.timesPerDay, kTimesPerDayLimit, where, "times per day")}) {
        if (!s) {
            return s;
        }
    }
    if (d.reps == 0 && d.holdSeconds == 0) {
        return Error::invalid(std::string(where) + ": give repetitions or a hold time");
    }
    return {};
}

nlohmann::json toJson(const Dosage& d) {
    return {{"sets", d.sets},
            {"reps", d.reps},
            {"hold_seconds", d.holdSeconds},
            {"times_per_day", d.timesPerDay},
            {"per_side", d.perSide}};
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
    Dosage d;
    for (const auto& [k, v] : j.items()) {
        const std::string p = ptr + "/" + k;
        int* target = nullptr;
        if (k == "sets") {
            target = &d.sets;
        } else if (k == "reps") {
            target = &d.reps;
        } else if (k == "hold_seconds") {
            target = &d.holdSeconds;
        } else if (k == "times_per_day") {
            target = &d.timesPerDay;
        } else if (k == "per_side") {
            if (!v.is_boolean()) {
                return json::fieldError(source, p,
                                        "expected true or false, got " + json::describe(v));
            }
            d.perSide = v.get<bool>();
            continue;
        } else {
            return json::fieldError(source, p,
                                    "unknown field (expected sets, reps, hold_seconds, "
                                    "times_per_day, per_side)");
        }
        if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 1000) {
            return json::fieldError(source, p, "expected a whole number, got " + json::describe(v));
        }
        *target = v.get<int>();
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
