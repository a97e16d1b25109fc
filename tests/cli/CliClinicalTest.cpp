#include "TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hepdesk::cli {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

test::ProcessResult cli(const std::vector<std::string>& args, const std::string& input = {}) {
    return test::runProcess(HEPDESK_CLI_EXE, args, input);
}

std::string example(const char* name) {
    return (test::templatesDir() / "schema/examples" / name).string();
}

void expectOneLineError(const test::ProcessResult& r, const std::vector<std::string>& parts) {
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    for (const auto& p : parts) {
        EXPECT_NE(r.err.find(p), std::string::npos) << "missing '" << p << "' in: " << r.err;
    }
}

// Issue 12 item 11: the text report shows each ODI answer with its statement (our paraphrase),
// in the language asked for, not a bare 0-5.
TEST(CliAssess, TextReportShowsOdiAnswersWithTheirStatements) {
    const auto en = cli({"assess", "--format", "text", example("low-back-osteoporosis.json")});
    ASSERT_EQ(en.exitCode, 0) << en.err;
    EXPECT_NE(en.out.find("    3. Lifting: 3 - Only light or medium things from table height\n"),
              std::string::npos)
        << en.out;
    EXPECT_NE(en.out.find("    4. Walking: 2 - Pain stops walking after about 800 m (half a mile)"),
              std::string::npos)
        << en.out;
    EXPECT_EQ(en.out.find("Sex life"), std::string::npos) << "a skipped section is not listed";
    const auto es =
        cli({"assess", "--format", "text", "--lang", "es", example("low-back-osteoporosis.json")});
    ASSERT_EQ(es.exitCode, 0) << es.err;
    EXPECT_NE(es.out.find("3. Levantar peso: 3 - Solo cosas ligeras o medianas desde una mesa"),
              std::string::npos)
        << es.out;
}

