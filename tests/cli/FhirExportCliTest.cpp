#include "CliOnDatabase.h"
#include "TestSupport.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Database.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

// `session export --format fhir` and `patient export` through the real hepdesk-cli: the Bundle
// on standard output or written whole to --out (owner-only), the output-file refusals of every
// export, bad formats and identifier systems refused as usage errors, each export logged.
namespace hepdesk {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

class FhirExportCli : public ::testing::Test {
protected:
    void SetUp() override {
        const fs::path screening =
            test::templatesDir() / "schema" / "examples" / "neck-routine.json";
        ASSERT_EQ(
            cli({"patient", "add", "--name", "Nguyễn Thị Phương", "--record", "VN-9"}).exitCode, 0);
        ASSERT_EQ(cli({"clinician", "add", "--name", "Ana Gil"}).exitCode, 0);
        ASSERT_EQ(cli({"session", "new", "--patient", "1", "--clinician", "1", "--screening",
                       screening.string(), "--exercise", "chin_tuck"})
                      .exitCode,
                  0);
        ASSERT_EQ(cli({"session", "sign", "1", "--clinician", "1"}).exitCode, 0);
    }
    test::ProcessResult cli(const std::vector<std::string>& args) {
        return test::runCliOn(db_, args);
    }
    test::TempDir dir_;
    fs::path db_ = dir_ / "clinic.sqlite";
};

TEST_F(FhirExportCli, WritesTheSessionBundleWholeAndOwnerOnlyAndTheSameAsOnStandardOutput) {
    const fs::path out = dir_ / "session.fhir.json";
    const auto r = cli({"session", "export", "1", "--format", "fhir", "--out", out.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("exported session 1 as FHIR R4 to"), std::string::npos) << r.out;
    struct stat st {};
    ASSERT_EQ(::stat(out.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777U, 0600U);
    const std::string written = test::readFile(out);
    const json bundle = json::parse(written);
    EXPECT_EQ(bundle.at("resourceType"), "Bundle");
    EXPECT_EQ(bundle.at("entry")[0].at("resource").at("name")[0].at("text"), "Nguyễn Thị Phương");
    EXPECT_EQ(bundle.at("entry")[0].at("resource").at("identifier")[0].at("value"), "VN-9");
    // The same bytes on standard output, and again on a second run.
    const auto printed = cli({"session", "export", "1", "--format", "fhir"});
    ASSERT_EQ(printed.exitCode, 0) << printed.err;
    EXPECT_EQ(printed.out, written);
    // The plain JSON export is unchanged by the new option.
    const auto plain = cli({"session", "export", "1", "--format", "json"});
    ASSERT_EQ(plain.exitCode, 0);
    EXPECT_FALSE(json::parse(plain.out).contains("resourceType"));
}

TEST_F(FhirExportCli, ExportsThePatientWithAllSessionsAndTheClinicsRecordSystem) {
    const auto r =
        cli({"patient", "export", "1", "--format", "fhir", "--record-system", "urn:oid:1.2.3.4"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const json bundle = json::parse(r.out);
    EXPECT_EQ(bundle.at("entry")[0].at("resource").at("identifier")[0].at("system"),
              "urn:oid:1.2.3.4");
    int encounters = 0;
    for (const json& e : bundle.at("entry")) {
        encounters += e.at("resource").at("resourceType") == "Encounter" ? 1 : 0;
    }
    EXPECT_EQ(encounters, 1);
}

TEST_F(FhirExportCli, TheClinicsStoredRecordSystemUnlessTheExportGivesOne) {
    const auto systemOf = [this](std::vector<std::string> args) {
        const auto r = cli(args);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return json::parse(r.out).at("entry")[0].at("resource").at("identifier")[0].at("system");
    };
    // Neither: HepDesk's default.
    EXPECT_EQ(systemOf({"session", "export", "1", "--format", "fhir"}),
              "https://hepdesk.invalid/fhir/record-number");
    const auto set = cli({"clinic", "set", "--name", "Clínica Sol", "--record-system",
                          "https://clinica-sol.example/fhir/mrn"});
    ASSERT_EQ(set.exitCode, 0) << set.err;
    const auto shown = cli({"clinic", "show"});
    ASSERT_EQ(shown.exitCode, 0) << shown.err;
    EXPECT_NE(shown.out.find("record number system: https://clinica-sol.example/fhir/mrn"),
              std::string::npos)
        << shown.out;
    EXPECT_NE(shown.out.find("Clinic: Clínica Sol"), std::string::npos) << shown.out;
    // The stored one; the export's own wins over it.
    EXPECT_EQ(systemOf({"session", "export", "1", "--format", "fhir"}),
              "https://clinica-sol.example/fhir/mrn");
    EXPECT_EQ(systemOf({"patient", "export", "1", "--record-system", "urn:oid:1.2.3.4"}),
              "urn:oid:1.2.3.4");
    // Setting one field keeps the others.
    ASSERT_EQ(cli({"clinic", "set", "--phone", "+34 600"}).exitCode, 0);
    const auto j = json::parse(cli({"--format", "json", "clinic", "show"}).out);
    EXPECT_EQ(j.at("name"), "Clínica Sol");
    EXPECT_EQ(j.at("record_system"), "https://clinica-sol.example/fhir/mrn");
    // Not an absolute URI: a usage error naming the option, nothing changed.
    const auto bad = cli({"clinic", "set", "--record-system", "clinic mrn"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("--record-system must be an absolute URI"), std::string::npos)
        << bad.err;
    EXPECT_EQ(json::parse(cli({"--format", "json", "clinic", "show"}).out).at("record_system"),
              "https://clinica-sol.example/fhir/mrn");
    // Empty: back to the default.
    ASSERT_EQ(cli({"clinic", "set", "--record-system", ""}).exitCode, 0);
    EXPECT_EQ(systemOf({"session", "export", "1", "--format", "fhir"}),
              "https://hepdesk.invalid/fhir/record-number");
}

TEST_F(FhirExportCli, RefusesBadFormatsSystemsAndOutputFilesAndUnknownIds) {
    const auto xml = cli({"session", "export", "1", "--format", "xml"});
    EXPECT_EQ(xml.exitCode, 2);
    EXPECT_NE(xml.err.find("unknown format 'xml'"), std::string::npos) << xml.err;
    const auto patientJson = cli({"patient", "export", "1", "--format", "json"});
    EXPECT_EQ(patientJson.exitCode, 2);
    const auto system = cli({"patient", "export", "1", "--record-system", "not a uri"});
    EXPECT_EQ(system.exitCode, 2);
    EXPECT_NE(system.err.find("--record-system must be an absolute URI"), std::string::npos)
        << system.err;
    // The output-file refusals of every export: a folder is never replaced.
    fs::create_directory(dir_ / "folder");
    const auto folder =
        cli({"session", "export", "1", "--format", "fhir", "--out", (dir_ / "folder").string()});
    EXPECT_NE(folder.exitCode, 0);
    EXPECT_TRUE(fs::is_directory(dir_ / "folder"));
    const auto missing = cli({"patient", "export", "42"});
    EXPECT_NE(missing.exitCode, 0);
    EXPECT_NE(missing.err.find("42"), std::string::npos) << missing.err;
}

TEST_F(FhirExportCli, EachExportLeavesALineInTheAuditLog) {
    ASSERT_EQ(cli({"session", "export", "1", "--format", "fhir"}).exitCode, 0);
    ASSERT_EQ(cli({"patient", "export", "1", "--out", (dir_ / "p.json").string()}).exitCode, 0);
    auto db = db::Database::open(db_);
    ASSERT_TRUE(db.ok());
    auto entries = db::SqliteAuditLog(*db).list({});
    ASSERT_TRUE(entries.ok());
    std::string log;
    for (const db::AuditEntry& e : *entries) {
        log += e.action + " " + e.entityId + " " + e.detail + "\n";
    }
    EXPECT_NE(log.find("session.export 1 FHIR to standard output"), std::string::npos) << log;
    EXPECT_NE(log.find("patient.export 1 FHIR file " + (dir_ / "p.json").string()),
              std::string::npos)
        << log;
}

} // namespace
} // namespace hepdesk
