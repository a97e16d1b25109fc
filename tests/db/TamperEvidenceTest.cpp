#include "DbFixtures.h"
#include "TestSupport.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Backup.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"
#include "hepdesk/db/TamperCheck.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <pwd.h>
#include <sqlite3.h>
#include <unistd.h>

namespace hepdesk::db {
namespace {

/// What someone with the sqlite3 shell does: a plain connection (no HepDesk functions,
/// foreign keys off), one script, closed again.
void outside(const std::filesystem::path& file, const std::string& sql) {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &raw), SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &message);
    const std::string why = message != nullptr ? message : "";
    sqlite3_free(message);
    sqlite3_close(raw);
    ASSERT_EQ(rc, SQLITE_OK) << sql << ": " << why;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) {
        out += l + "\n";
    }
    return out;
}

class TamperEvidenceTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto created = Database::open(path());
        ASSERT_TRUE(created.ok()) << created.error().message;
        db_.emplace(std::move(*created));
        SqlitePatientRepository patients(*db_);
        patientId_ = *patients.add(Patient{0, "Ann Lee", "1970-01-01", "R-1", "", false});
        SqliteClinicianRepository clinicians(*db_);
        clinicianId_ = *clinicians.add(Clinician{0, "Dr Rivera", "PT, DPT", true});
        SqliteSessionRepository sessions(*db_);
        for (int n = 1; n <= 3; ++n) {
            Session s = test::sampleSession(patientId_, n);
            s.handouts = {HandoutRecord{0, std::string(64, 'a'), 1000 + n, "2026-01-10T09:30:00Z",
                                        "es", false}};
            const auto id = sessions.add(s);
            ASSERT_TRUE(id.ok()) << id.error().message;
            ASSERT_TRUE(sessions.sign(*id, clinicianId_).ok());
            signed_.push_back(*id);
        }
        // What legitimately happens after signing: a reprint and an addendum.
        ASSERT_TRUE(sessions
                        .addHandout(signed_[0],
                                    HandoutRecord{0, std::string(64, 'b'), 2000, "", "en", true})
                        .ok());
        ASSERT_TRUE(
            sessions.addAddendum(signed_[0], Addendum{0, clinicianId_, "", "Phoned on day 3"})
                .ok());
    }
    /// Opens as `db check` does: a file changed outside HepDesk is examined, not refused.
    void open() {
        db_.reset();
        auto d = Database::open(path(), {.create = false, .migrate = false, .quickCheck = false});
        ASSERT_TRUE(d.ok()) << d.error().message;
        db_.emplace(std::move(*d));
    }
    /// Closes HepDesk's connection, runs `sql` from outside, opens again and verifies.
    std::vector<std::string> tamperAndVerify(const std::string& sql) {
        db_.reset();
        outside(path(), sql);
        open();
        auto problems = verifyRecords(*db_);
        EXPECT_TRUE(problems.ok()) << problems.error().message;
        return problems ? *problems : std::vector<std::string>{};
    }
    [[nodiscard]] std::filesystem::path path() const { return dir_ / "t.sqlite"; }
    /// The CREATE statement of one of HepDesk's triggers as the live database has it.
    std::string triggerSql(const std::string& name) {
        return *db_->connection().queryText("SELECT sql FROM sqlite_schema WHERE name = '" + name +
                                            "'") +
               ";";
    }
    std::int64_t lastAuditId() {
        return *db_->connection().queryInt("SELECT max(id) FROM audit_log");
    }

    test::TempDir dir_;
    std::optional<Database> db_;
    std::int64_t patientId_ = 0;
    std::int64_t clinicianId_ = 0;
    std::vector<std::int64_t> signed_;
};

