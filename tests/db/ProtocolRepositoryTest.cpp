#include "hepdesk/db/ProtocolRepository.h"

#include "TestSupport.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/Database.h"

#include <gtest/gtest.h>

namespace hepdesk::db {
namespace {

using std::chrono::hours;

Protocol neck() {
    Protocol p;
    p.name = "Neck, office";
    p.program.items = {{"chin_tuck", {2, 10, 3, 3, false}, "Sit tall first"},
                       {"shoulder_blade_squeeze", {1, 12, 5, 2, false}, ""},
                       {"neck_side_bend_stretch", {1, 0, 30, 2, true}, "Gently — no bouncing"}};
    return p;
}

class ProtocolRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        Clock::install(&clock_);
        auto d = Database::open(dir_ / "protocols.sqlite");
        ASSERT_TRUE(d.ok()) << d.error().message;
        db_.emplace(std::move(*d));
    }
    void TearDown() override { Clock::install(nullptr); }
    FixedClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1767225600))};
    test::TempDir dir_;
    std::optional<Database> db_;
};

TEST_F(ProtocolRepositoryTest, SavesExercisesDosageAndNotesInOrderAndSurvivesReopening) {
    {
        SqliteProtocolRepository repo(*db_);
        ASSERT_TRUE(repo.save(neck(), false).ok());
    }
    db_.reset();
    auto d = Database::open(dir_ / "protocols.sqlite");
    ASSERT_TRUE(d.ok());
    SqliteProtocolRepository repo(*d);
    auto got = repo.get("Neck, office");
    ASSERT_TRUE(got.ok()) << got.error().message;
    EXPECT_EQ(got->program, neck().program);
    EXPECT_FALSE(got->shipped);
    EXPECT_EQ(got->createdAt, "2026-01-01T00:00:00Z");
    EXPECT_EQ(got->updatedAt, got->createdAt);
    // Names are found ignoring case.
    EXPECT_TRUE(repo.get("neck, OFFICE").ok());
}

TEST_F(ProtocolRepositoryTest, ANameIsUniqueIgnoringCaseAndReplacingIsExplicit) {
    SqliteProtocolRepository repo(*db_);
    ASSERT_TRUE(repo.save(neck(), false).ok());
    Protocol other = neck();
    other.name = "NECK, OFFICE";
    other.program.items.pop_back();
    auto dup = repo.save(other, false);
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().kind, Error::Kind::Refused);
    EXPECT_NE(dup.error().message.find("already saved"), std::string::npos);
    EXPECT_EQ(repo.get("Neck, office")->program.items.size(), 3U) << "unchanged";

    clock_.set(clock_.now() + hours(5));
    ASSERT_TRUE(repo.save(other, true).ok());
    auto got = repo.get("neck, office");
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->name, "NECK, OFFICE");
    EXPECT_EQ(got->program.items.size(), 2U);
    EXPECT_EQ(got->createdAt, "2026-01-01T00:00:00Z");
    EXPECT_EQ(got->updatedAt, "2026-01-01T05:00:00Z");
    EXPECT_EQ(repo.list()->size(), 1U);
}

TEST_F(ProtocolRepositoryTest, RenameAndRemove) {
    SqliteProtocolRepository repo(*db_);
    ASSERT_TRUE(repo.save(neck(), false).ok());
    Protocol back = neck();
    back.name = "Back";
    back.program.items = {{"cat_cow", {1, 10, 0, 2, false}, ""}};
    ASSERT_TRUE(repo.save(back, false).ok());

    auto taken = repo.rename("Back", "neck, office");
    ASSERT_FALSE(taken.ok());
    EXPECT_EQ(taken.error().kind, Error::Kind::Refused);
    ASSERT_TRUE(repo.rename("Back", "Back, first week").ok());
    EXPECT_EQ(repo.get("Back").error().kind, Error::Kind::NotFound);
    EXPECT_EQ(repo.get("Back, first week")->program, back.program);
    // A change of case only is a rename too.
    ASSERT_TRUE(repo.rename("neck, office", "Neck, Office").ok());

    auto all = repo.list();
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 2U);
    EXPECT_EQ((*all)[0].name, "Back, first week");
    EXPECT_EQ((*all)[1].name, "Neck, Office");
    EXPECT_EQ((*all)[1].program, neck().program);

    ASSERT_TRUE(repo.remove("back, first week").ok());
    EXPECT_EQ(repo.remove("back, first week").error().kind, Error::Kind::NotFound);
    EXPECT_EQ(repo.list()->size(), 1U);
    // The exercises went with it.
    EXPECT_EQ(*db_->connection().queryInt("SELECT count(*) FROM protocol_exercise"), 3);
}

TEST_F(ProtocolRepositoryTest, BadShapesAreRefusedBeforeStoring) {
    SqliteProtocolRepository repo(*db_);
    Protocol p = neck();
    p.name = "  ";
    EXPECT_FALSE(repo.save(p, false).ok());
    p.name = "two\nlines";
    EXPECT_FALSE(repo.save(p, false).ok());
    p.name = std::string(101, 'n');
    EXPECT_FALSE(repo.save(p, false).ok());
    p = neck();
    p.program.items.push_back(p.program.items[0]);
    EXPECT_NE(repo.save(p, false).error().message.find("listed twice"), std::string::npos);
    p = neck();
    p.program.items[1].dosage.sets = 0;
    EXPECT_FALSE(repo.save(p, false).ok());
    p = neck();
    p.program.items.clear();
    EXPECT_FALSE(repo.save(p, false).ok());
    p = neck();
    p.program.items[0].note = std::string("bad \xff byte");
    EXPECT_FALSE(repo.save(p, false).ok());
    EXPECT_TRUE(repo.list()->empty());
    EXPECT_FALSE(repo.rename("x", "").ok());
}

TEST_F(ProtocolRepositoryTest, EveryChangeIsInTheAuditLog) {
    SqliteProtocolRepository repo(*db_);
    ASSERT_TRUE(repo.save(neck(), false).ok());
    ASSERT_TRUE(repo.rename("Neck, office", "Neck").ok());
    ASSERT_TRUE(repo.remove("Neck").ok());
    EXPECT_EQ(*db_->connection().queryInt(
                  "SELECT count(*) FROM audit_log WHERE action IN ('protocol.save', "
                  "'protocol.rename', 'protocol.remove')"),
              3);
}

} // namespace
} // namespace hepdesk::db
