#pragma once

#include <optional>
#include <string_view>

namespace hepdesk {

/// What a screening implies, from least to most serious (the order is used: max() of levels).
enum class TriageLevel {
    Routine = 0,         ///< handout allowed
    ReferAndMonitor = 1, ///< handout allowed; findings listed for follow-up
    UrgentReferral = 2,  ///< medical referral first; handout needs an override reason
    Emergency = 3,       ///< emergency referral; handout needs an override reason
};

/// Stable id used in files and the database: "routine", "refer_and_monitor",
/// "urgent_referral", "emergency".
std::string_view toId(TriageLevel level);
std::optional<TriageLevel> triageLevelFromId(std::string_view id);
/// Short clinician-facing label ("Urgent referral").
std::string_view label(TriageLevel level);
/// Whether a handout may be produced without a recorded override reason.
inline bool handoutAllowedWithoutOverride(TriageLevel level) {
    return level == TriageLevel::Routine || level == TriageLevel::ReferAndMonitor;
}

} // namespace hepdesk
