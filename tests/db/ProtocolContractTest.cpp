// Saved protocols, one contract on each backend (a SQLite file, a database on the PostgreSQL
// 15 test cluster): a clinic's protocols behave the same wherever they are kept.

#include "EachBackend.h"
#include "hepdesk/core/Clock.h"

#include <gtest/gtest.h>

namespace hepdesk::db {
namespace {

using std::chrono::hours;

class ProtocolContract : public testing::EachBackend {
protected:
    void SetUp() override {
        Clock::install(&clock_);
        EachBackend::SetUp();
    }
    void TearDown() override { Clock::install(nullptr); }
    ProtocolRepository& repo() { return store().protocols(); }
    FixedClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1767225600))};
};
HEPDESK_ON_EACH_BACKEND(ProtocolContract);

Protocol neck() {
    Protocol p;
    p.name = "Neck, office";
    p.program.items = {{"chin_tuck", {2, 10, 3, 3, false}, "Sit tall first"},
                       {"shoulder_blade_squeeze", {1, 12, 5, 2, false}, ""},
                       {"neck_side_bend_stretch", {1, 0, 30, 2, true}, "Gently — no bouncing"}};
    return p;
}

TEST_P(ProtocolContract, SavesExercisesDosageAndNotesInOrderAndFindsNamesIgnoringCase) {
    ASSERT_TRUE(repo().save(neck(), false));
    auto got = repo().get("Neck, office");
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_EQ(got->name, "Neck, office");
    EXPECT_EQ(got->program, neck().program);
    EXPECT_FALSE(got->shipped);
    EXPECT_EQ(got->createdAt, "2026-01-01T00:00:00Z");
    EXPECT_EQ(got->updatedAt, got->createdAt);
    EXPECT_TRUE(repo().get("neck, OFFICE"));
    auto missing = repo().get("Knee");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(missing.error().message, "no saved protocol named \"Knee\"");
}

// Issue 12 item 4 (schema 12): a saved program keeps a walk in minutes, a hold over 10
// minutes, days a week and weeks as they were typed.
TEST_P(ProtocolContract, KeepsDosageAsTypedMinutesLongHoldsDaysAWeekAndWeeks) {
    Protocol p;
    p.name = "Walking, building up";
    p.program.items = {{"short_walk", {1, 0, 10 * 60, 2, false, HoldUnit::Minutes, 5, 6}, ""},
                       {"hook_lying_rest", {1, 0, 900, 1, false}, "as long as it is easy"},
                       {"belly_breathing", {1, 0, 3600, 1, false, HoldUnit::Minutes, 3, 0}, ""}};
    ASSERT_TRUE(repo().save(p, false));
    auto back = repo().get("walking, building up");
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->program, p.program);
    auto all = repo().list();
    ASSERT_TRUE(all) << all.error().message;
    ASSERT_EQ(all->size(), 1U);
    EXPECT_EQ(all->front().program, p.program);
}

TEST_P(ProtocolContract, ANameIsUniqueIgnoringCaseAndReplacingIsExplicit) {
    ASSERT_TRUE(repo().save(neck(), false));
    Protocol other = neck();
    other.name = "NECK, OFFICE";
    other.program.items.pop_back();
    auto dup = repo().save(other, false);
    ASSERT_FALSE(dup);
    EXPECT_EQ(dup.error().kind, Error::Kind::Refused);
    EXPECT_EQ(dup.error().message, "a protocol named \"NECK, OFFICE\" is already saved: choose "
                                   "another name or replace it");
    EXPECT_EQ(repo().get("Neck, office")->program.items.size(), 3U) << "unchanged";

    clock_.set(clock_.now() + hours(5));
    ASSERT_TRUE(repo().save(other, true));
    auto got = repo().get("neck, office");
    ASSERT_TRUE(got);
    EXPECT_EQ(got->name, "NECK, OFFICE");
    EXPECT_EQ(got->program, other.program);
    EXPECT_EQ(got->createdAt, "2026-01-01T00:00:00Z");
    EXPECT_EQ(got->updatedAt, "2026-01-01T05:00:00Z");
    EXPECT_EQ(repo().list()->size(), 1U);
}

