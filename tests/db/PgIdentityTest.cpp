// Identity on a clinic server: each clinician logs in as their own PostgreSQL role, and the
// server itself (not HepDesk) refuses signing as someone else and changing the record. Raw
// SQL as a clinician's role, against the real PostgreSQL 15 test cluster.

#include "../pg/PgTestServer.h"
#include "DbFixtures.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/PgDatabase.h"
#include "hepdesk/db/PgRepositories.h"
#include "hepdesk/db/Store.h"

#include <filesystem>
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
    // In words a clinician can act on, not the server's "permission denied" alone.
    EXPECT_NE(settings.error().message.find(
                  "your login '" + ana_ +
                  "' may not change the clinic's details on this clinic server: only the "
                  "clinic's administrator can"),
              std::string::npos)
        << settings.error().message;
    expectRefused(ana->connection(), "DELETE FROM custom_exercise",
                  "may not change the clinic exercises on this clinic server: only the "
                  "clinic's administrator can");
    expectRefused(ana->connection(), "DELETE FROM audit_log",
                  "the audit log is kept as it was written: no login may change or remove it");
    auto login = PgClinicianRepository(*ana).addWithLogin(Clinician{0, "Eve", "", true}, "eve_x",
                                                          kPassword, true);
    ASSERT_FALSE(login);
    EXPECT_EQ(login.error().kind, Error::Kind::Refused);
    EXPECT_NE(login.error().message.find("only the clinic's administrator can"), std::string::npos)
        << login.error().message;
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

TEST_F(PgIdentityTest, AnotherClinicianCannotChangeDeleteOrSignADraft) {
    auto ana = loginAs(ana_);
    auto bo = loginAs(bo_);
    auto admin = loginAs(admin_);
    ASSERT_TRUE(ana && bo && admin);
    const auto id = anasDraft(*ana);
    const std::string sid = std::to_string(id);
    const std::string change =
        "session " + sid + " is Ana Ruiz's draft; only Ana Ruiz can change or sign it";
    PgConnection& c = bo->connection();
    expectRefused(c, "UPDATE session SET triage = 'emergency' WHERE id = " + sid, change);
    expectRefused(c, "DELETE FROM program_item WHERE session_id = " + sid, change);
    expectRefused(c, "UPDATE program_item SET reps = 1 WHERE session_id = " + sid, change);
    expectRefused(c,
                  "INSERT INTO session_finding(session_id, position, item_id, rule_id, level, "
                  "reason) VALUES (" +
                      sid + ", 9, 'x', 'x', 'routine', 'added by Bo')",
                  change);
    expectRefused(c,
                  "INSERT INTO session_psfs(session_id, position, activity, rating) VALUES (" +
                      sid + ", 4, 'Running', 3)",
                  change);
    expectRefused(c, "DELETE FROM session WHERE id = " + sid,
                  "session " + sid + " is Ana Ruiz's draft; only Ana Ruiz can delete it");
    expectRefused(c,
                  "UPDATE session SET signed_at = '2026-01-01T00:00:00Z', signed_by = " +
                      std::to_string(boId_) + " WHERE id = " + sid,
                  "session " + sid + " is Ana Ruiz's draft; only Ana Ruiz can sign it");
    // An admin follows the same rule for drafts.
    expectRefused(admin->connection(), "UPDATE session SET triage = 'routine' WHERE id = " + sid,
                  change);

    // What Bo sees through HepDesk: the server's sentence, naming the draft's clinician.
    Session draft = *PgSessionRepository(*bo).get(id);
    draft.screening.notes = "Bo was here";
    auto edit = PgSessionRepository(*bo).update(draft);
    ASSERT_FALSE(edit);
    EXPECT_EQ(edit.error().kind, Error::Kind::Refused);
    EXPECT_NE(edit.error().message.find(change + " (you are logged in as " + bo_ + ")"),
              std::string::npos)
        << edit.error().message;
    auto sign = PgSessionRepository(*bo).sign(id, boId_);
    ASSERT_FALSE(sign);
    EXPECT_NE(sign.error().message.find("only Ana Ruiz can sign it"), std::string::npos)
        << sign.error().message;
    auto remove = PgSessionRepository(*bo).remove(id);
    ASSERT_FALSE(remove);
    EXPECT_NE(remove.error().message.find("only Ana Ruiz can delete it"), std::string::npos)
        << remove.error().message;

    // Nothing changed; Ana's own draft is still hers to edit and sign.
    Session mine = *PgSessionRepository(*ana).get(id);
    EXPECT_EQ(mine.screening.notes, "visit 1");
    EXPECT_EQ(mine.program.items.size(), test::sampleSession(patientId_, 1).program.items.size());
    mine.screening.notes = "Ana's own edit";
    ASSERT_TRUE(PgSessionRepository(*ana).update(mine));
    ASSERT_TRUE(
        ana->connection().exec("UPDATE program_item SET reps = 12 WHERE session_id = " + sid));
    ASSERT_TRUE(PgSessionRepository(*ana).sign(id, anaId_));
    EXPECT_EQ(PgSessionRepository(*bo).get(id)->signedBy, anaId_);
    // Once signed, anyone may add an addendum (the issue: addenda are not limited to drafts'
    // owners).
    ASSERT_TRUE(PgSessionRepository(*bo).addAddendum(id, Addendum{0, boId_, "", "seen by Bo"}));
}

