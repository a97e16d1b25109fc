#include "ClinicalFixture.h"
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/OutcomeScoring.h"
#include "hepdesk/core/Screening.h"
#include "hepdesk/core/Session.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hepdesk {
namespace {

using nlohmann::json;

std::vector<PsfsActivity> rated(std::initializer_list<std::optional<int>> ratings) {
    std::vector<PsfsActivity> out;
    int i = 0;
    for (auto r : ratings) {
        out.push_back({"activity " + std::to_string(++i), r});
    }
    return out;
}

TEST(Psfs, ScoreIsTheMeanOfTheRatedActivitiesOnly) {
    EXPECT_FALSE(scorePsfs({}).has_value());
    EXPECT_FALSE(scorePsfs(rated({std::nullopt, std::nullopt})).has_value());

    auto one = scorePsfs(rated({0}));
    ASSERT_TRUE(one);
    EXPECT_DOUBLE_EQ(one->mean, 0.0);
    EXPECT_EQ(one->rated, 1);

    auto three = scorePsfs(rated({4, std::nullopt, 7, 10}));
    ASSERT_TRUE(three);
    EXPECT_DOUBLE_EQ(three->mean, 7.0); // (4 + 7 + 10) / 3; the unrated one is left out
    EXPECT_EQ(three->rated, 3);
    EXPECT_EQ(three->activities, 4);

    auto five = scorePsfs(rated({10, 10, 10, 10, 10}));
    ASSERT_TRUE(five);
    EXPECT_DOUBLE_EQ(five->mean, 10.0);
    auto third = scorePsfs(rated({1, 0, 0}));
    EXPECT_NEAR(third->mean, 1.0 / 3.0, 1e-12);
}

TEST(Psfs, ImportantChangeIsTwoForTheMeanAndThreeForOneActivity) {
    EXPECT_EQ(psfsMeanChange(3.0, 5.0), ScoreChange::Better);
    EXPECT_EQ(psfsMeanChange(4.6, 6.6), ScoreChange::Better); // 2.0 despite rounding
    EXPECT_EQ(psfsMeanChange(3.0, 4.8), ScoreChange::NoImportantChange);
    EXPECT_EQ(psfsMeanChange(5.0, 3.2), ScoreChange::NoImportantChange);
    EXPECT_EQ(psfsMeanChange(5.0, 3.0), ScoreChange::Worse);
    EXPECT_EQ(psfsMeanChange(7.0, 7.0), ScoreChange::NoImportantChange);

    EXPECT_EQ(psfsActivityChange(2, 5), ScoreChange::Better);
    EXPECT_EQ(psfsActivityChange(2, 4), ScoreChange::NoImportantChange);
    EXPECT_EQ(psfsActivityChange(6, 4), ScoreChange::NoImportantChange);
    EXPECT_EQ(psfsActivityChange(6, 3), ScoreChange::Worse);
    EXPECT_EQ(psfsActivityChange(0, 10), ScoreChange::Better);
    EXPECT_EQ(toId(ScoreChange::NoImportantChange), "no_important_change");
}

TEST(Psfs, JsonRoundTripsActivitiesRatingsAndAdherence) {
    const json in = json::parse(R"({
        "psfs": [{"activity": "  Lifting my grandson ", "rating": 3},
                 {"activity": "Sleeping on my side", "rating": null},
                 {"activity": "Caminar al mercado"}],
        "adherence": [{"exercise": "cat_cow", "days_done": 14},
                      {"exercise": "bird_dog", "days_done": 0},
                      {"exercise": "chin_tuck", "days_done": "not_asked"}]})");
    auto s = screeningFromJson(in, "visit.json");
    ASSERT_TRUE(s.ok()) << s.error().message;
    ASSERT_EQ(s->psfs.size(), 3U);
    EXPECT_EQ(s->psfs[0], (PsfsActivity{"Lifting my grandson", 3})); // trimmed
    EXPECT_FALSE(s->psfs[1].rating);
    EXPECT_FALSE(s->psfs[2].rating);
    ASSERT_EQ(s->adherence.size(), 3U);
    EXPECT_EQ(s->adherence[0].daysDone, 14);
    EXPECT_EQ(s->adherence[1].daysDone, 0); // 0 days done is not "not asked"
    EXPECT_FALSE(s->adherence[2].daysDone);
    EXPECT_TRUE(isScreeningRecorded(*s));

