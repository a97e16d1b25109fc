#include "hepdesk/db/SessionRepository.h"

#include "DbFixtures.h"
#include "TestSupport.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"

#include <gtest/gtest.h>

namespace hepdesk::db {
namespace {

class SessionRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto d = Database::open(dir_ / "s.sqlite");
        ASSERT_TRUE(d.ok()) << d.error().message;
        db_.emplace(std::move(*d));
        SqlitePatientRepository patients(*db_);
        patientId_ = *patients.add(Patient{0, "Ann Lee", "1970-01-01", "R-1", "", false});
        otherPatientId_ = *patients.add(Patient{0, "Bo Chen", "", "", "", false});
        SqliteClinicianRepository clinicians(*db_);
        clinicianId_ = *clinicians.add(Clinician{0, "Dr Rivera", "PT, DPT", true});
    }
    std::int64_t count(const std::string& sql) { return *db_->connection().queryInt(sql); }

    test::TempDir dir_;
    std::optional<Database> db_;
    std::int64_t patientId_ = 0;
    std::int64_t otherPatientId_ = 0;
    std::int64_t clinicianId_ = 0;
};

TEST_F(SessionRepositoryTest, StoresAndLoadsTheWholeSession) {
    SqliteSessionRepository repo(*db_);
    Session s = test::sampleSession(patientId_, 3);
    s.clinicianId = clinicianId_;
    s.handoutOptions.overrideReason = "patient declined referral; documented";
    s.handouts = {
        HandoutRecord{0, std::string(64, 'a'), 123456, "2026-01-10T09:30:00Z", "es", true}};
    auto id = repo.add(s);
    ASSERT_TRUE(id.ok()) << id.error().message;
    auto back = repo.get(*id);
    ASSERT_TRUE(back.ok()) << back.error().message;
    s.id = *id;
    s.handouts[0].id = back->handouts.at(0).id;
    EXPECT_TRUE(test::sameSession(*back, s));
}

TEST_F(SessionRepositoryTest, SignedSessionIsRefusedByRepositoryAndByDatabase) {
    SqliteSessionRepository repo(*db_);
    const auto id = *repo.add(test::sampleSession(patientId_, 1));
    ASSERT_TRUE(repo.sign(id, clinicianId_).ok());
    auto signedSession = *repo.get(id);
    EXPECT_TRUE(signedSession.isSigned);
    EXPECT_EQ(signedSession.signedBy, clinicianId_);
    EXPECT_FALSE(signedSession.signedAt.empty());

    Session changed = signedSession;
    changed.addenda.clear();
    changed.isSigned = false;
    changed.triage = TriageLevel::Emergency;
    auto u = repo.update(changed);
    ASSERT_FALSE(u.ok());
    EXPECT_EQ(u.error().kind, Error::Kind::Refused);
    EXPECT_NE(u.error().message.find("addendum"), std::string::npos) << u.error().message;
    EXPECT_EQ(repo.remove(id).error().kind, Error::Kind::Refused);
    EXPECT_EQ(repo.sign(id, clinicianId_).error().kind, Error::Kind::Refused);

    // Bypassing the repository: the triggers refuse every change to the session and children.
    Connection& c = db_->connection();
    const std::string sid = std::to_string(id);
    for (const std::string& sql :
         {"UPDATE session SET triage = 'emergency' WHERE id = " + sid,
          "UPDATE session SET signed_at = NULL, signed_by = NULL WHERE id = " + sid,
          "DELETE FROM session WHERE id = " + sid,
          "UPDATE session_finding SET reason = 'x' WHERE session_id = " + sid,
          "DELETE FROM session_finding WHERE session_id = " + sid,
          "INSERT INTO session_finding VALUES (" + sid + ", 9, 'a', 'b', 'routine', 'c')",
          "UPDATE program_item SET reps = 99 WHERE session_id = " + sid,
          "DELETE FROM program_item WHERE session_id = " + sid,
          "INSERT INTO program_item(session_id, position, exercise_id, sets, reps, "
          "hold_seconds, times_per_day, per_side, note) VALUES (" +
              sid + ", 9, 'x', 1, 1, 0, 1, 0, '')"}) {
        auto r = c.exec(sql);
        ASSERT_FALSE(r.ok()) << sql;
        EXPECT_EQ(r.error().kind, Error::Kind::Refused) << sql << ": " << r.error().message;
    }
    signedSession.addenda.clear();
    EXPECT_TRUE(test::sameSession(*repo.get(id), signedSession));
}

