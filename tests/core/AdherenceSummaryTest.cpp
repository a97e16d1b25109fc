#include "hepdesk/core/AdherenceSummary.h"

#include <gtest/gtest.h>

namespace hepdesk {
namespace {

TEST(AdherenceSummary, DaysDoneOverDaysAskedLeavingOutNotAsked) {
    const AdherenceSummary s = summarizeAdherence(
        {{"bird_dog", 10}, {"cat_cow", std::nullopt}, {"bridge", 14}, {"plank", 0}});
    EXPECT_EQ(s.exercisesAsked, 3);
    EXPECT_EQ(s.exercisesNotAsked, 1);
    EXPECT_EQ(s.daysDone, 24);
    EXPECT_EQ(s.daysAsked, 3 * kAdherenceDays);
    ASSERT_TRUE(s.percent);
    EXPECT_NEAR(*s.percent, 100.0 * 24 / 42, 1e-9);
}

TEST(AdherenceSummary, NothingAskedHasNoPercentNotZero) {
    const AdherenceSummary none = summarizeAdherence({});
    EXPECT_EQ(none.exercisesAsked, 0);
    EXPECT_FALSE(none.percent);

    const AdherenceSummary notAsked = summarizeAdherence({{"bird_dog", std::nullopt}});
    EXPECT_EQ(notAsked.exercisesNotAsked, 1);
    EXPECT_FALSE(notAsked.percent) << "'not asked' must never read as 0 %";

    const AdherenceSummary zero = summarizeAdherence({{"bird_dog", 0}});
    ASSERT_TRUE(zero.percent);
    EXPECT_DOUBLE_EQ(*zero.percent, 0.0);
}

} // namespace
} // namespace hepdesk
