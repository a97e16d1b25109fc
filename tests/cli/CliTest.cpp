#include "Cli.h"

#include "TestSupport.h"
#include "hepdesk/core/Version.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hepdesk::cli {
namespace {
namespace fs = std::filesystem;

test::ProcessResult cli(const std::vector<std::string>& args, const std::string& input = {}) {
    return test::runProcess(HEPDESK_CLI_EXE, args, input);
}

TEST(Cli, VersionPrintsVersion) {
    const auto r = cli({"--version"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out, std::string("hepdesk-cli ") + kVersion + "\n");
}

TEST(Cli, HelpListsCommandsAndExitCodes) {
    const auto r = cli({"--help"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("--db PATH"), std::string::npos);
    EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
}

TEST(Cli, UnknownOptionIsOneLineErrorWithExitCode2) {
    const auto r = cli({"--frobnicate"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("'--frobnicate'"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(Cli, DbInfoShowsTheSchemaVersionOfTheDatabaseAWriteCreated) {
    test::TempDir dir;
    const auto path = dir / "c.sqlite";
    ASSERT_EQ(cli({"--db", path.string(), "patient", "add", "--name", "Ann"}).exitCode, 0);
    const auto r = cli({"--db", path.string(), "--format", "json", "db", "info"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["path"], path.string());
    EXPECT_GE(j["schema_version"].get<int>(), 1);
    EXPECT_TRUE(fs::exists(path));
}

TEST(Cli, UncreatableDatabasePathNamesThePathAndWritesNothing) {
    test::TempDir dir;
    const auto path = dir / "nope" / "c.sqlite";
    const auto r = cli({"--db", path.string(), "db", "info"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find(path.string()), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "nope"));
}

TEST(Cli, NonSqliteFileIsRefusedUntouched) {
    test::TempDir dir;
    const auto path = dir / "letter.txt";
    test::writeFile(path, "Dear clinic,\n");
    const auto r = cli({"--db", path.string(), "db", "info"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("not an SQLite file"), std::string::npos) << r.err;
    EXPECT_EQ(test::readFile(path), "Dear clinic,\n");
}

TEST(Cli, UnknownCommandIsUsageError) {
    const auto r = cli({"fly"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("'fly'"), std::string::npos);
}

} // namespace
} // namespace hepdesk::cli
