#include "CliOnDatabase.h"
#include "TestSupport.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/SessionRepository.h"

#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

namespace hepdesk::cli {
namespace {
namespace fs = std::filesystem;

class DbCli : public ::testing::Test {
protected:
    test::ProcessResult cli(const std::vector<std::string>& args, bool json = false) {
        return test::runCliOn(path_, args, json);
    }
    nlohmann::json cliJson(std::vector<std::string> args) {
        const auto r = cli(std::move(args), true);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }
    /// A signed-or-not session stored through the repository (as the app does after assess()).
    std::int64_t storeSession(std::int64_t patient, const std::string& startedAt, int pain) {
        auto db = db::Database::open(path_);
        EXPECT_TRUE(db.ok());
        Session s;
        s.patientId = patient;
        s.startedAt = startedAt;
        s.screening.date = startedAt.substr(0, 10);
        s.screening.regions = {Region::Neck};
        s.triage = TriageLevel::ReferAndMonitor;
        s.findings = {Finding{"night_pain", "r.night", TriageLevel::ReferAndMonitor, "Night pain"}};
        s.screening.pain.now = pain; // the score below is the screening's
        s.scores.painNow = pain;
        s.scores.ndiPercent = 30.0;
        s.program.items = {ProgramItem{"chin_tuck", Dosage{2, 10, 5, 3, false}, "gently"}};
        return *db::SqliteSessionRepository(*db).add(s);
    }
    test::TempDir dir_;
    fs::path path_ = dir_ / "clinic.sqlite";
};

TEST_F(DbCli, PatientAddSearchShowEditArchive) {
    EXPECT_EQ(cliJson({"patient", "add", "--name", "Zoë Ørsted", "--birth-date", "1980-02-29",
                       "--record", "R-7"})["id"],
              1);
    EXPECT_EQ(cliJson({"patient", "add", "--name", "Αλέξανδρος Π."})["id"], 2);
    EXPECT_EQ(cliJson({"patient", "add", "--name", "Łukasz O'Brien"})["id"], 3);
    auto found = cliJson({"patient", "search", "alex"});
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0]["name"], "Αλέξανδρος Π.");
    EXPECT_EQ(cliJson({"patient", "search", "lukasz"})[0]["id"], 3);
    EXPECT_EQ(cliJson({"patient", "search", "1980-02-29"})[0]["id"], 1);
    EXPECT_EQ(cliJson({"patient", "search", "R-7"})[0]["id"], 1);

    auto edited = cliJson({"patient", "edit", "1", "--contact", "+45 1234"});
    EXPECT_EQ(edited["contact"], "+45 1234");
    EXPECT_EQ(edited["name"], "Zoë Ørsted");
    auto shown = cliJson({"patient", "show", "1"});
    EXPECT_EQ(shown["patient"]["contact"], "+45 1234");
    EXPECT_TRUE(shown["sessions"].empty());

    EXPECT_EQ(cli({"patient", "archive", "3"}).exitCode, 0);
    EXPECT_EQ(cliJson({"patient", "list"}).size(), 2U);
    EXPECT_EQ(cliJson({"patient", "list", "--all"}).size(), 3U);
    EXPECT_TRUE(cliJson({"patient", "search", "lukasz"}).empty());
    EXPECT_EQ(cli({"patient", "archive", "3", "--undo"}).exitCode, 0);
    EXPECT_EQ(cliJson({"patient", "list"}).size(), 3U);

    const auto text = cli({"patient", "list"});
    EXPECT_NE(text.out.find("1\tZoë Ørsted\t1980-02-29\tR-7\n"), std::string::npos) << text.out;
}

