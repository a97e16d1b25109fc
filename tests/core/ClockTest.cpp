#include "hepdesk/core/Clock.h"

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

TEST(Version, IsSemantic) {
    const std::string v = kVersion;
    EXPECT_EQ(std::count(v.begin(), v.end(), '.'), 2) << v;
}

} // namespace
} // namespace hepdesk
