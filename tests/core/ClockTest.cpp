#include "hepdesk/core/Clock.h"

#include "ScopedTimeZone.h"
#include "hepdesk/core/Version.h"

#include <gtest/gtest.h>

namespace hepdesk {
namespace {

TEST(Clock, FixedClockDrivesIsoDates) {
    using namespace std::chrono;
    const FixedClock fixed(sys_days{year{2026} / 11 / 22} + hours{9} + minutes{5});
    Clock::install(&fixed);
    EXPECT_EQ(isoDate(Clock::current().now()), "2026-11-22");
    EXPECT_EQ(isoDateTime(Clock::current().now()), "2026-11-22T09:05:00Z");
    Clock::install(nullptr);
    EXPECT_NE(isoDate(Clock::current().now()), "");
}

TEST(Clock, AStoredMomentReadsInThisComputersTimeZone) {
    {
        const test::ScopedTimeZone india("IST-5:30"); // UTC+05:30
        EXPECT_EQ(localDateTimeText("2026-03-04T10:15:00Z"), "2026-03-04 15:45");
        EXPECT_EQ(localDateTimeText("2026-12-31T20:00:00Z"), "2027-01-01 01:30");
    }
    {
        const test::ScopedTimeZone newYork(
            "EST5EDT,M3.2.0,M11.1.0"); // daylight saving from March 8
        EXPECT_EQ(localDateTimeText("2026-03-04T10:15:00Z"), "2026-03-04 05:15");
        EXPECT_EQ(localDateTimeText("2026-07-01T10:15:00Z"), "2026-07-01 06:15");
    }
    // Not a stored moment: shown as it is.
    EXPECT_EQ(localDateTimeText("2026-03-04"), "2026-03-04");
    EXPECT_EQ(localDateTimeText("2026-02-31T10:15:00Z"), "2026-02-31T10:15:00Z");
    EXPECT_EQ(localDateTimeText("yesterday"), "yesterday");
}

TEST(Version, IsSemantic) {
    const std::string v = kVersion;
    EXPECT_EQ(std::count(v.begin(), v.end(), '.'), 2) << v;
}

} // namespace
} // namespace hepdesk
