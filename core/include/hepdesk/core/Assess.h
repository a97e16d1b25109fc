#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/Screening.h"

#include <nlohmann/json_fwd.hpp>

namespace hepdesk {

/// Decides a screening: checks its ids against the rules (the error names `source` and the
/// JSON pointer), then the triage level with every finding that raised it, the outcome scores,
/// and the eligibility of every catalog exercise, in catalog order.
/// `doc` is the screening JSON as read, when at hand, for exact pointers in errors.
Result<Assessment> assess(const Screening& s, const ClinicalRules& rules, const Catalog& catalog,
                          std::string_view source = "screening",
                          const nlohmann::json* doc = nullptr);

/// The avoid entries a handout for this screening shows: those always shown, and those whose
/// relevant findings the screening holds. In catalog order.
std::vector<const CatalogEntry*> avoidEntriesFor(const Screening& s, const Catalog& catalog);

/// The assessment as JSON (ids, levels, reasons, scores, eligibility), the shape
/// assessmentFromJson reads back: what `hepdesk-cli assess` prints and what is stored.
nlohmann::json toJson(const Assessment& a);
Result<Assessment> assessmentFromJson(const nlohmann::json& j, std::string_view source);

} // namespace hepdesk
