#include "hepdesk/core/Readability.h"

#include "ClinicalFixture.h"
#include "TestSupport.h"
#include "hepdesk/core/Catalog.h"

#include <gtest/gtest.h>

namespace hepdesk {
namespace {

TEST(Readability, CountsSyllablesOfCommonWords) {
    const std::vector<std::pair<const char*, int>> cases = {
        {"cat", 1},      {"back", 1},     {"knees", 1},  {"make", 1},      {"moved", 1},
        {"table", 2},    {"needed", 2},   {"slowly", 2}, {"breathe", 1},   {"shoulder", 2},
        {"exercise", 3}, {"yes", 1},      {"every", 3},  {"whole", 1},     {"pressure", 2},
        {"relax", 2},    {"position", 3}, {"gently", 2}, {"buttocks", 2},  {"ceiling", 2},
        {"rotation", 3}, {"spine", 1},    {"boxes", 2},  {"stretches", 2}, {"Cat-cow", 2}};
    for (const auto& [word, n] : cases) {
        EXPECT_EQ(countSyllables(word), n) << word;
    }
}

TEST(Readability, GradeFollowsTheKincaidFormula) {
    // 2 sentences, 8 words, 9 syllables.
    const TextStats s = textStats({"The cat sat on the mat.", "Breathe slowly"});
    EXPECT_EQ(s.words, 8);
    EXPECT_EQ(s.sentences, 2);
    EXPECT_EQ(s.syllables, 9);
    EXPECT_NEAR(fleschKincaidGrade(s), 0.39 * 4 + 11.8 * 9.0 / 8 - 15.59, 1e-9);
    EXPECT_EQ(fleschKincaidGrade(textStats({})), 0.0);
    // Long words in long sentences read harder.
    EXPECT_GT(fleschKincaidGrade(textStats({"Physiotherapeutic intervention necessitates "
                                            "comprehensive individualised evaluation of "
                                            "musculoskeletal dysfunction."})),
              16.0);
}

TEST(Readability, EveryCatalogEntryReadsAtGradeEightOrBelow) {
    auto c = Catalog::loadDir(test::templatesDir() / "catalog");
    ASSERT_TRUE(c.ok()) << c.error().message;
    double maxGrade = -100;
    double sum = 0;
    int n = 0;
    std::string hardest;
    for (const auto& e : c->entries()) {
        const double g = readingGrade(e);
        EXPECT_LE(g, kMaxReadingGrade) << e.id << " reads at grade " << g;
        if (e.isExercise()) {
            sum += g;
            ++n;
            if (g > maxGrade) {
                maxGrade = g;
                hardest = e.id;
            }
        }
    }
    ASSERT_GT(n, 0);
    RecordProperty("fk_max", std::to_string(maxGrade));
    RecordProperty("fk_mean", std::to_string(sum / n));
    std::cout << "Flesch-Kincaid grade of exercises: max " << maxGrade << " (" << hardest
              << "), mean " << sum / n << " over " << n << '\n';
}

} // namespace
} // namespace hepdesk

namespace hepdesk {
namespace {

TEST(Readability, PatientNotesAndLabelsOfTheRulesReadAtGradeEightOrBelow) {
    const auto& rules = test::Shipped::get().rules;
    for (const auto& r : rules.eligibility().rules()) {
        if (r.effect == EligibilityStatus::Caution) {
            const double g = fleschKincaidGrade(textStats({r.patientNote.text("en")}));
            EXPECT_LE(g, kMaxReadingGrade) << r.id << " reads at grade " << g;
        }
    }
    for (const auto& f : rules.items().findings()) {
        const double g = fleschKincaidGrade(textStats({f.patientLabel.text("en")}));
        EXPECT_LE(g, kMaxReadingGrade) << f.id << " reads at grade " << g;
    }
}

} // namespace
} // namespace hepdesk
