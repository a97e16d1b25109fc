#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace hepdesk {

/// The one source of time: production uses the system clock, tests set a fixed instant.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual std::chrono::system_clock::time_point now() const = 0;

    /// The process-wide clock (system time unless a test installed another).
    static const Clock& current();
    /// Installs `clock` as the process-wide clock; nullptr restores the system clock.
    static void install(const Clock* clock);
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] std::chrono::system_clock::time_point now() const override {
        return std::chrono::system_clock::now();
    }
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(std::chrono::system_clock::time_point t) : t_(t) {}
    [[nodiscard]] std::chrono::system_clock::time_point now() const override { return t_; }
    void set(std::chrono::system_clock::time_point t) { t_ = t; }

private:
    std::chrono::system_clock::time_point t_;
};

/// Whether `s` is "YYYY-MM-DD" naming a day that exists (2024-02-29 yes, 2026-02-31 no), in the
/// years 1850 to 9999.
bool isCalendarDate(std::string_view s);

/// "YYYY-MM-DD" in UTC.
std::string isoDate(std::chrono::system_clock::time_point t);
/// "YYYY-MM-DDTHH:MM:SSZ" in UTC.
std::string isoDateTime(std::chrono::system_clock::time_point t);
/// A stored moment "YYYY-MM-DDTHH:MM:SSZ" (UTC) as this computer's local "YYYY-MM-DD HH:MM"
/// (its time zone, TZ, daylight saving included): what a person at this workstation reads on
/// their clock. Text that is not such a moment comes back as is. The app shows moments in its
/// locale's format instead (app/gui/DateText.h); this is for the command line.
std::string localDateTimeText(std::string_view isoUtc);

} // namespace hepdesk
