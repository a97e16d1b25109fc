#include "TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <utility>

namespace hepdesk::cli {
namespace {
namespace fs = std::filesystem;

test::ProcessResult cli(const std::vector<std::string>& args) {
    return test::runProcess(HEPDESK_CLI_EXE, args);
}

std::string pdfText(const fs::path& pdf) {
    const auto r = test::runProcess("/usr/bin/pdftotext", {"-q", pdf.string(), "-"});
    std::string out;
    bool space = false;
    for (char c : r.out) { // collapse line breaks: text wraps anywhere
        if (c == '\n' || c == ' ' || c == '\f') {
            space = true;
            continue;
        }
        if (space && !out.empty()) {
            out.push_back(' ');
        }
        space = false;
        out.push_back(c);
    }
    return out;
}

struct HandoutCli : ::testing::Test {
    test::TempDir dir;
    fs::path screening(const std::string& findings) {
        const fs::path p = dir / ("screening-" + std::to_string(++n) + ".json");
        test::writeFile(p, R"({"date": "2026-11-22", "age": 61, "sex": "female",
            "regions": ["low_back"], "pain": {"now": 3}, "findings": [)" +
                               findings + "]}");
        return p;
    }
    int n = 0;
};

TEST_F(HandoutCli, AScreeningFileThatRecordsNothingGetsNoHandout) {
    // Screen first, as for a stored session: a screening with no finding, pain score or
    // questionnaire is not a routine screening. Exit 3 (a safety rule), naming the file.
    const auto empty = dir / "empty.json";
    test::writeFile(empty, R"({"date": "2026-11-22", "regions": ["low_back"], "findings": []})");
    const auto out = dir / "h.pdf";
    const auto r = cli({"handout", "--screening", empty.string(), "--exercise", "cat_cow",
                        "--patient", "Ana", "-o", out.string()});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find("empty.json"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("screening is not recorded yet"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out)) << "no handout written";
}

TEST_F(HandoutCli, WritesAPdfWithPatientExercisesAndDosage) {
    const auto out = dir / "h.pdf";
    const auto r =
        cli({"--format", "json", "handout", "--screening", screening("").string(), "--exercise",
             "cat_cow:2x10", "--exercise", "chin_tuck:5s", "--patient", "Nguyễn Thị Phương",
             "--note", "cat_cow=Slow and easy", "-o", out.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_GE(j["pages"].get<int>(), 2);
    EXPECT_EQ(j["triage"], "routine");
    const std::string text = pdfText(out);
    for (const char* s :
         {"Nguyễn Thị Phương", "Cat-cow", "2 sets of 10", "Slow and easy", "Chin tuck",
          "hold 5 seconds", "When to stop and get help", "November 22, 2026"}) {
        EXPECT_NE(text.find(s), std::string::npos) << s;
    }
    const auto check = test::runProcess("/usr/bin/qpdf", {"--check", out.string()});
    EXPECT_EQ(check.exitCode, 0) << check.out;
}

// Issue 12 item 4: "10m" is ten minutes of walking in the handout; 61 minutes is refused with
// the limit, and the session command reads the same grammar.
TEST_F(HandoutCli, WalkingInMinutesStaysMinutesAndTooLongIsRefused) {
    const auto out = dir / "walk.pdf";
    const auto r =
        cli({"handout", "--screening", screening("").string(), "--exercise", "short_walk:1x1:10m",
             "--exercise", "chin_tuck:2x10:45s", "--patient", "Ann Lee", "-o", out.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string text = pdfText(out);
    EXPECT_NE(text.find("1 time, for 10 minutes, twice a day"), std::string::npos) << text;
    EXPECT_NE(text.find("hold 45 seconds"), std::string::npos) << text;
    const auto tooLong =
        cli({"handout", "--screening", screening("").string(), "--exercise", "short_walk:61m",
             "--patient", "Ann Lee", "-o", (dir / "no.pdf").string()});
    EXPECT_EQ(tooLong.exitCode, 2) << tooLong.err;
    EXPECT_NE(tooLong.err.find("hold minutes must be 0 to 60, got 61"), std::string::npos)
        << tooLong.err;
    EXPECT_FALSE(fs::exists(dir / "no.pdf"));
}

TEST_F(HandoutCli, SpanishLargePrintWithClinicFileAndLogo) {
    const auto sheet = dir / "sheet.pdf";
    ASSERT_EQ(cli({"handout", "--screening", screening("").string(), "--exercise", "bird_dog",
                   "--patient", "A", "-o", sheet.string()})
                  .exitCode,
              0);
    // A real PNG for the logo: the first page rendered small.
    ASSERT_EQ(
        test::runProcess("/usr/bin/pdftoppm", {"-png", "-r", "10", "-singlefile", "-f", "1", "-l",
                                               "1", sheet.string(), (dir / "logo").string()})
            .exitCode,
        0);
    test::writeFile(dir / "clinic.json",
                    R"({"name": "Clínica Río Verde", "phone": "+34 910 000 000",
                        "address": "Calle Mayor 12", "clinician_name": "Ana Gil",
                        "clinician_credentials": "Fisioterapeuta", "logo": "logo.png"})");
    const auto out = dir / "es.pdf";
    const auto r =
        cli({"handout", "--screening", screening("").string(), "--exercise", "pelvic_tilt",
             "--patient", "Αλέξανδρος", "--clinic", (dir / "clinic.json").string(), "--lang", "es",
             "--large-print", "-o", out.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string text = pdfText(out);
    for (const char* s :
         {"Αλέξανδρος", "Clínica Río Verde", "Ana Gil, Fisioterapeuta",
          "Su programa de ejercicios en casa", "Cuándo parar y pedir ayuda", "+34 910 000 000"}) {
        EXPECT_NE(text.find(s), std::string::npos) << s;
    }
    const auto images = test::runProcess("/usr/bin/pdfimages", {"-list", out.string()});
    EXPECT_NE(images.out.find("image"), std::string::npos) << images.out;
}

TEST_F(HandoutCli, ExcludedExerciseIsRefusedWithExitCode3AndNoFile) {
    const auto out = dir / "h.pdf";
    const auto r = cli({"handout", "--screening", screening(R"("osteoporosis")").string(),
                        "--exercise", "dead_hang", "--patient", "A", "-o", out.string()});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find("dead_hang"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(HandoutCli, EmergencyNeedsAnOverrideReasonPrintedOnlyOnTheClinicianCopy) {
    const auto out = dir / "h.pdf";
    const auto s = screening(R"("ces_saddle_numbness")");
    auto r = cli({"handout", "--screening", s.string(), "--exercise", "belly_breathing",
                  "--patient", "A", "-o", out.string()});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("mergency"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--override-reason"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out));
    r = cli({"handout", "--screening", s.string(), "--exercise", "belly_breathing", "--patient",
             "A", "--override-reason", "Sent to the ED by ambulance; breathing sheet only.", "-o",
             out.string()});
    EXPECT_EQ(r.exitCode, 2) << "a reason needs its kind from the list: " << r.err;
    EXPECT_NE(r.err.find("declines_referral"), std::string::npos) << r.err;
    const std::vector<std::string> given = {"handout",
                                            "--screening",
                                            s.string(),
                                            "--exercise",
                                            "belly_breathing",
                                            "--patient",
                                            "A",
                                            "--override-kind",
                                            "referral_arranged",
                                            "--override-reason",
                                            "Sent to the ED by ambulance; breathing sheet only."};
    auto patientCopy = given;
    patientCopy.insert(patientCopy.end(), {"-o", out.string()});
    r = cli(patientCopy);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::string text = pdfText(out);
    EXPECT_EQ(text.find("breathing sheet only"), std::string::npos) << "not on the patient's copy";
    EXPECT_EQ(text.find("referral override"), std::string::npos);
    EXPECT_NE(text.find("Go to an emergency department now"), std::string::npos);
    auto clinicianCopy = given;
    clinicianCopy.insert(clinicianCopy.end(), {"--clinician-copy", "-o", out.string()});
    r = cli(clinicianCopy);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    text = pdfText(out);
    EXPECT_NE(text.find("Referral arranged, exercises agreed with the doctor: Sent to the ED by "
                        "ambulance; breathing sheet only."),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("referral override"), std::string::npos);
}

TEST_F(HandoutCli, BadArgumentsAreExitCode2WithAClearMessage) {
    const auto s = screening("").string();
    const auto out = (dir / "h.pdf").string();
    struct Case {
        std::vector<std::string> args;
        std::string needle;
    };
    const std::vector<Case> cases = {
        {{"handout", "--screening", s, "--exercise", "cat_cow:2y10", "--patient", "A", "-o", out},
         "2y10"},
        {{"handout", "--screening", s, "--exercise", "cat_cow:0x10", "--patient", "A", "-o", out},
         "sets"},
        {{"handout", "--screening", s, "--exercise", "moonwalk", "--patient", "A", "-o", out},
         "moonwalk"},
        {{"handout", "--screening", s, "--exercise", "cat_cow", "-o", out}, "--patient"},
        {{"handout", "--screening", s, "--exercise", "cat_cow", "--patient", "A", "--lang", "fr",
          "-o", out},
         "'fr'"},
        {{"handout", "--screening", (dir / "none.json").string(), "--exercise", "cat_cow",
          "--patient", "A", "-o", out},
         "none.json"},
        {{"handout", "--screening", s, "--exercise", "cat_cow", "--patient", "A", "-o",
          (dir / "missing" / "h.pdf").string()},
         "missing"},
    };
    for (const Case& c : cases) {
        const auto r = cli(c.args);
        EXPECT_EQ(r.exitCode, 2) << c.needle << ": " << r.err;
        EXPECT_NE(r.err.find(c.needle), std::string::npos) << r.err;
        EXPECT_FALSE(fs::exists(out)) << c.needle;
    }
}

TEST_F(HandoutCli, SameInputGivesTheSameBytes) {
    const auto s = screening("").string();
    for (const char* name : {"a.pdf", "b.pdf"}) {
        ASSERT_EQ(cli({"handout", "--screening", s, "--exercise", "glute_bridge", "--exercise",
                       "bird_dog", "--patient", "Юлия Сергеевна", "-o", (dir / name).string()})
                      .exitCode,
                  0);
    }
    EXPECT_EQ(test::readFile(dir / "a.pdf"), test::readFile(dir / "b.pdf"));
}

// Defect: `handout -o /dev/null` as root turned /dev/null into a regular file; a symbolic link
// or a FIFO as output was replaced. The CLI refuses them (exit 2), names the path, keeps them.
TEST_F(HandoutCli, OutputThatIsAFifoOrSymbolicLinkIsRefusedAndKept) {
    const auto fifo = dir / "pipe.pdf";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    test::writeFile(dir / "real.pdf", "old");
    const auto link = dir / "link.pdf";
    fs::create_symlink(dir / "real.pdf", link);
    const auto input = screening("");
    for (const auto& [target, what] : {std::pair{fifo, "FIFO"}, std::pair{link, "symbolic link"}}) {
        const auto r = cli({"handout", "--screening", input.string(), "--patient", "P",
                            "--exercise", "cat_cow", "-o", target.string()});
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_NE(r.err.find(target.string()), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
    }
    EXPECT_EQ(fs::symlink_status(fifo).type(), fs::file_type::fifo);
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(test::readFile(dir / "real.pdf"), "old");
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) {
        ++files;
    }
    EXPECT_EQ(files, 4U) << "pipe, real, link and the screening file; no temporary file";
}

} // namespace
} // namespace hepdesk::cli
