#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/LocalizedText.h"
#include "hepdesk/core/Screening.h"

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace hepdesk {

/// A heading of the screening's tick boxes ("Cauda equina syndrome (emergency signs)").
struct FindingGroup {
    std::string id; ///< "cauda_equina", "fracture", ..., "contraindication"
    LocalizedText clinicianLabel;
};

/// One tick box of the screening: a red flag, a refer-and-monitor finding or a contraindication.
struct FindingItem {
    std::string id;    ///< stable construct id ("ces_saddle_numbness")
    std::string group; ///< "cauda_equina", "fracture", ..., "contraindication"
    LocalizedText clinicianLabel;
    LocalizedText patientLabel;
    /// Describes the person rather than today's episode (osteoporosis, anticoagulants,
    /// pregnancy): carried into a follow-up for the clinician to confirm. Acute findings
    /// (today's trauma, fever, cauda equina signs) are asked afresh at every visit.
    bool lasting = false;
};

/// One question of a scored instrument (STarT Back item, ODI section, NDI item).
struct QuestionItem {
    std::string id;
    int number = 0; ///< position in the published instrument (Keele order for STarT Back)
    int maxAnswer = 5;
    int scoresOneFrom = 1; ///< STarT Back: answers >= this score 1 (bothersomeness: 3)
    bool psychosocial = false;
    LocalizedText clinicianLabel;
    LocalizedText patientLabel;
    /// ODI and NDI: what each answer 0..maxAnswer means, in our own short words (a paraphrase,
    /// never the licensed instrument's text: docs/outcome-measures.md). Empty for STarT Back.
    std::vector<LocalizedText> answers = {};
};

/// A named range of a score, both ends inclusive; a value falls in the first band whose max it
/// does not exceed (so 20.4 % is past "minimal, 0-20").
struct Band {
    std::string id;
    int min = 0;
    int max = 0;
    LocalizedText clinicianLabel;
};

/// ODI or NDI: sections 0..5, reliable from minAnswered sections, bands on percent or on 0-50.
struct DisabilityInstrument {
    std::vector<QuestionItem> sections;
    std::vector<Band> bands;
    int minAnsweredReliable = 8;
    bool bandOnPercent = true; ///< false: bands on the 0-50 total scaled to 10 sections (NDI)
    [[nodiscard]] const QuestionItem* find(std::string_view id) const;
};

/// Every item a screening may hold, from templates/rules/screening_items.json and
/// outcome_measures.json: the ids a Screening is checked against and the scoring data.
class ScreeningItems {
public:
    /// Loads and validates both files of `rulesDir`; errors name the file and JSON pointer.
    /// Every clinician label must be given in English and Spanish.
    static Result<ScreeningItems> loadDir(const std::filesystem::path& rulesDir);

    [[nodiscard]] const std::vector<FindingItem>& findings() const { return findings_; }
    [[nodiscard]] const FindingItem* finding(std::string_view id) const;
    /// The groups in the order of the file (the order the screening form shows them).
    [[nodiscard]] const std::vector<FindingGroup>& groups() const { return groups_; }
    [[nodiscard]] const std::vector<Band>& painBands() const { return painBands_; }
    [[nodiscard]] const std::vector<QuestionItem>& startBackItems() const { return startBack_; }
    [[nodiscard]] int startBackLowRiskMaxTotal() const { return sbLowMax_; }
    [[nodiscard]] int startBackHighRiskMinPsychosocial() const { return sbHighMin_; }
    [[nodiscard]] const DisabilityInstrument& odi() const { return odi_; }
    [[nodiscard]] const DisabilityInstrument& ndi() const { return ndi_; }

    /// Checks every id and answer of `s` against these items: unknown finding, STarT Back item,
    /// ODI section or NDI item, or an answer above the item's maximum. `doc` (the screening JSON
    /// as read, if at hand) lets the error name the exact array index of a bad finding.
    Status validate(const Screening& s, std::string_view source,
                    const nlohmann::json* doc = nullptr) const;

private:
    std::vector<FindingGroup> groups_;
    std::vector<FindingItem> findings_;
    std::vector<Band> painBands_;
    std::vector<QuestionItem> startBack_;
    int sbLowMax_ = 3;
    int sbHighMin_ = 4;
    DisabilityInstrument odi_;
    DisabilityInstrument ndi_;
};

/// The band of `value` (see Band), or nullptr when it lies above every band.
const Band* bandOf(const std::vector<Band>& bands, double value);

} // namespace hepdesk
