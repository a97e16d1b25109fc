#include "hepdesk/core/Screening.h"

#include "hepdesk/core/Clock.h"
#include "hepdesk/core/JsonRead.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

namespace hepdesk {
namespace {

constexpr std::array<std::string_view, 3> kRegionIds = {"neck", "mid_back", "low_back"};
constexpr std::array<std::string_view, 4> kSexIds = {"unspecified", "female", "male", "other"};

std::string trimmed(const std::string& t) {
    const auto b = t.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) {
        return {};
    }
    return t.substr(b, t.find_last_not_of(" \t\r\n") - b + 1);
}

template <std::size_t N> std::string joined(const std::array<std::string_view, N>& ids) {
    std::string s;
    for (auto id : ids) {
        s += s.empty() ? "" : ", ";
        s += id;
    }
    return s;
}

/// Reads the fields of one JSON object, reporting the first problem with its pointer.
class Reader {
public:
    Reader(std::string_view source) : source_(source) {}

    [[nodiscard]] bool failed() const { return error_.has_value(); }
    Error error() const { return *error_; }

    void fail(const std::string& pointer, const std::string& message) {
        if (!error_) {
            error_ = json::fieldError(source_, pointer, message);
        }
    }

    std::optional<int> intIn(const nlohmann::json& v, const std::string& ptr, int lo, int hi) {
        if (!v.is_number_integer()) {
            fail(ptr, "expected a whole number from " + std::to_string(lo) + " to " +
                          std::to_string(hi) + ", got " + json::describe(v));
            return std::nullopt;
        }
        const auto x = v.get<long long>();
        if (x < lo || x > hi) {
            fail(ptr, "expected a whole number from " + std::to_string(lo) + " to " +
                          std::to_string(hi) + ", got " + json::describe(v));
            return std::nullopt;
        }
        return static_cast<int>(x);
    }

    /// "psfs": [{"activity": text, "rating": 0..10 | null}], at most five, distinct activities.
    std::vector<PsfsActivity> psfs(const nlohmann::json& v, const std::string& ptr) {
        std::vector<PsfsActivity> out;
        if (!v.is_array()) {
            fail(ptr, "expected an array of up to " + std::to_string(kPsfsMaxActivities) +
                          " activities, got " + json::describe(v));
            return out;
        }
        if (v.size() > kPsfsMaxActivities) {
            fail(ptr, "expected at most " + std::to_string(kPsfsMaxActivities) +
                          " activities, got " + std::to_string(v.size()));
            return out;
        }
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::string ep = ptr + "/" + std::to_string(i);
            const auto& e = v[i];
            if (!e.is_object()) {
                fail(ep, "expected an object with activity and rating, got " + json::describe(e));
                continue;
            }
            PsfsActivity a;
            for (const auto& [k, x] : e.items()) {
                if (k == "activity") {
                    if (!x.is_string() || trimmed(x.get<std::string>()).empty() ||
                        x.get<std::string>().size() > kPsfsMaxActivityBytes) {
                        fail(ep + "/activity",
                             "expected the activity in the patient's words (1 to " +
                                 std::to_string(kPsfsMaxActivityBytes) + " bytes), got " +
                                 json::describe(x));
                    } else {
                        a.activity = trimmed(x.get<std::string>());
                    }
                } else if (k == "rating") {
                    if (!x.is_null()) {
                        a.rating = intIn(x, ep + "/rating", 0, 10);
                    }
                } else {
                    fail(ep + "/" + k, "unknown field (expected activity or rating)");
                }
            }
            if (!e.contains("activity")) {
                fail(ep + "/activity", "missing: the activity in the patient's words");
            }
            for (const PsfsActivity& o : out) {
                if (!a.activity.empty() && o.activity == a.activity) {
                    fail(ep + "/activity", "activity \"" + a.activity + "\" is listed twice");
                }
            }
            out.push_back(std::move(a));
        }
        return out;
    }

