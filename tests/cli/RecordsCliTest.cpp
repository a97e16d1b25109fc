#include "CliOnDatabase.h"
#include "TestSupport.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/SessionRepository.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

namespace hepdesk::cli {
namespace {
namespace fs = std::filesystem;

/// Trustworthy records through the real hepdesk-cli: `db check` names records changed
/// outside HepDesk; signing, addenda and archived patients follow the repository's rules;
/// exports, backups and restores leave a line in the audit log.
class RecordsCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(cli({"patient", "add", "--name", "Ann"}).exitCode, 0);
        ASSERT_EQ(cli({"clinician", "add", "--name", "Dr Rivera"}).exitCode, 0);
        ASSERT_EQ(cli({"clinician", "add", "--name", "Dr Gone"}).exitCode, 0);
        auto db = db::Database::open(path_);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(
            db::SqliteClinicianRepository(*db).update(Clinician{2, "Dr Gone", "", false}).ok());
        Session s;
        s.patientId = 1;
        s.startedAt = "2026-01-05T10:00:00Z";
        s.screening.date = "2026-01-05";
        s.screening.regions = {Region::Neck};
        s.screening.pain.now = 5; // the score below is the screening's
        s.scores.painNow = 5;
        s.program.items = {ProgramItem{"chin_tuck", Dosage{2, 10, 5, 3, false}, ""}};
        db::SqliteSessionRepository sessions(*db);
        for (int i = 0; i < 2; ++i) {
            ASSERT_TRUE(sessions.add(s).ok());
        }
    }
    test::ProcessResult cli(const std::vector<std::string>& args, bool json = false) {
        return test::runCliOn(path_, args, json);
    }
    /// Runs `sql` on the file as the sqlite3 shell would.
    void outside(const std::string& sql) {
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
        const int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr);
        sqlite3_close(raw);
        ASSERT_EQ(rc, SQLITE_OK) << sql;
    }
    std::vector<db::AuditEntry> audit(const fs::path& file) {
        auto db = db::Database::open(file);
        EXPECT_TRUE(db.ok());
        auto entries = db::SqliteAuditLog(*db).list({});
        EXPECT_TRUE(entries.ok());
        return entries ? *entries : std::vector<db::AuditEntry>{};
    }
    test::TempDir dir_;
    fs::path path_ = dir_ / "clinic.sqlite";
};

TEST_F(RecordsCli, DbCheckNamesEachRecordChangedOutsideHepDesk) {
    ASSERT_EQ(cli({"session", "sign", "1", "--clinician", "1"}).exitCode, 0);
    ASSERT_EQ(cli({"session", "sign", "2", "--clinician", "1"}).exitCode, 0);
    const auto clean = cli({"db", "check"});
    EXPECT_EQ(clean.exitCode, 0) << clean.out << clean.err;

    outside("DROP TRIGGER session_signed_no_update; DROP TRIGGER audit_log_no_update; "
            "DROP TRIGGER audit_log_no_delete; "
            "UPDATE session SET screening_json = '{\"date\":\"2026-01-05\"}' WHERE id = 2; "
            "UPDATE audit_log SET detail = 'nothing to see' WHERE id = 4; "
            "DELETE FROM audit_log WHERE id = 6");
    const auto r = cli({"db", "check"});
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    for (const char* line : {"session 2: signed content changed outside HepDesk (seal mismatch)",
                             "audit log row 4: hash mismatch (changed outside HepDesk)",
                             "audit log: row 6 missing (chain broken after row 5)"}) {
        EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out;
    }
    EXPECT_EQ(r.out.find("session 1:"), std::string::npos) << r.out;
    auto json = nlohmann::json::parse(cli({"db", "check"}, true).out);
    EXPECT_EQ(json["ok"], false);
    EXPECT_GE(json["problems"].size(), 3U);
}

TEST_F(RecordsCli, InactiveClinicianCannotSignAndAnAddendumNamesAnActiveOne) {
    const auto inactive = cli({"session", "sign", "1", "--clinician", "2"});
    EXPECT_EQ(inactive.exitCode, 3) << inactive.err;
    EXPECT_NE(inactive.err.find("clinician 2 (Dr Gone) is inactive"), std::string::npos)
        << inactive.err;
    ASSERT_EQ(cli({"session", "sign", "1", "--clinician", "1"}).exitCode, 0);
    const auto nobody = cli({"session", "addendum", "1", "--text", "late note"});
    EXPECT_EQ(nobody.exitCode, 2) << nobody.err;
    EXPECT_NE(nobody.err.find("must name the clinician"), std::string::npos) << nobody.err;
    const auto gone = cli({"session", "addendum", "1", "--text", "late", "--clinician", "2"});
    EXPECT_EQ(gone.exitCode, 3) << gone.err;
    EXPECT_NE(gone.err.find("clinician 2"), std::string::npos) << gone.err;
    EXPECT_EQ(cli({"session", "addendum", "1", "--text", "late", "--clinician", "1"}).exitCode, 0);
}

