#include "TestSupport.h"

#include <gtest/gtest.h>

// `hepdesk-cli COMMAND --help` (issue 13): that command's usage on standard output, exit 0.
namespace hepdesk::cli {
namespace {

TEST(CommandHelp, EveryCommandPrintsItsOwnUsageAndExitsZero) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"handout", "--help"}, "handout --screening F"},
        {{"session", "--help"}, "session sign ID --clinician ID"},
        {{"session", "sign", "--help"}, "session new --patient ID"},
        {{"patient", "add", "--name", "X", "--help"}, "patient add --name N"},
        {{"assess", "--help"}, "assess FILE.json"},
        {{"catalog", "--help"}, "catalog list"},
        {{"db", "--help"}, "db backup FILE"},
        {{"clinician", "--help"}, "clinician add --name N"},
        {{"protocol", "--help"}, "protocol save NAME"},
        {{"handout", "-h"}, "handout --screening F"},
        {{"assess", "-h"}, "assess FILE.json"},
        {{"assess", "--lang", "fr", "--help"}, "assess FILE.json"},
        {{"catalog", "matrix", "--help"}, "catalog matrix [--format csv|json|text]"},
        {{"catalog", "show", "-h"}, "catalog list|show ID"},
        {{"session", "sign", "-h"}, "session sign ID --clinician ID"},
        {{"db", "backup", "--help"}, "db backup FILE | --folder DIR [--keep N]"},
        {{"handout", "--session", "1", "-o", "x.pdf", "--help"}, "[--clinician-copy]"},
    };
    for (const auto& [args, expected] : cases) {
        const auto r = test::runProcess(HEPDESK_CLI_EXE, args);
        EXPECT_EQ(r.exitCode, 0) << args[0] << ": " << r.err;
        EXPECT_NE(r.out.find(expected), std::string::npos) << args[0] << ": " << r.out;
        EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
        EXPECT_TRUE(r.err.empty()) << r.err;
    }
    // Only that command's lines: the handout help says nothing about patients.
    const auto handout = test::runProcess(HEPDESK_CLI_EXE, {"handout", "--help"});
    EXPECT_EQ(handout.out.find("patient add"), std::string::npos) << handout.out;
}

} // namespace
} // namespace hepdesk::cli