TEST_F(TamperEvidenceTest, RecordsWrittenByHepDeskVerifyClean) {
    auto problems = verifyRecords(*db_);
    ASSERT_TRUE(problems.ok()) << problems.error().message;
    EXPECT_TRUE(problems->empty()) << joined(*problems);
    EXPECT_EQ(*db_->connection().queryInt("SELECT count(*) FROM session WHERE seal IS NULL"), 0);
    EXPECT_EQ(*db_->connection().queryInt("SELECT count(*) FROM audit_log WHERE "
                                          "length(hash) <> 64"),
              0);
    // Each row names the one before it.
    EXPECT_EQ(*db_->connection().queryInt(
                  "SELECT count(*) FROM audit_log a JOIN audit_log b ON b.id = a.id - 1 "
                  "WHERE a.prev_hash <> b.hash"),
              0);
    auto sign = SqliteAuditLog(*db_).list({"session", std::to_string(signed_[1]), 10});
    ASSERT_TRUE(sign.ok());
    EXPECT_NE(sign->front().detail.find("seal "), std::string::npos) << sign->front().detail;
}

TEST_F(TamperEvidenceTest, SealCoversContentNotAddendaOrLaterHandouts) {
    SqliteSessionRepository sessions(*db_);
    Session s = *sessions.get(signed_[0]);
    ASSERT_EQ(s.handouts.size(), 2U);
    ASSERT_EQ(s.addenda.size(), 1U);
    const std::string seal = *sessionSeal(s, 1);
    Session grown = s;
    grown.addenda.clear();
    grown.handouts.pop_back();
    EXPECT_EQ(*sessionSeal(grown, 1), seal) << "addenda and later handouts are outside the seal";
    Session changed = s;
    changed.scores.painNow = 9;
    EXPECT_NE(*sessionSeal(changed, 1), seal);
    changed = s;
    changed.signedBy = 99;
    EXPECT_NE(*sessionSeal(changed, 1), seal);
    changed = s;
    changed.program.items.at(0).dosage.reps = 11;
    EXPECT_NE(*sessionSeal(changed, 1), seal);
    changed = s;
    changed.handouts.at(0).sha256 = std::string(64, 'c');
    EXPECT_NE(*sessionSeal(changed, 1), seal);
    EXPECT_NE(*sessionSeal(s, 2), seal) << "the handouts present at signing are covered";
}

TEST_F(TamperEvidenceTest, ScreeningChangedWithTheTriggerDroppedIsNamed) {
    const auto problems =
        tamperAndVerify("DROP TRIGGER session_signed_no_update; UPDATE session SET "
                        "screening_json = replace(screening_json, 'night_pain', 'no_red_flags') "
                        "WHERE id = " +
                        std::to_string(signed_[1]));
    ASSERT_EQ(problems.size(), 1U) << joined(problems);
    EXPECT_EQ(problems[0], "session " + std::to_string(signed_[1]) +
                               ": signed content changed outside HepDesk (seal mismatch)");
}

TEST_F(TamperEvidenceTest, FindingsProgramAndHandoutChangedAreEachNamed) {
    const auto problems =
        tamperAndVerify("DROP TRIGGER session_finding_signed_no_update; DROP TRIGGER "
                        "program_item_signed_no_delete; DROP TRIGGER handout_signed_no_delete; "
                        "UPDATE session_finding SET level = 'routine' WHERE session_id = " +
                        std::to_string(signed_[0]) +
                        "; DELETE FROM program_item WHERE position = 2 AND session_id = " +
                        std::to_string(signed_[1]) +
                        "; DELETE FROM handout WHERE session_id = " + std::to_string(signed_[2]));
    const std::string all = joined(problems);
    ASSERT_EQ(problems.size(), 3U) << all;
    for (const std::int64_t id : signed_) {
        EXPECT_NE(all.find("session " + std::to_string(id) + ": signed content changed"),
                  std::string::npos)
            << all;
    }
}

