#include "CliOnDatabase.h"
#include "TestSupport.h"
#include "hepdesk/core/Clinician.h"
#include "hepdesk/core/Patient.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

// `hepdesk-cli protocol list|show|save|apply|rename|remove` on a real database.
namespace hepdesk::cli {
namespace {
namespace fs = std::filesystem;

class ProtocolCli : public ::testing::Test {
protected:
    void SetUp() override {
        auto db = db::Database::open(path_);
        ASSERT_TRUE(db.ok()) << db.error().message;
        ASSERT_TRUE(db::SqlitePatientRepository(*db).add(Patient{0, "Marta Ruiz", "", "", ""}));
        ASSERT_TRUE(db::SqliteClinicianRepository(*db).add(Clinician{0, "Ana Gil", "PT", true}));
    }
    test::ProcessResult cli(const std::vector<std::string>& args, bool json = false) {
        return test::runCliOn(path_, args, json);
    }
    /// A draft session with `findings` and `exercises`; its id.
    std::string session(const std::string& findings, const std::vector<std::string>& exercises) {
        const auto file = dir_ / "screening.json";
        test::writeFile(file, R"({"date": "2026-11-20", "age": 60, "sex": "female",
            "regions": ["low_back"], "pain": {"now": 3, "best": 1, "worst": 5}, "findings": [)" +
                                  findings + "]}");
        std::vector<std::string> args = {"session",     "new", "--patient",   "1",
                                         "--clinician", "1",   "--screening", file.string()};
        for (const auto& e : exercises) {
            args.insert(args.end(), {"--exercise", e});
        }
        const auto r = cli(args, true);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return std::to_string(nlohmann::json::parse(r.out)["id"].get<std::int64_t>());
    }

