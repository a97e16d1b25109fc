#include "hepdesk/core/AdherenceSummary.h"

namespace hepdesk {

AdherenceSummary summarizeAdherence(const std::vector<Adherence>& entries) {
    AdherenceSummary s;
    for (const Adherence& a : entries) {
        if (!a.daysDone) {
            ++s.exercisesNotAsked;
            continue;
        }
        ++s.exercisesAsked;
        s.daysDone += *a.daysDone;
        s.daysAsked += kAdherenceDays;
    }
    if (s.daysAsked > 0) {
        s.percent = 100.0 * s.daysDone / s.daysAsked;
    }
    return s;
}

} // namespace hepdesk