TEST(CliAssess, PrintsJsonByDefault) {
    const auto r = cli({"assess", example("low-back-osteoporosis.json")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["level"], "refer_and_monitor");
    EXPECT_EQ(j["findings"][0]["item"], "radiating_leg");
    EXPECT_FALSE(j["findings"][0]["reason"].get<std::string>().empty());
    EXPECT_EQ(j["scores"]["odi"]["percent"], 35.6);
    EXPECT_EQ(j["scores"]["start_back"]["risk"], "medium");
    EXPECT_EQ(j["eligibility"].size(), 26U);
    bool sawExcluded = false;
    for (const auto& e : j["eligibility"]) {
        if (e["exercise"] == "double_knee_to_chest") {
            sawExcluded = true;
            EXPECT_EQ(e["status"], "excluded");
            EXPECT_EQ(e["reasons"][0]["finding"], "osteoporosis");
        }
        if (e["exercise"] == "seated_thoracic_twist") {
            EXPECT_EQ(e["status"], "caution");
            EXPECT_TRUE(e["reasons"][0].contains("patient_note"));
        }
    }
    EXPECT_TRUE(sawExcluded);
    EXPECT_GE(j["avoid"].size(), 2U);
}

// Issue 14: a screening that contradicts itself is refused (exit 2) naming both fields; an
// unlikely but possible value is assessed with a warning on standard error.
json neckScreening() {
    return json::parse(test::readFile(example("neck-routine.json")));
}

TEST(CliAssess, ContradictoryScreeningIsRefusedNamingBothFields) {
    json pregnant = neckScreening();
    pregnant["sex"] = "male";
    pregnant["findings"] = {"pregnancy_after_t1"};
    expectOneLineError(
        cli({"assess", "-"}, pregnant.dump()),
        {"stdin: the screening contradicts itself: sex and findings", "pregnancy_with_male_sex"});
    json pain = neckScreening();
    pain["pain"] = {{"now", 3}, {"best", 6}, {"worst", 5}}; // the parser names both already
    expectOneLineError(cli({"assess", "-"}, pain.dump()),
                       {"/pain: best pain (6) is higher than worst pain (5)"});
    pain["pain"] = {{"now", 9}, {"best", 2}, {"worst", 5}};
    expectOneLineError(cli({"assess", "-"}, pain.dump()),
                       {"pain.now and pain.worst", "pain now is above pain at worst"});
    json weeks = neckScreening();
    weeks["findings"] = {"persistent_pain"};
    weeks["duration_days"] = 3;
    expectOneLineError(cli({"assess", "-"}, weeks.dump()), {"findings and duration_days"});
}

// The same check guards every command that takes a screening file: no stored session and no
// handout from a screening that contradicts itself, and nothing written.
TEST(CliScreening, SessionNewAndHandoutRefuseAContradictionAndWriteNothing) {
    const test::TempDir dir;
    json pregnant = neckScreening();
    pregnant["sex"] = "male";
    pregnant["findings"] = {"pregnancy_after_t1"};
    const fs::path file = dir.path() / "pregnant.json";
    test::writeFile(file, pregnant.dump());
    const std::string db = (dir.path() / "c.sqlite").string();
    ASSERT_EQ(cli({"--db", db, "patient", "add", "--name", "Sam Roe"}).exitCode, 0);
    expectOneLineError(cli({"--db", db, "session", "new", "--patient", "1", "--screening",
                            file.string(), "--exercise", "chin_tuck"}),
                       {"pregnant.json: the screening contradicts itself: sex and findings"});
    const auto listed = cli({"--db", db, "--format", "json", "session", "list", "--patient", "1"});
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_TRUE(json::parse(listed.out).empty()) << listed.out;
    const fs::path pdf = dir.path() / "out.pdf";
    expectOneLineError(cli({"handout", "--screening", file.string(), "--patient", "Sam Roe",
                            "--exercise", "chin_tuck", "-o", pdf.string()}),
                       {"the screening contradicts itself", "pregnancy_with_male_sex"});
    EXPECT_FALSE(fs::exists(pdf));
}

TEST(CliAssess, UnlikelyValuesAreAssessedWithAWarning) {
    json young = neckScreening();
    young["age"] = 14;
    const auto r = cli({"assess", "-"}, young.dump());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json::parse(r.out)["source"], "stdin");
    EXPECT_NE(r.err.find("hepdesk-cli: warning: stdin: age: under 16"), std::string::npos) << r.err;
    json ndiLowBack = neckScreening();
    ndiLowBack["regions"] = {"low_back"};
    const auto w = cli({"assess", "-"}, ndiLowBack.dump());
    ASSERT_EQ(w.exitCode, 0) << w.err;
    EXPECT_NE(w.err.find("warning: stdin: ndi and regions: an NDI"), std::string::npos) << w.err;
    const auto clean = cli({"assess", example("neck-routine.json")});
    ASSERT_EQ(clean.exitCode, 0);
    EXPECT_TRUE(clean.err.empty()) << clean.err;
}

TEST(CliCatalogMatrix, PrintsTheDecisionTableInEachFormat) {
    const auto csv = cli({"catalog", "matrix", "--format", "csv"});
    ASSERT_EQ(csv.exitCode, 0) << csv.err;
    EXPECT_EQ(csv.out.rfind("finding,movement:flexion,", 0), 0U) << csv.out.substr(0, 80);
    EXPECT_NE(csv.out.find("\natlanto_axial_instability,"), std::string::npos);
    const auto j = cli({"catalog", "matrix", "--format", "json", "--by-exercise"});
    ASSERT_EQ(j.exitCode, 0) << j.err;
    const json m = json::parse(j.out);
    bool sawDoubleKnee = false;
    for (const auto& row : m["rows"]) {
        if (row["finding"] == "osteoporosis") {
            EXPECT_EQ(row["cells"]["double_knee_to_chest"]["effect"], "excluded");
            sawDoubleKnee = true;
        }
    }
    EXPECT_TRUE(sawDoubleKnee);
    const auto doc = cli({"catalog", "matrix", "--document"});
    ASSERT_EQ(doc.exitCode, 0) << doc.err;
    EXPECT_EQ(doc.out,
              test::readFile(test::templatesDir().parent_path() / "docs" / "rules-matrix.md"));
    expectOneLineError(cli({"catalog", "matrix", "--format", "xml"}),
                       {"'--format' of 'catalog matrix' needs csv, json or text"});
}

