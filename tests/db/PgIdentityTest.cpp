// Identity on a clinic server: each clinician logs in as their own PostgreSQL role, and the
// server itself (not HepDesk) refuses signing as someone else and changing the record. Raw
// SQL as a clinician's role, against the real PostgreSQL 15 test cluster.

#include "../pg/PgTestServer.h"
#include "DbFixtures.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/PgDatabase.h"
#include "hepdesk/db/PgRepositories.h"

#include <gtest/gtest.h>

namespace hepdesk::db {
namespace {

using testing::ScratchDatabase;

constexpr const char* kPassword = "correct horse battery";

class PgIdentityTest : public ::testing::Test {
protected:
    void SetUp() override {
        HEPDESK_REQUIRE_PG();
        scratch_.emplace();
        ASSERT_TRUE(scratch_->ready());
        auto owner = PgDatabase::open(scratch_->conninfo()); // migrates, as the schema owner
        ASSERT_TRUE(owner) << owner.error().message;
        owner_.emplace(std::move(*owner));
        // Role names are per server: unique per scratch database.
        const std::string suffix = scratch_->name().substr(std::string("hepdesk_t_").size());
        admin_ = "adm_" + suffix;
        ana_ = "ana_" + suffix;
        bo_ = "bo_" + suffix;
        PgClinicianRepository clinicians(*owner_);
        auto adminId =
            clinicians.addWithLogin(Clinician{0, "Admin", "", true}, admin_, kPassword, true);
        ASSERT_TRUE(adminId) << adminId.error().message;
        // The admin (not the owner) adds the clinicians, as `clinician add --login` does.
        auto asAdmin = loginAs(admin_);
        PgClinicianRepository byAdmin(*asAdmin);
        auto ana =
            byAdmin.addWithLogin(Clinician{0, "Ana Ruiz", "PT", true}, ana_, kPassword, false);
        ASSERT_TRUE(ana) << ana.error().message;
        anaId_ = *ana;
        auto bo = byAdmin.addWithLogin(Clinician{0, "Bo Chen", "PT", true}, bo_, kPassword, false);
        ASSERT_TRUE(bo) << bo.error().message;
        boId_ = *bo;
        patientId_ = *PgPatientRepository(*owner_).add(Patient{0, "P", "", "", "", false});
    }
    void TearDown() override {
        if (!owner_) {
            return;
        }
        // Roles outlive databases: drop this test's logins.
        auto c = PgConnection::connect(*testing::testServer());
        for (const std::string& role : {ana_, bo_, admin_}) {
            if (c && !role.empty()) {
                (void)c->exec("DROP DATABASE IF EXISTS " + scratch_->name() + " WITH (FORCE)");
                (void)c->exec("DROP ROLE IF EXISTS " + role);
            }
        }
    }
    std::optional<PgDatabase> loginAs(const std::string& role) {
        const std::string info =
            scratch_->conninfo() + " user='" + role + "' password='" + kPassword + "'";
        auto db = PgDatabase::open(info, {.migrate = false});
        EXPECT_TRUE(db) << db.error().message;
        return db ? std::optional<PgDatabase>(std::move(*db)) : std::nullopt;
    }
    /// A draft session of the patient, written by Ana's login.
    std::int64_t anasDraft(PgDatabase& ana) {
        auto id = PgSessionRepository(ana).add(test::sampleSession(patientId_, 1));
        EXPECT_TRUE(id) << id.error().message;
        return id ? *id : 0;
    }
    static void expectRefused(PgConnection& c, const std::string& sql, std::string_view why) {
        auto r = c.exec(sql);
        ASSERT_FALSE(r) << sql << " was allowed";
        EXPECT_EQ(r.error().kind, Error::Kind::Refused) << r.error().message;
        EXPECT_NE(r.error().message.find(why), std::string::npos) << r.error().message;
    }

