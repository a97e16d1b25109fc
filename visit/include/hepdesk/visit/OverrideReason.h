#pragma once

#include "hepdesk/core/Error.h"

#include <string>
#include <string_view>

namespace hepdesk::visit {

/// Fewest words (runs of letters or digits; an ideograph counts as one) an override reason
/// must have: a reason a colleague can read later, not "x".
inline constexpr int kOverrideReasonMinWords = 2;
/// Fewest letters or digits in an override reason.
inline constexpr int kOverrideReasonMinLetters = 6;

/// Refuses an override reason without visible text: only spaces, zero-width characters
/// (U+200B), no-break spaces, control characters, or fewer than two words (ICU decides what a
/// letter or digit is, in any script). The message names the field.
Status checkOverrideReason(std::string_view reason);

/// Why a clinician gives exercises despite an urgent or emergency triage: one of a short list,
/// always with a sentence of the clinician's own (checkOverride).
struct OverrideKind {
    std::string_view id; ///< stored ("declines_referral")
    std::string_view en; ///< the label in the record and on the clinician's copy
    std::string_view es;
};
inline constexpr OverrideKind kOverrideKinds[] = {
    {"declines_referral", "Patient declines referral and was told the risk",
     "El paciente rechaza la derivación y conoce el riesgo"},
    {"seen_by_doctor_today", "Already seen by a doctor for this today",
     "Ya le ha visto un médico por esto hoy"},
    {"referral_arranged", "Referral arranged, exercises agreed with the doctor",
     "Derivación organizada, ejercicios acordados con el médico"},
    {"other", "Other", "Otro motivo"},
};
/// The kind with `id`, or nullptr.
const OverrideKind* overrideKind(std::string_view id);
/// "declines_referral, seen_by_doctor_today, referral_arranged, other": for messages.
std::string overrideKindIds();

/// An override: `kindId` from kOverrideKinds and a sentence of real words
/// (checkOverrideReason). The messages name the field and the choices.
Status checkOverride(std::string_view kindId, std::string_view sentence);
/// The override as the record and the clinician's copy read it, in `lang`: "Patient declines
/// referral and was told the risk: <sentence>" (the sentence alone for an unknown kind: an
/// override recorded before kinds existed).
std::string overrideText(std::string_view kindId, std::string_view sentence,
                         std::string_view lang = "en");

} // namespace hepdesk::visit
