#include "ClinicalFixture.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hepdesk {
namespace {
using nlohmann::json;

const ScreeningChecks& checks() {
    return test::Shipped::get().rules.checks();
}

std::vector<std::string> firedIds(const Screening& s) {
    std::vector<std::string> out;
    for (const auto& issue : checks().evaluate(s)) {
        out.push_back(issue.check->id);
    }
    return out;
}

Screening consistent() {
    Screening s = test::screeningWith({});
    s.age = 40;
    s.sex = Sex::Female;
    s.pain = {5, 2, 8};
    s.durationDays = 20;
    return s;
}

TEST(ScreeningChecks, AConsistentScreeningRaisesNothing) {
    EXPECT_TRUE(firedIds(consistent()).empty());
    Screening s = consistent();
    s.pain = {2, 2, 2}; // equal scores are consistent
    EXPECT_TRUE(firedIds(s).empty());
}

struct Contradiction {
    const char* name;
    std::function<void(Screening&)> make;
    const char* check;
    const char* fields; ///< as the refusal names them
};

class ScreeningContradiction : public ::testing::TestWithParam<Contradiction> {};

// Issue 14, point 6: a screening that contradicts itself is refused, naming both fields.
TEST_P(ScreeningContradiction, IsRefusedNamingBothFields) {
    Screening s = consistent();
    GetParam().make(s);
    EXPECT_EQ(firedIds(s), std::vector<std::string>{GetParam().check});
    auto st = checks().refuseContradictions(s, "visit.json");
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(st.error().message.find(std::string("visit.json: the screening contradicts "
                                                  "itself: ") +
                                      GetParam().fields + ": "),
              std::string::npos)
        << st.error().message;
    EXPECT_TRUE(checks().warnings(s).empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ScreeningContradiction,
    ::testing::Values(Contradiction{"PregnancyWithSexMale",
                                    [](Screening& s) {
                                        s.sex = Sex::Male;
                                        s.findings.insert("pregnancy_after_t1");
                                    },
                                    "pregnancy_with_male_sex", "sex and findings"},
                      Contradiction{"BestAboveWorst",
                                    [](Screening& s) {
                                        s.pain = {std::nullopt, 7, 6};
                                    },
                                    "pain_best_above_worst", "pain.best and pain.worst"},
                      Contradiction{"NowBelowBest",
                                    [](Screening& s) {
                                        s.pain = {1, 2, 8};
                                    },
                                    "pain_now_below_best", "pain.now and pain.best"},
                      Contradiction{"NowAboveWorst",
                                    [](Screening& s) {
                                        s.pain = {9, 2, 8};
                                    },
                                    "pain_now_above_worst", "pain.now and pain.worst"},
                      Contradiction{"PersistentPainUnderAWeek",
                                    [](Screening& s) {
                                        s.findings.insert("persistent_pain");
                                        s.durationDays = 6;
                                    },
                                    "persistent_pain_under_a_week", "findings and duration_days"}),
    [](const auto& tpi) { return std::string(tpi.param.name); });

TEST(ScreeningChecks, BoundariesAreAccepted) {
    Screening s = consistent();
    s.findings.insert("persistent_pain");
    s.durationDays = 7;
    EXPECT_TRUE(firedIds(s).empty());
    s.sex = Sex::Female;
    s.findings.insert("pregnancy_after_t1");
    EXPECT_TRUE(firedIds(s).empty());
    s.sex = Sex::Unspecified; // not recorded: no contradiction
    EXPECT_TRUE(firedIds(s).empty());
    s.pain = {5, std::nullopt, 3}; // best not recorded: only now vs worst can be checked
    EXPECT_EQ(firedIds(s), std::vector<std::string>{"pain_now_above_worst"});
}

// Possible but unlikely values are assessed, with a warning.
TEST(ScreeningChecks, UnlikelyValuesAreWarningsNotRefusals) {
    const std::vector<std::pair<std::function<void(Screening&)>, std::string>> cases = {
        {[](Screening& s) { s.age = 15; }, "age: under 16"},
        {[](Screening& s) { s.age = 101; }, "age: over 100"},
        {[](Screening& s) {
             s.regions = {Region::Neck};
             s.odi = {{"lifting", 2}};
         },
         "odi and regions: an ODI"},
        {[](Screening& s) {
             s.regions = {Region::LowBack};
             s.ndi = {{"headaches", 1}};
         },
         "ndi and regions: an NDI"},
    };
    for (const auto& [make, text] : cases) {
        Screening s = consistent();
        make(s);
        EXPECT_TRUE(checks().refuseContradictions(s, "x").ok()) << text;
        const auto w = checks().warnings(s);
        ASSERT_EQ(w.size(), 1U) << text;
        EXPECT_EQ(w[0].text("en").rfind(text, 0), 0U) << w[0].text("en");
        EXPECT_FALSE(w[0].text("es").empty());
        EXPECT_NE(w[0].text("es"), w[0].text("en"));
    }
    Screening adult = consistent();
    adult.age = 16;
    adult.regions = {Region::LowBack, Region::Neck};
    adult.odi = {{"lifting", 2}};
    adult.ndi = {{"headaches", 1}};
    EXPECT_TRUE(checks().warnings(adult).empty());
    adult.age = 100;
    EXPECT_TRUE(checks().warnings(adult).empty());
}

TEST(ScreeningChecks, BrokenChecksFileIsRefusedAtLoad) {
    const std::vector<std::pair<std::function<void(json&)>, std::string>> cases = {
        {[](json& j) { j["checks"][0]["message"].erase("es"); }, "/checks/0/message/es: missing"},
        {[](json& j) { j["checks"][0]["fields"] = {"sex"}; },
         "/checks/0/fields: expected the two or more fields"},
        {[](json& j) {
             j["checks"][0]["fields"] = {"gender", "findings"};
         },
         "/checks/0/fields/0: expected one of age"},
        {[](json& j) {
             j["checks"][1]["when"] = {{"pain_above", {"best", "middle"}}};
         },
         "/checks/1/when/pain_above/1: expected one of now, best, worst"},
        {[](json& j) {
             j["checks"][0]["when"]["all"][1] = {{"sex", "man"}};
         },
         "/checks/0/when/all/1/sex: expected one of unspecified"},
        {[](json& j) {
             j["checks"][7]["when"]["all"][1]["not"] = {{"region", "head"}};
         },
         "/checks/7/when/all/1/not/region: expected one of neck"},
        {[](json& j) { j["checks"][1]["effect"] = "block"; },
         "/checks/1/effect: expected one of refuse, warn"},
        {[](json& j) { j["checks"][1]["id"] = j["checks"][0]["id"]; },
         "/checks/1/id: check id \"pregnancy_with_male_sex\" is used twice"},
    };
    for (const auto& [mutate, expected] : cases) {
        test::TempDir dir;
        auto [target, r] = test::loadRulesEdited(dir, "screening_checks.json", mutate);
        ASSERT_FALSE(r.ok()) << expected;
        EXPECT_NE(r.error().message.find(target.string() + ": " + expected), std::string::npos)
            << r.error().message;
    }
}

} // namespace
} // namespace hepdesk
