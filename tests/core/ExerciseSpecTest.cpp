#include "hepdesk/core/ExerciseSpec.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

// The one `ID[:SETSxREPS][:HOLDs]` grammar every command uses (issue 13).
namespace hepdesk {
namespace {

class ExerciseSpec : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto c = Catalog::loadDir(test::templatesDir() / "catalog");
        ASSERT_TRUE(c.ok()) << c.error().message;
        catalog_ = new Catalog(std::move(*c));
    }
    static void TearDownTestSuite() { delete catalog_; }
    static Catalog* catalog_;
};
Catalog* ExerciseSpec::catalog_ = nullptr;

TEST_F(ExerciseSpec, ModifiersApplyOnTopOfTheCatalogsDefaultInEitherOrder) {
    const Dosage base = catalog_->find("cat_cow")->defaultDosage;
    auto plain = parseExerciseSpec("cat_cow", *catalog_);
    ASSERT_TRUE(plain.ok()) << plain.error().message;
    EXPECT_EQ(plain->dosage, base);
    auto both = parseExerciseSpec("cat_cow:2x10:5s", *catalog_);
    auto swapped = parseExerciseSpec("cat_cow:5s:2x10", *catalog_);
    ASSERT_TRUE(both.ok() && swapped.ok());
    EXPECT_EQ(both->dosage.sets, 2);
    EXPECT_EQ(both->dosage.reps, 10);
    EXPECT_EQ(both->dosage.holdSeconds, 5);
    EXPECT_EQ(both->dosage.timesPerDay, base.timesPerDay);
    EXPECT_EQ(both->dosage, swapped->dosage);
    auto hold = parseExerciseSpec("chin_tuck:30s", *catalog_);
    ASSERT_TRUE(hold.ok());
    EXPECT_EQ(hold->dosage.holdSeconds, 30);
}

// Issue 12 item 4: walking "10 min" stays 10 minutes, an hour is allowed, 900 s stays 900 s.
TEST_F(ExerciseSpec, DurationsInMinutesKeepTheirUnit) {
    for (const std::string spec : {"short_walk:1x1:10m", "short_walk:1x1:10min"}) {
        auto walk = parseExerciseSpec(spec, *catalog_);
        ASSERT_TRUE(walk.ok()) << walk.error().message;
        EXPECT_EQ(walk->dosage.holdUnit, HoldUnit::Minutes) << spec;
        EXPECT_EQ(holdInUnit(walk->dosage), 10) << spec;
        EXPECT_EQ(walk->dosage.holdSeconds, 600) << spec;
    }
    auto hour = parseExerciseSpec("short_walk:60m", *catalog_);
    ASSERT_TRUE(hour.ok()) << hour.error().message;
    EXPECT_EQ(hour->dosage.holdSeconds, 3600);
    auto seconds = parseExerciseSpec("chin_tuck:900s", *catalog_);
    ASSERT_TRUE(seconds.ok()) << seconds.error().message;
    EXPECT_EQ(seconds->dosage.holdSeconds, 900);
    EXPECT_EQ(seconds->dosage.holdUnit, HoldUnit::Seconds);
}

TEST_F(ExerciseSpec, MistakesAndOutOfLimitDosesNameTheValueAndTheField) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"cat_cow:2y10", "'2y10'"},
        {"cat_cow:0x10", "sets must be 1 to 10"},
        {"cat_cow:11x10", "sets must be 1 to 10"},
        {"cat_cow:2x101", "reps must be 0 to 100"},
        {"cat_cow:2x10:3601s", "hold seconds must be 0 to 3600"},
        {"short_walk:1x1:61m", "hold minutes must be 0 to 60, got 61"},
        {"short_walk:1x1:99999999999m", "'99999999999m'"},
        {"short_walk:10m:5s", "twice"},
        {"short_walk:1x1:m", "'m'"},
        {"cat_cow:2x10:3x5", "twice"},
        {"cat_cow:5s:6s", "twice"},
        {"cat_cow:", "''"},
        {"moonwalk:2x10", "no exercise 'moonwalk'"},
        {"avoid_walking_on_back", "no exercise"},
    };
    for (const auto& [spec, needle] : cases) {
        auto r = parseExerciseSpec(spec, *catalog_);
        ASSERT_FALSE(r.ok()) << spec;
        EXPECT_EQ(r.error().kind, Error::Kind::InvalidInput) << spec;
        EXPECT_NE(r.error().message.find(needle), std::string::npos)
            << spec << ": " << r.error().message;
        EXPECT_NE(r.error().message.find("--exercise"), std::string::npos) << r.error().message;
    }
    EXPECT_EQ(kSetsLimit.max, 10);
    EXPECT_FALSE(validate(Dosage{kSetsLimit.max + 1, 10, 0, 1, false}, "x").ok());
    EXPECT_TRUE(validate(Dosage{kSetsLimit.max, kRepsLimit.max, kHoldSecondsLimit.max,
                                kTimesPerDayLimit.max, false},
                         "x")
                    .ok());
}

} // namespace
} // namespace hepdesk
