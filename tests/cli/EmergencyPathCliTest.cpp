#include "CliOnDatabase.h"
#include "TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

// Issue 12, safety 2, through the real hepdesk-cli: an emergency refuses exercises without an
// override, the patient's copy says what the triage means and never shows the override, the
// clinician's copy does, and the referral letter is written in English or Spanish.
namespace hepdesk::test {
namespace {
namespace fs = std::filesystem;

class EmergencyPathCli : public ::testing::Test {
protected:
    void SetUp() override {
        writeFile(dir_ / "routine.json",
                  R"({"date": "2026-11-20", "regions": ["low_back"], "pain": {"now": 3}})");
        writeFile(dir_ / "emergency.json",
                  R"({"date": "2026-11-20", "regions": ["low_back"], "pain": {"now": 7},
                      "findings": ["ces_saddle_numbness"]})");
        ASSERT_EQ(cli({"patient", "add", "--name", "María López", "--birth-date", "1961-04-09",
                       "--record", "R-2231"})
                      .exitCode,
                  0);
        ASSERT_EQ(
            cli({"clinician", "add", "--name", "Ana Gil", "--credentials", "PT, DPT"}).exitCode, 0);
    }
    ProcessResult cli(const std::vector<std::string>& args) {
        return runCliOn(dir_ / "clinic.sqlite", args);
    }
    /// The PDF's text with every run of white space as one space (lines break anywhere).
    std::string text(const fs::path& pdf) {
        std::string out;
        for (const char c : runProcess("/usr/bin/pdftotext", {"-q", pdf.string(), "-"}).out) {
            const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
            if (!space) {
                out += c;
            } else if (!out.empty() && out.back() != ' ') {
                out += ' ';
            }
        }
        return out;
    }
    nlohmann::json show(const std::string& id) {
        const auto r = runCliOn(dir_ / "clinic.sqlite", {"session", "show", id}, true);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return nlohmann::json::parse(r.out, nullptr, false);
    }
    TempDir dir_;
};

TEST_F(EmergencyPathCli, AnEmergencyRefusesExercisesUntilARealOverrideReason) {
    const auto blocked = cli({"session", "new", "--patient", "1", "--clinician", "1", "--screening",
                              (dir_ / "emergency.json").string(), "--exercise", "bird_dog"});
    EXPECT_EQ(blocked.exitCode, 3) << blocked.err;
    EXPECT_NE(blocked.err.find("exercise 'bird_dog' (Bird-dog) cannot be in the program"),
              std::string::npos)
        << blocked.err;
    EXPECT_NE(blocked.err.find("'Emergency'"), std::string::npos) << blocked.err;
    EXPECT_NE(blocked.err.find("cauda equina"), std::string::npos) << blocked.err;

    const auto x = cli({"session", "new", "--patient", "1", "--clinician", "1", "--screening",
                        (dir_ / "emergency.json").string(), "--exercise", "bird_dog",
                        "--override-reason", "x"});
    EXPECT_EQ(x.exitCode, 2) << "\"x\" is no reason: " << x.err;
    EXPECT_NE(x.err.find("override reason"), std::string::npos) << x.err;

    const auto given = cli({"session", "new", "--patient", "1", "--clinician", "1", "--screening",
                            (dir_ / "emergency.json").string(), "--exercise", "bird_dog",
                            "--override-kind", "declines_referral", "--override-reason",
                            "Patient declines the referral today and was told the risk"});
    EXPECT_EQ(given.exitCode, 0) << given.err;
}

TEST_F(EmergencyPathCli, ThePatientCopyOpensWithTheBoxAndTheClinicianCopyIsSeparate) {
    const std::string reason = "Seen by her doctor today, breathing exercises agreed";
    ASSERT_EQ(cli({"session", "new", "--patient", "1", "--clinician", "1", "--screening",
                   (dir_ / "emergency.json").string(), "--exercise", "bird_dog", "--override-kind",
                   "seen_by_doctor_today", "--override-reason", reason, "--language", "es"})
                  .exitCode,
              0);
    ASSERT_EQ(cli({"handout", "--session", "1", "-o", (dir_ / "patient.pdf").string()}).exitCode,
              0);
    const std::string patient = text(dir_ / "patient.pdf");
    EXPECT_NE(patient.find("Vaya a urgencias ahora"), std::string::npos) << patient;
    EXPECT_LT(patient.find("Vaya a urgencias ahora"), patient.find("Cómo usar este programa"));
    EXPECT_EQ(patient.find("breathing exercises agreed"), std::string::npos) << patient;
    EXPECT_EQ(patient.find("Para el profesional"), std::string::npos) << patient;

    const auto copy = cli(
        {"handout", "--session", "1", "--clinician-copy", "-o", (dir_ / "clinician.pdf").string()});
    ASSERT_EQ(copy.exitCode, 0) << copy.err;
    const std::string clinician = text(dir_ / "clinician.pdf");
    EXPECT_NE(clinician.find("breathing exercises agreed"), std::string::npos) << clinician;
    EXPECT_NE(clinician.find("Para el profesional"), std::string::npos) << clinician;
    EXPECT_EQ(show("1")["handouts"].size(), 1U) << "the clinician's copy is not recorded";

    // Signed: the patient's copy reprints byte-identical; the clinician's copy is still there.
    ASSERT_EQ(cli({"session", "sign", "1", "--clinician", "1"}).exitCode, 0);
    ASSERT_EQ(cli({"handout", "--session", "1", "-o", (dir_ / "again.pdf").string()}).exitCode, 0);
    EXPECT_EQ(readFile(dir_ / "again.pdf"), readFile(dir_ / "patient.pdf"));
    ASSERT_EQ(cli({"handout", "--session", "1", "--clinician-copy", "-o",
                   (dir_ / "clinician2.pdf").string()})
                  .exitCode,
              0);
    EXPECT_EQ(readFile(dir_ / "clinician2.pdf"), readFile(dir_ / "clinician.pdf"));
}

TEST_F(EmergencyPathCli, TheReferralLetterInEnglishAndSpanishAndRefusedWhenRoutine) {
    ASSERT_EQ(cli({"session", "new", "--patient", "1", "--clinician", "1", "--screening",
                   (dir_ / "routine.json").string(), "--exercise", "cat_cow"})
                  .exitCode,
              0);
    const auto routine =
        cli({"handout", "--session", "1", "--referral", "-o", (dir_ / "none.pdf").string()});
    EXPECT_EQ(routine.exitCode, 3) << routine.err;
    EXPECT_NE(routine.err.find("the triage is 'Routine'"), std::string::npos) << routine.err;
    EXPECT_FALSE(fs::exists(dir_ / "none.pdf"));

    ASSERT_EQ(cli({"session", "new", "--patient", "1", "--clinician", "1", "--screening",
                   (dir_ / "emergency.json").string()})
                  .exitCode,
              0);
    const auto en =
        cli({"handout", "--session", "2", "--referral", "-o", (dir_ / "letter-en.pdf").string()});
    ASSERT_EQ(en.exitCode, 0) << en.err;
    const std::string t = text(dir_ / "letter-en.pdf");
    for (const char* part :
         {"Referral letter", "To: the emergency department", "María López", "April 9, 1961",
          "R-2231", "November 20, 2026", "Possible cauda equina syndrome", "Pain now (0-10): 7",
          "Go to an emergency department now", "Clinician signature", "Ana Gil, PT, DPT"}) {
        EXPECT_NE(t.find(part), std::string::npos) << part << " in: " << t;
    }
    const std::string info =
        runProcess("/usr/bin/pdfinfo", {(dir_ / "letter-en.pdf").string()}).out;
    const auto pages = info.find("Pages:");
    ASSERT_NE(pages, std::string::npos) << info;
    EXPECT_EQ(std::stoi(info.substr(pages + 6)), 1) << "one page";
    const auto es = cli({"handout", "--session", "2", "--referral", "--lang", "es", "-o",
                         (dir_ / "letter-es.pdf").string()});
    ASSERT_EQ(es.exitCode, 0) << es.err;
    const std::string e = text(dir_ / "letter-es.pdf");
    for (const char* part : {"Carta de derivación", "Para: el servicio de urgencias",
                             "Posible síndrome de cauda equina", "Acudir a urgencias ahora",
                             "Firma del profesional"}) {
        EXPECT_NE(e.find(part), std::string::npos) << part << " in: " << e;
    }
}

} // namespace
} // namespace hepdesk::test