    test::TempDir dir_;
    fs::path path_ = dir_ / "clinic.sqlite";
};

TEST_F(ProtocolCli, ListsTheShippedOnesAndShowsOne) {
    const auto list = cli({"protocol", "list"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    EXPECT_NE(list.out.find("Bone-safe: osteoporosis\tshipped\t5 exercises\n"), std::string::npos)
        << list.out;
    const auto json = cli({"protocol", "list"}, true);
    ASSERT_EQ(json.exitCode, 0) << json.err;
    EXPECT_GE(nlohmann::json::parse(json.out).size(), 6U);

    const auto show = cli({"protocol", "show", "Acute low back pain: first week"});
    ASSERT_EQ(show.exitCode, 0) << show.err;
    EXPECT_NE(show.out.find("(shipped, read-only)"), std::string::npos) << show.out;
    EXPECT_NE(show.out.find("double_knee_to_chest"), std::string::npos) << show.out;
    EXPECT_NE(show.out.find("For: "), std::string::npos) << show.out;

    const auto missing = cli({"protocol", "show", "Nope"});
    EXPECT_EQ(missing.exitCode, 2) << missing.err;
    EXPECT_NE(missing.err.find("no saved protocol named \"Nope\""), std::string::npos)
        << missing.err;
}

TEST_F(ProtocolCli, ApplyingToAnOsteoporosisDraftLeavesOutKneeToChestByName) {
    const std::string id = session(R"("osteoporosis")", {"chin_tuck"});
    const auto r = cli({"protocol", "apply", "Acute low back pain: first week", "--session", id});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("left out Both knees to chest (double_knee_to_chest): excluded by "
                         "osteoporosis"),
              std::string::npos)
        << r.out;
    // Stored with the draft: the program has chin_tuck, then the protocol's other entries.
    const auto shown = cli({"session", "show", id}, true);
    ASSERT_EQ(shown.exitCode, 0) << shown.err;
    const auto program = nlohmann::json::parse(shown.out)["program"];
    ASSERT_EQ(program.size(), 5U) << shown.out;
    EXPECT_EQ(program[0]["exercise"], "chin_tuck");
    for (const auto& it : program) {
        EXPECT_NE(it["exercise"], "double_knee_to_chest");
    }
    // --replace drops what the program had.
    const auto replaced =
        cli({"protocol", "apply", "Neck stiffness", "--session", id, "--replace"}, true);
    ASSERT_EQ(replaced.exitCode, 0) << replaced.err;
    const auto j = nlohmann::json::parse(replaced.out);
    EXPECT_EQ(j["program"].size(), 4U) << replaced.out;
    EXPECT_TRUE(j["left_out"].empty());
}

TEST_F(ProtocolCli, SaveRenameRemoveAndTheShippedOnesStayReadOnly) {
    const std::string id = session("", {"cat_cow:2x12", "pelvic_tilt"});
    auto r = cli({"protocol", "save", "Our low back", "--session", id});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "saved protocol \"Our low back\" (2 exercises)\n");
    r = cli({"protocol", "save", "Our low back", "--exercise", "chin_tuck"});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_NE(r.err.find("already saved"), std::string::npos);
    r = cli({"protocol", "save", "Our neck", "--exercise", "chin_tuck:3x8", "--note",
             "chin_tuck=Sit tall", "--replace"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = cli({"protocol", "show", "our neck"}, true);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto neck = nlohmann::json::parse(r.out);
    EXPECT_EQ(neck["exercises"][0]["note"], "Sit tall");
    EXPECT_EQ(neck["exercises"][0]["dosage"]["sets"], 3);
    EXPECT_EQ(neck["shipped"], false);

    r = cli({"protocol", "rename", "Our low back", "Our back"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = cli({"protocol", "show", "Our back"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("cat_cow 2x12"), std::string::npos) << r.out;
    r = cli({"protocol", "remove", "Our back"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(cli({"protocol", "show", "Our back"}).exitCode, 2);

    r = cli({"protocol", "remove", "Neck stiffness"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("shipped protocol"), std::string::npos) << r.err;
    r = cli({"protocol", "rename", "Neck stiffness", "Mine"});
    EXPECT_EQ(r.exitCode, 3);
    r = cli({"protocol", "save", "neck stiffness", "--exercise", "chin_tuck"});
    EXPECT_EQ(r.exitCode, 3);
}

TEST_F(ProtocolCli, UsageMistakesAndHelp) {
    EXPECT_EQ(cli({"protocol", "save", "X"}).exitCode, 2);
    EXPECT_EQ(cli({"protocol", "save", "X", "--session", "1", "--exercise", "chin_tuck"}).exitCode,
              2);
    EXPECT_EQ(cli({"protocol", "apply", "Neck stiffness"}).exitCode, 2);
    EXPECT_EQ(cli({"protocol", "save", "X", "--exercise", "chin_tuk"}).exitCode, 2);
    const auto help = test::runProcess(HEPDESK_CLI_EXE, {"protocol", "--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("protocol apply NAME --session ID"), std::string::npos) << help.out;
}

} // namespace
} // namespace hepdesk::cli

namespace hepdesk::cli {
namespace {

TEST(ProtocolCliValidate, CatalogValidateChecksTheShippedProtocolsAndVersions) {
    const test::TempDir dir;
    fs::copy(test::templatesDir(), dir / "templates", fs::copy_options::recursive);
    const fs::path t = dir / "templates";
    EXPECT_EQ(test::runProcess(HEPDESK_CLI_EXE, {"catalog", "validate", t.string()}).exitCode, 0);

    const fs::path neck = t / "protocols" / "neck_stiffness.json";
    std::string text = test::readFile(neck);
    text.replace(text.find("\"chin_tuck\""), 11, "\"chin_tuk\"");
    test::writeFile(neck, text);
    auto r = test::runProcess(HEPDESK_CLI_EXE, {"catalog", "validate", t.string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("neck_stiffness.json"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("chin_tuk"), std::string::npos) << r.err;
    fs::copy_file(test::templatesDir() / "protocols" / "neck_stiffness.json", neck,
                  fs::copy_options::overwrite_existing);

    const fs::path prog = t / "rules" / "progressions.json";
    text = test::readFile(prog);
    text.replace(text.find("\"harder\": \"glute_bridge\""), 24, "\"harder\": \"pelvic_tilt\"");
    test::writeFile(prog, text);
    r = test::runProcess(HEPDESK_CLI_EXE, {"catalog", "validate", t.string()});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find("progressions.json"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("own harder"), std::string::npos) << r.err;
}

} // namespace
} // namespace hepdesk::cli