TEST_F(RecordsCli, AnArchivedPatientIsReadOnlyUntilUndone) {
    ASSERT_EQ(cli({"patient", "archive", "1"}).exitCode, 0);
    const auto edit = cli({"patient", "edit", "1", "--name", "Someone Else"});
    EXPECT_EQ(edit.exitCode, 3) << edit.err;
    EXPECT_NE(edit.err.find("patient 1 is archived and read-only"), std::string::npos) << edit.err;
    EXPECT_NE(edit.err.find("patient archive 1 --undo"), std::string::npos) << edit.err;
    const auto sign = cli({"session", "sign", "1", "--clinician", "1"});
    EXPECT_EQ(sign.exitCode, 3) << sign.err;
    EXPECT_EQ(cli({"session", "show", "1"}).exitCode, 0) << "history stays readable";
    ASSERT_EQ(cli({"patient", "archive", "1", "--undo"}).exitCode, 0);
    EXPECT_EQ(cli({"patient", "edit", "1", "--name", "Ann B"}).exitCode, 0);
    const auto entries = audit(path_);
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.front().action, "patient.edit");
    EXPECT_EQ(entries.front().detail, "name: \"Ann\" -> \"Ann B\"");
}

TEST_F(RecordsCli, ExportBackupAndRestoreAreAudited) {
    const auto exported = dir_ / "s1.json";
    ASSERT_EQ(cli({"session", "export", "1", "--out", exported.string()}).exitCode, 0);
    ASSERT_EQ(cli({"session", "export", "2"}).exitCode, 0);
    const auto backup = dir_ / "copy.sqlite";
    const auto b = cli({"db", "backup", backup.string()});
    ASSERT_EQ(b.exitCode, 0) << b.err;
    auto entries = audit(path_);
    ASSERT_GE(entries.size(), 3U);
    EXPECT_EQ(entries[0].action, "db.backup");
    EXPECT_EQ(entries[0].detail, "file " + backup.string());
    EXPECT_EQ(entries[1].action, "session.export");
    EXPECT_EQ(entries[1].entityId, "2");
    EXPECT_EQ(entries[1].detail, "to standard output");
    EXPECT_EQ(entries[2].action, "session.export");
    EXPECT_EQ(entries[2].detail, "file " + exported.string());

    const auto pdf = dir_ / "handout.pdf";
    const auto h = cli({"handout", "--session", "1", "-o", pdf.string()});
    ASSERT_EQ(h.exitCode, 0) << h.err;
    entries = audit(path_);
    EXPECT_EQ(entries[0].action, "handout.export");
    EXPECT_EQ(entries[0].entityId, "1");
    EXPECT_EQ(entries[0].detail.rfind("file " + pdf.string() + ", sha256 ", 0), 0U)
        << entries[0].detail;

    const auto r = cli({"db", "restore", backup.string()}, true);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string kept = nlohmann::json::parse(r.out)["previous_kept_as"];
    entries = audit(path_);
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries[0].action, "db.restore");
    EXPECT_EQ(entries[0].detail, "from " + backup.string() + ", previous database kept as " + kept);
    EXPECT_EQ(cli({"db", "check"}).exitCode, 0) << "the restored chain is whole";
}

