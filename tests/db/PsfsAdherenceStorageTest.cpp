#include "DbFixtures.h"
#include "TestSupport.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"
#include "hepdesk/db/TamperCheck.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

namespace hepdesk::db {
namespace {

class PsfsAdherenceStorageTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto d = Database::open(path());
        ASSERT_TRUE(d.ok()) << d.error().message;
        db_.emplace(std::move(*d));
        SqlitePatientRepository patients(*db_);
        patientId_ = *patients.add(Patient{0, "Ann Lee", "1970-01-01", "R-1", "", false});
        SqliteClinicianRepository clinicians(*db_);
        clinicianId_ = *clinicians.add(Clinician{0, "Dr Rivera", "PT, DPT", true});
    }
    static Session withPsfs(std::int64_t patientId, int n) {
        Session s = test::sampleSession(patientId, n);
        s.screening.psfs = {{"Lifting my grandson", 3},
                            {"Dormir de lado 😴", std::nullopt},
                            {"Walking to the shop", 6}};
        s.screening.adherence = {{"cat_cow", 12}, {"bird_dog", 0}, {"chin_tuck", std::nullopt}};
        s.scores.psfsMean = 4.5;
        return s;
    }
    [[nodiscard]] std::filesystem::path path() const { return dir_ / "p.sqlite"; }
    std::int64_t count(const std::string& sql) { return *db_->connection().queryInt(sql); }

    test::TempDir dir_;
    std::optional<Database> db_;
    std::int64_t patientId_ = 0;
    std::int64_t clinicianId_ = 0;
};

TEST_F(PsfsAdherenceStorageTest, RoundTripsInTheirOwnTables) {
    SqliteSessionRepository repo(*db_);
    const Session s = withPsfs(patientId_, 1);
    auto id = repo.add(s);
    ASSERT_TRUE(id.ok()) << id.error().message;
    auto back = repo.get(*id);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->screening, s.screening);
    EXPECT_EQ(back->screening.psfs[1].rating, std::nullopt) << "unrated stays unrated";
    EXPECT_EQ(back->screening.adherence[1].daysDone, 0) << "0 days is not 'not asked'";
    EXPECT_EQ(back->screening.adherence[2].daysDone, std::nullopt);
    EXPECT_EQ(back->scores.psfsMean, 4.5);

    EXPECT_EQ(count("SELECT count(*) FROM session_psfs"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM session_adherence WHERE days_done IS NULL"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM session WHERE screening_json LIKE '%psfs%' OR "
                    "screening_json LIKE '%adherence%'"),
              0)
        << "stored once, in the tables";
}

TEST_F(PsfsAdherenceStorageTest, EditReplacesAndDeleteRemovesTheRows) {
    SqliteSessionRepository repo(*db_);
    const auto id = *repo.add(withPsfs(patientId_, 1));
    Session s = *repo.get(id);
    s.screening.psfs = {{"Reading for an hour", 8}};
    s.screening.adherence.clear();
    ASSERT_TRUE(repo.update(s).ok());
    auto back = repo.get(id);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->screening.psfs, s.screening.psfs);
    EXPECT_TRUE(back->screening.adherence.empty());
    EXPECT_EQ(back->scores.psfsMean, 8.0);
    ASSERT_TRUE(repo.remove(id).ok());
    EXPECT_EQ(count("SELECT count(*) FROM session_psfs"), 0);
}

TEST_F(PsfsAdherenceStorageTest, TrendAndHistoryCarryThePsfsMean) {
    SqliteSessionRepository repo(*db_);
    Session first = withPsfs(patientId_, 1); // 3 and 6 rated: mean 4.5
    Session second = withPsfs(patientId_, 2);
    second.screening.psfs = {
        {"Lifting my grandson", 7}, {"Dormir de lado 😴", 8}, {"Walking to the shop", 9}};
    Session none = test::sampleSession(patientId_, 3);
    for (const Session* s : {&first, &second, &none}) {
        ASSERT_TRUE(repo.add(*s).ok());
    }
    auto trend = repo.trend(patientId_);
    ASSERT_TRUE(trend.ok()) << trend.error().message;
    ASSERT_EQ(trend->size(), 3U);
    EXPECT_EQ((*trend)[0].scores.psfsMean, 4.5);
    EXPECT_EQ((*trend)[1].scores.psfsMean, 8.0);
    EXPECT_EQ((*trend)[2].scores.psfsMean, std::nullopt);
    auto history = repo.history(patientId_, {});
    ASSERT_TRUE(history.ok());
    EXPECT_EQ(history->back().scores.psfsMean, 4.5); // newest first: the oldest is last
}

