#include "VisitFixture.h"
#include "hepdesk/visit/OverrideReason.h"

#include <gtest/gtest.h>

// Issue 12, safety 2: "x" unlocked export. An override is now a kind from a short list plus a
// sentence of real words, stored with who gave it and when (migration 11).
namespace hepdesk::visit::test {
namespace {

TEST(OverrideKind, TheShortListAndARealSentenceAreBothRequired) {
    EXPECT_FALSE(checkOverride("declines_referral", "x").ok());
    EXPECT_FALSE(checkOverride("", "Patient declines the referral today").ok());
    const Status unknown = checkOverride("because", "Patient declines the referral today");
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("seen_by_doctor_today"), std::string::npos);
    for (const OverrideKind& k : kOverrideKinds) {
        EXPECT_TRUE(checkOverride(k.id, "Told the risk in full, agreed with her GP").ok()) << k.id;
    }
    EXPECT_EQ(overrideText("seen_by_doctor_today", "GP saw her at 9", "en"),
              "Already seen by a doctor for this today: GP saw her at 9");
    EXPECT_EQ(overrideText("seen_by_doctor_today", "GP saw her at 9", "es"),
              "Ya le ha visto un médico por esto hoy: GP saw her at 9");
}

TEST_F(VisitFixture, ADraftsOverrideIsStoredWithItsKindWhoAndWhen) {
    Session s = draft({"ces_saddle_numbness"}, {});
    s.handoutOptions.overrideReason = "x";
    s.handoutOptions.overrideKind = "declines_referral";
    EXPECT_FALSE(visit().saveDraft(s).ok()) << "\"x\" is no reason";
    s.handoutOptions.overrideReason = "Patient declines the ambulance, told of the risk";
    s.handoutOptions.overrideKind = "";
    EXPECT_FALSE(visit().saveDraft(s).ok()) << "a kind from the list is required";
    s.handoutOptions.overrideKind = "declines_referral";
    auto saved = visit().saveDraft(s);
    ASSERT_TRUE(saved.ok()) << saved.error().message;

    auto stored = sessions_->get(s.id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->handoutOptions.overrideKind, "declines_referral");
    EXPECT_EQ(stored->handoutOptions.overrideReason,
              "Patient declines the ambulance, told of the risk");
    EXPECT_EQ(stored->handoutOptions.overrideBy, clinicianId_);
    EXPECT_EQ(stored->handoutOptions.overrideAt.size(), 20U) << stored->handoutOptions.overrideAt;

    // The exercises may now be planned; the record's text names the kind.
    stored->program.items.push_back(ProgramItem{"belly_breathing", Dosage{1, 5, 0, 1, false}, ""});
    ASSERT_TRUE(visit().saveDraft(*stored).ok());
    auto plan = visit().handout(s.id);
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    EXPECT_EQ(plan->request.overrideReason,
              "Patient declines referral and was told the risk: Patient declines the ambulance, "
              "told of the risk");

    // Clearing the reason clears who and when.
    stored = sessions_->get(s.id);
    stored->handoutOptions.overrideReason.clear();
    stored->program.items.clear();
    ASSERT_TRUE(visit().saveDraft(*stored).ok());
    stored = sessions_->get(s.id);
    EXPECT_TRUE(stored->handoutOptions.overrideKind.empty());
    EXPECT_FALSE(stored->handoutOptions.overrideBy.has_value());
}

} // namespace
} // namespace hepdesk::visit::test
