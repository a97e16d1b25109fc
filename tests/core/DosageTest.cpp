#include "hepdesk/core/Program.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

// The dosage model of issue 12 item 4: a unit for the hold, days a week and weeks, with the
// named limits, kept through JSON (sessions, the signed snapshot, clinic exercises).
namespace hepdesk {
namespace {

TEST(Dosage, MinutesDaysAndWeeksSurviveJson) {
    const Dosage walk{1, 0, 45 * 60, 2, false, HoldUnit::Minutes, 5, 8};
    const nlohmann::json j = toJson(walk);
    EXPECT_EQ(j.at("hold_minutes"), 45);
    EXPECT_FALSE(j.contains("hold_seconds"));
    EXPECT_EQ(j.at("days_per_week"), 5);
    EXPECT_EQ(j.at("weeks"), 8);
    auto back = dosageFromJson(j, "test", "");
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, walk);
}

TEST(Dosage, DefaultsSerializeAsBeforeSoSealedProgramsStayTheSame) {
    // The exact JSON a program had before minutes, days a week and weeks existed.
    EXPECT_EQ(toJson(Dosage{2, 10, 5, 2, true}).dump(),
              R"({"hold_seconds":5,"per_side":true,"reps":10,"sets":2,"times_per_day":2})");
}

TEST(Dosage, LimitsAreNamedAndRefusedWithTheValue) {
    EXPECT_TRUE(validate(Dosage{1, 0, kHoldSecondsLimit.max, 1, false}, "walk").ok());
    EXPECT_GE(kHoldSecondsLimit.max, 60 * 60); // walking up to at least an hour
    const auto message = [](const Dosage& d) {
        const Status s = validate(d, "walk");
        return s.ok() ? std::string("accepted") : s.error().message;
    };
    EXPECT_EQ(message(Dosage{1, 0, 3601, 1, false}),
              "walk: hold seconds must be 0 to 3600, got 3601");
    EXPECT_EQ(message(Dosage{1, 0, 61 * 60, 1, false, HoldUnit::Minutes}),
              "walk: hold minutes must be 0 to 60, got 61");
    EXPECT_EQ(message(Dosage{1, 0, 90, 1, false, HoldUnit::Minutes}),
              "walk: a hold in minutes must be whole minutes, got 90 seconds");
    EXPECT_EQ(message(Dosage{1, 0, 60, 1, false, HoldUnit::Seconds, 0}),
              "walk: days per week must be 1 to 7, got 0");
    EXPECT_EQ(message(Dosage{1, 0, 60, 1, false, HoldUnit::Seconds, 7, 53}),
              "walk: weeks must be 0 to 52, got 53");
}

TEST(Dosage, JsonRefusesBothHoldUnitsAndOutOfRangeValues) {
    auto both = dosageFromJson(nlohmann::json{{"hold_seconds", 5}, {"hold_minutes", 5}}, "f.json",
                               "/dosage");
    ASSERT_FALSE(both.ok());
    EXPECT_NE(both.error().message.find("not both"), std::string::npos) << both.error().message;
    auto long_ = dosageFromJson(nlohmann::json{{"hold_minutes", 90}}, "f.json", "/dosage");
    ASSERT_FALSE(long_.ok());
    EXPECT_NE(long_.error().message.find("hold minutes must be 0 to 60, got 90"), std::string::npos)
        << long_.error().message;
}

} // namespace
} // namespace hepdesk
