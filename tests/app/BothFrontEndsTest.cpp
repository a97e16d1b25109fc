#include "HandoutPage.h"
#include "MainWindow.h"
#include "SessionEditor.h"
#include "TestSupport.h"
#include "WidgetTestSupport.h"
#include "hepdesk/core/Sha256.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

// Issue 13's proof: one visit, the command line and the app on one database, the same handout
// bytes: a draft's from today's details, a signed session's from its snapshot.
namespace hepdesk::gui {
namespace {
namespace fs = std::filesystem;

TEST(BothFrontEnds, PrintTheSameBytesForADraftAndForASignedSession) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    const fs::path db = app.dir / "hepdesk.sqlite";
    const auto cli = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db.string(), "--format", "json"});
        return hepdesk::test::runProcess(HEPDESK_CLI_EXE, args);
    };
    const fs::path screening = app.dir / "screening.json";
    hepdesk::test::writeFile(
        screening,
        R"({"date": "2026-11-20", "regions": ["low_back"], "findings": ["osteoporosis"]})");
    ASSERT_EQ(cli({"patient", "add", "--name", "Łukasz Nowak"}).exitCode, 0);
    ASSERT_EQ(cli({"clinician", "add", "--name", "Ana Pérez", "--credentials", "PT"}).exitCode, 0);
    for (int i = 0; i < 2; ++i) {
        const auto r = cli({"session", "new", "--patient", "1", "--screening", screening.string(),
                            "--exercise", "supine_lumbar_rotation:2x10:5s", "--exercise", "cat_cow",
                            "--clinician", "1"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    const auto signedBy = cli({"session", "sign", "1", "--clinician", "1"});
    ASSERT_EQ(signedBy.exitCode, 0) << signedBy.err;
    const std::string atSigning = nlohmann::json::parse(signedBy.out)["handout_sha256"];
    ASSERT_EQ(cli({"patient", "edit", "1", "--name", "Someone Else"}).exitCode, 0);
    for (const char* id : {"1", "2"}) {
        const auto r = cli(
            {"handout", "--session", id, "-o", (app.dir / (std::string(id) + ".pdf")).string()});
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    const std::string cliSigned = hepdesk::test::readFile(app.dir / "1.pdf");
    const std::string cliDraft = hepdesk::test::readFile(app.dir / "2.pdf");
    EXPECT_EQ(sha256Hex(cliSigned), atSigning);

    // The app on the same database: the same bytes from both sessions.
    app.open();
    ASSERT_TRUE(app.services);
    MainWindow window(*app.services);
    for (const auto& [id, expected] :
         {std::pair<std::int64_t, const std::string*>{1, &cliSigned}, {2, &cliDraft}}) {
        SessionEditor* e = window.openSession(id);
        ASSERT_NE(e, nullptr);
        e->handoutPage()->setPaper(handout::HandoutOptions::Paper::A4); // the CLI's default
        const fs::path pdf = app.dir / ("app-" + std::to_string(id) + ".pdf");
        auto record = test::exportAndWait(*e, QString::fromStdString(pdf.string()));
        ASSERT_TRUE(record.ok()) << record.error().message;
        EXPECT_EQ(hepdesk::test::readFile(pdf), *expected) << "session " << id;
        e->close();
    }
    EXPECT_EQ(app.services->sessions().get(1)->handouts.size(), 1U);
    EXPECT_EQ(app.services->sessions().get(2)->handouts.size(), 1U) << "the same bytes, one record";
}

} // namespace
} // namespace hepdesk::gui