TEST_F(TamperEvidenceTest, TheHandoutKeptAtSigningChangedOutsideHepDeskIsNamed) {
    SqliteSessionRepository sessions(*db_);
    const auto id = *sessions.add(test::sampleSession(patientId_, 4));
    const std::string pdf = "%PDF-1.7 what the patient was given";
    const SignedHandoutPdf kept{sha256Hex(pdf), 1, pdf};
    ASSERT_TRUE(sessions.signWithSnapshot(
        id, clinicianId_, "{}",
        HandoutRecord{0, kept.sha256, static_cast<std::int64_t>(pdf.size()), "", "en", false},
        *sessions.get(id), kept));
    auto clean = verifyRecords(*db_);
    ASSERT_TRUE(clean.ok());
    EXPECT_TRUE(clean->empty()) << joined(*clean);
    const auto problems =
        tamperAndVerify("DROP TRIGGER signed_handout_no_update; UPDATE signed_handout SET pdf = "
                        "CAST('%PDF-1.7 something else' AS BLOB) WHERE session_id = " +
                        std::to_string(id));
    ASSERT_EQ(problems.size(), 1U) << joined(problems);
    EXPECT_EQ(problems[0], "session " + std::to_string(id) +
                               ": the handout kept at signing changed outside HepDesk");
}