TEST(CliAssess, ReadsStandardInputAndGlobalJsonFormat) {
    const auto r = cli({"--format", "json", "assess", "-"},
                       test::readFile(example("cauda-equina-emergency.json")));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["level"], "emergency");
    EXPECT_EQ(j["handout_allowed_without_override"], false);
    EXPECT_EQ(j["source"], "stdin");
}

TEST(CliAssess, TextFormatForPeople) {
    for (const auto& args :
         {std::vector<std::string>{"--format", "text", "assess", example("neck-routine.json")},
          std::vector<std::string>{"assess", "--format", "text", example("neck-routine.json")}}) {
        const auto r = cli(args);
        ASSERT_EQ(r.exitCode, 0) << r.err;
        EXPECT_NE(r.out.find("Triage: Routine"), std::string::npos) << r.out;
        EXPECT_NE(r.out.find("NDI: 24.0 % (mild)"), std::string::npos) << r.out;
        EXPECT_NE(r.out.find("chin_tuck"), std::string::npos);
    }
    const auto es =
        cli({"assess", "--format", "text", "--lang", "es", example("low-back-osteoporosis.json")});
    ASSERT_EQ(es.exitCode, 0) << es.err;
    EXPECT_NE(es.out.find("patient note: Como sus huesos"), std::string::npos) << es.out;
}

TEST(CliAssess, BadInputNamesFilePointerAndExpectation) {
    test::TempDir dir;
    struct Case {
        std::string doc;
        std::vector<std::string> parts;
    };
    const std::vector<Case> cases = {
        {R"({"pain": {"now": 11}})", {"/pain/now", "from 0 to 10", "got 11"}},
        {R"({"age": -3})", {"/age", "from 0 to 120", "got -3"}},
        {R"({"findings": ["osteoporosis", "sore"]})",
         {"/findings/1", "unknown finding id \"sore\""}},
        {R"({"odi": {"gardening": 2}})", {"/odi/gardening", "unknown ODI section"}},
        {R"({"start_back": {"leg_pain": 2}})", {"/start_back/leg_pain", "from 0 to 1"}},
        {R"({"hair": "red"})", {"/hair", "unknown field"}},
        {R"({"age": 40,)", {"not valid JSON"}},
        {R"([])", {"expected a screening object"}},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto path = dir / ("s" + std::to_string(i) + ".json");
        test::writeFile(path, cases[i].doc);
        auto parts = cases[i].parts;
        parts.push_back(path.string());
        expectOneLineError(cli({"assess", path.string()}), parts);
    }
    expectOneLineError(cli({"assess", "-"}, "{\"age\": 200}"), {"stdin", "/age"});
    expectOneLineError(cli({"assess", (dir / "missing.json").string()}), {"missing.json"});
    EXPECT_EQ(cli({"assess"}).exitCode, 2);
    EXPECT_EQ(cli({"assess", "a.json", "b.json"}).exitCode, 2);
    EXPECT_EQ(cli({"assess", "--format", "yaml", "a.json"}).exitCode, 2);
}

/// A copy of the shipped templates folder to break.
struct TemplatesCopy {
    test::TempDir dir;
    TemplatesCopy() {
        fs::copy(test::templatesDir() / "catalog", dir / "catalog");
        fs::copy(test::templatesDir() / "rules", dir / "rules");
    }
};

