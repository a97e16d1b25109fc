#pragma once

#include "hepdesk/core/Assessment.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk {

/// What the program rules say about one exercise for one patient.
enum class ProgramVerdict {
    Allowed,         ///< eligible
    Caution,         ///< allowed, with the caution reasons
    Excluded,        ///< an eligibility rule excludes it, whatever the triage or an override
    BlockedByTriage, ///< urgent or emergency triage and no override reason: refer first
};

/// The one answer to "may this exercise be in this patient's program", with the reasons: the
/// eligibility rules that exclude or caution it (each naming its finding) and, when the triage
/// blocks every exercise, the level and the findings that raised it.
struct ProgramDecision {
    ProgramVerdict verdict = ProgramVerdict::Allowed;
    /// The deciding eligibility reasons (exclusions when excluded, else cautions).
    std::vector<EligibilityReason> reasons;
    /// Set when the triage forbids exercise without an override (even when also excluded).
    std::optional<TriageLevel> triageBlock;
    /// The findings at the blocking triage level, in the assessment's order.
    std::vector<Finding> triageFindings;

    [[nodiscard]] bool allowed() const {
        return verdict == ProgramVerdict::Allowed || verdict == ProgramVerdict::Caution;
    }
};

/// May exercise `exerciseId` be in the program of the patient `assessment` is about? Excluded
/// by an eligibility rule first (an override never lifts an exclusion); else blocked by an
/// urgent or emergency triage unless `overridden` (a valid override reason is recorded); else
/// caution or allowed. An exercise the assessment has no verdict for is judged on the triage.
[[nodiscard]] ProgramDecision checkProgramItem(const Assessment& assessment,
                                               std::string_view exerciseId, bool overridden);

/// The clinician-facing reasons of `d`, in English, joined with "; " (the triage's first).
[[nodiscard]] std::string reasonsText(const ProgramDecision& d);

/// Why `exerciseId` (named `name`) may not be in the program, in English, for messages of the
/// command line and the handout: "exercise 'bird_dog' (Bird-dog) is excluded for this patient:
/// ..." or "... cannot be in the program: the triage is 'Emergency' (...): refer the patient
/// first, or record an override reason". Empty when `d` allows it.
[[nodiscard]] std::string refusalMessage(const ProgramDecision& d, std::string_view exerciseId,
                                         std::string_view name = {});

} // namespace hepdesk