    std::optional<ScratchDatabase> scratch_;
    std::optional<PgDatabase> owner_;
    std::string admin_, ana_, bo_;
    std::int64_t anaId_ = 0, boId_ = 0, patientId_ = 0;
};

TEST_F(PgIdentityTest, ClinicianSignsAsThemselvesAndTheServerNamesThem) {
    auto ana = loginAs(ana_);
    ASSERT_TRUE(ana);
    auto me = PgClinicianRepository(*ana).loggedIn();
    ASSERT_TRUE(me) << me.error().message;
    EXPECT_EQ(me->id, anaId_);
    const auto id = anasDraft(*ana);
    PgSessionRepository sessions(*ana);
    ASSERT_TRUE(sessions.sign(id, anaId_));
    EXPECT_EQ(sessions.get(id)->signedBy, anaId_);
    ASSERT_TRUE(sessions.addAddendum(id, Addendum{0, anaId_, "", "pain now 2"}));
    auto log = PgAuditLog(*ana).list({"session", std::to_string(id), 10});
    ASSERT_TRUE(log);
    for (const AuditEntry& e : *log) {
        EXPECT_EQ(e.actor, ana_) << e.action;
    }
    auto createdBy = ana->connection().exec("SELECT created_by FROM session WHERE id = $1", {id});
    ASSERT_TRUE(createdBy);
    EXPECT_EQ(createdBy->text(0, 0), ana_);
}

TEST_F(PgIdentityTest, AsClinicianASigningAsBIsRefusedByTheServer) {
    auto ana = loginAs(ana_);
    ASSERT_TRUE(ana);
    const auto id = anasDraft(*ana);
    // Through the repository...
    auto viaRepo = PgSessionRepository(*ana).sign(id, boId_);
    ASSERT_FALSE(viaRepo);
    EXPECT_EQ(viaRepo.error().kind, Error::Kind::Refused);
    // ...and with raw SQL.
    expectRefused(ana->connection(),
                  "UPDATE session SET signed_at = '2026-01-01T00:00:00Z', signed_by = " +
                      std::to_string(boId_) + " WHERE id = " + std::to_string(id),
                  "a session is signed by the clinician who is logged in");
    expectRefused(ana->connection(),
                  "INSERT INTO addendum(session_id, clinician_id, created_at, text) VALUES (" +
                      std::to_string(id) + ", " + std::to_string(boId_) + ", 'x', 'as Bo')",
                  "");
    EXPECT_FALSE(PgSessionRepository(*ana).get(id)->isSigned);
}

TEST_F(PgIdentityTest, AsClinicianASignedSessionCannotBeUpdatedOrDeleted) {
    auto ana = loginAs(ana_);
    ASSERT_TRUE(ana);
    const auto id = anasDraft(*ana);
    ASSERT_TRUE(PgSessionRepository(*ana).sign(id, anaId_));
    const std::string sid = std::to_string(id);
    PgConnection& c = ana->connection();
    expectRefused(c, "UPDATE session SET triage = 'emergency' WHERE id = " + sid,
                  "a signed session cannot be changed");
    expectRefused(c, "UPDATE session SET signed_at = NULL, signed_by = NULL WHERE id = " + sid,
                  "a signed session cannot be changed");
    expectRefused(c, "DELETE FROM session WHERE id = " + sid, "a signed session cannot be deleted");
    expectRefused(c, "DELETE FROM program_item WHERE session_id = " + sid,
                  "a signed session cannot be changed");
    expectRefused(c, "ALTER TABLE session DISABLE TRIGGER session_signed_no_update",
                  "must be owner");
}

TEST_F(PgIdentityTest, AsClinicianAAuditRowsCannotBeDeletedChangedOrForged) {
    auto ana = loginAs(ana_);
    ASSERT_TRUE(ana);
    (void)anasDraft(*ana);
    PgConnection& c = ana->connection();
    expectRefused(c, "DELETE FROM audit_log", "permission denied");
    expectRefused(c, "UPDATE audit_log SET actor = 'someone'", "permission denied");
    expectRefused(c, "TRUNCATE audit_log", "permission denied");
    expectRefused(c,
                  "INSERT INTO audit_log(at, actor, action, entity) "
                  "VALUES ('x', '" +
                      bo_ + "', 'session.sign', 'session')",
                  "the audit log names the login that writes it");
    // The admin role cannot either.
    auto admin = loginAs(admin_);
    ASSERT_TRUE(admin);
    expectRefused(admin->connection(), "DELETE FROM audit_log", "permission denied");
    expectRefused(admin->connection(), "DELETE FROM addendum", "permission denied");
    expectRefused(admin->connection(), "UPDATE session_override SET reason = 'x'",
                  "permission denied");
}

TEST_F(PgIdentityTest, OnlyAnAdminManagesClinicSettingsAndLogins) {
    auto ana = loginAs(ana_);
    ASSERT_TRUE(ana);
    auto settings = PgClinicRepository(*ana).save(ClinicSettings{"Mine now", "", "", "", ""});
    ASSERT_FALSE(settings);
    EXPECT_EQ(settings.error().kind, Error::Kind::Refused);
    auto login = PgClinicianRepository(*ana).addWithLogin(Clinician{0, "Eve", "", true}, "eve_x",
                                                          kPassword, true);
    ASSERT_FALSE(login);
    EXPECT_EQ(login.error().kind, Error::Kind::Refused);
    auto admin = loginAs(admin_);
    ASSERT_TRUE(admin);
    ASSERT_TRUE(PgClinicRepository(*admin).save(ClinicSettings{"Clinic", "", "", "", ""}));
    // The admin cannot sign for anyone: the admin's login is not Ana.
    const auto id = anasDraft(*ana);
    auto sign = PgSessionRepository(*admin).sign(id, anaId_);
    ASSERT_FALSE(sign);
    EXPECT_EQ(sign.error().kind, Error::Kind::Refused);
}

TEST_F(PgIdentityTest, AClinicianRecordsPsfsAdherenceAndOverrideKindsUnderTheirLogin) {
    auto ana = loginAs(ana_);
    ASSERT_TRUE(ana);
    PgSessionRepository sessions(*ana);
    Session s = test::sampleSession(patientId_, 1);
    s.screening.psfs = {{"Walking to work", 5}};
    s.screening.adherence = {{"cat_cow", 12}};
    s.handoutOptions.overrideReason = "She will see her doctor today.";
    s.handoutOptions.overrideKind = "seen_by_doctor_today";
    s.handoutOptions.overrideBy = anaId_;
    s.handoutOptions.overrideAt = "2026-01-10T09:00:00Z";
    auto id = sessions.add(s);
    ASSERT_TRUE(id) << id.error().message;
    Session draft = *sessions.get(*id);
    draft.screening.psfs[0].rating = 6;
    ASSERT_TRUE(sessions.update(draft)) << "the clinician's role may change a draft's PSFS";
    ASSERT_TRUE(sessions.sign(*id, anaId_));
    ASSERT_TRUE(sessions.recordHandout(
        *id, HandoutRecord{0, std::string(64, 'a'), 10, "", "en", false},
        HandoutOverride{0, anaId_, "", "", "Referral booked.", "referral_arranged"}, "printer"));
    const Session done = *sessions.get(*id);
    EXPECT_EQ(done.screening.psfs[0].rating, 6);
    EXPECT_EQ(done.screening.adherence, s.screening.adherence);
    EXPECT_EQ(done.handoutOptions.overrideKind, "seen_by_doctor_today");
    ASSERT_EQ(done.overrides.size(), 1U);
    EXPECT_EQ(done.overrides[0].kind, "referral_arranged");
    // Signed, not even raw SQL under her role changes them.
    expectRefused(ana->connection(), "UPDATE session_psfs SET rating = 0",
                  "a signed session cannot be changed");
    expectRefused(ana->connection(), "UPDATE session_override SET kind = 'other'",
                  "permission denied");
}

TEST_F(PgIdentityTest, EveryClinicianSavesRenamesAndRemovesClinicProtocolsUnderTheirLogin) {
    auto ana = loginAs(ana_);
    auto bo = loginAs(bo_);
    ASSERT_TRUE(ana && bo);
    Protocol neck;
    neck.name = "Neck, office";
    neck.program.items = {{"chin_tuck", {2, 10, 3, 3, false}, "Sit tall first"}};
    // Ana (not an admin) saves one; Bo sees it, renames it and removes it.
    ASSERT_TRUE(PgProtocolRepository(*ana).save(neck, false));
    EXPECT_EQ(PgProtocolRepository(*bo).get("neck, office")->program, neck.program);
    ASSERT_TRUE(PgProtocolRepository(*bo).rename("Neck, office", "Neck"));
    ASSERT_TRUE(PgProtocolRepository(*bo).remove("Neck"));
    EXPECT_TRUE(PgProtocolRepository(*ana).list()->empty());
    // The audit log names who did each.
    auto log = PgAuditLog(*owner_).list({"protocol", "", 10});
    ASSERT_TRUE(log) << log.error().message;
    std::vector<std::string> seen;
    for (const AuditEntry& e : *log) {
        seen.push_back(e.action + " " + e.actor);
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"protocol.remove " + bo_, "protocol.rename " + bo_,
                                              "protocol.save " + ana_}));
}

} // namespace
} // namespace hepdesk::db
