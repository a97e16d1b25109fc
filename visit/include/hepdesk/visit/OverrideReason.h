#pragma once

#include "hepdesk/core/Error.h"

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

} // namespace hepdesk::visit