TEST_F(DbCli, BadInputIsExitCode2WithOneClearLine) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"patient", "add"},
          {"patient", "add", "--name", ""},
          {"patient", "add", "--name", "A", "--birth-date", "yesterday"},
          {"patient", "add", "--name", "A", "--colour", "red"},
          {"patient", "show", "abc"},
          {"patient", "show", "99"},
          {"patient", "edit", "-1", "--name", "X"},
          {"patient", "frobnicate"},
          {"session", "show", "1"},
          {"session", "list"},
          {"session", "sign", "1"},
          {"db", "restore"}}) {
        const auto r = cli(args);
        EXPECT_EQ(r.exitCode, 2) << args[0] << " " << args[1] << ": " << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_TRUE(r.err.starts_with("hepdesk-cli: ")) << r.err;
    }
    const auto r = cli({"patient", "add", "--name", "A", "--birth-date", "1980-02-30"});
    EXPECT_NE(r.err.find("1980-02-30"), std::string::npos);
}

TEST_F(DbCli, SessionListShowSignAddendumExport) {
    ASSERT_EQ(cli({"patient", "add", "--name", "Ann"}).exitCode, 0);
    ASSERT_EQ(cli({"clinician", "add", "--name", "Dr Rivera", "--credentials", "PT"}).exitCode, 0);
    const auto first = storeSession(1, "2026-01-05T10:00:00Z", 7);
    const auto second = storeSession(1, "2026-02-05T10:00:00Z", 3);

    auto history = cliJson({"session", "list", "--patient", "1"});
    ASSERT_EQ(history.size(), 2U);
    EXPECT_EQ(history[0]["id"], second);
    EXPECT_EQ(history[0]["scores"]["pain_now"], 3);
    EXPECT_EQ(history[1]["program"][0]["exercise"], "chin_tuck");
    auto trend = cliJson({"session", "trend", "--patient", "1"});
    ASSERT_EQ(trend.size(), 2U);
    EXPECT_EQ(trend[0]["pain_now"], 7);
    EXPECT_EQ(trend[1]["ndi_percent"], 30.0);

    const auto early = cli({"session", "addendum", std::to_string(first), "--text", "x"});
    EXPECT_EQ(early.exitCode, 3) << early.err;
    const auto sign = cli({"session", "sign", std::to_string(first), "--clinician", "1"});
    ASSERT_EQ(sign.exitCode, 0) << sign.err;
    const auto again = cli({"session", "sign", std::to_string(first), "--clinician", "1"});
    EXPECT_EQ(again.exitCode, 3);
    EXPECT_NE(again.err.find("addendum"), std::string::npos) << again.err;
    ASSERT_EQ(cli({"session", "addendum", std::to_string(first), "--text", "Pain was 6, not 7.",
                   "--clinician", "1"})
                  .exitCode,
              0);

    auto shown = cliJson({"session", "show", std::to_string(first)});
    EXPECT_EQ(shown["signed"], true);
    EXPECT_EQ(shown["signed_by"], 1);
    EXPECT_EQ(shown["addenda"][0]["text"], "Pain was 6, not 7.");
    EXPECT_EQ(shown["findings"][0]["reason"], "Night pain");
    const auto text = cli({"session", "show", std::to_string(first)});
    EXPECT_NE(text.out.find("chin_tuck 2x10 hold 5s, 3/day"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("addendum"), std::string::npos);

    const auto out = dir_ / "session.json";
    ASSERT_EQ(cli({"session", "export", std::to_string(first), "--out", out.string()}).exitCode, 0);
    struct stat st {};
    ASSERT_EQ(::stat(out.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777U, 0600U);
    EXPECT_EQ(nlohmann::json::parse(test::readFile(out)), shown);
}

TEST_F(DbCli, HandoutOfASignedSessionNamesWhoSignedItAsTheAppDoes) {
    ASSERT_EQ(cli({"patient", "add", "--name", "Ann"}).exitCode, 0);
    ASSERT_EQ(cli({"clinician", "add", "--name", "Dr Rivera", "--credentials", "PT"}).exitCode, 0);
    ASSERT_EQ(cli({"clinician", "add", "--name", "Dr Okafor", "--credentials", "DPT"}).exitCode, 0);
    std::int64_t id = 0;
    {
        auto db = db::Database::open(path_);
        ASSERT_TRUE(db.ok());
        Session s;
        s.patientId = 1;
        s.clinicianId = 1; // started by Dr Rivera...
        s.startedAt = "2026-03-02T09:00:00Z";
        s.screening.date = "2026-03-02";
        s.screening.regions = {Region::Neck};
        s.screening.pain.now = 3; // what a routine visit records at least
        s.program.items = {ProgramItem{"chin_tuck", Dosage{2, 10, 5, 3, false}, ""}};
        auto added = db::SqliteSessionRepository(*db).add(s);
        ASSERT_TRUE(added.ok()) << added.error().message;
        id = *added;
    }
    // ... and signed by Dr Okafor: the handout names the clinician who signed.
    ASSERT_EQ(cli({"session", "sign", std::to_string(id), "--clinician", "2"}).exitCode, 0);
    const auto pdf = dir_ / "signed.pdf";
    const auto r = cli({"handout", "--session", std::to_string(id), "-o", pdf.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto text = test::runProcess("/usr/bin/pdftotext", {"-q", pdf.string(), "-"}).out;
    EXPECT_NE(text.find("Dr Okafor"), std::string::npos) << text;
    EXPECT_EQ(text.find("Dr Rivera"), std::string::npos) << text;
}

TEST_F(DbCli, CheckBackupRestoreMigrate) {
    ASSERT_EQ(cli({"patient", "add", "--name", "Ann"}).exitCode, 0);
    auto check = cliJson({"db", "check"});
    EXPECT_EQ(check["ok"], true);
    const auto backup = dir_ / "b.sqlite";
    ASSERT_EQ(cli({"db", "backup", backup.string()}).exitCode, 0);
    ASSERT_EQ(cli({"patient", "add", "--name", "Bo"}).exitCode, 0);
    auto restored = cliJson({"db", "restore", backup.string()});
    EXPECT_TRUE(fs::exists(restored["previous_kept_as"].get<std::string>()));
    EXPECT_EQ(cliJson({"patient", "list"}).size(), 1U);

    auto daily = cliJson({"db", "backup", "--folder", (dir_ / "daily").string(), "--keep", "3"});
    EXPECT_EQ(daily["written"], true);
    EXPECT_EQ(cliJson({"db", "backup", "--folder", (dir_ / "daily").string()})["written"], false);

    // A damaged backup is refused; a damaged database is reported by check with exit 1.
    {
        std::fstream f(backup, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(100); // the schema's b-tree page
        const std::string junk(3000, '\x33');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    const auto refused = cli({"db", "restore", backup.string()});
    EXPECT_EQ(refused.exitCode, 2) << refused.err;
    EXPECT_NE(refused.err.find("damaged"), std::string::npos) << refused.err;
    EXPECT_EQ(cliJson({"patient", "list"}).size(), 1U);

    const auto old = dir_ / "old.sqlite";
    {
        db::Database::Options o;
        o.targetVersion = 1;
        ASSERT_TRUE(db::Database::open(old, o).ok());
    }
    const auto m = test::runProcess(HEPDESK_CLI_EXE, {"--db", old.string(), "db", "migrate"});
    EXPECT_EQ(m.exitCode, 0) << m.err;
    EXPECT_NE(m.out.find("1 -> " + std::to_string(db::Database::latestSchemaVersion())),
              std::string::npos)
        << m.out;
}

TEST_F(DbCli, CheckReportsADamagedDatabaseWithExit1) {
    {
        auto db = db::Database::open(path_);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(db->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    ASSERT_EQ(cli({"patient", "add", "--name", "Ann"}).exitCode, 0);
    {
        auto db = db::Database::open(path_);
        ASSERT_TRUE(db.ok());
        auto tx = db::Transaction::begin(db->connection());
        for (int i = 0; i < 200; ++i) { // several pages of rows
            ASSERT_TRUE(db->connection()
                            .exec("INSERT INTO patient(name, created_at) VALUES ('" +
                                  std::string(300, 'q') + "', 'x')")
                            .ok());
        }
        ASSERT_TRUE(tx->commit().ok());
        ASSERT_TRUE(db->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    {
        std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4096 * 3 + 200);
        const std::string junk(4000, '\x44');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    const auto r = cli({"db", "check"});
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("DAMAGED"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("db restore"), std::string::npos) << r.out;
}

TEST_F(DbCli, SessionNewAssessesTheScreeningAndStoresTheSession) {
    ASSERT_EQ(cli({"patient", "add", "--name", "Ann"}).exitCode, 0);
    ASSERT_EQ(cli({"clinician", "add", "--name", "Dr Rivera"}).exitCode, 0);
    const auto screening = dir_ / "screening.json";
    test::writeFile(screening, R"({"date": "2026-11-20", "age": 67, "sex": "female",
        "regions": ["low_back"], "pain": {"now": 6, "best": 2, "worst": 8},
        "findings": ["osteoporosis", "night_pain"], "notes": "Desk job."})");
    const auto r = cli({"session", "new", "--patient", "1", "--screening", screening.string(),
                        "--exercise", "cat_cow:2x10", "--exercise", "pelvic_tilt:20s",
                        "--clinician", "1", "--language", "es"},
                       true);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    // What assess() decided is stored as given: triage, findings with reasons, scores.
    EXPECT_EQ(j["triage"], "refer_and_monitor");
    ASSERT_FALSE(j["findings"].empty());
    EXPECT_EQ(j["findings"][0]["item"], "night_pain");
    EXPECT_FALSE(j["findings"][0]["reason"].get<std::string>().empty());
    EXPECT_EQ(j["scores"]["pain_now"], 6);
    EXPECT_EQ(j["scores"]["pain_worst"], 8);
    EXPECT_EQ(j["program"][0]["exercise"], "cat_cow");
    EXPECT_EQ(j["program"][0]["dosage"]["sets"], 2);
    EXPECT_EQ(j["program"][0]["dosage"]["reps"], 10);
    EXPECT_EQ(j["program"][1]["dosage"]["hold_seconds"], 20);
    EXPECT_EQ(j["handout_options"]["language"], "es");
    EXPECT_EQ(j["screening"]["notes"], "Desk job.");
    EXPECT_EQ(cliJson({"session", "show", std::to_string(j["id"].get<int>())}), j);

    // An exercise the clinical core excludes for this screening is refused (exit 3).
    const auto excluded = cli({"session", "new", "--patient", "1", "--screening",
                               screening.string(), "--exercise", "dead_hang"});
    EXPECT_EQ(excluded.exitCode, 3) << excluded.err;
    EXPECT_NE(excluded.err.find("dead_hang"), std::string::npos) << excluded.err;
    // Bad input: unknown exercise, bad dosage, bad screening file; nothing stored.
    EXPECT_EQ(cli({"session", "new", "--patient", "1", "--screening", screening.string(),
                   "--exercise", "no_such"})
                  .exitCode,
              2);
    EXPECT_EQ(cli({"session", "new", "--patient", "1", "--screening", screening.string(),
                   "--exercise", "cat_cow:2y10"})
                  .exitCode,
              2);
    EXPECT_EQ(cli({"session", "new", "--patient", "1", "--screening", screening.string(),
                   "--language", "xx"})
                  .exitCode,
              2);
    test::writeFile(dir_ / "bad.json", R"({"pain": {"now": 11}})");
    const auto bad =
        cli({"session", "new", "--patient", "1", "--screening", (dir_ / "bad.json").string()});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("/pain/now"), std::string::npos) << bad.err;
    EXPECT_EQ(cli({"session", "new", "--patient", "7", "--screening", screening.string()}).exitCode,
              2);
    EXPECT_EQ(cliJson({"session", "list", "--patient", "1"}).size(), 1U);
}

} // namespace
} // namespace hepdesk::cli
