#include "hepdesk/core/Clock.h"

#include <atomic>
#include <ctime>

namespace hepdesk {
namespace {
const SystemClock kSystemClock;
std::atomic<const Clock*> gClock{&kSystemClock};

std::tm utc(std::chrono::system_clock::time_point t) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    return tm;
}
} // namespace

const Clock& Clock::current() {
    return *gClock.load();
}

void Clock::install(const Clock* clock) {
    gClock.store(clock != nullptr ? clock : &kSystemClock);
}

std::string isoDate(std::chrono::system_clock::time_point t) {
    const std::tm tm = utc(t);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string isoDateTime(std::chrono::system_clock::time_point t) {
    const std::tm tm = utc(t);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

} // namespace hepdesk
