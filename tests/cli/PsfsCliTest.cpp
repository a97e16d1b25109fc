#include "CliOnDatabase.h"
#include "TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hepdesk::cli {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

std::string example(const char* name) {
    return (test::templatesDir() / "schema/examples" / name).string();
}

TEST(PsfsCli, AssessScoresPsfsAndListsAdherence) {
    auto j = test::runProcess(HEPDESK_CLI_EXE, {"assess", example("neck-follow-up-psfs.json")});
    ASSERT_EQ(j.exitCode, 0) << j.err;
    const json out = json::parse(j.out);
    EXPECT_EQ(out["scores"]["psfs"]["mean"], 6.5); // (6 + 7) / 2; the unrated one left out
    EXPECT_EQ(out["scores"]["psfs"]["rated"], 2);
    EXPECT_EQ(out["scores"]["psfs"]["activities"], 3);

    auto t = test::runProcess(HEPDESK_CLI_EXE,
                              {"assess", "--format", "text", example("neck-follow-up-psfs.json")});
    ASSERT_EQ(t.exitCode, 0) << t.err;
    EXPECT_NE(t.out.find("PSFS: mean 6.5/10 over 2 of 3 activities rated"), std::string::npos)
        << t.out;
    EXPECT_NE(t.out.find("-  Sleeping on my side"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("neck_side_bend_stretch: not asked"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("chin_tuck: 12"), std::string::npos) << t.out;

    // A rating out of range is refused with its pointer and value.
    auto bad = test::runProcess(HEPDESK_CLI_EXE, {"assess", "-"},
                                R"({"psfs": [{"activity": "Walking", "rating": 12}]})");
    EXPECT_EQ(bad.exitCode, 2) << bad.err;
    EXPECT_NE(bad.err.find("/psfs/0/rating: expected a whole number from 0 to 10, got 12"),
              std::string::npos)
        << bad.err;
}

TEST(PsfsCli, SessionExportHasPsfsAndAdherenceAndAFollowUpAsksThemAgain) {
    test::TempDir dir;
    const fs::path db = dir / "clinic.sqlite";
    ASSERT_EQ(test::runCliOn(db, {"patient", "add", "--name", "Ann"}).exitCode, 0);
    ASSERT_EQ(test::runCliOn(db, {"clinician", "add", "--name", "Dr Rivera"}).exitCode, 0);
    auto first =
        test::runCliOn(db, {"session", "new", "--patient", "1", "--clinician", "1", "--screening",
                            example("neck-follow-up-psfs.json"), "--exercise", "chin_tuck"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    auto exported = test::runCliOn(db, {"session", "export", "1"});
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    const json s = json::parse(exported.out);
    ASSERT_EQ(s["screening"]["psfs"].size(), 3U);
    EXPECT_EQ(s["screening"]["psfs"][0]["activity"], "Turning my head to reverse the car");
    EXPECT_EQ(s["screening"]["psfs"][0]["rating"], 6);
    EXPECT_TRUE(s["screening"]["psfs"][2]["rating"].is_null());
    EXPECT_EQ(s["screening"]["adherence"][2]["days_done"], "not_asked");
    EXPECT_EQ(s["screening"]["adherence"][0]["days_done"], 12);
    EXPECT_EQ(s["scores"]["psfs_mean"], 6.5);

    test::writeFile(dir / "today.json", R"({"date": "2026-12-20", "pain": {"now": 1}})");
    auto follow = test::runCliOn(db,
                                 {"session", "new", "--patient", "1", "--clinician", "1",
                                  "--screening", (dir / "today.json").string(), "--follow-up"},
                                 true);
    ASSERT_EQ(follow.exitCode, 0) << follow.err;
    EXPECT_NE(follow.err.find("carried from session 1: 3 PSFS activities to rate again"),
              std::string::npos)
        << follow.err;
    const json f = json::parse(follow.out);
    ASSERT_EQ(f["screening"]["psfs"].size(), 3U);
    for (const auto& a : f["screening"]["psfs"]) {
        EXPECT_TRUE(a["rating"].is_null()) << a;
    }
    EXPECT_TRUE(f["scores"]["psfs_mean"].is_null());
    EXPECT_FALSE(f["screening"].contains("adherence"));
}

} // namespace
} // namespace hepdesk::cli

namespace hepdesk::cli {
namespace {

/// The log and the goals are chosen at signing and kept: a reprint gives the same bytes.
TEST(PsfsCli, SignedWithTheLogReprintsItExactly) {
    test::TempDir dir;
    const fs::path db = dir / "clinic.sqlite";
    ASSERT_EQ(test::runCliOn(db, {"patient", "add", "--name", "Ann"}).exitCode, 0);
    ASSERT_EQ(test::runCliOn(db, {"clinician", "add", "--name", "Dr Rivera"}).exitCode, 0);
    ASSERT_EQ(test::runCliOn(db, {"session", "new", "--patient", "1", "--clinician", "1",
                                  "--screening", example("neck-follow-up-psfs.json"), "--exercise",
                                  "chin_tuck", "--exercise", "neck_side_bend_stretch"})
                  .exitCode,
              0);
    const auto pages = [&](const std::vector<std::string>& extra) {
        std::vector<std::string> args = {"handout", "--session", "1", "-o",
                                         (dir / "h.pdf").string()};
        args.insert(args.end(), extra.begin(), extra.end());
        auto r = test::runCliOn(db, args, true);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return r.exitCode == 0 ? json::parse(r.out) : json::object();
    };
    const json plain = pages({});
    const json logged = pages({"--log", "--goals"});
    EXPECT_EQ(logged["pages"].get<int>(), plain["pages"].get<int>() + 1);

    auto sign =
        test::runCliOn(db, {"session", "sign", "1", "--clinician", "1", "--log", "--goals"}, true);
    ASSERT_EQ(sign.exitCode, 0) << sign.err;
    const std::string signedSha = json::parse(sign.out)["handout_sha256"];
    EXPECT_EQ(signedSha, logged["sha256"]) << "the draft with the log is what was signed";
    const json reprint = pages({});
    EXPECT_EQ(reprint["sha256"], signedSha);
    auto exported = test::runCliOn(db, {"session", "export", "1"});
    ASSERT_EQ(exported.exitCode, 0);
    const json snapshot = json::parse(exported.out)["signed_snapshot"];
    EXPECT_EQ(snapshot["exercise_log"], true);
    EXPECT_EQ(snapshot["goals"].size(), 3U);
}

} // namespace
} // namespace hepdesk::cli
