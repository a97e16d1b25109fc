#include "hepdesk/core/RulesMatrix.h"

#include "ClinicalFixture.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hepdesk {
namespace {

const MatrixCell& cell(const RulesMatrix& m, const std::string& finding,
                       const std::string& column) {
    const auto c = std::find(m.columns.begin(), m.columns.end(), column);
    EXPECT_NE(c, m.columns.end()) << column;
    for (const auto& row : m.rows) {
        if (row.finding == finding) {
            return row.cells.at(static_cast<std::size_t>(c - m.columns.begin()));
        }
    }
    ADD_FAILURE() << "no row " << finding;
    static const MatrixCell none;
    return none;
}

// Issue 14: the checked-in decision table is regenerated and compared, so it cannot go stale.
TEST(RulesMatrix, CheckedInDocumentMatchesTheRuleData) {
    const auto& sh = test::Shipped::get();
    const auto path = test::templatesDir().parent_path() / "docs" / "rules-matrix.md";
    const std::string expected = rulesMatrixDocument(sh.rules, sh.catalog);
    if (const char* u = std::getenv("HEPDESK_GOLDEN_UPDATE");
        u != nullptr && std::string(u) == "1") {
        test::writeFile(path, expected); // rewritten with the golden cases, for review
    }
    EXPECT_TRUE(test::readFile(path) == expected)
        << path.string()
        << " is stale: regenerate it with `hepdesk-cli catalog matrix --document > "
           "docs/rules-matrix.md` and review the diff";
}

// Every cell of the matrix names a rule; every rule and check is justified, with its source,
// in docs/rules-rationale.md (named there in backticks).
TEST(RulesMatrix, EveryRuleAndCheckHasARationale) {
    const auto& rules = test::Shipped::get().rules;
    const std::string doc =
        test::readFile(test::templatesDir().parent_path() / "docs" / "rules-rationale.md");
    std::vector<std::string> ids;
    for (const auto& r : rules.eligibility().rules()) {
        ids.push_back("`" + r.id + "`");
    }
    for (const auto& r : rules.triage().rules()) {
        ids.push_back("| " + r.id + " |");
    }
    for (const auto& c : rules.checks().checks()) {
        ids.push_back("`" + c.id + "`");
    }
    EXPECT_GE(ids.size(), 70U);
    for (const auto& id : ids) {
        EXPECT_NE(doc.find(id), std::string::npos)
            << id << " has no rationale in rules-rationale.md";
    }
}

TEST(RulesMatrix, ByTypeNamesTheRulesOfEachMovementAndTag) {
    const auto& sh = test::Shipped::get();
    const RulesMatrix m = rulesMatrix(sh.rules, sh.catalog, false);
    const MatrixCell& head = cell(m, "atlanto_axial_instability", "tag:head_movement");
    EXPECT_EQ(head.effect, EligibilityStatus::Excluded);
    EXPECT_EQ(head.rules, std::vector<std::string>{"upper_neck_instability_no_neck_movement"});
    EXPECT_EQ(cell(m, "pregnancy_after_t1", "position:lying_on_back").effect,
              EligibilityStatus::Caution);
    EXPECT_EQ(cell(m, "bone_tumour", "tag:spine_pressure").effect, EligibilityStatus::Excluded);
    EXPECT_TRUE(cell(m, "osteoporosis", "movement:extension").rules.empty());
    // Every finding an eligibility rule names has a row; no other finding has one.
    for (const auto& row : m.rows) {
        EXPECT_TRUE(std::any_of(row.cells.begin(), row.cells.end(), [](const MatrixCell& c) {
            return !c.rules.empty();
        })) << row.finding;
    }
    EXPECT_TRUE(std::none_of(m.rows.begin(), m.rows.end(),
                             [](const auto& r) { return r.finding == "clunk"; }));
}

TEST(RulesMatrix, ByExerciseIsTheEligibilityOfTheFindingAlone) {
    const auto& sh = test::Shipped::get();
    const RulesMatrix m = rulesMatrix(sh.rules, sh.catalog, true);
    for (const auto& row : m.rows) {
        Screening s;
        s.findings = {row.finding};
        s.regions = {Region::Neck, Region::MidBack, Region::LowBack};
        for (std::size_t i = 0; i < m.columns.size(); ++i) {
            const CatalogEntry* e = sh.catalog.find(m.columns[i]);
            ASSERT_NE(e, nullptr);
            EXPECT_EQ(row.cells[i].effect, sh.rules.eligibility().evaluate(*e, s).status)
                << row.finding << " x " << e->id;
        }
    }
    EXPECT_EQ(cell(m, "osteoporosis", "double_knee_to_chest").rules,
              std::vector<std::string>{"bone_no_loaded_flexion"});
}

TEST(RulesMatrix, CsvAndJsonHoldTheSameTable) {
    const auto& sh = test::Shipped::get();
    const RulesMatrix m = rulesMatrix(sh.rules, sh.catalog, false);
    const std::string csv = matrixCsv(m);
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), static_cast<long>(m.rows.size()) + 1);
    EXPECT_EQ(csv.rfind("finding,movement:flexion,", 0), 0U);
    const auto j = matrixJson(m);
    EXPECT_EQ(j["rows"].size(), m.rows.size());
    EXPECT_EQ(j["rows"][0]["cells"].size(), m.columns.size());
}

} // namespace
} // namespace hepdesk
