#include "hepdesk/core/Program.h"
#include "hepdesk/core/Screening.h"
#include "hepdesk/core/TriageLevel.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hepdesk {
namespace {

using nlohmann::json;

TEST(ScreeningJson, RoundTripsEveryField) {
    const json in = json::parse(R"({
        "date": "2026-11-22", "age": 54, "sex": "female", "regions": ["low_back", "neck"],
        "pain": {"now": 6, "best": 3, "worst": 8}, "duration_days": 21,
        "findings": ["osteoporosis", "radiating_leg"],
        "start_back": {"leg_pain": 1, "bothersomeness": 3},
        "odi": {"pain_intensity": 3}, "ndi": {}, "notes": "Zoë: «fine» 😀"})");
    auto s = screeningFromJson(in, "visit.json");
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->age, 54);
    EXPECT_EQ(s->regions, (std::vector<Region>{Region::LowBack, Region::Neck}));
    EXPECT_EQ(s->pain.worst, 8);
    EXPECT_TRUE(s->findings.contains("osteoporosis"));
    auto again = screeningFromJson(toJson(*s), "again");
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(*again, *s);
}

struct BadCase {
    const char* doc;
    const char* expectedInMessage;
};

class ScreeningJsonBad : public ::testing::TestWithParam<BadCase> {};

TEST_P(ScreeningJsonBad, NamesFilePointerAndExpectation) {
    auto s = screeningFromJson(json::parse(GetParam().doc), "visit.json");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(s.error().message.find("visit.json"), std::string::npos) << s.error().message;
    EXPECT_NE(s.error().message.find(GetParam().expectedInMessage), std::string::npos)
        << s.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ScreeningJsonBad,
    ::testing::Values(BadCase{R"({"pain": {"now": 11}})",
                              "/pain/now: expected a whole number from 0 to 10, got 11"},
                      BadCase{R"({"age": -3})",
                              "/age: expected a whole number from 0 to 120, got -3"},
                      BadCase{R"({"date": "22/11/2026"})", "/date"},
                      BadCase{R"({"regions": ["knee"]})", "/regions/0"},
                      BadCase{R"({"regions": ["neck", "neck"]})", "listed twice"},
                      BadCase{R"({"pain": {"best": 7, "worst": 2}})", "higher than worst"},
                      BadCase{R"({"odi": {"lifting": 6}})", "/odi/lifting"},
                      BadCase{R"({"colour": "red"})", "/colour: unknown field"},
                      BadCase{R"([1, 2])", "expected a screening object"},
                      BadCase{R"({"findings": [3]})", "/findings/0"}));

TEST(ProgramJson, RoundTripsAndValidatesDosage) {
    Program p;
    p.items.push_back({"cat_cow", Dosage{2, 10, 0, 2, false}, "Slow."});
    p.items.push_back({"child_pose", Dosage{1, 0, 30, 1, true}, ""});
    auto back = programFromJson(toJson(p), "p");
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, p);
    EXPECT_FALSE(validate(Dosage{0, 10, 0, 1, false}, "x").ok());
    EXPECT_FALSE(validate(Dosage{1, 0, 0, 1, false}, "x").ok());
    EXPECT_TRUE(validate(Dosage{1, 0, 20, 1, false}, "x").ok());
}

TEST(TriageLevel, IdsRoundTripAndOrder) {
    for (auto l : {TriageLevel::Routine, TriageLevel::ReferAndMonitor, TriageLevel::UrgentReferral,
                   TriageLevel::Emergency}) {
        EXPECT_EQ(triageLevelFromId(toId(l)), l);
    }
    EXPECT_LT(TriageLevel::UrgentReferral, TriageLevel::Emergency);
    EXPECT_FALSE(handoutAllowedWithoutOverride(TriageLevel::Emergency));
    EXPECT_TRUE(handoutAllowedWithoutOverride(TriageLevel::ReferAndMonitor));
}

} // namespace
} // namespace hepdesk