    /// "adherence": [{"exercise": id, "days_done": 0..14 | "not_asked"}], distinct exercises.
    std::vector<Adherence> adherence(const nlohmann::json& v, const std::string& ptr) {
        std::vector<Adherence> out;
        if (!v.is_array()) {
            fail(ptr, "expected an array of exercise, days_done, got " + json::describe(v));
            return out;
        }
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::string ep = ptr + "/" + std::to_string(i);
            const auto& e = v[i];
            if (!e.is_object()) {
                fail(ep,
                     "expected an object with exercise and days_done, got " + json::describe(e));
                continue;
            }
            Adherence a;
            bool hasDays = false;
            for (const auto& [k, x] : e.items()) {
                if (k == "exercise") {
                    if (!x.is_string() || x.get<std::string>().empty() ||
                        x.get<std::string>().size() > kPsfsMaxActivityBytes) {
                        fail(ep + "/exercise", "expected an exercise id, got " + json::describe(x));
                    } else {
                        a.exerciseId = x.get<std::string>();
                    }
                } else if (k == "days_done") {
                    hasDays = true;
                    if (x.is_string() && x.get<std::string>() == "not_asked") {
                        a.daysDone = std::nullopt;
                    } else if (x.is_number_integer()) {
                        a.daysDone = intIn(x, ep + "/days_done", 0, kAdherenceDays);
                    } else {
                        fail(ep + "/days_done", "expected a whole number from 0 to " +
                                                    std::to_string(kAdherenceDays) +
                                                    " or \"not_asked\", got " + json::describe(x));
                    }
                } else {
                    fail(ep + "/" + k, "unknown field (expected exercise or days_done)");
                }
            }
            if (!e.contains("exercise")) {
                fail(ep + "/exercise", "missing: the exercise id");
            }
            if (!hasDays) {
                fail(ep + "/days_done", "missing: days done of " + std::to_string(kAdherenceDays) +
                                            " or \"not_asked\"");
            }
            for (const Adherence& o : out) {
                if (!a.exerciseId.empty() && o.exerciseId == a.exerciseId) {
                    fail(ep + "/exercise", "exercise \"" + a.exerciseId + "\" is listed twice");
                }
            }
            out.push_back(std::move(a));
        }
        return out;
    }

    std::map<std::string, int> answers(const nlohmann::json& v, const std::string& ptr, int hi) {
        std::map<std::string, int> out;
        if (!v.is_object()) {
            fail(ptr, "expected an object of item id -> answer, got " + json::describe(v));
            return out;
        }
        for (const auto& [k, x] : v.items()) {
            if (auto n = intIn(x, ptr + "/" + k, 0, hi)) {
                out[k] = *n;
            }
        }
        return out;
    }

private:
    std::string_view source_;
    std::optional<Error> error_;
};

} // namespace

std::string_view toId(Region r) {
    return kRegionIds.at(static_cast<std::size_t>(r));
}
std::string_view toId(Sex s) {
    return kSexIds.at(static_cast<std::size_t>(s));
}

std::optional<Region> regionFromId(std::string_view id) {
    for (std::size_t i = 0; i < kRegionIds.size(); ++i) {
        if (kRegionIds[i] == id) {
            return static_cast<Region>(i);
        }
    }
    return std::nullopt;
}

std::optional<Sex> sexFromId(std::string_view id) {
    for (std::size_t i = 0; i < kSexIds.size(); ++i) {
        if (kSexIds[i] == id) {
            return static_cast<Sex>(i);
        }
    }
    return std::nullopt;
}

bool isScreeningRecorded(const Screening& s) {
    const bool psfsRated = std::any_of(s.psfs.begin(), s.psfs.end(),
                                       [](const PsfsActivity& a) { return a.rating.has_value(); });
    const bool adherenceAsked =
        std::any_of(s.adherence.begin(), s.adherence.end(),
                    [](const Adherence& a) { return a.daysDone.has_value(); });
    return !s.findings.empty() || s.pain.now || s.pain.best || s.pain.worst ||
           !s.startBack.empty() || !s.odi.empty() || !s.ndi.empty() || psfsRated || adherenceAsked;
}