TEST_F(PgIdentityTest, ADraftCopiedFromAFileBelongsToItsNamedClinicianOrToAnyone) {
    auto ana = loginAs(ana_);
    auto bo = loginAs(bo_);
    ASSERT_TRUE(ana && bo);
    // The schema owner (as `db copy` does) writes drafts naming Ana, and naming no one.
    Session named = test::sampleSession(patientId_, 2);
    named.clinicianId = anaId_;
    const auto anas = *PgSessionRepository(*owner_).add(named);
    const auto nobodys = *PgSessionRepository(*owner_).add(test::sampleSession(patientId_, 3));
    expectRefused(bo->connection(),
                  "UPDATE session SET triage = 'routine' WHERE id = " + std::to_string(anas),
                  "is Ana Ruiz's draft");
    ASSERT_TRUE(ana->connection().exec("UPDATE session SET triage = 'routine' WHERE id = " +
                                       std::to_string(anas)));
    ASSERT_TRUE(bo->connection().exec("UPDATE session SET triage = 'routine' WHERE id = " +
                                      std::to_string(nobodys)));
    // The owner itself is not a workstation: it changes any draft.
    ASSERT_TRUE(owner_->connection().exec("UPDATE session SET triage = 'routine' WHERE id = " +
                                          std::to_string(anas)));
    // A draft is not handed over by rewriting who created it.
    const auto own = anasDraft(*ana);
    ASSERT_TRUE(ana->connection().exec("UPDATE session SET created_by = '" + bo_ +
                                       "' WHERE id = " + std::to_string(own)));
    expectRefused(bo->connection(),
                  "UPDATE session SET triage = 'routine' WHERE id = " + std::to_string(own),
                  "is Ana Ruiz's draft");
}

TEST_F(PgIdentityTest, ADraftsOverrideNamesTheLoginNotTheClinicianTheClientSends) {
    auto ana = loginAs(ana_);
    ASSERT_TRUE(ana);
    PgSessionRepository sessions(*ana);
    Session s = test::sampleSession(patientId_, 1);
    s.handoutOptions.overrideReason = "She will see her doctor today.";
    s.handoutOptions.overrideKind = "seen_by_doctor_today";
    s.handoutOptions.overrideBy = boId_; // the client says Bo recorded it
    s.handoutOptions.overrideAt = "2026-01-10T09:00:00Z";
    auto id = sessions.add(s);
    ASSERT_TRUE(id) << id.error().message;
    EXPECT_EQ(sessions.get(*id)->handoutOptions.overrideBy, anaId_);

    // A new override sent as Bo's: stamped Ana's again.
    Session draft = *sessions.get(*id);
    draft.handoutOptions.overrideReason = "Referral booked for Monday.";
    draft.handoutOptions.overrideKind = "referral_arranged";
    draft.handoutOptions.overrideAt = "2026-01-10T10:00:00Z";
    draft.handoutOptions.overrideBy = boId_;
    ASSERT_TRUE(sessions.update(draft));
    EXPECT_EQ(sessions.get(*id)->handoutOptions.overrideBy, anaId_);
    // Raw SQL cannot rename who recorded an unchanged override.
    ASSERT_TRUE(ana->connection().exec("UPDATE session SET handout_override_by = $1 WHERE id = $2",
                                       {boId_, *id}));
    EXPECT_EQ(sessions.get(*id)->handoutOptions.overrideBy, anaId_);
    // The owner (a practice copied from a file) keeps the clinician the file names.
    Session copied = test::sampleSession(patientId_, 2);
    copied.handoutOptions = s.handoutOptions;
    const auto copiedId = *PgSessionRepository(*owner_).add(copied);
    EXPECT_EQ(PgSessionRepository(*owner_).get(copiedId)->handoutOptions.overrideBy, boId_);
}

