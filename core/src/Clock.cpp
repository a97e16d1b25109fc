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

std::string localDateTimeText(std::string_view isoUtc) {
    // Exactly "YYYY-MM-DDTHH:MM:SSZ": HepDesk writes no other form of a moment.
    const std::string_view shape = "dddd-dd-ddTdd:dd:ddZ";
    if (isoUtc.size() != shape.size()) {
        return std::string(isoUtc);
    }
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const char c = isoUtc[i];
        if (shape[i] == 'd' ? (c < '0' || c > '9') : c != shape[i]) {
            return std::string(isoUtc);
        }
    }
    auto number = [&](std::size_t at, std::size_t len) {
        int n = 0;
        for (std::size_t k = 0; k < len; ++k) {
            n = n * 10 + (isoUtc[at + k] - '0');
        }
        return n;
    };
    if (!isCalendarDate(isoUtc.substr(0, 10)) || number(11, 2) > 23 || number(14, 2) > 59 ||
        number(17, 2) > 60) {
        return std::string(isoUtc);
    }
    std::tm tm{};
    tm.tm_year = number(0, 4) - 1900;
    tm.tm_mon = number(5, 2) - 1;
    tm.tm_mday = number(8, 2);
    tm.tm_hour = number(11, 2);
    tm.tm_min = number(14, 2);
    tm.tm_sec = number(17, 2);
    const std::time_t t = timegm(&tm);
    tzset(); // the zone as the environment says now (a test, or a changed TZ)
    std::tm local{};
    if (localtime_r(&t, &local) == nullptr) {
        return std::string(isoUtc);
    }
    char buf[32];
    if (std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local) == 0) {
        return std::string(isoUtc);
    }
    return buf;
}

} // namespace hepdesk