TEST_P(ProtocolContract, OnlyAsciiLettersFoldAsInSqliteNocase) {
    Protocol a = neck();
    a.name = "Rodilla, ÉTAPA 1";
    ASSERT_TRUE(repo().save(a, false));
    Protocol b = neck();
    b.name = "rodilla, étapa 1"; // é is not É to SQLite's NOCASE: another name
    ASSERT_TRUE(repo().save(b, false));
    EXPECT_EQ(repo().get("RODILLA, ÉTAPA 1")->name, "Rodilla, ÉTAPA 1");
    EXPECT_EQ(repo().list()->size(), 2U);
}

TEST_P(ProtocolContract, RenameRemoveAndListInNameOrderIgnoringCase) {
    ASSERT_TRUE(repo().save(neck(), false));
    Protocol back;
    back.name = "back";
    back.program.items = {{"cat_cow", {1, 10, 0, 2, false}, ""}};
    ASSERT_TRUE(repo().save(back, false));
    Protocol ankle = back;
    ankle.name = "Ankle";
    ASSERT_TRUE(repo().save(ankle, false));

    auto taken = repo().rename("back", "neck, office");
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().kind, Error::Kind::Refused);
    auto absent = repo().rename("Shoulder", "Shoulder 2");
    ASSERT_FALSE(absent);
    EXPECT_EQ(absent.error().kind, Error::Kind::NotFound);
    ASSERT_TRUE(repo().rename("back", "back, first week"));
    EXPECT_EQ(repo().get("back").error().kind, Error::Kind::NotFound);
    EXPECT_EQ(repo().get("Back, First Week")->program, back.program);
    // A change of case only is a rename too.
    ASSERT_TRUE(repo().rename("neck, office", "Neck, Office"));

    auto all = repo().list();
    ASSERT_TRUE(all) << all.error().message;
    std::vector<std::string> names;
    for (const Protocol& p : *all) {
        names.push_back(p.name);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"Ankle", "back, first week", "Neck, Office"}));
    EXPECT_EQ(all->back().program, neck().program);

    ASSERT_TRUE(repo().remove("BACK, first week"));
    auto again = repo().remove("back, first week");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(repo().list()->size(), 2U);
    // Its name is free again, its exercises gone with it.
    Protocol reuse = neck();
    reuse.name = "Back, first week";
    ASSERT_TRUE(repo().save(reuse, false));
    EXPECT_EQ(repo().get("back, first week")->program, neck().program);
}

TEST_P(ProtocolContract, BadShapesAreRefusedBeforeStoring) {
    Protocol p = neck();
    p.name = "  ";
    EXPECT_EQ(repo().save(p, false).error().kind, Error::Kind::InvalidInput);
    p.name = "two\nlines";
    EXPECT_FALSE(repo().save(p, false));
    p.name = std::string(101, 'n');
    EXPECT_FALSE(repo().save(p, false));
    p = neck();
    p.program.items.push_back(p.program.items[0]);
    EXPECT_NE(repo().save(p, false).error().message.find("listed twice"), std::string::npos);
    p = neck();
    p.program.items[1].dosage.sets = 0;
    EXPECT_FALSE(repo().save(p, false));
    p = neck();
    p.program.items.clear();
    EXPECT_FALSE(repo().save(p, false));
    p = neck();
    p.program.items[0].note = std::string("bad \xff byte");
    EXPECT_FALSE(repo().save(p, false));
    EXPECT_TRUE(repo().list()->empty());
    ASSERT_TRUE(repo().save(neck(), false));
    EXPECT_FALSE(repo().rename("Neck, office", ""));
    EXPECT_FALSE(repo().rename("Neck, office", std::string(101, 'n')));
    EXPECT_EQ(repo().get("Neck, office")->name, "Neck, office");
}

TEST_P(ProtocolContract, EveryChangeIsInTheAuditLog) {
    store().setActor("Ana Ruiz");
    ASSERT_TRUE(repo().save(neck(), false));
    ASSERT_TRUE(repo().save(neck(), true));
    ASSERT_TRUE(repo().rename("Neck, office", "Neck"));
    ASSERT_TRUE(repo().remove("Neck"));
    auto log = store().audit().list({"protocol", "", 10});
    ASSERT_TRUE(log) << log.error().message;
    std::vector<std::string> seen;
    for (const AuditEntry& e : *log) {
        seen.push_back(e.action + " " + e.detail);
        EXPECT_EQ(e.actor, actorFor("Ana Ruiz"));
    }
    EXPECT_EQ(seen, (std::vector<std::string>{
                        "protocol.remove Neck", "protocol.rename Neck, office -> Neck",
                        "protocol.replace Neck, office", "protocol.save Neck, office"}));
}

} // namespace
} // namespace hepdesk::db
