#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/handout/Handout.h"

#include <string>
#include <string_view>

namespace hepdesk::visit {

/// What a signed session's handout is made from, stored with the session at signing: the
/// patient's name as it was, clinician and clinic (logo bytes included), language, print size,
/// paper, override reason, program, findings and the assessment as signed (level, findings and
/// the eligibility of the program's exercises). A reprint is made from this alone.
struct HandoutSnapshot {
    handout::HandoutRequest request;
    /// SHA-256 of the handout as it stood at signing; empty when none could be made then
    /// (an emergency or urgent session signed without an override reason).
    std::string handoutSha256;
};

/// Canonical JSON text (sorted keys, no whitespace): the same snapshot gives the same text.
std::string snapshotToJson(const HandoutSnapshot& snapshot);
/// Reads what snapshotToJson wrote; errors name `source` ("session 4 snapshot") and the field.
Result<HandoutSnapshot> snapshotFromJson(std::string_view text, std::string_view source);

} // namespace hepdesk::visit