// Schema 17: the server fills in a draft's clinician from the login. A client's value is
// replaced rather than refused (as "created by"): HepDesk sends the login's clinician anyway.
TEST_F(PgIdentityTest, AsClinicianADraftWrittenAsBNamesAWhateverTheClientSends) {
    auto ana = loginAs(ana_);
    ASSERT_TRUE(ana);
    PgConnection& c = ana->connection();
    const std::string bo = std::to_string(boId_);
    auto inserted =
        c.exec("INSERT INTO session(patient_id, clinician_id, started_at, screening_json, triage, "
               "created_at) VALUES ($1, $2, '2026-01-02T09:00:00Z', '{}', 'routine', "
               "'2026-01-02T09:00:00Z') RETURNING id, clinician_id",
               {patientId_, boId_});
    ASSERT_TRUE(inserted) << inserted.error().message;
    const std::int64_t raw = inserted->int64(0, 0);
    EXPECT_EQ(inserted->int64(0, 1), anaId_) << "inserted as Bo's, stored as Ana's";
    auto clinicianOf = [&](std::int64_t id) {
        auto r = c.exec("SELECT clinician_id FROM session WHERE id = $1", {id});
        return r && r->rows() == 1 && !r->isNull(0, 0) ? r->int64(0, 0) : std::int64_t{-1};
    };
    ASSERT_TRUE(c.exec("UPDATE session SET clinician_id = " + bo + " WHERE id = $1", {raw}));
    EXPECT_EQ(clinicianOf(raw), anaId_) << "changed to Bo, still Ana";
    ASSERT_TRUE(c.exec("UPDATE session SET clinician_id = NULL WHERE id = $1", {raw}));
    EXPECT_EQ(clinicianOf(raw), anaId_);

    // Through HepDesk: a session sent as Bo's (or as no one's) is Ana's, and stays hers when
    // signed (the seal covers it: the record still checks).
    PgSessionRepository sessions(*ana);
    Session asBo = test::sampleSession(patientId_, 4);
    asBo.clinicianId = boId_;
    auto id = sessions.add(asBo);
    ASSERT_TRUE(id) << id.error().message;
    EXPECT_EQ(sessions.get(*id)->clinicianId, anaId_);
    Session draft = *sessions.get(*id);
    draft.clinicianId = boId_;
    ASSERT_TRUE(sessions.update(draft));
    EXPECT_EQ(sessions.get(*id)->clinicianId, anaId_);
    ASSERT_TRUE(sessions.sign(*id, anaId_));
    const Session signedOne = *sessions.get(*id);
    EXPECT_EQ(signedOne.clinicianId, anaId_);
    EXPECT_EQ(signedOne.signedBy, anaId_);

    // An override after signing names Ana's login as its actor, whatever the client writes.
    auto over = c.exec("INSERT INTO session_override(session_id, clinician_id, actor, created_at, "
                       "reason) VALUES ($1, $2, $3, '2026-01-03T00:00:00Z', 'Seen by her GP.') "
                       "RETURNING actor",
                       {*id, anaId_, bo_});
    ASSERT_TRUE(over) << over.error().message;
    EXPECT_EQ(over->text(0, 0), ana_);

    // The schema owner (a practice copied from a file) keeps the clinician the file names.
    const auto copied = *PgSessionRepository(*owner_).add(asBo);
    EXPECT_EQ(PgSessionRepository(*owner_).get(copied)->clinicianId, boId_);
}

