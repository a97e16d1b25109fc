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

} // namespace

Result<ProgramItem> parseExerciseSpec(std::string_view spec, const Catalog& catalog,
                                      std::string_view option) {
    const std::string whole = std::string(option) + " '" + std::string(spec.substr(0, 200)) + "'";
    const auto bad = [&](const std::string& why) {
        return Error::invalid(whole + ": " + why +
                              " (expected ID, ID:SETSxREPS, ID:HOLDs or ID:SETSxREPS:HOLDs, "
                              "e.g. cat_cow:2x10:5s)");
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
        } else if (!p.empty() && p.back() == 's') {
            const auto hold = wholeNumber(p.substr(0, p.size() - 1));
            if (!hold) {
                return bad("'" + std::string(p) + "' is not HOLDs");
            }
            if (holdGiven) {
                return bad("HOLDs is given twice");
            }
            holdGiven = true;
            item.dosage.holdSeconds = *hold;
        } else {
            return bad("'" + std::string(p) + "' is not SETSxREPS or HOLDs");
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