TEST(CliAssess, BrokenRulesOrCatalogFileIsExit2NamingIt) {
    TemplatesCopy t;
    const auto triage = t.dir / "rules/triage.json";
    json doc = json::parse(test::readFile(triage));
    doc["rules"][1]["level"] = "whenever";
    test::writeFile(triage, doc.dump());
    expectOneLineError(
        cli({"assess", "--templates", t.dir.path().string(), example("neck-routine.json")}),
        {triage.string(), "/rules/1/level", "expected one of"});

    TemplatesCopy t2;
    test::writeFile(t2.dir / "catalog/cat_cow.json", "{");
    expectOneLineError(
        cli({"assess", "--templates", t2.dir.path().string(), example("neck-routine.json")}),
        {"cat_cow.json", "not valid JSON"});
}

TEST(CliCatalog, ListShowsEveryEntryWithKindAndName) {
    const auto r = cli({"catalog", "list"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 32);
    EXPECT_NE(r.out.find("cat_cow\texercise\tCat-cow\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("avoid_walking_on_back\tavoid\t"), std::string::npos);
    const auto j = cli({"--format", "json", "catalog", "list", "--lang", "es"});
    ASSERT_EQ(j.exitCode, 0);
    const json a = json::parse(j.out);
    EXPECT_EQ(a.size(), 32U);
    bool found = false;
    for (const auto& e : a) {
        found = found || (e["id"] == "cat_cow" && e["name"] == "Gato-vaca");
    }
    EXPECT_TRUE(found);
}

TEST(CliCatalog, ShowPrintsStepsDosageAndStopSigns) {
    const auto r = cli({"catalog", "show", "double_knee_to_chest"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Both knees to chest"), std::string::npos);
    EXPECT_NE(r.out.find("  1. Lie on your back"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Default dosage: 1 set of 3, hold 20 s, 2 times a day"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("Stop if:"), std::string::npos);
    const auto j = cli({"--format", "json", "catalog", "show", "avoid_walking_on_back"});
    ASSERT_EQ(j.exitCode, 0);
    EXPECT_EQ(json::parse(j.out)["always_on_handout"], true);
    expectOneLineError(cli({"catalog", "show", "cartwheel"}), {"cartwheel"});
}

TEST(CliCatalog, ValidateAcceptsShippedAndNamesBrokenFiles) {
    const auto ok = cli({"catalog", "validate", (test::templatesDir() / "catalog").string()});
    EXPECT_EQ(ok.exitCode, 0) << ok.err;
    EXPECT_NE(ok.out.find("ok: 26 exercises, 6 avoid entries"), std::string::npos) << ok.out;
    EXPECT_EQ(cli({"catalog", "validate", test::templatesDir().string()}).exitCode, 0);

    TemplatesCopy t;
    const auto file = t.dir / "catalog/bird_dog.json";
    json doc = json::parse(test::readFile(file));
    doc["steps"][0].erase("es");
    test::writeFile(file, doc.dump());
    expectOneLineError(cli({"catalog", "validate", (t.dir / "catalog").string()}),
                       {file.string(), "/steps/0/es", "missing"});

    TemplatesCopy hard;
    const auto f2 = hard.dir / "catalog/bird_dog.json";
    json d2 = json::parse(test::readFile(f2));
    for (auto& step : d2["steps"]) {
        step["en"] = "Notwithstanding considerable neuromuscular coordination requirements, "
                     "maintain lumbopelvic stabilisation throughout contralateral extremity "
                     "elevation, concentrating on proprioceptive awareness.";
    }
    test::writeFile(f2, d2.dump());
    expectOneLineError(cli({"catalog", "validate", hard.dir.path().string()}),
                       {f2.string(), "reads at US grade"});
    EXPECT_EQ(cli({"catalog", "validate", (t.dir / "nope").string()}).exitCode, 2);
    EXPECT_EQ(cli({"catalog", "fly"}).exitCode, 2);
}

} // namespace
} // namespace hepdesk::cli
