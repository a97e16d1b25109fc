#include "TestSupport.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"

#include <gtest/gtest.h>

namespace hepdesk::db {
namespace {

/// Restores the system clock however the test ends.
struct ClockGuard {
    explicit ClockGuard(const Clock& c) { Clock::install(&c); }
    ClockGuard(const ClockGuard&) = delete;
    ClockGuard& operator=(const ClockGuard&) = delete;
    ~ClockGuard() { Clock::install(nullptr); }
};

TEST(PatientDates, BirthDatesAreRealDaysAndNotInTheFutureByTheProjectClock) {
    using namespace std::chrono;
    const test::TempDir dir;
    auto db = Database::open(dir / "dates.sqlite");
    ASSERT_TRUE(db.ok()) << db.error().message;
    const FixedClock today(sys_days{year{2026} / 6 / 1} + hours{12});
    const ClockGuard guard(today);
    SqlitePatientRepository repo(*db);
    struct Case {
        const char* birthDate;
        bool accepted;
    };
    // Up to 14 hours ahead of UTC it is already the next day somewhere: 2026-06-02 is accepted.
    for (const Case& c :
         {Case{"2026-06-01", true}, Case{"2026-06-02", true}, Case{"2024-02-29", true},
          Case{"2026-06-03", false}, Case{"2999-01-01", false}, Case{"2026-02-31", false},
          Case{"2025-02-29", false}}) {
        const auto id = repo.add(Patient{0, "Pat", c.birthDate, "", "", false});
        EXPECT_EQ(id.ok(), c.accepted) << c.birthDate;
        if (!id.ok()) {
            EXPECT_EQ(id.error().kind, Error::Kind::InvalidInput);
            EXPECT_NE(id.error().message.find("date of birth"), std::string::npos);
            EXPECT_NE(id.error().message.find(c.birthDate), std::string::npos)
                << id.error().message;
        }
    }
    const auto all = repo.list({true});
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->size(), 3U) << "only the accepted ones were stored";

    // Editing a stored patient into the future is refused the same way.
    Patient p = all->front();
    p.birthDate = "2030-01-01";
    const auto edited = repo.update(p);
    ASSERT_FALSE(edited.ok());
    EXPECT_NE(edited.error().message.find("2030-01-01' is in the future"), std::string::npos);
}

} // namespace
} // namespace hepdesk::db
