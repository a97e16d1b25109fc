#include "CliOnDatabase.h"
#include "TestImages.h"
#include "TestSupport.h"
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/handout/HandoutWriter.h"
#include "hepdesk/db/ClinicCatalog.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/CustomExerciseRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

// The clinic's own exercises (stored in the database, with a photo) on the command line:
// listed, chosen in `session new`, and printed by `handout --session` as the app prints them.
namespace hepdesk::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kId = "clinic_towel_glide";
constexpr const char* kTitle = "Towel neck glide";

class ClinicExerciseCli : public ::testing::Test {
protected:
    void SetUp() override {
        auto shipped = Catalog::loadDir(test::templatesDir() / "catalog");
        ASSERT_TRUE(shipped.ok()) << shipped.error().message;
        shipped_ = std::move(*shipped);
        // A valid entry: a shipped exercise's content under the clinic's id and names.
        nlohmann::json j = toJson(*shipped_.find("chin_tuck"));
        j["id"] = kId;
        j["name"]["en"] = kTitle;
        j["name"]["es"] = "Deslizamiento del cuello con toalla";
        auto db = db::Database::open(path_);
        ASSERT_TRUE(db.ok()) << db.error().message;
        db::SqliteCustomExerciseRepository custom(*db);
        ASSERT_TRUE(custom.put({kId, kTitle, j.dump(2), photo_, "image/png"}).ok());
        // Stored before a catalog change made it invalid: skipped with a warning, not an error.
        ASSERT_TRUE(
            custom.put({"clinic_old", "Old", R"({"id": "clinic_old", "kind": "exercise"})", "", ""})
                .ok());
        ASSERT_TRUE(db::SqlitePatientRepository(*db).add(Patient{0, "Marta Ruiz", "", "", ""}));
        ASSERT_TRUE(db::SqliteClinicianRepository(*db).add(Clinician{0, "Ana Gil", "PT", true}));
        ClinicSettings clinic;
        clinic.name = "Riverside Physical Therapy";
        ASSERT_TRUE(db::SqliteClinicRepository(*db).save(clinic).ok());
    }
    test::ProcessResult cli(const std::vector<std::string>& args, bool json = false) {
        return test::runCliOn(path_, args, json);
    }
    fs::path screening() {
        const auto file = dir_ / "screening.json";
        test::writeFile(file, R"({"date": "2026-11-20", "age": 52, "sex": "female",
            "regions": ["neck"], "pain": {"now": 3, "best": 1, "worst": 5}, "findings": []})");
        return file;
    }
    static void expectSkippedWarning(const test::ProcessResult& r) {
        EXPECT_NE(r.err.find("hepdesk-cli: warning: skipped custom exercise clinic_old"),
                  std::string::npos)
            << r.err;
    }

    test::TempDir dir_;
    fs::path path_ = dir_ / "clinic.sqlite";
    Catalog shipped_;
    const std::string photo_ = test::pngImage(96, 64);
};

TEST_F(ClinicExerciseCli, CatalogListWithADatabaseMarksTheClinicsExercises) {
    const auto withDb = cli({"catalog", "list"});
    ASSERT_EQ(withDb.exitCode, 0) << withDb.err;
    expectSkippedWarning(withDb);
    EXPECT_NE(withDb.out.find(std::string(kId) + "\texercise\t" + kTitle + "\tclinic\n"),
              std::string::npos)
        << withDb.out;
    EXPECT_EQ(withDb.out.find("clinic_old"), std::string::npos);

    // The shipped lines are exactly those printed without a database.
    const auto shippedOnly = test::runProcess(HEPDESK_CLI_EXE, {"catalog", "list"});
    ASSERT_EQ(shippedOnly.exitCode, 0);
    EXPECT_EQ(shippedOnly.out.find(kId), std::string::npos);
    std::string withoutCustom = withDb.out;
    const std::string line = std::string(kId) + "\texercise\t" + kTitle + "\tclinic\n";
    withoutCustom.erase(withoutCustom.find(line), line.size());
    EXPECT_EQ(withoutCustom, shippedOnly.out);

    const auto json = cli({"catalog", "list"}, true);
    ASSERT_EQ(json.exitCode, 0) << json.err;
    int clinic = 0;
    for (const auto& e : nlohmann::json::parse(json.out)) {
        if (e.contains("clinic")) {
            ++clinic;
            EXPECT_EQ(e["id"], kId);
            EXPECT_EQ(e["clinic"], true);
        }
    }
    EXPECT_EQ(clinic, 1);

    const auto show = cli({"catalog", "show", kId});
    ASSERT_EQ(show.exitCode, 0) << show.err;
    EXPECT_NE(show.out.find(kTitle), std::string::npos);
    EXPECT_NE(show.out.find("Clinic exercise: yes, with a photo"), std::string::npos) << show.out;
}

