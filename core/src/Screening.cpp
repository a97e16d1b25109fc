#include "hepdesk/core/Screening.h"

#include "hepdesk/core/Clock.h"
#include "hepdesk/core/JsonRead.h"

#include <array>
#include <nlohmann/json.hpp>

namespace hepdesk {
namespace {

constexpr std::array<std::string_view, 3> kRegionIds = {"neck", "mid_back", "low_back"};
constexpr std::array<std::string_view, 4> kSexIds = {"unspecified", "female", "male", "other"};

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
    return !s.findings.empty() || s.pain.now || s.pain.best || s.pain.worst ||
           !s.startBack.empty() || !s.odi.empty() || !s.ndi.empty();
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
        } else {
            r.fail(ptr, "unknown field (expected date, age, sex, regions, pain, duration_days, "
                        "findings, start_back, odi, ndi, notes)");
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
    return j;
}

} // namespace hepdesk
