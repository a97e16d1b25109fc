#include "hepdesk/core/ExerciseSpec.h"

#include <charconv>
#include <optional>
#include <string>
#include <vector>

namespace hepdesk {
namespace {

/// A whole non-negative decimal number ("10"), nothing else.
std::optional<int> wholeNumber(std::string_view s) {
    int v = 0;
    const char* end = s.data() + s.size();
    const auto [p, ec] = std::from_chars(s.data(), end, v);
    if (s.empty() || ec != std::errc() || p != end || v < 0) {
        return std::nullopt;
    }
    return v;
}

struct HoldModifier {
    std::optional<int> amount;
    HoldUnit unit;
};

/// "5s", "10m" or "10min": a hold or duration with its unit; nullopt when it has no unit.
std::optional<HoldModifier> holdModifier(std::string_view p) {
    for (const auto& [suffix, unit] : {std::pair{std::string_view("min"), HoldUnit::Minutes},
                                       std::pair{std::string_view("m"), HoldUnit::Minutes},
                                       std::pair{std::string_view("s"), HoldUnit::Seconds}}) {
        if (p.size() > suffix.size() && p.ends_with(suffix)) {
            return HoldModifier{wholeNumber(p.substr(0, p.size() - suffix.size())), unit};
        }
    }
    return std::nullopt;
}

} // namespace

Result<ProgramItem> parseExerciseSpec(std::string_view spec, const Catalog& catalog,
                                      std::string_view option) {
    const std::string whole = std::string(option) + " '" + std::string(spec.substr(0, 200)) + "'";
    const auto bad = [&](const std::string& why) {
        return Error::invalid(whole + ": " + why +
                              " (expected ID, ID:SETSxREPS, ID:HOLDs or ID:SETSxREPS:HOLDs, a "
                              "duration in minutes as HOLDm, e.g. cat_cow:2x10:5s or "
                              "short_walk:1x1:10m)");
    };
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t colon = spec.find(':', start);
        parts.push_back(
            spec.substr(start, colon == std::string_view::npos ? colon : colon - start));
        if (colon == std::string_view::npos) {
            break;
        }
        start = colon + 1;
    }
    const std::string id(parts[0]);
    const CatalogEntry* entry = catalog.find(id);
    if (entry == nullptr || !entry->isExercise()) {
        return Error::invalid(whole + ": no exercise '" + id.substr(0, 200) + "' in the catalog");
    }
    ProgramItem item{id, entry->defaultDosage, ""};
    bool setsGiven = false;
    bool holdGiven = false;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::string_view p = parts[i];
        if (const auto x = p.find('x'); x != std::string_view::npos) {
            const auto sets = wholeNumber(p.substr(0, x));
            const auto reps = wholeNumber(p.substr(x + 1));
            if (!sets || !reps) {
                return bad("'" + std::string(p) + "' is not SETSxREPS");
            }
            if (setsGiven) {
                return bad("SETSxREPS is given twice");
            }
            setsGiven = true;
            item.dosage.sets = *sets;
            item.dosage.reps = *reps;
        } else if (const auto hold = holdModifier(p)) {
            if (!hold->amount) {
                return bad("'" + std::string(p) + "' is not HOLDs or HOLDm");
            }
            if (holdGiven) {
                return bad("the hold is given twice");
            }
            holdGiven = true;
            item.dosage.holdUnit = hold->unit;
            if (hold->unit == HoldUnit::Minutes && *hold->amount > kHoldMinutesLimit.max) {
                // Said before multiplying, which could overflow; the same words as validate().
                return Error::invalid(whole + ": hold minutes must be " +
                                      std::to_string(kHoldMinutesLimit.min) + " to " +
                                      std::to_string(kHoldMinutesLimit.max) + ", got " +
                                      std::to_string(*hold->amount));
            }
            item.dosage.holdSeconds =
                hold->unit == HoldUnit::Minutes ? *hold->amount * 60 : *hold->amount;
        } else {
            return bad("'" + std::string(p) + "' is not SETSxREPS, HOLDs or HOLDm");
        }
    }
    if (parts.size() > 3) {
        return bad("at most two modifiers");
    }
    if (auto st = validate(item.dosage, whole); !st) {
        return st.error();
    }
    return item;
}

} // namespace hepdesk