// Schema 17: a handout record of a draft is its owner's to write, as the draft itself.
TEST_F(PgIdentityTest, AsClinicianAAHandoutRecordOfBsDraftIsRefused) {
    auto ana = loginAs(ana_);
    auto bo = loginAs(bo_);
    ASSERT_TRUE(ana && bo);
    auto bos = PgSessionRepository(*bo).add(test::sampleSession(patientId_, 5));
    ASSERT_TRUE(bos) << bos.error().message;
    const std::string sid = std::to_string(*bos);
    PgConnection& c = ana->connection();
    expectRefused(c,
                  "INSERT INTO handout(session_id, sha256, byte_size, language, large_print, "
                  "created_at) VALUES (" +
                      sid + ", '" + std::string(64, 'a') +
                      "', 10, 'en', false, '2026-01-02T09:00:00Z')",
                  "session " + sid +
                      " is Bo Chen's draft; only Bo Chen can print or export the handout of it");
    expectRefused(c,
                  "INSERT INTO signed_handout(session_id, sha256, pages, pdf) VALUES (" + sid +
                      ", '" + std::string(64, 'b') + "', 1, '\\x255044462d')",
                  "session " + sid + " is Bo Chen's draft; only Bo Chen can change or sign it");
    // Through HepDesk, as the app records an exported handout.
    const HandoutRecord h{0, std::string(64, 'c'), 10, "", "en", false};
    auto viaRepo = PgSessionRepository(*ana).recordHandout(*bos, h, std::nullopt, "a file");
    ASSERT_FALSE(viaRepo);
    EXPECT_EQ(viaRepo.error().kind, Error::Kind::Refused);
    EXPECT_NE(viaRepo.error().message.find("only Bo Chen can print or export the handout of it"),
              std::string::npos)
        << viaRepo.error().message;
    EXPECT_TRUE(PgSessionRepository(*bo).get(*bos)->handouts.empty());

    // Bo records his own; once signed, anyone may record a reprint.
    ASSERT_TRUE(PgSessionRepository(*bo).recordHandout(*bos, h, std::nullopt, "a file"));
    ASSERT_TRUE(PgSessionRepository(*bo).sign(*bos, boId_));
    const HandoutRecord reprint{0, std::string(64, 'd'), 11, "", "es", true};
    auto again = PgSessionRepository(*ana).recordHandout(*bos, reprint, std::nullopt, "printer");
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(PgSessionRepository(*ana).get(*bos)->handouts.size(), 2U);
}

TEST_F(PgIdentityTest, TheStoreNamesTheLoggedInClinicianOnAServerAndNoneOnAFile) {
    auto store =
        Store::open(scratch_->conninfo() + " user='" + ana_ + "' password='" + kPassword + "'");
    ASSERT_TRUE(store) << store.error().message;
    EXPECT_EQ((*store)->loggedInClinician(), anaId_);
    auto me = (*store)->loggedIn();
    ASSERT_TRUE(me && *me);
    EXPECT_EQ((*me)->name, "Ana Ruiz");
    // The schema owner is no clinician: an error that says how to add one.
    auto owner = Store::open(scratch_->conninfo());
    ASSERT_TRUE(owner);
    EXPECT_EQ((*owner)->loggedInClinician(), std::nullopt);
    auto none = (*owner)->loggedIn();
    ASSERT_FALSE(none);
    EXPECT_NE(none.error().message.find("clinician add"), std::string::npos);

    const auto file = std::filesystem::temp_directory_path() / (scratch_->name() + ".sqlite");
    {
        auto onFile = Store::open(file.string());
        ASSERT_TRUE(onFile) << onFile.error().message;
        EXPECT_EQ((*onFile)->loggedInClinician(), std::nullopt);
        auto nobody = (*onFile)->loggedIn();
        ASSERT_TRUE(nobody);
        EXPECT_FALSE(*nobody);
    }
    std::error_code ec;
    std::filesystem::remove(file, ec);
}

} // namespace
} // namespace hepdesk::db
