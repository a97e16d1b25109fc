#include "hepdesk/core/TriageLevel.h"

#include <array>
#include <utility>

namespace hepdesk {
namespace {
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kNames = {{
    {"routine", "Routine"},
    {"refer_and_monitor", "Refer and monitor"},
    {"urgent_referral", "Urgent referral"},
    {"emergency", "Emergency"},
}};
} // namespace

std::string_view toId(TriageLevel level) {
    return kNames.at(static_cast<std::size_t>(level)).first;
}

std::string_view label(TriageLevel level) {
    return kNames.at(static_cast<std::size_t>(level)).second;
}

std::optional<TriageLevel> triageLevelFromId(std::string_view id) {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i].first == id) {
            return static_cast<TriageLevel>(i);
        }
    }
    return std::nullopt;
}

} // namespace hepdesk
