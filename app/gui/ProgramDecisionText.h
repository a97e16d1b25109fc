#pragma once

#include "hepdesk/core/ProgramEligibility.h"
#include "hepdesk/core/TriageRules.h"

#include <QString>

namespace hepdesk::gui {

/// The triage block of `d` as the clinician reads it, in the interface language:
/// "Emergency (Saddle numbness: ...)". Empty when the triage does not block. `rules` translate
/// the findings' reasons (nullptr: as stored, in English).
QString triageBlockText(const ProgramDecision& d, const TriageRules* rules);

/// Why `name` may not be added to the program (excluded, or blocked by the triage), in the
/// interface language; empty when `d` allows it. `eligibilityReasons` are the rules' reasons
/// already in the interface language.
QString programRefusalText(const ProgramDecision& d, const QString& name,
                           const QString& eligibilityReasons, const TriageRules* rules);

} // namespace hepdesk::gui