TEST_F(SessionRepositoryTest, AddendaCorrectSignedSessionsAndAreImmutable) {
    SqliteSessionRepository repo(*db_);
    const auto id = *repo.add(test::sampleSession(patientId_, 1));
    auto early = repo.addAddendum(id, Addendum{0, clinicianId_, "", "too early"});
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().kind, Error::Kind::Refused);
    ASSERT_TRUE(repo.sign(id, clinicianId_).ok());
    auto a = repo.addAddendum(id, Addendum{0, clinicianId_, "", "Pain worst was 8, not 6."});
    ASSERT_TRUE(a.ok()) << a.error().message;
    EXPECT_EQ(repo.addAddendum(id, Addendum{0, clinicianId_, "", "  "}).error().kind,
              Error::Kind::InvalidInput);
    auto s = *repo.get(id);
    ASSERT_EQ(s.addenda.size(), 1U);
    EXPECT_EQ(s.addenda[0].text, "Pain worst was 8, not 6.");
    EXPECT_EQ(s.addenda[0].clinicianId, clinicianId_);
    EXPECT_FALSE(db_->connection().exec("UPDATE addendum SET text = 'x'").ok());
    EXPECT_FALSE(db_->connection().exec("DELETE FROM addendum").ok());
    // A reprint of the handout after signing is recorded; its record is then fixed.
    ASSERT_TRUE(
        repo.addHandout(id, HandoutRecord{0, std::string(64, 'b'), 10, "", "en", false}).ok());
    EXPECT_FALSE(db_->connection().exec("DELETE FROM handout").ok());
    EXPECT_EQ(repo.get(id)->handouts.size(), 1U);
}

TEST_F(SessionRepositoryTest, TheHandoutKeptAtSigningCannotBeChangedAddedOrRemoved) {
    SqliteSessionRepository repo(*db_);
    const auto id = *repo.add(test::sampleSession(patientId_, 1));
    const std::string pdf = "%PDF-1.7 as given to the patient";
    ASSERT_TRUE(repo.signWithSnapshot(id, clinicianId_, "{}", std::nullopt, *repo.get(id),
                                      SignedHandoutPdf{sha256Hex(pdf), 1, pdf}));
    const auto other = *repo.add(test::sampleSession(patientId_, 2));
    ASSERT_TRUE(repo.sign(other, clinicianId_));
    for (const std::string& sql : {std::string("UPDATE signed_handout SET pdf = x'25504446'"),
                                   std::string("DELETE FROM signed_handout"),
                                   "INSERT INTO signed_handout VALUES (" + std::to_string(other) +
                                       ", hex(randomblob(32)), 1, 'x')"}) {
        auto r = db_->connection().exec(sql);
        EXPECT_FALSE(r.ok()) << sql;
    }
    EXPECT_EQ((*repo.signedHandoutPdf(id))->pdf, pdf);
}

TEST_F(SessionRepositoryTest, UnsignedSessionCanBeEditedAndDiscarded) {
    SqliteSessionRepository repo(*db_);
    auto s = test::sampleSession(patientId_, 2);
    s.id = *repo.add(s);
    s.program.items.pop_back();
    s.program.items[0].note = "changed";
    s.findings.clear();
    s.triage = TriageLevel::Routine;
    ASSERT_TRUE(repo.update(s).ok());
    EXPECT_TRUE(test::sameSession(*repo.get(s.id), s));
    ASSERT_TRUE(repo.remove(s.id).ok());
    EXPECT_EQ(repo.get(s.id).error().kind, Error::Kind::NotFound);
    EXPECT_EQ(count("SELECT count(*) FROM program_item"), 0);
}

