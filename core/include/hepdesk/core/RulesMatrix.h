#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace hepdesk {

/// The effect of one finding on one column, and the rules that give it.
struct MatrixCell {
    EligibilityStatus effect = EligibilityStatus::Eligible; ///< Eligible means "none"
    std::vector<std::string> rules;
};

/// The eligibility rules seen whole: one row per finding that an eligibility rule names, one
/// column per movement, position, tag, region (and "painful_region"), or per exercise.
struct RulesMatrix {
    struct Row {
        std::string finding;
        std::string label; ///< the finding's clinician label in English
        std::vector<MatrixCell> cells;
    };
    std::vector<std::string> columns; ///< "movement:flexion", "tag:head_movement", ... or ids
    std::vector<Row> rows;
};

/// Computed from the rule data alone. By type, a cell holds every rule for the finding whose
/// match names that movement, tag, region or painful region (a position column takes the rules
/// on the tag of the same name; a position with no such tag cannot be singled out by a rule);
/// the effect is the strongest of those rules, which may apply only together with the other
/// parts of their match. By exercise, a cell is the exercise's eligibility for a screening
/// holding that finding alone, with every region painful.
RulesMatrix rulesMatrix(const ClinicalRules& rules, const Catalog& catalog, bool byExercise);

std::string matrixCsv(const RulesMatrix& m);
nlohmann::json matrixJson(const RulesMatrix& m);
/// Per finding, a Markdown table of the columns it affects.
std::string matrixText(const RulesMatrix& m);
/// docs/rules-matrix.md: both matrices as Markdown, with how to read them.
std::string rulesMatrixDocument(const ClinicalRules& rules, const Catalog& catalog);

} // namespace hepdesk
