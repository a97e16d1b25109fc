#include "ClinicalFixture.h"

#include <gtest/gtest.h>

namespace hepdesk {
namespace {

// The scenario tables moved to tests/golden/ (one folder per case, see GoldenCaseTest.cpp);
// what stays here tests code: how a caution's note reaches the patient, and how the "avoid"
// entries are chosen.

TEST(ClinicalScenarios, OsteoporosisNotesSpeakToThePatientInBothLanguages) {
    const Assessment a = test::assessOk(test::screeningWith({"osteoporosis"}));
    const Eligibility* twist = a.eligibilityOf("seated_thoracic_twist");
    ASSERT_NE(twist, nullptr);
    ASSERT_EQ(twist->reasons.size(), 1U);
    EXPECT_EQ(twist->reasons[0].findingId, "osteoporosis");
    EXPECT_NE(twist->reasons[0].patientNote.text("en").find("twist small and slow"),
              std::string::npos);
    EXPECT_NE(twist->reasons[0].patientNote.text("es").find("giro"), std::string::npos);
}

TEST(ClinicalScenarios, AvoidEntriesFollowAlwaysShownAndFindings) {
    const auto& catalog = test::Shipped::get().catalog;
    auto ids = [&](const Screening& s) {
        std::vector<std::string> out;
        for (const auto* e : avoidEntriesFor(s, catalog)) {
            out.push_back(e->id);
        }
        return out;
    };
    EXPECT_EQ(ids(test::screeningWith({})),
              (std::vector<std::string>{"avoid_lay_neck_cracking", "avoid_walking_on_back"}));
    const auto withHyper = ids(test::screeningWith({"hypermobility"}));
    EXPECT_NE(std::find(withHyper.begin(), withHyper.end(), "avoid_repeated_self_cracking"),
              withHyper.end());
}

} // namespace
} // namespace hepdesk