    const json out = toJson(*s);
    EXPECT_EQ(out["adherence"][2]["days_done"], "not_asked");
    EXPECT_TRUE(out["psfs"][1]["rating"].is_null());
    auto again = screeningFromJson(out, "again");
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(*again, *s);
}

TEST(Psfs, ActivitiesWithoutRatingsAreNotARecordedScreening) {
    Screening s;
    s.psfs = rated({std::nullopt, std::nullopt});
    s.adherence = {{"cat_cow", std::nullopt}};
    EXPECT_FALSE(isScreeningRecorded(s));
    s.psfs[1].rating = 0;
    EXPECT_TRUE(isScreeningRecorded(s));
}

struct BadCase {
    const char* doc;
    const char* expectedInMessage;
};
class PsfsJsonBad : public ::testing::TestWithParam<BadCase> {};

TEST_P(PsfsJsonBad, NamesFieldAndValue) {
    auto s = screeningFromJson(json::parse(GetParam().doc), "visit.json");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(s.error().message.find("visit.json"), std::string::npos) << s.error().message;
    EXPECT_NE(s.error().message.find(GetParam().expectedInMessage), std::string::npos)
        << s.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PsfsJsonBad,
    ::testing::Values(
        BadCase{R"({"psfs": [{"activity": "walk", "rating": 11}]})",
                "/psfs/0/rating: expected a whole number from 0 to 10, got 11"},
        BadCase{R"({"psfs": [{"activity": "walk", "rating": -1}]})", "/psfs/0/rating"},
        BadCase{R"({"psfs": [{"activity": "walk", "rating": 2.5}]})", "got 2.5"},
        BadCase{R"({"psfs": [{"activity": "   ", "rating": 2}]})", "/psfs/0/activity"},
        BadCase{R"({"psfs": [{"rating": 2}]})", "/psfs/0/activity: missing"},
        BadCase{R"({"psfs": [{"activity": "a"}, {"activity": "a"}]})",
                "/psfs/1/activity: activity \"a\" is listed twice"},
        BadCase{R"({"psfs": [{"activity": "a", "score": 3}]})", "/psfs/0/score: unknown field"},
        BadCase{R"({"psfs": [{"activity": "a"}, {"activity": "b"}, {"activity": "c"},
                             {"activity": "d"}, {"activity": "e"}, {"activity": "f"}]})",
                "/psfs: expected at most 5 activities, got 6"},
        BadCase{R"({"psfs": {"activity": "a"}})", "/psfs: expected an array"},
        BadCase{R"({"adherence": [{"exercise": "cat_cow", "days_done": 15}]})",
                "/adherence/0/days_done: expected a whole number from 0 to 14, got 15"},
        BadCase{R"({"adherence": [{"exercise": "cat_cow", "days_done": "never"}]})",
                "or \"not_asked\", got \"never\""},
        BadCase{R"({"adherence": [{"exercise": "cat_cow"}]})", "/adherence/0/days_done: missing"},
        BadCase{R"({"adherence": [{"days_done": 3}]})", "/adherence/0/exercise: missing"},
        BadCase{R"({"adherence": [{"exercise": "cat_cow", "days_done": 1},
                                  {"exercise": "cat_cow", "days_done": 2}]})",
                "exercise \"cat_cow\" is listed twice"}));

TEST(Psfs, AssessScoresItAndTheSessionCarriesTheMean) {
    const auto& sh = test::Shipped::get();
    Screening s;
    s.regions = {Region::Neck};
    s.psfs = rated({2, 5, std::nullopt});
    auto a = assess(s, sh.rules, sh.catalog, "test");
    ASSERT_TRUE(a.ok()) << a.error().message;
    ASSERT_TRUE(a->scores.psfs);
    EXPECT_DOUBLE_EQ(a->scores.psfs->mean, 3.5);
    const json j = toJson(*a);
    EXPECT_EQ(j["scores"]["psfs"]["mean"], 3.5);
    EXPECT_EQ(j["scores"]["psfs"]["rated"], 2);
    auto back = assessmentFromJson(j, "snapshot");
    ASSERT_TRUE(back.ok()) << back.error().message;
    ASSERT_TRUE(back->scores.psfs);
    EXPECT_DOUBLE_EQ(back->scores.psfs->mean, 3.5);

    const SessionScores sc = sessionScores(s, a->scores);
    EXPECT_EQ(sc.psfsMean, 3.5);
    EXPECT_EQ(toJson(sc)["psfs_mean"], 3.5);
}

} // namespace
} // namespace hepdesk
