#include "TestSupport.h"
#include "hepdesk/core/Sha256.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

// Issue 11's defects 3 and 4, reproduced exactly through the real hepdesk-cli: a signed
// session reprints byte-identical whatever changed since, options that would change it are
// refused by name, and an override given after signing is stored with who and when.
namespace hepdesk::visit::test {
namespace {
namespace fs = std::filesystem;

class SignedReprintCli : public ::testing::Test {
protected:
    void SetUp() override {
        hepdesk::test::writeFile(
            dir_ / "routine.json",
            R"({"date": "2026-11-20", "regions": ["low_back"], "pain": {"now": 3}})");
        hepdesk::test::writeFile(
            dir_ / "emergency.json",
            R"({"date": "2026-11-20", "regions": ["low_back"], "findings": ["ces_saddle_numbness"]})");
        hepdesk::test::writeFile(
            dir_ / "fake.json",
            R"({"name": "Fake Clinic", "clinician_name": "Dr Nobody", "clinician_credentials": "MD"})");
        ASSERT_EQ(cli({"patient", "add", "--name", "María López"}).exitCode, 0);
        ASSERT_EQ(
            cli({"clinician", "add", "--name", "Omar Haddad", "--credentials", "PT"}).exitCode, 0);
        ASSERT_EQ(
            cli({"clinician", "add", "--name", "Ana Gil", "--credentials", "PT, DPT"}).exitCode, 0);
    }
    hepdesk::test::ProcessResult cli(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", (dir_ / "clinic.sqlite").string()});
        return hepdesk::test::runProcess(HEPDESK_CLI_EXE, args);
    }
    nlohmann::json json(std::vector<std::string> args) {
        args.insert(args.begin(), {"--format", "json"});
        const auto r = cli(args);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return nlohmann::json::parse(r.out, nullptr, false);
    }
    /// `handout --session ID ... -o FILE`; the exit code.
    hepdesk::test::ProcessResult handout(const std::string& session, const fs::path& out,
                                         std::vector<std::string> options = {}) {
        std::vector<std::string> args = {"handout", "--session", session};
        args.insert(args.end(), options.begin(), options.end());
        args.insert(args.end(), {"-o", out.string()});
        return cli(args);
    }
    std::string text(const fs::path& pdf) {
        return hepdesk::test::runProcess("/usr/bin/pdftotext", {"-q", pdf.string(), "-"}).out;
    }
    hepdesk::test::TempDir dir_;
};

TEST_F(SignedReprintCli, Defect3ASignedSessionReprintsByteIdenticalAndRefusesChangingOptions) {
    ASSERT_EQ(
        cli({"session", "new", "--patient", "1", "--screening", (dir_ / "routine.json").string(),
             "--exercise", "cat_cow", "--exercise", "chin_tuck", "--clinician", "1"})
            .exitCode,
        0);
    // Signing from the command line records the fingerprint of the handout as it stands.
    const nlohmann::json signedJson = json({"session", "sign", "1", "--clinician", "2"});
    ASSERT_TRUE(signedJson["handout_sha256"].is_string()) << signedJson.dump();
    const std::string atSigning = signedJson["handout_sha256"];

    ASSERT_EQ(cli({"patient", "edit", "1", "--name", "Someone Else"}).exitCode, 0);
    const auto refused = handout("1", dir_ / "c.pdf",
                                 {"--clinic", (dir_ / "fake.json").string(), "--override-reason",
                                  "x", "--lang", "es", "--large-print", "--paper", "letter"});
    // Refused by the rule that keeps a signed record as signed (exit 3), naming each option.
    EXPECT_EQ(refused.exitCode, 3) << refused.err;
    for (const char* option :
         {"--clinic", "--override-reason", "--lang", "--large-print", "--paper"}) {
        EXPECT_NE(refused.err.find(option), std::string::npos) << option << ": " << refused.err;
    }
    EXPECT_FALSE(fs::exists(dir_ / "c.pdf"));
    // One at a time too: each would change the handout.
    const std::vector<std::vector<std::string>> each = {
        {"--clinic", (dir_ / "fake.json").string()},
        {"--override-reason", "Patient wants a copy for the gym"},
        {"--lang", "es"},
        {"--large-print"},
        {"--paper", "letter"}};
    for (const auto& option : each) {
        const auto r = handout("1", dir_ / "one.pdf", option);
        EXPECT_EQ(r.exitCode, 3) << option[0] << ": " << r.err;
        EXPECT_NE(r.err.find(option[0]), std::string::npos) << r.err;
        EXPECT_FALSE(fs::exists(dir_ / "one.pdf"));
    }

    // Every reprint, before and after more changes, is the handout as signed.
    ASSERT_EQ(cli({"clinician", "add", "--name", "Dr Nobody", "--credentials", "MD"}).exitCode, 0);
    std::vector<std::string> pdfs;
    for (int i = 0; i < 3; ++i) {
        const fs::path out = dir_ / ("reprint" + std::to_string(i) + ".pdf");
        const auto r = handout("1", out,
                               i == 2 ? std::vector<std::string>{"--lang", "en", "--paper", "a4"}
                                      : std::vector<std::string>{});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        pdfs.push_back(hepdesk::test::readFile(out));
        EXPECT_EQ(sha256Hex(pdfs.back()), atSigning) << "reprint " << i;
    }
    const std::string printed = text(dir_ / "reprint0.pdf");
    EXPECT_NE(printed.find("María López"), std::string::npos) << printed;
    EXPECT_NE(printed.find("Ana Gil, PT, DPT"), std::string::npos) << "named as signed";
    EXPECT_EQ(printed.find("Someone Else"), std::string::npos);
    EXPECT_EQ(printed.find("Dr Nobody"), std::string::npos);
    EXPECT_EQ(printed.find("Omar Haddad"), std::string::npos) << "the signer, not the author";

    const nlohmann::json shown = json({"session", "show", "1"});
    ASSERT_EQ(shown["handouts"].size(), 1U) << "one fingerprint, recorded once";
    EXPECT_EQ(shown["handouts"][0]["sha256"], atSigning);
    EXPECT_EQ(shown["signed_snapshot"]["patient_name"], "María López");
    EXPECT_EQ(shown["signed_snapshot"]["clinic"]["clinician_name"], "Ana Gil");
}

TEST_F(SignedReprintCli, Defect4AnOverrideAfterSigningIsStoredWithWhoAndWhenOrRefused) {
    ASSERT_EQ(cli({"session", "new", "--patient", "1", "--screening",
                   (dir_ / "routine.json").string(), "--exercise", "cat_cow", "--clinician", "1"})
                  .exitCode,
              0);
    // An emergency refuses exercises given without an override; a follow-up keeps the last
    // program for the clinician to review, so this session is signed with one and no reason.
    EXPECT_EQ(
        cli({"session", "new", "--patient", "1", "--screening", (dir_ / "emergency.json").string(),
             "--exercise", "belly_breathing", "--clinician", "1"})
            .exitCode,
        3);
    ASSERT_EQ(cli({"session", "new", "--patient", "1", "--screening",
                   (dir_ / "emergency.json").string(), "--follow-up", "--clinician", "1"})
                  .exitCode,
              0);
    const nlohmann::json signedJson = json({"session", "sign", "2", "--clinician", "2"});
    EXPECT_TRUE(signedJson["handout_sha256"].is_null()) << "no handout before the referral";

    // The probe's reason "x", and one of only invisible characters: refused as bad input
    // (exit 2), nothing written, nothing stored.
    for (const std::string& reason :
         {std::string("x"), std::string("\xE2\x80\x8B\xC2\xA0\x01", 6)}) {
        const auto r = handout("2", dir_ / "e.pdf", {"--override-reason", reason});
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_FALSE(fs::exists(dir_ / "e.pdf"));
    }
    EXPECT_TRUE(json({"session", "show", "2"})["overrides"].empty());
    EXPECT_EQ(handout("2", dir_ / "e.pdf").exitCode, 3) << "still a referral first";

    const std::string reason = "Patient declined the ambulance; breathing sheet only";
    const auto given = handout(
        "2", dir_ / "e.pdf",
        {"--override-kind", "declines_referral", "--override-reason", reason, "--clinician", "2"});
    ASSERT_EQ(given.exitCode, 0) << given.err;
    const std::string bytes = hepdesk::test::readFile(dir_ / "e.pdf");
    // The reason stays in the record and on the clinician's copy, never on the patient's.
    EXPECT_EQ(text(dir_ / "e.pdf").find("breathing sheet only"), std::string::npos);
    EXPECT_NE(text(dir_ / "e.pdf").find("Go to an emergency department now"), std::string::npos);
    ASSERT_EQ(handout("2", dir_ / "clinician.pdf", {"--clinician-copy"}).exitCode, 0);
    EXPECT_NE(text(dir_ / "clinician.pdf").find("breathing sheet only"), std::string::npos);

    const nlohmann::json shown = json({"session", "show", "2"});
    ASSERT_EQ(shown["overrides"].size(), 1U) << shown.dump(2);
    const nlohmann::json& o = shown["overrides"][0];
    EXPECT_EQ(o["reason"], reason);
    EXPECT_EQ(o["kind"], "declines_referral");
    EXPECT_EQ(o["clinician"], 2);
    EXPECT_FALSE(o["actor"].get<std::string>().empty());
    EXPECT_EQ(o["created_at"].get<std::string>().size(), 20U);
    ASSERT_EQ(shown["handouts"].size(), 1U);
    EXPECT_EQ(shown["handouts"][0]["sha256"], sha256Hex(bytes));
    const auto audit = cli({"session", "show", "2"});
    EXPECT_NE(audit.out.find("override 1"), std::string::npos) << audit.out;

    // The override stands: the next reprint needs no reason and is the same handout; another
    // reason is refused.
    ASSERT_EQ(handout("2", dir_ / "again.pdf").exitCode, 0);
    EXPECT_EQ(hepdesk::test::readFile(dir_ / "again.pdf"), bytes);
    EXPECT_EQ(handout("2", dir_ / "other.pdf", {"--override-reason", "Another reason given later"})
                  .exitCode,
              3);
    EXPECT_EQ(json({"session", "show", "2"})["overrides"].size(), 1U);
    EXPECT_EQ(json({"session", "show", "2"})["handouts"].size(), 1U);
}

TEST_F(SignedReprintCli, SessionNewTakesTheSameExerciseGrammarAsHandout) {
    // `session new` took one modifier before; now both commands read ID:SETSxREPS:HOLDs alike.
    const nlohmann::json stored =
        json({"session", "new", "--patient", "1", "--screening", (dir_ / "routine.json").string(),
              "--exercise", "cat_cow:2x10:5s", "--clinician", "1"});
    ASSERT_EQ(stored["program"].size(), 1U) << stored.dump(2);
    const nlohmann::json& dosage = stored["program"][0]["dosage"];
    EXPECT_EQ(dosage["sets"], 2);
    EXPECT_EQ(dosage["reps"], 10);
    EXPECT_EQ(dosage["hold_seconds"], 5);
    const auto bad = cli({"session", "new", "--patient", "1", "--screening",
                          (dir_ / "routine.json").string(), "--exercise", "cat_cow:0x10"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("sets must be 1 to 10"), std::string::npos) << bad.err;
}

} // namespace
} // namespace hepdesk::visit::test