TEST_F(TamperEvidenceTest, SignerSealAndSignatureRemovalAreNamed) {
    const auto problems = tamperAndVerify(
        "DROP TRIGGER session_signed_no_update; "
        "INSERT INTO clinician(id, name, created_at) VALUES (9, 'Dr Nobody', '2026-01-01'); "
        "UPDATE session SET signed_by = 9 WHERE id = " +
        std::to_string(signed_[0]) +
        "; UPDATE session SET seal = NULL WHERE id = " + std::to_string(signed_[1]) +
        "; UPDATE session SET signed_at = NULL, signed_by = NULL WHERE id = " +
        std::to_string(signed_[2]));
    const std::string all = joined(problems);
    EXPECT_NE(all.find("session " + std::to_string(signed_[0]) +
                       ": signed content changed outside HepDesk (seal mismatch)"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("session " + std::to_string(signed_[1]) + ": signed but no seal"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("session " + std::to_string(signed_[2]) +
                       ": sealed at signing but no "
                       "longer signed"),
              std::string::npos)
        << all;
}

TEST_F(TamperEvidenceTest, ChangedAuditRowIsNamed) {
    const auto problems =
        tamperAndVerify("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = "
                        "'someone else' WHERE id = 4");
    ASSERT_EQ(problems.size(), 1U) << joined(problems);
    EXPECT_EQ(problems[0], "audit log row 4: hash mismatch (changed outside HepDesk)");
}

TEST_F(TamperEvidenceTest, DeletedAuditRowIsNamed) {
    const auto problems = tamperAndVerify(
        "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id IN (5, 7, 8)");
    const std::string all = joined(problems);
    // Rows 5 and 8 were the signatures of sessions 1 and 2: named twice over.
    EXPECT_EQ(all, "session 1: its signing is missing from the audit log (audit row removed "
                   "outside HepDesk)\n"
                   "session 2: its signing is missing from the audit log (audit row removed "
                   "outside HepDesk)\n"
                   "audit log: row 5 missing (chain broken after row 4)\n"
                   "audit log: rows 7-8 missing (chain broken after row 6)\n");
}

TEST_F(TamperEvidenceTest, InsertedAuditRowIsNamed) {
    const auto last = lastAuditId();
    const auto problems =
        tamperAndVerify("INSERT INTO audit_log(at, actor, action, entity, entity_id) VALUES "
                        "('2026-01-01T00:00:00Z', 'x', 'patient.edit', 'patient', '1')");
    ASSERT_EQ(problems.size(), 2U) << joined(problems);
    const std::string row = "audit log row " + std::to_string(last + 1);
    EXPECT_EQ(problems[0], row + ": does not follow row " + std::to_string(last) +
                               " (chain broken: a row was changed or inserted outside HepDesk)");
    EXPECT_EQ(problems[1], row + ": hash mismatch (changed outside HepDesk)");
}

TEST_F(TamperEvidenceTest, RemovedSigningAtTheEndOfTheLogIsNamed) {
    // Rows cut from the end leave no gap; the signature must still be there.
    const auto problems = tamperAndVerify(
        "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE action = 'session.sign' "
        "AND entity_id = '" +
        std::to_string(signed_[2]) +
        "' AND id = (SELECT max(id) FROM audit_log WHERE "
        "action = 'session.sign'); "
        "DELETE FROM audit_log WHERE id > (SELECT max(id) FROM "
        "audit_log WHERE action = 'session.sign')");
    const std::string all = joined(problems);
    EXPECT_NE(all.find("session " + std::to_string(signed_[2]) +
                       ": its signing is missing from the audit log"),
              std::string::npos)
        << all;
}

TEST_F(TamperEvidenceTest, WritesAfterVerificationKeepTheChain) {
    SqlitePatientRepository patients(*db_);
    ASSERT_TRUE(patients.add(Patient{0, "Bo Chen", "", "", "", false}).ok());
    SqliteSessionRepository sessions(*db_);
    const auto id = *sessions.add(test::sampleSession(patientId_, 7));
    ASSERT_TRUE(sessions.sign(id, clinicianId_).ok());
    open(); // and again on a new connection
    ASSERT_TRUE(SqlitePatientRepository(*db_).add(Patient{0, "Cy Diaz", "", "", "", false}).ok());
    auto problems = verifyRecords(*db_);
    ASSERT_TRUE(problems.ok());
    EXPECT_TRUE(problems->empty()) << joined(*problems);
}

/// A database as HepDesk 5 left it: a signed session and audit rows without hashes.
TEST_F(TamperEvidenceTest, RestoreRefusesABackupWhoseSignedSessionWasChangedWithGuardsPutBack) {
    const auto backup = path().parent_path() / "copy.sqlite";
    ASSERT_TRUE(Backup::write(*db_, backup).ok());
    const std::string guard = triggerSql("session_signed_no_update");
    db_.reset();
    // The guard is dropped and put back as it was: the schema matches, only the seal tells.
    outside(backup, "DROP TRIGGER session_signed_no_update; UPDATE session SET triage = "
                    "CASE triage WHEN 'emergency' THEN 'routine' ELSE 'emergency' END WHERE id = " +
                        std::to_string(signed_[1]) + ";" + guard);
    auto restored = Backup::restore(backup, path());
    ASSERT_FALSE(restored.ok());
    EXPECT_NE(restored.error().message.find("session " + std::to_string(signed_[1]) +
                                            ": signed content changed outside HepDesk"),
              std::string::npos)
        << restored.error().message;
    open();
    EXPECT_TRUE(verifyRecords(*db_)->empty()) << "the database in use was not replaced";
}

TEST(TamperEvidenceMigration, RecordsFromBeforeSchema6AreSealedAndChainedOnUpgrade) {
    test::TempDir dir;
    const auto path = dir / "old.sqlite";
    {
        Database::Options o;
        o.targetVersion = 5;
        auto db = Database::open(path, o);
        ASSERT_TRUE(db.ok()) << db.error().message;
        ASSERT_TRUE(db->connection()
                        .exec("INSERT INTO patient(id, name, created_at) VALUES (1, 'Ann', "
                              "'2025-01-01T00:00:00Z'); "
                              "INSERT INTO clinician(id, name, created_at) VALUES (1, 'Dr A', "
                              "'2025-01-01T00:00:00Z'); "
                              "INSERT INTO session(id, patient_id, started_at, screening_json, "
                              "triage, pain_now, created_at) VALUES (1, 1, "
                              "'2025-03-01T09:00:00Z', '{\"date\":\"2025-03-01\"}', 'routine', "
                              "4, '2025-03-01T09:00:00Z'); "
                              "INSERT INTO program_item VALUES (1, 0, 'cat_cow', 2, 10, 0, 2, 0, "
                              "''); "
                              "UPDATE session SET signed_at = '2025-03-01T09:40:00Z', "
                              "signed_by = 1 WHERE id = 1; "
                              "INSERT INTO audit_log(at, actor, action, entity, entity_id) VALUES "
                              "('2025-03-01T09:00:00Z', 'ann', 'session.add', 'session', '1'), "
                              "('2025-03-01T09:40:00Z', 'ann\nroot', 'session.sign', 'session', "
                              "'1')")
                        .ok());
    }
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok()) << db.error().message;
        EXPECT_EQ(db->schemaVersion(), Database::latestSchemaVersion());
        auto problems = verifyRecords(*db);
        ASSERT_TRUE(problems.ok()) << problems.error().message;
        EXPECT_TRUE(problems->empty()) << joined(*problems);
        EXPECT_EQ(*db->connection().queryInt("SELECT count(*) FROM session WHERE seal IS NULL"), 0);
        auto log = SqliteAuditLog(*db).list({"session", "1", 10});
        ASSERT_TRUE(log.ok());
        ASSERT_EQ(log->size(), 3U);
        EXPECT_EQ(log->front().action, "session.seal");
        EXPECT_NE(log->front().detail.find("signed before seals existed"), std::string::npos);
        EXPECT_EQ(log->at(1).actor, "ann\nroot") << "old rows are chained as they are stored";
        // Reopening does not seal again.
        EXPECT_EQ(*db->connection().queryInt("SELECT count(*) FROM session_seal_pending"), 0);
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(*db->connection().queryInt("SELECT count(*) FROM audit_log"), 3);
    db = Error::internal("closed");
    outside(path, "DROP TRIGGER session_signed_no_update; UPDATE session SET pain_now = 0");
    EXPECT_FALSE(Database::open(path).ok()) << "a normal open refuses the changed schema";
    db = Database::open(path, {.create = false, .migrate = false, .quickCheck = false});
    ASSERT_TRUE(db.ok());
    auto problems = verifyRecords(*db);
    ASSERT_TRUE(problems.ok());
    ASSERT_EQ(problems->size(), 1U) << joined(*problems);
    EXPECT_EQ(problems->front(),
              "session 1: signed content changed outside HepDesk (seal mismatch)");
}

TEST(AuditText, ControlCharactersAndBrokenUtf8AreEscapedOnOneLine) {
    EXPECT_EQ(escapeAuditText("ann\nroot"), "ann\\nroot");
    EXPECT_EQ(escapeAuditText("a\tb\r\x1b[31mred\x7f"), "a\\tb\\r\\x1b[31mred\\x7f");
    EXPECT_EQ(escapeAuditText("back\\slash"), "back\\\\slash");
    EXPECT_EQ(escapeAuditText("Zoë Ørsted 🙂"), "Zoë Ørsted 🙂");
    EXPECT_EQ(escapeAuditText("bad \xff byte"), "bad \\xff byte");
    EXPECT_EQ(escapeAuditText("next\xc2\x85line"), "next\\u0085line");
}

TEST(AuditText, ActorIsTheOperatingSystemUserNotTheEnvironment) {
    std::vector<std::pair<const char*, std::optional<std::string>>> saved;
    for (const char* var : {"USER", "LOGNAME"}) {
        const char* v = std::getenv(var);
        saved.emplace_back(var, v != nullptr ? std::optional<std::string>(v) : std::nullopt);
        ::setenv(var, "Dr Admin\nforged line", 1);
    }
    test::TempDir dir;
    auto db = Database::open(dir / "a.sqlite");
    for (const auto& [var, value] : saved) {
        if (value) {
            ::setenv(var, value->c_str(), 1);
        } else {
            ::unsetenv(var);
        }
    }
    ASSERT_TRUE(db.ok());
    const passwd* pw = ::getpwuid(::geteuid());
    const std::string uid = "uid " + std::to_string(::geteuid());
    EXPECT_EQ(db->actor(), pw != nullptr ? std::string(pw->pw_name) + " (" + uid + ")" : uid);
    ASSERT_TRUE(SqlitePatientRepository(*db).add(Patient{0, "Ann", "", "", "", false}).ok());
    auto entries = SqliteAuditLog(*db).list({});
    ASSERT_TRUE(entries.ok());
    EXPECT_EQ(entries->front().actor, db->actor());
    EXPECT_EQ(entries->front().actor.find('\n'), std::string::npos);
    // A name set by the app is escaped as well.
    db->setActor("Dr X\nroot");
    ASSERT_TRUE(SqlitePatientRepository(*db).add(Patient{0, "Bo", "", "", "", false}).ok());
    EXPECT_EQ(SqliteAuditLog(*db).list({})->front().actor, "Dr X\\nroot");
}

} // namespace
} // namespace hepdesk::db
