#pragma once

#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/handout/Figure.h"
#include "hepdesk/core/handout/Handout.h"
#include "hepdesk/core/handout/HandoutStrings.h"

namespace hepdesk::handout {

/// Turns a request into the handout's content, applying the safety rules: it refuses
/// (Error::Kind::Refused) an emergency or urgent-referral triage without an override reason
/// and any exercise that eligibility excluded, naming the exercise and the reason.
class HandoutComposer {
public:
    /// `catalog` is Catalog::entries() (exercises and avoid entries).
    HandoutComposer(const std::vector<CatalogEntry>& catalog,
                    const std::map<std::string, Figure, std::less<>>& figures,
                    const HandoutStrings& strings)
        : catalog_(catalog), figures_(figures), strings_(strings) {}

    [[nodiscard]] Result<HandoutDocument> compose(const HandoutRequest& request) const;

    /// "2 sets of 10, hold 5 seconds, twice a day, each side" in the strings' language.
    [[nodiscard]] std::string dosageText(const Dosage& d) const;

private:
    /// The "too_hard"/"too_easy" line naming `alternativeId`, or "" when there is none or it
    /// is not fully eligible for this patient.
    [[nodiscard]] std::string alternativeLine(const std::string& alternativeId,
                                              std::string_view key,
                                              const Assessment& assessment) const;

    const std::vector<CatalogEntry>& catalog_;
    const std::map<std::string, Figure, std::less<>>& figures_;
    const HandoutStrings& strings_;
};

} // namespace hepdesk::handout
