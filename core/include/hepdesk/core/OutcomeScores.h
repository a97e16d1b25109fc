#pragma once

#include "hepdesk/core/Screening.h"

#include <optional>
#include <string>

namespace hepdesk {

enum class PainBand { None, Mild, Moderate, Severe }; ///< 0; 1-3; 4-6; 7-10
enum class StartBackRisk { Low, Medium, High };

struct StartBackScore {
    int total = 0;        ///< items 1-9, 0..9
    int psychosocial = 0; ///< items 5-9, 0..5
    int answered = 0;     ///< of 9
    StartBackRisk risk = StartBackRisk::Low;
    [[nodiscard]] bool complete() const { return answered == 9; }
};

/// ODI or NDI: sections scored 0..5, percent over the answered sections.
struct DisabilityScore {
    int total = 0;
    int answered = 0;
    double percent = 0.0; ///< total / (5 x answered) x 100
    std::string band;     ///< band id, e.g. "minimal", "moderate" (see templates/rules)
    bool reliable = true; ///< false when fewer than 8 of 10 sections were answered
};

/// Patient-Specific Functional Scale: the mean of the rated activities (0..10).
struct PsfsScore {
    double mean = 0.0;
    int rated = 0;      ///< activities with a rating
    int activities = 0; ///< activities named, rated or not
};

/// Every score a screening yields; a measure not recorded is absent.
struct OutcomeScores {
    std::optional<int> painNow;
    std::optional<PainBand> painBand;
    std::optional<StartBackScore> startBack;
    std::optional<DisabilityScore> odi;
    std::optional<DisabilityScore> ndi;
    std::optional<PsfsScore> psfs = std::nullopt;
};

} // namespace hepdesk