TEST_F(PsfsAdherenceStorageTest, BadValuesAreRefusedWithTheFieldAndValue) {
    SqliteSessionRepository repo(*db_);
    Session s = withPsfs(patientId_, 1);
    s.screening.psfs[0].rating = 11;
    auto r = repo.add(s);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("PSFS rating must be 0 to 10, got 11"), std::string::npos)
        << r.error().message;
    s = withPsfs(patientId_, 1);
    s.screening.adherence[0].daysDone = 15;
    r = repo.add(s);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("adherence days done must be 0 to 14, got 15 ('cat_cow')"),
              std::string::npos)
        << r.error().message;
    s = withPsfs(patientId_, 1);
    s.screening.psfs.resize(6, PsfsActivity{"x", 1});
    r = repo.add(s);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("at most 5 activities, got 6"), std::string::npos);
    s = withPsfs(patientId_, 1);
    s.screening.psfs[2].activity = "Lifting my grandson";
    r = repo.add(s);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("listed twice"), std::string::npos) << r.error().message;
    EXPECT_EQ(count("SELECT count(*) FROM session"), 0);
    // The database itself refuses what the repository would.
    EXPECT_FALSE(
        db_->connection().exec("INSERT INTO session_adherence VALUES (1, 0, 'cat_cow', 15)").ok());
}

TEST_F(PsfsAdherenceStorageTest, SignedRatingsAreSealedAndCannotChange) {
    SqliteSessionRepository repo(*db_);
    const auto id = *repo.add(withPsfs(patientId_, 1));
    ASSERT_TRUE(repo.sign(id, clinicianId_).ok());
    EXPECT_FALSE(
        db_->connection().exec("UPDATE session_psfs SET rating = 9 WHERE position = 0").ok());
    EXPECT_FALSE(db_->connection().exec("DELETE FROM session_adherence").ok());
    auto clean = verifyRecords(*db_);
    ASSERT_TRUE(clean.ok());
    EXPECT_TRUE(clean->empty());

    // Someone with the sqlite3 shell drops the trigger and raises a rating: the seal names it.
    db_.reset();
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path().c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw,
                           "DROP TRIGGER session_adherence_signed_no_update; "
                           "UPDATE session_adherence SET days_done = 14 WHERE position = 1;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
    auto d = Database::open(path(), {.create = false, .migrate = false, .quickCheck = false});
    ASSERT_TRUE(d.ok());
    auto problems = verifyRecords(*d);
    ASSERT_TRUE(problems.ok());
    ASSERT_EQ(problems->size(), 1U);
    EXPECT_NE(problems->front().find("seal mismatch"), std::string::npos) << problems->front();
}

TEST_F(PsfsAdherenceStorageTest, SealCoversActivitiesAndAdherenceButNotTheirAbsence) {
    Session s = test::sampleSession(patientId_, 1);
    s.id = 7;
    // Nothing is written for a session without them, so seals made before they existed hold.
    EXPECT_FALSE(toJson(s).at("screening").contains("psfs"));
    EXPECT_FALSE(toJson(s).at("screening").contains("adherence"));
    const std::string before = *sessionSeal(s, 0);
    Session withActivity = s;
    withActivity.screening.psfs = {{"Walking", std::nullopt}};
    EXPECT_NE(*sessionSeal(withActivity, 0), before) << "an unrated activity is sealed too";
    Session withAdherence = s;
    withAdherence.screening.adherence = {{"cat_cow", std::nullopt}};
    EXPECT_NE(*sessionSeal(withAdherence, 0), before) << "'not asked' is sealed too";
}

} // namespace
} // namespace hepdesk::db
