#pragma once

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

namespace hepdesk::test {

/// This process's time zone set to `tz`, a POSIX TZ string such as "IST-5:30" (UTC+05:30; no
/// time zone database needed), until the end of the scope: the time a person at a computer
/// in that zone reads on their clock.
class ScopedTimeZone {
public:
    explicit ScopedTimeZone(const char* tz) {
        if (const char* was = std::getenv("TZ")) {
            was_ = was;
        }
        ::setenv("TZ", tz, 1);
        ::tzset();
    }
    ~ScopedTimeZone() {
        if (was_) {
            ::setenv("TZ", was_->c_str(), 1);
        } else {
            ::unsetenv("TZ");
        }
        ::tzset();
    }
    ScopedTimeZone(const ScopedTimeZone&) = delete;
    ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;

private:
    std::optional<std::string> was_;
};

} // namespace hepdesk::test
