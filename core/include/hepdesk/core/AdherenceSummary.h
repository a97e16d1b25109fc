#pragma once

#include "hepdesk/core/Screening.h"

#include <optional>
#include <vector>

namespace hepdesk {

/// What one session's exercise log says in total: the days done over the days asked, across
/// the exercises the clinician asked about. A "not asked" entry counts for nothing (never as 0
/// days: clinical-reference, Adherence).
struct AdherenceSummary {
    int exercisesAsked = 0;
    int exercisesNotAsked = 0;
    int daysDone = 0;
    int daysAsked = 0; ///< exercisesAsked x kAdherenceDays
    /// daysDone / daysAsked x 100; nullopt when no exercise was asked about.
    std::optional<double> percent;
};

AdherenceSummary summarizeAdherence(const std::vector<Adherence>& entries);

} // namespace hepdesk