TEST_F(ClinicExerciseCli, SessionNewAcceptsTheClinicsExerciseAndHandoutPrintsItWithItsPhoto) {
    const auto made = cli({"session", "new", "--patient", "1", "--clinician", "1", "--screening",
                           screening().string(), "--exercise", std::string(kId) + ":2x8",
                           "--exercise", "chin_tuck"},
                          true);
    ASSERT_EQ(made.exitCode, 0) << made.err;
    expectSkippedWarning(made);
    const auto session = nlohmann::json::parse(made.out);
    ASSERT_EQ(session["program"].size(), 2U) << made.out;
    EXPECT_EQ(session["program"][0]["exercise"], kId) << made.out;
    const std::string id = std::to_string(session["id"].get<std::int64_t>());

    const auto pdf = dir_ / "handout.pdf";
    const auto r = cli({"handout", "--session", id, "--paper", "a4", "-o", pdf.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    expectSkippedWarning(r);
    const auto text = test::runProcess("/usr/bin/pdftotext", {"-q", pdf.string(), "-"}).out;
    EXPECT_NE(text.find(kTitle), std::string::npos) << text;
    EXPECT_NE(text.find("Marta Ruiz"), std::string::npos);
    // The photo is the one image (the shipped chin tuck is a drawn figure): 96 x 64 pixels.
    const auto images = test::runProcess("/usr/bin/pdfimages", {"-list", pdf.string()}).out;
    int imageRows = 0;
    std::istringstream rows(images);
    std::string row;
    for (int n = 0; std::getline(rows, row); ++n) {
        if (n < 2 || row.empty()) {
            continue; // the header and its rule
        }
        ++imageRows;
        std::istringstream fields(row);
        std::string page, num, type;
        int width = 0, height = 0;
        fields >> page >> num >> type >> width >> height;
        EXPECT_EQ(width, 96) << row;
        EXPECT_EQ(height, 64) << row;
    }
    EXPECT_EQ(imageRows, 1) << images;

    // Byte for byte what the desktop app writes for the same request: its catalog is the
    // same merge (Services::reloadCustomExercises), its request the session's as stored
    // (SessionEditor::baseRequest + HandoutPage::request), through the same writer.
    auto db = db::Database::open(path_);
    ASSERT_TRUE(db.ok());
    db::SqliteCustomExerciseRepository customRepo(*db);
    auto merged = db::mergeCustomExercises(shipped_, customRepo);
    ASSERT_TRUE(merged.ok());
    auto rules = ClinicalRules::loadDir(test::templatesDir() / "rules", merged->catalog);
    ASSERT_TRUE(rules.ok()) << rules.error().message;
    auto stored = db::SqliteSessionRepository(*db).get(std::stoll(id));
    ASSERT_TRUE(stored.ok());
    auto assessment = assess(stored->screening, *rules, merged->catalog);
    ASSERT_TRUE(assessment.ok());
    handout::HandoutRequest req;
    req.clinic.name = "Riverside Physical Therapy";
    req.clinic.clinicianName = "Ana Gil";
    req.clinic.clinicianCredentials = "PT";
    req.patientName = "Marta Ruiz";
    req.sessionDate = stored->screening.date;
    req.program = stored->program;
    req.assessment = *assessment;
    req.findingIds = stored->screening.findings;
    req.options.lang = stored->handoutOptions.language;
    req.options.largePrint = stored->handoutOptions.largePrint;
    req.options.paper = handout::HandoutOptions::Paper::A4;
    auto writer = handout::HandoutWriter::load(test::templatesDir());
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    auto app = writer->renderPdf(req, merged->catalog.entries());
    ASSERT_TRUE(app.ok()) << app.error().message;
    EXPECT_TRUE(test::readFile(pdf) == *app) << "the command line's handout differs from the app's";
}

TEST_F(ClinicExerciseCli, WithoutTheClinicsDatabaseItsExerciseIsUnknown) {
    // Another (empty) database: no clinic exercises, so the id is refused as before.
    const auto other = dir_ / "other.sqlite";
    ASSERT_EQ(test::runProcess(HEPDESK_CLI_EXE,
                               {"--db", other.string(), "patient", "add", "--name", "Ann"})
                  .exitCode,
              0);
    const auto r = test::runProcess(HEPDESK_CLI_EXE,
                                    {"--db", other.string(), "session", "new", "--patient", "1",
                                     "--screening", screening().string(), "--exercise", kId});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find(std::string("no exercise '") + kId + "'"), std::string::npos) << r.err;
    const auto handout = test::runProcess(
        HEPDESK_CLI_EXE, {"handout", "--screening", screening().string(), "--patient", "A",
                          "--exercise", kId, "-o", (dir_ / "h.pdf").string()});
    EXPECT_EQ(handout.exitCode, 2) << handout.err;
}

TEST_F(ClinicExerciseCli, AssessAndFileHandoutWithTheDatabaseJudgeAndPrintTheClinicsExercise) {
    const auto a = cli({"assess", screening().string()});
    ASSERT_EQ(a.exitCode, 0) << a.err;
    expectSkippedWarning(a);
    bool found = false;
    const auto assessment = nlohmann::json::parse(a.out);
    for (const auto& e : assessment["eligibility"]) {
        if (e["exercise"] == kId) {
            found = true;
            EXPECT_EQ(e["status"], "eligible") << e.dump();
        }
    }
    EXPECT_TRUE(found) << a.out;

    const auto pdf = dir_ / "file.pdf";
    const auto h = cli({"handout", "--screening", screening().string(), "--patient", "Marta",
                        "--exercise", kId, "-o", pdf.string()});
    ASSERT_EQ(h.exitCode, 0) << h.err;
    const auto text = test::runProcess("/usr/bin/pdftotext", {"-q", pdf.string(), "-"}).out;
    EXPECT_NE(text.find(kTitle), std::string::npos) << text;
}

} // namespace
} // namespace hepdesk::cli
