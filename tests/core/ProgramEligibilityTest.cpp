#include "hepdesk/core/ProgramEligibility.h"

#include "ClinicalFixture.h"

#include <gtest/gtest.h>

namespace hepdesk::test {
namespace {

// Issue 13: one "may this exercise be in this patient's program" check, with the reasons.
TEST(ProgramEligibility, AnEmergencyBlocksEveryExerciseNamingTheFinding) {
    const Assessment a = assessOk(screeningWith({"ces_saddle_numbness"}));
    ASSERT_EQ(a.level, TriageLevel::Emergency);
    const ProgramDecision d = checkProgramItem(a, "bird_dog", false);
    EXPECT_EQ(d.verdict, ProgramVerdict::BlockedByTriage);
    EXPECT_FALSE(d.allowed());
    ASSERT_TRUE(d.triageBlock.has_value());
    EXPECT_EQ(*d.triageBlock, TriageLevel::Emergency);
    ASSERT_FALSE(d.triageFindings.empty());
    EXPECT_EQ(d.triageFindings.front().itemId, "ces_saddle_numbness");
    const std::string why = refusalMessage(d, "bird_dog", "Bird-dog");
    EXPECT_NE(why.find("exercise 'bird_dog' (Bird-dog) cannot be in the program"),
              std::string::npos)
        << why;
    EXPECT_NE(why.find("'Emergency'"), std::string::npos) << why;
    EXPECT_NE(why.find("cauda equina"), std::string::npos) << why;

    // An override reason lifts the triage's block ...
    const ProgramDecision overridden = checkProgramItem(a, "bird_dog", true);
    EXPECT_TRUE(overridden.allowed());
    EXPECT_FALSE(overridden.triageBlock.has_value());
    EXPECT_TRUE(refusalMessage(overridden, "bird_dog").empty());
}

TEST(ProgramEligibility, AnExclusionStandsWhateverTheOverrideAndNamesItsRule) {
    const Assessment a = assessOk(screeningWith({"osteoporosis", "ces_saddle_numbness"}));
    const Eligibility* e = nullptr;
    for (const Eligibility& el : a.eligibility) {
        e = e == nullptr && el.status == EligibilityStatus::Excluded ? &el : e;
    }
    ASSERT_NE(e, nullptr) << "osteoporosis excludes some exercise";
    for (const bool overridden : {false, true}) {
        const ProgramDecision d = checkProgramItem(a, e->exerciseId, overridden);
        EXPECT_EQ(d.verdict, ProgramVerdict::Excluded);
        ASSERT_FALSE(d.reasons.empty());
        EXPECT_EQ(d.reasons.front().findingId, "osteoporosis");
        EXPECT_FALSE(d.reasons.front().ruleId.empty());
        EXPECT_EQ(d.triageBlock.has_value(), !overridden) << "the triage block is reported too";
        EXPECT_NE(refusalMessage(d, e->exerciseId).find("is excluded for this patient"),
                  std::string::npos);
    }
}

TEST(ProgramEligibility, RoutineGivesCautionWithItsReasonOrAllowed) {
    const Assessment a = assessOk(screeningWith({"osteoporosis"}));
    bool sawCaution = false;
    for (const Eligibility& el : a.eligibility) {
        const ProgramDecision d = checkProgramItem(a, el.exerciseId, false);
        EXPECT_FALSE(d.triageBlock.has_value());
        if (el.status == EligibilityStatus::Caution) {
            sawCaution = true;
            EXPECT_EQ(d.verdict, ProgramVerdict::Caution);
            EXPECT_TRUE(d.allowed());
            EXPECT_FALSE(reasonsText(d).empty());
        } else if (el.status == EligibilityStatus::Eligible) {
            EXPECT_EQ(d.verdict, ProgramVerdict::Allowed);
        }
    }
    EXPECT_TRUE(sawCaution);
}

} // namespace
} // namespace hepdesk::test
