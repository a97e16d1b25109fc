// Backup::writeServerIfDue: the real pg_dump against the PostgreSQL 15 test cluster, with the
// daily rotation of database files.

#include "../pg/PgTestServer.h"
#include "TestSupport.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/Backup.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/PgSchema.h"

#include <chrono>
#include <gtest/gtest.h>

namespace hepdesk::db {
namespace {

using namespace std::chrono_literals;
using testing::ScratchDatabase;

TEST(PgBackup, OnePgDumpADayKeepingTheNewestN) {
    HEPDESK_REQUIRE_PG();
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    {
        auto c = PgConnection::connect(scratch.conninfo());
        ASSERT_TRUE(c);
        ASSERT_TRUE(pgMigrate(*c));
    }
    test::TempDir dir;
    const auto folder = dir / "backups";
    FixedClock clock(std::chrono::sys_days{std::chrono::year{2026} / 12 / 1} + 2h);
    std::vector<std::filesystem::path> made;
    for (int day = 0; day < 4; ++day) {
        auto first = Backup::writeServerIfDue(scratch.conninfo(), folder, 2, clock);
        ASSERT_TRUE(first) << first.error().message;
        ASSERT_TRUE(first->has_value());
        made.push_back(**first);
        // A second run the same day writes nothing.
        clock.set(clock.now() + 3h);
        auto again = Backup::writeServerIfDue(scratch.conninfo(), folder, 2, clock);
        ASSERT_TRUE(again) << again.error().message;
        EXPECT_FALSE(again->has_value());
        clock.set(clock.now() + 21h);
    }
    EXPECT_EQ(made.front().filename(), "hepdesk-2026-12-01T020000Z.dump");
    auto kept = Backup::listServer(folder);
    ASSERT_TRUE(kept);
    EXPECT_EQ(*kept, (std::vector<std::filesystem::path>{made[2], made[3]}));
    EXPECT_EQ(test::readFile(made[3]).substr(0, 5), "PGDMP");
    // File backups in the same folder are another shape: neither rotation sees the other's.
    auto files = Backup::list(folder);
    ASSERT_TRUE(files);
    EXPECT_TRUE(files->empty());
    EXPECT_EQ(Backup::writeServerIfDue(scratch.conninfo(), folder, 0, clock).error().kind,
              Error::Kind::InvalidInput);
}

} // namespace
} // namespace hepdesk::db