// Issue 12, safety 1: `session new --follow-up` keeps the patient's lasting conditions (and
// their sex and age) and asks today's episode afresh.
TEST_F(RecordsCli, AFollowUpCarriesLastingFindingsNotAcuteOnes) {
    ASSERT_EQ(cli({"patient", "add", "--name", "Rosa", "--birth-date", "1948-03-02"}).exitCode, 0);
    test::writeFile(dir_ / "first.json",
                    R"({"date": "2026-11-20", "sex": "female", "regions": ["low_back"],
                        "findings": ["osteoporosis", "recent_trauma", "ces_saddle_numbness"]})");
    auto first = cli({"session", "new", "--patient", "2", "--clinician", "1", "--screening",
                      (dir_ / "first.json").string(), "--exercise", "seated_thoracic_twist",
                      "--override-kind", "declines_referral", "--override-reason",
                      "Sent to the emergency department; exercises for after"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    test::writeFile(dir_ / "today.json", R"({"date": "2026-11-30", "pain": {"now": 3}})");
    auto follow = cli({"session", "new", "--patient", "2", "--clinician", "1", "--screening",
                       (dir_ / "today.json").string(), "--follow-up"},
                      true);
    ASSERT_EQ(follow.exitCode, 0) << follow.err;
    EXPECT_NE(follow.err.find("carried from session 3: osteoporosis"), std::string::npos)
        << follow.err;
    EXPECT_NE(follow.err.find("caution: seated_thoracic_twist"), std::string::npos) << follow.err;
    const auto s = nlohmann::json::parse(follow.out);
    const auto& screening = s.at("screening");
    EXPECT_EQ(screening.at("findings"), nlohmann::json::array({"osteoporosis"}))
        << "recent trauma and the cauda equina sign are asked afresh";
    EXPECT_EQ(screening.at("sex"), "female");
    EXPECT_EQ(screening.at("age"), 78) << "from the birth date on 2026-11-30";
    EXPECT_EQ(s.at("triage"), "routine");
    ASSERT_EQ(s.at("program").size(), 1U);

    // Cleared by the clinician (a lasting finding no longer true): not carried; an acute or
    // unknown id is refused by name.
    auto cleared =
        cli({"session", "new", "--patient", "2", "--clinician", "1", "--screening",
             (dir_ / "today.json").string(), "--follow-up", "--clear-finding", "osteoporosis"},
            true);
    ASSERT_EQ(cleared.exitCode, 0) << cleared.err;
    EXPECT_EQ(cleared.err.find("carried from session 4: osteoporosis"), std::string::npos)
        << cleared.err;
    EXPECT_TRUE(nlohmann::json::parse(cleared.out).at("screening").at("findings").empty());
    auto acute =
        cli({"session", "new", "--patient", "2", "--screening", (dir_ / "today.json").string(),
             "--follow-up", "--clear-finding", "recent_trauma"});
    EXPECT_EQ(acute.exitCode, 2) << acute.err;
    EXPECT_NE(acute.err.find("\"recent_trauma\" is not a lasting finding"), std::string::npos)
        << acute.err;
}

} // namespace
} // namespace hepdesk::cli

namespace hepdesk::cli {
namespace {

// Issue 12 item 7: `session new --visit-time` records a visit entered late, with the age on
// that day; the audit line names the visit time and when it was entered; a time in the future
// or before the birth date is refused; `session list` tells two visits of one day apart.
TEST_F(RecordsCli, LateEntryVisitTimeIsStoredAuditedAndChecked) {
    ASSERT_EQ(cli({"patient", "add", "--name", "Rosa", "--birth-date", "1948-11-29"}).exitCode, 0);
    test::writeFile(dir_ / "s.json", R"({"date": "2026-11-30", "regions": ["low_back"]})");
    const auto late = cli({"session", "new", "--patient", "2", "--clinician", "1", "--screening",
                           (dir_ / "s.json").string(), "--visit-time", "2026-11-29T09:05Z"},
                          true);
    ASSERT_EQ(late.exitCode, 0) << late.err;
    const auto s = nlohmann::json::parse(late.out);
    EXPECT_EQ(s.at("started_at"), "2026-11-29T09:05:00Z");
    EXPECT_EQ(s.at("screening").at("date"), "2026-11-29");
    EXPECT_EQ(s.at("screening").at("age"), 78) << "78 on 2026-11-29, the birthday";
    const auto entries = audit(path_);
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries[0].action, "session.add");
    EXPECT_EQ(entries[0].detail.rfind("patient 2, triage routine, visit time "
                                      "2026-11-29T09:05:00Z, entered at ",
                                      0),
              0U)
        << entries[0].detail;
    ASSERT_EQ(cli({"session", "new", "--patient", "2", "--clinician", "1", "--screening",
                   (dir_ / "s.json").string(), "--visit-time", "2026-11-29T15:40:00+01:00"})
                  .exitCode,
              0);
    const auto list = cli({"session", "list", "--patient", "2"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    EXPECT_NE(list.out.find("2026-11-29T14:40:00Z"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("2026-11-29T09:05:00Z"), std::string::npos) << list.out;

    const auto future = cli({"session", "new", "--patient", "2", "--screening",
                             (dir_ / "s.json").string(), "--visit-time", "2999-01-01T10:00Z"});
    EXPECT_EQ(future.exitCode, 2) << future.err;
    EXPECT_NE(future.err.find("--visit-time: visit time 2999-01-01T10:00:00Z is in the future"),
              std::string::npos)
        << future.err;
    const auto unborn = cli({"session", "new", "--patient", "2", "--screening",
                             (dir_ / "s.json").string(), "--visit-time", "1948-11-28T10:00Z"});
    EXPECT_EQ(unborn.exitCode, 2) << unborn.err;
    EXPECT_NE(unborn.err.find("before the patient's birth date 1948-11-29"), std::string::npos)
        << unborn.err;
}

} // namespace
} // namespace hepdesk::cli
