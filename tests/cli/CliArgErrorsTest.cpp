#include "Cli.h"
#include "TestSupport.h"

#include <gtest/gtest.h>
#include <sstream>

namespace hepdesk::cli {
namespace {

/// One mistaken command line and exactly what hepdesk-cli answers: scripts match on these
/// messages and exit codes, so they must not drift when the argument handling changes.
struct BadCommand {
    std::vector<std::string> args;
    int exitCode;
    std::string err;
};

const std::string kHelp = " (see hepdesk-cli --help)";

const std::vector<BadCommand> kBadCommands = {
    // patient
    {{"patient"},
     kUsage,
     "'patient' needs a subcommand: add, edit, list, search, show, archive, export" + kHelp},
    {{"patient", "fly"}, kUsage, "unknown 'patient' subcommand 'fly'" + kHelp},
    {{"patient", "add"}, kUsage, "'patient add' needs --name" + kHelp},
    {{"patient", "add", "--name"}, kUsage, "option '--name' needs a value" + kHelp},
    {{"patient", "add", "--bogus", "x"}, kUsage, "unknown option '--bogus'" + kHelp},
    {{"patient", "add", "extra", "--name", "A"}, kUsage, "unexpected argument 'extra'" + kHelp},
    {{"patient", "edit"}, kUsage, "missing patient id" + kHelp},
    {{"patient", "edit", "abc"},
     kUsage,
     "patient id must be a record id (a positive number), got 'abc'"},
    {{"patient", "edit", "1", "2"}, kUsage, "unexpected argument '2'" + kHelp},
    {{"patient", "edit", "99", "--name", "B"}, kUsage, "no patient with id 99"},
    {{"patient", "show", "0"},
     kUsage,
     "patient id must be a record id (a positive number), got '0'"},
    {{"patient", "show", "99"}, kUsage, "no patient with id 99"},
    {{"patient", "list", "extra"}, kUsage, "unexpected argument 'extra'" + kHelp},
    {{"patient", "list", "--limit", "5"}, kUsage, "unknown option '--limit'" + kHelp},
    {{"patient", "search"}, kUsage, "missing search text" + kHelp},
    {{"patient", "search", "x", "--limit", "0"},
     kUsage,
     "--limit must be a whole number from 1 to 10000, got '0'"},
    {{"patient", "search", "x", "--limit", "abc"},
     kUsage,
     "--limit must be a whole number from 1 to 10000, got 'abc'"},
    {{"patient", "archive"}, kUsage, "missing patient id" + kHelp},
    {{"patient", "archive", "x"},
     kUsage,
     "patient id must be a record id (a positive number), got 'x'"},
    {{"patient", "archive", "99"}, kUsage, "no patient with id 99"},
    {{"patient", "archive", "99", "--undo"}, kUsage, "no patient with id 99"},
    // session
    {{"session"},
     kUsage,
     "'session' needs a subcommand: new, show, list, trend, sign, addendum, export" + kHelp},
    {{"session", "fly"}, kUsage, "unknown 'session' subcommand 'fly'" + kHelp},
    {{"session", "show"}, kUsage, "missing session id"},
    {{"session", "show", "1", "2"}, kUsage, "unexpected argument '2'"},
    {{"session", "show", "x"},
     kUsage,
     "session id must be a record id (a positive number), got 'x'"},
    {{"session", "show", "99"}, kUsage, "no session with id 99"},
    {{"session", "show", "1", "--out", "f"}, kUsage, "unknown option '--out'" + kHelp},
    {{"session", "list"}, kUsage, "missing --patient"},
    {{"session", "list", "x"}, kUsage, "unexpected argument 'x'" + kHelp},
    {{"session", "list", "--patient", "x"},
     kUsage,
     "--patient must be a record id (a positive number), got 'x'"},
    {{"session", "list", "--patient", "1", "--limit", "0"},
     kUsage,
     "--limit must be a whole number from 1 to 100000, got '0'"},
    {{"session", "list", "--patient", "99"}, kUsage, "no patient with id 99"},
    {{"session", "trend"}, kUsage, "missing --patient"},
    {{"session", "trend", "--patient", "0"},
     kUsage,
     "--patient must be a record id (a positive number), got '0'"},
    {{"session", "trend", "--patient", "99"}, kUsage, "no patient with id 99"},
    {{"session", "sign"}, kUsage, "missing session id"},
    {{"session", "sign", "1"}, kUsage, "missing --clinician"},
    {{"session", "sign", "1", "--clinician", "x"},
     kUsage,
     "--clinician must be a record id (a positive number), got 'x'"},
    {{"session", "sign", "99", "--clinician", "1"}, kUsage, "no session with id 99"},
    {{"session", "addendum", "1"}, kUsage, "'session addendum' needs --text" + kHelp},
    {{"session", "addendum", "1", "--clinician", "0", "--text", "t"},
     kUsage,
     "--clinician must be a record id (a positive number), got '0'"},
    {{"session", "addendum", "99", "--text", "t"}, kUsage, "no session with id 99"},
    {{"session", "export"}, kUsage, "missing session id"},
    {{"session", "export", "99"}, kUsage, "no session with id 99"},
    {{"session", "new"}, kUsage, "'session new' needs --patient ID" + kHelp},
    {{"session", "new", "extra"}, kUsage, "unexpected argument 'extra'" + kHelp},
    {{"session", "new", "--patient", "x"},
     kUsage,
     "--patient must be a record id (a positive number), got 'x'"},
    {{"session", "new", "--patient", "1", "--clinician", "y"},
     kUsage,
     "--clinician must be a record id (a positive number), got 'y'"},
    {{"session", "new", "--patient", "1"},
     kUsage,
     "'session new' needs --screening FILE.json" + kHelp},
    {{"session", "new", "--patient", "99", "--screening", "s.json"},
     kUsage,
     "no patient with id 99"},
    {{"session", "new", "--patient", "1", "--clinician", "99", "--screening", "s.json"},
     kUsage,
     "no clinician with id 99"},
    // clinician
    {{"clinician"}, kUsage, "'clinician' needs a subcommand: add, list" + kHelp},
    {{"clinician", "fly"}, kUsage, "unknown 'clinician' subcommand 'fly'" + kHelp},
    {{"clinician", "add"}, kUsage, "'clinician add' needs --name" + kHelp},
    {{"clinician", "add", "extra", "--name", "N"}, kUsage, "unexpected argument 'extra'" + kHelp},
    {{"clinician", "list", "--name", "x"}, kUsage, "unknown option '--name'" + kHelp},
    {{"clinician", "list", "--credentials"}, kUsage, "unknown option '--credentials'" + kHelp},
    // db
    {{"db"},
     kUsage,
     "'db' needs a subcommand: info, check, backup, restore, migrate, copy" + kHelp},
    {{"db", "fly"}, kUsage, "unknown 'db' subcommand 'fly'" + kHelp},
    {{"db", "info", "extra"}, kUsage, "unexpected argument 'extra'" + kHelp},
    {{"db", "info", "--keep", "3"}, kUsage, "unknown option '--keep'" + kHelp},
    {{"db", "check", "extra"}, kUsage, "unexpected argument 'extra'" + kHelp},
    {{"db", "backup"}, kUsage, "missing backup file (or --folder DIR)" + kHelp},
    {{"db", "backup", "a", "b"}, kUsage, "unexpected argument 'b'" + kHelp},
    {{"db", "backup", "--keep"}, kUsage, "option '--keep' needs a value" + kHelp},
    {{"db", "backup", "--folder", "d", "--keep", "0"},
     kUsage,
     "--keep must be a whole number from 1 to 10000, got '0'"},
    {{"db", "restore"}, kUsage, "missing backup file" + kHelp},
    {{"db", "migrate", "extra"}, kUsage, "unexpected argument 'extra'" + kHelp},
    // assess, catalog and handout parse on CliArgs like the rest (issue 13)
    {{"assess"}, kUsage, "'assess' needs a screening file (or - for standard input)" + kHelp},
    {{"assess", "s.json", "--bogus"}, kUsage, "unknown option '--bogus'" + kHelp},
    {{"assess", "s.json", "-x"}, kUsage, "unknown option '-x'" + kHelp},
    {{"assess", "s.json", "--lang"}, kUsage, "option '--lang' needs a value" + kHelp},
    {{"assess", "s.json", "--lang", "fr"},
     kUsage,
     "unknown language 'fr' (expected en or es)" + kHelp},
    {{"assess", "a.json", "b.json"},
     kUsage,
     "unexpected argument 'b.json' (assess reads one screening)" + kHelp},
    {{"catalog", "list", "--bogus"}, kUsage, "unknown option '--bogus'" + kHelp},
    {{"catalog", "list", "--lang", "de"},
     kUsage,
     "unknown language 'de' (expected en or es)" + kHelp},
    {{"catalog", "show"}, kUsage, "'catalog show' needs one entry id" + kHelp},
    {{"catalog", "matrix", "--rows"},
     kUsage,
     "unknown option '--rows' for catalog matrix (expected --format csv|json|text, "
     "--by-exercise, --document)" +
         kHelp},
    {{"catalog", "matrix", "extra"},
     kUsage,
     "unexpected argument 'extra' for catalog matrix" + kHelp},
    {{"handout", "--bogus"}, kUsage, "unknown option '--bogus'" + kHelp},
    {{"handout", "-o"}, kUsage, "option '-o' needs a value" + kHelp},
    {{"handout", "--session", "1", "-o", "x.pdf", "--paper", "a5"},
     kUsage,
     "unknown paper 'a5' (expected a4 or letter)" + kHelp},
    {{"handout", "stray"}, kUsage, "unexpected argument 'stray' for 'handout'" + kHelp},
    {{"handout", "--note", "nothing"}, kUsage, "--note needs ID=TEXT, got 'nothing'" + kHelp},
};

TEST(CliArgErrors, EveryMistakeHasItsExactMessageAndExitCode) {
    test::TempDir dir;
    const std::string db = (dir / "clinic.sqlite").string();
    {
        std::ostringstream out, err;
        ASSERT_EQ(run({"hepdesk-cli", "--db", db, "patient", "add", "--name", "Ann"}, out, err),
                  kOk)
            << err.str();
        ASSERT_EQ(run({"hepdesk-cli", "--db", db, "clinician", "add", "--name", "Dr B"}, out, err),
                  kOk)
            << err.str();
    }
    for (const BadCommand& c : kBadCommands) {
        std::vector<std::string> argv = {"hepdesk-cli", "--db", db};
        argv.insert(argv.end(), c.args.begin(), c.args.end());
        std::string line;
        for (const std::string& a : c.args) {
            line += a + " ";
        }
        SCOPED_TRACE(line);
        std::ostringstream out, err;
        EXPECT_EQ(run(argv, out, err), c.exitCode);
        EXPECT_EQ(err.str(), "hepdesk-cli: " + c.err + "\n");
        EXPECT_EQ(out.str(), "");
    }
}

// `db backup` reads FILE, --folder and --keep the same way on a clinic server: the same
// mistakes get the same messages, before any server is contacted (nothing listens on port 1).
TEST(CliArgErrors, ServerBackupMistakesAreTheFileOnesAndNeedNoServer) {
    const std::vector<BadCommand> backupMistakes = {
        {{"db", "backup"}, kUsage, "missing backup file (or --folder DIR)" + kHelp},
        {{"db", "backup", "a", "b"}, kUsage, "unexpected argument 'b'" + kHelp},
        {{"db", "backup", "--folder", "d", "x"}, kUsage, "unexpected argument 'x'" + kHelp},
        {{"db", "backup", "--folder", "d", "--keep", "0"},
         kUsage,
         "--keep must be a whole number from 1 to 10000, got '0'"},
    };
    for (const BadCommand& c : backupMistakes) {
        std::vector<std::string> argv = {"hepdesk-cli", "--db",
                                         "postgresql://127.0.0.1:1/nowhere?connect_timeout=1"};
        argv.insert(argv.end(), c.args.begin(), c.args.end());
        SCOPED_TRACE(c.args.size());
        std::ostringstream out, err;
        EXPECT_EQ(run(argv, out, err), c.exitCode);
        EXPECT_EQ(err.str(), "hepdesk-cli: " + c.err + "\n");
        EXPECT_EQ(out.str(), "");
    }
}

} // namespace
} // namespace hepdesk::cli
