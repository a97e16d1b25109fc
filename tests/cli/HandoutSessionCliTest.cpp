#include "TestSupport.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <optional>

// `hepdesk-cli --db PATH handout --session ID`: the handout of a stored session, recorded with
// its SHA-256 so a reprint can be proven identical.
namespace hepdesk::cli {
namespace {
namespace fs = std::filesystem;

class HandoutSessionCli : public ::testing::Test {
protected:
    /// A stored draft; `painNow` is what a routine visit records at least (none: nothing).
    std::int64_t store(const std::set<std::string>& findings, TriageLevel triage,
                       std::vector<ProgramItem> program, HandoutOptions options = {},
                       std::optional<int> painNow = 3) {
        auto db = db::Database::open(path_);
        EXPECT_TRUE(db.ok()) << db.error().message;
        auto patient =
            db::SqlitePatientRepository(*db).add(Patient{0, "Юлия Сергеевна", "", "", ""});
        auto clinician =
            db::SqliteClinicianRepository(*db).add(Clinician{0, "Ana Gil", "PT", true});
        EXPECT_TRUE(patient.ok() && clinician.ok());
        ClinicSettings clinic;
        clinic.name = "Riverside Physical Therapy";
        clinic.phone = "555-0100";
        EXPECT_TRUE(db::SqliteClinicRepository(*db).save(clinic).ok());
        Session s;
        s.patientId = *patient;
        s.clinicianId = *clinician;
        s.startedAt = "2026-11-21T10:00:00Z";
        s.screening.date = "2026-11-21";
        s.screening.regions = {Region::LowBack};
        s.screening.pain.now = painNow;
        s.screening.findings = findings;
        s.triage = triage;
        s.program.items = std::move(program);
        s.handoutOptions = std::move(options);
        auto id = db::SqliteSessionRepository(*db).add(s);
        EXPECT_TRUE(id.ok()) << id.error().message;
        return *id;
    }
    test::ProcessResult cli(std::vector<std::string> args) {
        std::vector<std::string> all = {"--db", path_.string(), "--format", "json", "handout"};
        all.insert(all.end(), args.begin(), args.end());
        return test::runProcess(HEPDESK_CLI_EXE, all);
    }
    std::vector<HandoutRecord> records(std::int64_t id) {
        auto db = db::Database::open(path_);
        return db::SqliteSessionRepository(*db).get(id)->handouts;
    }
    test::TempDir dir_;
    fs::path path_ = dir_ / "clinic.sqlite";
};

TEST_F(HandoutSessionCli, PrintsTheStoredSessionAndRecordsItsSha256) {
    HandoutOptions opts;
    opts.language = "es";
    const auto id =
        store({}, TriageLevel::Routine,
              {ProgramItem{"chin_tuck", Dosage{2, 10, 5, 3, false}, "Con calma"}}, opts);
    const auto out = dir_ / "h.pdf";
    const auto r = cli({"--session", std::to_string(id), "-o", out.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string bytes = test::readFile(out);
    EXPECT_EQ(nlohmann::json::parse(r.out)["sha256"], sha256Hex(bytes));
    const auto text = test::runProcess("/usr/bin/pdftotext", {"-q", out.string(), "-"}).out;
    for (const char* s : {"Юлия Сергеевна", "Ana Gil, PT", "Riverside Physical Therapy",
                          "Con calma", "21 de noviembre de 2026"}) {
        EXPECT_NE(text.find(s), std::string::npos) << s;
    }
    // A reprint is byte-identical: the same handout, recorded once for its fingerprint.
    const auto again = dir_ / "again.pdf";
    ASSERT_EQ(cli({"--session", std::to_string(id), "-o", again.string()}).exitCode, 0);
    EXPECT_EQ(test::readFile(again), bytes);
    const auto recs = records(id);
    ASSERT_EQ(recs.size(), 1U);
    EXPECT_EQ(recs[0].sha256, sha256Hex(bytes));
    EXPECT_EQ(recs[0].language, "es");
    EXPECT_EQ(recs[0].byteSize, static_cast<std::int64_t>(bytes.size()));
}

TEST_F(HandoutSessionCli, ASignedSessionReprintsAsSignedAfterTheCatalogChanged) {
    const auto id =
        store({}, TriageLevel::Routine, {ProgramItem{"cat_cow", Dosage{2, 10, 0, 1, false}, ""}});
    const auto sign = test::runProcess(HEPDESK_CLI_EXE, {"--db", path_.string(), "session", "sign",
                                                         std::to_string(id), "--clinician", "1"});
    ASSERT_EQ(sign.exitCode, 0) << sign.err;
    const auto first = dir_ / "first.pdf";
    ASSERT_EQ(cli({"--session", std::to_string(id), "-o", first.string()}).exitCode, 0);

    // This installation's catalog words the exercise differently now.
    const fs::path changed = dir_ / "templates";
    fs::copy(test::templatesDir(), changed, fs::copy_options::recursive);
    std::string entry = test::readFile(changed / "catalog" / "cat_cow.json");
    entry.replace(entry.find("\"Cat-cow\""), 9, "\"Cat and camel\"");
    test::writeFile(changed / "catalog" / "cat_cow.json", entry);
    ASSERT_EQ(setenv("HEPDESK_TEMPLATES_DIR", changed.c_str(), 1), 0);
    const auto again = dir_ / "again.pdf";
    const auto r = cli({"--session", std::to_string(id), "-o", again.string()});
    unsetenv("HEPDESK_TEMPLATES_DIR");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(test::readFile(again), test::readFile(first)) << "byte-identical to the signed one";
    const auto text = test::runProcess("/usr/bin/pdftotext", {"-q", again.string(), "-"}).out;
    EXPECT_NE(text.find("Cat-cow"), std::string::npos);
    EXPECT_EQ(text.find("Cat and camel"), std::string::npos);
    EXPECT_EQ(records(id).size(), 1U) << "recorded once for its fingerprint";
}

TEST_F(HandoutSessionCli, ADraftWithNothingRecordedGetsNoHandoutAndNoSignature) {
    // Screen first: a screening that records nothing is not a routine one.
    const auto id =
        store({}, TriageLevel::Routine, {ProgramItem{"chin_tuck", Dosage{2, 10, 5, 3, false}, ""}},
              {}, std::nullopt);
    const auto out = dir_ / "h.pdf";
    const auto r = cli({"--session", std::to_string(id), "-o", out.string()});
    EXPECT_EQ(r.exitCode, 3) << "refused by a safety rule: " << r.err;
    EXPECT_NE(r.err.find("session " + std::to_string(id) + ": the screening is not recorded yet"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("pain scores"), std::string::npos) << "says what to record: " << r.err;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_TRUE(records(id).empty());

    const auto sign = test::runProcess(HEPDESK_CLI_EXE, {"--db", path_.string(), "session", "sign",
                                                         std::to_string(id), "--clinician", "1"});
    EXPECT_EQ(sign.exitCode, 3) << sign.err;
    EXPECT_NE(sign.err.find("the screening is not recorded yet"), std::string::npos) << sign.err;
    auto db = db::Database::open(path_);
    ASSERT_TRUE(db.ok());
    EXPECT_FALSE(db::SqliteSessionRepository(*db).get(id)->isSigned);

    // The same draft with the pain now recorded gets its handout.
    const auto recorded =
        store({}, TriageLevel::Routine, {ProgramItem{"chin_tuck", Dosage{2, 10, 5, 3, false}, ""}});
    const auto ok = cli({"--session", std::to_string(recorded), "-o", out.string()});
    EXPECT_EQ(ok.exitCode, 0) << ok.err;
    EXPECT_TRUE(fs::exists(out));
}

TEST_F(HandoutSessionCli, SessionNewWithNothingRecordedSaysTheScreeningIsNotDone) {
    // The draft is stored (the program can be planned), but not called "Routine".
    ASSERT_EQ(test::runProcess(HEPDESK_CLI_EXE,
                               {"--db", path_.string(), "patient", "add", "--name", "Ana Ruiz"})
                  .exitCode,
              0);
    const auto empty = dir_ / "empty.json";
    test::writeFile(empty, R"({"date": "2026-11-20", "regions": ["low_back"]})");
    const auto stored = test::runProcess(
        HEPDESK_CLI_EXE, {"--db", path_.string(), "session", "new", "--patient", "1", "--screening",
                          empty.string(), "--exercise", "pelvic_tilt"});
    ASSERT_EQ(stored.exitCode, 0) << stored.err;
    EXPECT_NE(stored.out.find("stored session 1: screening not done yet"), std::string::npos)
        << stored.out;
    EXPECT_EQ(stored.out.find("Routine"), std::string::npos) << stored.out;
    EXPECT_NE(stored.out.find("no handout and no signature until"), std::string::npos)
        << stored.out;
    const auto out = dir_ / "h.pdf";
    EXPECT_EQ(cli({"--session", "1", "-o", out.string()}).exitCode, 3);
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(HandoutSessionCli, StoredUrgentTriageNeedsItsOverrideAndExclusionsStayRefused) {
    // A draft is assessed with today's rules: the urgent finding decides, not a stored level.
    const auto urgent = store({"progressive_neuro_deficit"}, TriageLevel::Routine,
                              {ProgramItem{"belly_breathing", Dosage{1, 10, 0, 2, false}, ""}});
    const auto out = dir_ / "h.pdf";
    auto r = cli({"--session", std::to_string(urgent), "-o", out.string()});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_TRUE(records(urgent).empty());
    const auto excluded = store({"osteoporosis"}, TriageLevel::ReferAndMonitor,
                                {ProgramItem{"dead_hang", Dosage{1, 0, 20, 1, false}, ""}});
    r = cli({"--session", std::to_string(excluded), "-o", out.string()});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find("dead_hang"), std::string::npos);
    EXPECT_FALSE(fs::exists(out));
    r = cli({"--session", "999", "-o", out.string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    r = cli({"--session", std::to_string(urgent), "--patient", "X", "-o", out.string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
}

} // namespace
} // namespace hepdesk::cli
