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

bool isCalendarDate(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
        return false;
    }
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lens[3] = {4, 2, 2};
    for (std::size_t p = 0; p < 3; ++p) {
        for (std::size_t k = 0; k < lens[p]; ++k) {
            const char c = s[starts[p] + k];
            if (c < '0' || c > '9') {
                return false;
            }
            parts[p] = parts[p] * 10 + (c - '0');
        }
    }
    const std::chrono::year_month_day ymd{std::chrono::year{parts[0]},
                                          std::chrono::month{static_cast<unsigned>(parts[1])},
                                          std::chrono::day{static_cast<unsigned>(parts[2])}};
    return parts[0] >= 1850 && ymd.ok();
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