Result<Screening> screeningFromJson(const nlohmann::json& j, std::string_view source) {
    Reader r(source);
    Screening s;
    if (!j.is_object()) {
        r.fail("", "expected a screening object, got " + json::describe(j));
        return r.error();
    }
    for (const auto& [key, v] : j.items()) {
        const std::string ptr = "/" + key;
        if (key == "$schema") {
            continue;
        }
        if (key == "date") {
            if (!v.is_string() || !isCalendarDate(v.get<std::string>())) {
                r.fail(ptr,
                       "expected a real calendar date as \"YYYY-MM-DD\", got " + json::describe(v));
            } else {
                s.date = v.get<std::string>();
            }
        } else if (key == "age") {
            s.age = r.intIn(v, ptr, 0, 120);
        } else if (key == "sex") {
            auto sex = v.is_string() ? sexFromId(v.get<std::string>()) : std::nullopt;
            if (!sex) {
                r.fail(ptr, "expected one of " + joined(kSexIds) + ", got " + json::describe(v));
            } else {
                s.sex = *sex;
            }
        } else if (key == "regions") {
            if (!v.is_array()) {
                r.fail(ptr, "expected an array of regions, got " + json::describe(v));
                continue;
            }
            for (std::size_t i = 0; i < v.size(); ++i) {
                const auto& e = v[i];
                auto reg = e.is_string() ? regionFromId(e.get<std::string>()) : std::nullopt;
                const std::string ep = ptr + "/" + std::to_string(i);
                if (!reg) {
                    r.fail(ep,
                           "expected one of " + joined(kRegionIds) + ", got " + json::describe(e));
                } else if (std::find(s.regions.begin(), s.regions.end(), *reg) != s.regions.end()) {
                    r.fail(ep, "region " + json::describe(e) + " is listed twice");
                } else {
                    s.regions.push_back(*reg);
                }
            }
        } else if (key == "pain") {
            if (!v.is_object()) {
                r.fail(ptr, "expected an object with now, best, worst, got " + json::describe(v));
                continue;
            }
            for (const auto& [pk, pv] : v.items()) {
                const std::string pp = ptr + "/" + pk;
                if (pk == "now") {
                    s.pain.now = r.intIn(pv, pp, 0, 10);
                } else if (pk == "best") {
                    s.pain.best = r.intIn(pv, pp, 0, 10);
                } else if (pk == "worst") {
                    s.pain.worst = r.intIn(pv, pp, 0, 10);
                } else {
                    r.fail(pp, "unknown field (expected now, best or worst)");
                }
            }
            if (s.pain.best && s.pain.worst && *s.pain.best > *s.pain.worst) {
                r.fail(ptr, "best pain (" + std::to_string(*s.pain.best) +
                                ") is higher than worst pain (" + std::to_string(*s.pain.worst) +
                                ")");
            }
        } else if (key == "duration_days") {
            s.durationDays = r.intIn(v, ptr, 0, 36500);
        } else if (key == "findings") {
            if (!v.is_array()) {
                r.fail(ptr, "expected an array of finding ids, got " + json::describe(v));
                continue;
            }
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (!v[i].is_string() || v[i].get<std::string>().empty()) {
                    r.fail(ptr + "/" + std::to_string(i),
                           "expected a finding id, got " + json::describe(v[i]));
                } else {
                    s.findings.insert(v[i].get<std::string>());
                }
            }
        } else if (key == "start_back") {
            s.startBack = r.answers(v, ptr, 4);
        } else if (key == "odi") {
            s.odi = r.answers(v, ptr, 5);
        } else if (key == "ndi") {
            s.ndi = r.answers(v, ptr, 5);
        } else if (key == "notes") {
            if (!v.is_string()) {
                r.fail(ptr, "expected text, got " + json::describe(v));
            } else {
                s.notes = v.get<std::string>();
            }
        } else if (key == "psfs") {
            s.psfs = r.psfs(v, ptr);
        } else if (key == "adherence") {
            s.adherence = r.adherence(v, ptr);
        } else {
            r.fail(ptr, "unknown field (expected date, age, sex, regions, pain, duration_days, "
                        "findings, start_back, odi, ndi, notes, psfs, adherence)");
        }
    }
    if (r.failed()) {
        return r.error();
    }
    return s;
}

nlohmann::json toJson(const Screening& s) {
    nlohmann::json j = nlohmann::json::object();
    if (!s.date.empty()) {
        j["date"] = s.date;
    }
    if (s.age) {
        j["age"] = *s.age;
    }
    j["sex"] = toId(s.sex);
    j["regions"] = nlohmann::json::array();
    for (Region r : s.regions) {
        j["regions"].push_back(toId(r));
    }
    nlohmann::json pain = nlohmann::json::object();
    if (s.pain.now) {
        pain["now"] = *s.pain.now;
    }
    if (s.pain.best) {
        pain["best"] = *s.pain.best;
    }
    if (s.pain.worst) {
        pain["worst"] = *s.pain.worst;
    }
    j["pain"] = pain;
    if (s.durationDays) {
        j["duration_days"] = *s.durationDays;
    }
    j["findings"] = s.findings;
    j["start_back"] = s.startBack;
    j["odi"] = s.odi;
    j["ndi"] = s.ndi;
    j["notes"] = s.notes;
    if (!s.psfs.empty()) {
        j["psfs"] = nlohmann::json::array();
        for (const PsfsActivity& a : s.psfs) {
            j["psfs"].push_back({{"activity", a.activity},
                                 {"rating", a.rating ? nlohmann::json(*a.rating) : nullptr}});
        }
    }
    if (!s.adherence.empty()) {
        j["adherence"] = nlohmann::json::array();
        for (const Adherence& a : s.adherence) {
            j["adherence"].push_back(
                {{"exercise", a.exerciseId},
                 {"days_done", a.daysDone ? nlohmann::json(*a.daysDone) : "not_asked"}});
        }
    }
    return j;
}

} // namespace hepdesk