TEST_F(SessionRepositoryTest, EverythingOfASessionIsWrittenInOneTransaction) {
    SqliteSessionRepository repo(*db_);
    // A failure while writing the third program item must leave no trace of the session.
    ASSERT_TRUE(db_->connection()
                    .exec("CREATE TEMP TRIGGER fail_third BEFORE INSERT ON program_item "
                          "WHEN new.position = 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END")
                    .ok());
    const auto auditBefore = count("SELECT count(*) FROM audit_log");
    auto r = repo.add(test::sampleSession(patientId_, 1));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("disk full"), std::string::npos) << r.error().message;
    EXPECT_EQ(count("SELECT count(*) FROM session"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM session_finding"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM program_item"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log"), auditBefore);
    EXPECT_FALSE(db_->connection().inTransaction());
}

TEST_F(SessionRepositoryTest, HistoryIsNewestFirstAndTrendOldestFirst) {
    SqliteSessionRepository repo(*db_);
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 5; ++i) {
        auto s = test::sampleSession(patientId_, i);
        s.startedAt = "2026-03-0" + std::to_string(i + 1) + "T10:00:00Z";
        s.program.items.resize(static_cast<std::size_t>(1 + i % 3));
        ids.push_back(*repo.add(s));
    }
    ASSERT_TRUE(repo.add(test::sampleSession(otherPatientId_, 9)).ok());
    auto h = repo.history(patientId_, {});
    ASSERT_TRUE(h.ok()) << h.error().message;
    ASSERT_EQ(h->size(), 5U);
    for (std::size_t i = 0; i < 5; ++i) {
        const auto& e = (*h)[i];
        const int n = 4 - static_cast<int>(i);
        EXPECT_EQ(e.id, ids[static_cast<std::size_t>(n)]);
        EXPECT_EQ(e.scores.painNow, n % 11);
        EXPECT_EQ(e.program.items.size(), static_cast<std::size_t>(1 + n % 3));
        EXPECT_EQ(e.program.items[0].exerciseId, "cat_cow");
    }
    auto limited = repo.history(patientId_, {2});
    ASSERT_EQ(limited->size(), 2U);
    EXPECT_EQ((*limited)[1].id, ids[3]);
    auto t = repo.trend(patientId_);
    ASSERT_TRUE(t.ok());
    ASSERT_EQ(t->size(), 5U);
    EXPECT_EQ((*t)[0].sessionId, ids[0]);
    EXPECT_EQ((*t)[4].scores.odiPercent, 14.0);
    EXPECT_EQ((*t)[2].scores.startBackRisk, StartBackRisk::Medium);
    EXPECT_TRUE(repo.history(999, {})->empty());
}

TEST_F(SessionRepositoryTest, RefusesUnknownPatientAndBadValuesWithClearMessages) {
    SqliteSessionRepository repo(*db_);
    auto r = repo.add(test::sampleSession(4242, 1));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::NotFound);
    EXPECT_NE(r.error().message.find("4242"), std::string::npos);

    auto s = test::sampleSession(patientId_, 1);
    s.scores.painNow = 11;
    EXPECT_NE(repo.add(s).error().message.find("pain now"), std::string::npos);
    s = test::sampleSession(patientId_, 1);
    s.program.items[1].dosage.sets = 0;
    auto d = repo.add(s);
    ASSERT_FALSE(d.ok());
    EXPECT_NE(d.error().message.find("pelvic_tilt"), std::string::npos) << d.error().message;
    s = test::sampleSession(patientId_, 1);
    s.handouts = {HandoutRecord{0, "not-a-hash", 10, "", "en", false}};
    EXPECT_NE(repo.add(s).error().message.find("SHA-256"), std::string::npos);
    EXPECT_EQ(repo.sign(1234, clinicianId_).error().kind, Error::Kind::NotFound);
    const auto id = *repo.add(test::sampleSession(patientId_, 1));
    EXPECT_EQ(repo.sign(id, 777).error().kind, Error::Kind::NotFound);
    EXPECT_EQ(count("SELECT count(*) FROM session"), 1);
}

TEST_F(SessionRepositoryTest, ChangesAreAudited) {
    SqliteSessionRepository repo(*db_);
    db_->setActor("Dr Rivera");
    const auto id = *repo.add(test::sampleSession(patientId_, 1));
    ASSERT_TRUE(repo.sign(id, clinicianId_).ok());
    SqliteAuditLog log(*db_);
    auto entries = log.list({"session", std::to_string(id), 10});
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries->size(), 2U);
    EXPECT_EQ((*entries)[0].action, "session.sign");
    EXPECT_EQ((*entries)[1].action, "session.add");
    EXPECT_EQ((*entries)[0].actor, "Dr Rivera");
    auto upd = db_->connection().exec("UPDATE audit_log SET actor = 'someone else'");
    ASSERT_FALSE(upd.ok());
    EXPECT_NE(upd.error().message.find("append-only"), std::string::npos);
    EXPECT_FALSE(db_->connection().exec("DELETE FROM audit_log").ok());
}

TEST_F(SessionRepositoryTest, WritesJoinAnOuterTransaction) {
    SqliteSessionRepository repo(*db_);
    {
        auto tx = Transaction::begin(db_->connection());
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(repo.add(test::sampleSession(patientId_, 1)).ok());
        ASSERT_TRUE(repo.add(test::sampleSession(patientId_, 2)).ok());
        EXPECT_EQ(repo.history(patientId_, {})->size(), 2U);
    } // rolled back: both vanish together
    EXPECT_EQ(count("SELECT count(*) FROM session"), 0);
}

} // namespace
} // namespace hepdesk::db
