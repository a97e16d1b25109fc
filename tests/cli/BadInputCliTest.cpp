#include "CliOnDatabase.h"
#include "TestSupport.h"
#include "hepdesk/db/Database.h"

#include <csignal>
#include <functional>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

// The outside probe's bad inputs (issue 11, defects 7-10, 16, 17), each as the user met it:
// the real hepdesk-cli, its exit code, a message naming the file, field and value, and for
// the commands that write, a database left as it was.
namespace hepdesk::cli {
namespace {
namespace fs = std::filesystem;

// A routine screening: no findings, the pain now recorded (screen first: nothing recorded gets
// no handout and no signature).
constexpr const char* kScreening =
    R"({"date": "2026-11-20", "age": 52, "pain": {"now": 3}, "findings": []})";

/// One bad input: files made in `dir`, then the command's arguments (`{db}` and `{dir}` are
/// replaced with the database and the folder), what it reads on stdin, and what must happen.
struct BadInput {
    const char* name;
    std::function<void(const fs::path& dir)> make;
    std::vector<std::string> args;
    std::string stdinText;
    int exitCode;
    std::vector<std::string> messageParts; ///< each must appear in stderr
};

void write(const fs::path& p, const std::string& text) {
    test::writeFile(p, text);
}

void templatesCopy(const fs::path& dir) {
    fs::copy(test::templatesDir(), dir / "templates", fs::copy_options::recursive);
}

std::vector<BadInput> cases() {
    const auto none = [](const fs::path&) {};
    return {
        // 7: duplicate keys, in every JSON the program reads.
        {"duplicate_finding_key",
         [](const fs::path& d) {
             write(d / "dup.json", R"({"findings":["ces_saddle_numbness"],"findings":[]})");
         },
         {"assess", "{dir}/dup.json"},
         "",
         2,
         {"dup.json", "/findings", "\"findings\"", "twice"}},
        {"duplicate_key_on_stdin",
         none,
         {"assess", "-"},
         R"({"age":40,"age":41})",
         2,
         {"stdin", "/age", "twice"}},
        {"duplicate_nested_key",
         none,
         {"assess", "-"},
         R"({"age":40,"pain":{"now":3,"now":9}})",
         2,
         {"stdin", "/pain/now", "twice"}},
        {"duplicate_key_in_clinic_json",
         [](const fs::path& d) {
             write(d / "s.json", kScreening);
             write(d / "clinic.json", R"({"name":"Real Clinic","name":"Fake"})");
         },
         {"handout", "--screening", "{dir}/s.json", "--patient", "P", "--exercise", "cat_cow",
          "--clinic", "{dir}/clinic.json", "-o", "{dir}/out.pdf"},
         "",
         2,
         {"clinic.json", "/name", "twice"}},
        {"duplicate_key_in_catalog_entry",
         [](const fs::path& d) {
             templatesCopy(d);
             const auto f = d / "templates/catalog/cat_cow.json";
             std::string j = test::readFile(f);
             j.insert(j.find('{') + 1, R"("id": "cat_cow",)");
             write(f, j);
         },
         {"catalog", "validate", "{dir}/templates"},
         "",
         2,
         {"cat_cow.json", "/id", "twice"}},
        {"duplicate_key_in_triage_rules",
         [](const fs::path& d) {
             templatesCopy(d);
             const auto f = d / "templates/rules/triage.json";
             std::string j = test::readFile(f);
             j.insert(j.find('{') + 1, R"("version": 1, "version": 2,)");
             write(f, j);
         },
         {"catalog", "validate", "{dir}/templates"},
         "",
         2,
         {"triage.json", "/version", "twice"}},
        // 8: numbers beyond a double.
        {"huge_number_on_stdin",
         none,
         {"assess", "-"},
         R"({"age":1e400})",
         2,
         {"stdin", "/age", "1e400"}},
        {"huge_number_in_clinic_json",
         [](const fs::path& d) {
             write(d / "s.json", kScreening);
             write(d / "clinic.json", R"({"name":"C","phone":1e400})");
         },
         {"handout", "--screening", "{dir}/s.json", "--patient", "P", "--exercise", "cat_cow",
          "--clinic", "{dir}/clinic.json", "-o", "{dir}/out.pdf"},
         "",
         2,
         {"clinic.json", "/phone", "1e400"}},
        {"huge_number_in_triage_rules",
         [](const fs::path& d) {
             templatesCopy(d);
             const auto f = d / "templates/rules/triage.json";
             std::string j = test::readFile(f);
             j.insert(j.find('{') + 1, R"("x": 1e400,)");
             write(f, j);
         },
         {"catalog", "validate", "{dir}/templates"},
         "",
         2,
         {"triage.json", "/x", "1e400"}},
        {"nesting_too_deep",
         none,
         {"assess", "-"},
         std::string(5000, '['),
         2,
         {"stdin", "nested more than 64 levels"}},
        // 9: a logo that is a folder.
        {"logo_is_a_folder",
         [](const fs::path& d) {
             write(d / "s.json", kScreening);
             fs::create_directory(d / "logo.png");
             write(d / "clinic.json", R"({"name":"C","logo":"logo.png"})");
         },
         {"handout", "--screening", "{dir}/s.json", "--patient", "P", "--exercise", "cat_cow",
          "--clinic", "{dir}/clinic.json", "-o", "{dir}/out.pdf"},
         "",
         2,
         {"clinic.json", "/logo", "logo.png", "is a folder"}},
        // 10: only regular files, each kind with its limit.
        {"logo_is_dev_zero",
         [](const fs::path& d) {
             write(d / "s.json", kScreening);
             write(d / "clinic.json", R"({"name":"C","logo":"/dev/zero"})");
         },
         {"handout", "--screening", "{dir}/s.json", "--patient", "P", "--exercise", "cat_cow",
          "--clinic", "{dir}/clinic.json", "-o", "{dir}/out.pdf"},
         "",
         2,
         {"/logo", "/dev/zero", "character device"}},
        {"logo_is_a_fifo",
         [](const fs::path& d) {
             write(d / "s.json", kScreening);
             ASSERT_EQ(::mkfifo((d / "logo.png").c_str(), 0600), 0);
             write(d / "clinic.json", R"({"name":"C","logo":"logo.png"})");
         },
         {"handout", "--screening", "{dir}/s.json", "--patient", "P", "--exercise", "cat_cow",
          "--clinic", "{dir}/clinic.json", "-o", "{dir}/out.pdf"},
         "",
         2,
         {"/logo", "logo.png", "named pipe (FIFO)"}},
        {"logo_too_large",
         [](const fs::path& d) {
             write(d / "s.json", kScreening);
             write(d / "logo.png", "\x89PNG\r\n\x1a\n" + std::string(3 * 1024 * 1024, 'x'));
             write(d / "clinic.json", R"({"name":"C","logo":"logo.png"})");
         },
         {"handout", "--screening", "{dir}/s.json", "--patient", "P", "--exercise", "cat_cow",
          "--clinic", "{dir}/clinic.json", "-o", "{dir}/out.pdf"},
         "",
         2,
         {"/logo", "logo.png", "too large", "at most 2 MiB"}},
        {"screening_is_dev_zero",
         none,
         {"assess", "/dev/zero"},
         "",
         2,
         {"screening file '/dev/zero'", "character device"}},
        {"screening_is_a_fifo",
         [](const fs::path& d) { ASSERT_EQ(::mkfifo((d / "s.json").c_str(), 0600), 0); },
         {"assess", "{dir}/s.json"},
         "",
         2,
         {"s.json", "named pipe (FIFO)"}},
        {"screening_is_a_folder", none, {"assess", "{dir}"}, "", 2, {"is a folder"}},
        {"screening_too_large",
         [](const fs::path& d) {
             write(d / "s.json", "{\"age\": 40}" + std::string(1024 * 1024, ' '));
         },
         {"assess", "{dir}/s.json"},
         "",
         2,
         {"s.json", "too large", "at most 1 MiB"}},
        {"stdin_too_large",
         none,
         {"assess", "-"},
         std::string(2 * 1024 * 1024, ' '),
         2,
         {"stdin", "too large", "1 MiB"}},
        {"catalog_entry_linked_to_dev_zero",
         [](const fs::path& d) {
             templatesCopy(d);
             fs::remove(d / "templates/catalog/cat_cow.json");
             fs::create_symlink("/dev/zero", d / "templates/catalog/cat_cow.json");
         },
         {"catalog", "validate", "{dir}/templates"},
         "",
         2,
         {"catalog entry", "cat_cow.json", "character device"}},
        // 16: real calendar dates; no date of birth in the future.
        {"screening_date_february_31",
         none,
         {"assess", "-"},
         R"({"date":"2026-02-31"})",
         2,
         {"stdin", "/date", "2026-02-31"}},
        {"birth_date_in_the_future",
         none,
         {"--db", "{db}", "patient", "add", "--name", "Future", "--birth-date", "2999-01-01"},
         "",
         2,
         {"date of birth", "2999-01-01", "future"}},
        {"birth_date_february_31",
         none,
         {"--db", "{db}", "patient", "add", "--name", "Nobody", "--birth-date", "2026-02-31"},
         "",
         2,
         {"date of birth", "2026-02-31"}},
        {"edit_birth_date_into_the_future",
         none,
         {"--db", "{db}", "patient", "edit", "1", "--birth-date", "2999-01-01"},
         "",
         2,
         {"date of birth", "2999-01-01", "future"}},
        // Writing commands store nothing from a bad file.
        {"session_from_duplicate_key_screening",
         [](const fs::path& d) {
             write(d / "dup.json", R"({"findings":["ces_saddle_numbness"],"findings":[]})");
         },
         {"--db", "{db}", "session", "new", "--patient", "1", "--screening", "{dir}/dup.json",
          "--exercise", "cat_cow"},
         "",
         2,
         {"dup.json", "/findings", "twice"}},
        {"session_from_huge_number_screening",
         [](const fs::path& d) { write(d / "big.json", R"({"age": 1e400})"); },
         {"--db", "{db}", "session", "new", "--patient", "1", "--screening", "{dir}/big.json",
          "--exercise", "cat_cow"},
         "",
         2,
         {"big.json", "/age", "1e400"}},
        {"session_from_dev_zero",
         none,
         {"--db", "{db}", "session", "new", "--patient", "1", "--screening", "/dev/zero",
          "--exercise", "cat_cow"},
         "",
         2,
         {"/dev/zero", "character device"}},
    };
}

class BadInputCli : public ::testing::TestWithParam<BadInput> {
protected:
    static void SetUpTestSuite() {
        // A command that stops reading its stdin early must not kill the test with SIGPIPE.
        std::signal(SIGPIPE, SIG_IGN);
    }
    void SetUp() override {
        auto r = test::runCliOn(db_, {"patient", "add", "--name", "Ann Lee"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        r = test::runCliOn(db_, {"session", "new", "--patient", "1", "--screening", screening(),
                                 "--exercise", "cat_cow"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
    std::string screening() {
        write(dir_ / "good.json", kScreening);
        return (dir_ / "good.json").string();
    }
    /// What a clinician can see of the records: changes to any of it would be a change.
    std::string records() {
        return test::runCliOn(db_, {"patient", "list", "--all"}, true).out +
               test::runCliOn(db_, {"session", "list", "--patient", "1"}, true).out;
    }

    test::TempDir dir_;
    fs::path db_ = dir_ / "clinic.sqlite";
};

TEST_P(BadInputCli, RefusedWithAMessageNamingFileFieldAndValue) {
    const BadInput& c = GetParam();
    const fs::path work = dir_ / "case";
    fs::create_directory(work);
    c.make(work);
    if (::testing::Test::HasFatalFailure()) {
        return;
    }
    std::vector<std::string> args;
    for (std::string a : c.args) {
        if (a == "{db}") {
            a = db_.string();
        } else if (a.starts_with("{dir}")) {
            a = work.string() + a.substr(5);
        }
        args.push_back(a);
    }
    const std::string before = records();
    const auto r = test::runProcess(HEPDESK_CLI_EXE, args, c.stdinText);
    EXPECT_EQ(r.exitCode, c.exitCode) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
    for (const std::string& part : c.messageParts) {
        EXPECT_NE(r.err.find(part), std::string::npos) << "missing '" << part << "' in: " << r.err;
    }
    EXPECT_FALSE(fs::exists(work / "out.pdf")) << "no handout from a bad input";
    EXPECT_EQ(records(), before) << "the database is unchanged";
}

INSTANTIATE_TEST_SUITE_P(Probe, BadInputCli, ::testing::ValuesIn(cases()),
                         [](const auto& param) { return std::string(param.param.name); });

/// A database with one good and one damaged stored record of each kind, written with raw SQL
/// (as a hand edit or an older version could leave them): the damaged one is skipped with a
/// warning or reported by name; everything else keeps working.
class DamagedRowsCli : public BadInputCli {
protected:
    void SetUp() override {
        BadInputCli::SetUp();
        auto r = test::runCliOn(db_, {"session", "new", "--patient", "1", "--screening",
                                      screening(), "--exercise", "cat_cow"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        auto db = db::Database::open(db_);
        ASSERT_TRUE(db.ok()) << db.error().message;
        ASSERT_TRUE(db->connection()
                        .exec("INSERT INTO custom_exercise(id, name, json, created_at, "
                              "updated_at) VALUES ('huge_number', 'Huge', "
                              "'{\"id\": \"huge_number\", \"x\": 1e400}', 't', 't'), "
                              "('twice_id', 'Twice', "
                              "'{\"id\": \"twice_id\", \"id\": \"other\"}', 't', 't')")
                        .ok());
        ASSERT_TRUE(db->connection()
                        .exec("UPDATE session SET screening_json = '{\"age\": 1e400}' "
                              "WHERE id = 2")
                        .ok());
    }
};

TEST_F(DamagedRowsCli, CatalogListSkipsEachDamagedCustomExerciseByName) {
    const auto r = test::runCliOn(db_, {"catalog", "list"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("cat_cow"), std::string::npos);
    EXPECT_NE(r.err.find("skipped custom exercise huge_number: /x"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("1e400"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("skipped custom exercise twice_id: /id"), std::string::npos) << r.err;
}

TEST_F(DamagedRowsCli, DamagedSessionIsReportedByNameAndTheOthersStillWork) {
    const auto shown = test::runCliOn(db_, {"session", "show", "2"});
    EXPECT_EQ(shown.exitCode, 1) << shown.err;
    EXPECT_NE(shown.err.find("session 2 screening: /age"), std::string::npos) << shown.err;
    EXPECT_NE(shown.err.find("restore it from a backup"), std::string::npos) << shown.err;
    const auto exported = test::runCliOn(db_, {"session", "export", "2"});
    EXPECT_EQ(exported.exitCode, 1) << exported.err;
    EXPECT_NE(exported.err.find("session 2 screening"), std::string::npos) << exported.err;
    const auto reprint =
        test::runCliOn(db_, {"handout", "--session", "2", "-o", (dir_ / "two.pdf").string()});
    EXPECT_EQ(reprint.exitCode, 1) << reprint.err;
    EXPECT_FALSE(fs::exists(dir_ / "two.pdf"));

    EXPECT_EQ(test::runCliOn(db_, {"session", "show", "1"}).exitCode, 0);
    EXPECT_EQ(test::runCliOn(db_, {"session", "export", "1"}).exitCode, 0);
    EXPECT_EQ(test::runCliOn(db_, {"patient", "show", "1"}).exitCode, 0);
    const auto made = test::runCliOn(db_, {"session", "new", "--patient", "1", "--screening",
                                           screening(), "--exercise", "cat_cow"});
    EXPECT_EQ(made.exitCode, 0) << made.err;
    const auto printed =
        test::runCliOn(db_, {"handout", "--session", "1", "-o", (dir_ / "one.pdf").string()});
    EXPECT_EQ(printed.exitCode, 0) << printed.err;
    EXPECT_TRUE(fs::exists(dir_ / "one.pdf"));
}

// 9: a screening whose file name is not UTF-8 is assessed, and its JSON output stays JSON.
TEST(BadInputFileName, ScreeningNamedWithAByteFfIsAssessed) {
    const test::TempDir dir;
    const fs::path file = dir.path() / "visit\xff.json";
    test::writeFile(file, kScreening);
    const auto r = test::runProcess(HEPDESK_CLI_EXE, {"assess", file.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["source"], (dir.path() / "visit\xEF\xBF\xBD.json").string())
        << "the stray byte shown as U+FFFD";

    test::writeFile(file, R"({"age": 40, "age": 41})");
    const auto dup = test::runProcess(HEPDESK_CLI_EXE, {"assess", file.string()});
    EXPECT_EQ(dup.exitCode, 2);
    EXPECT_NE(dup.err.find("visit\\xff.json: /age"), std::string::npos) << dup.err;

    // An escape sequence in a file name is shown escaped in the error, never sent raw.
    const fs::path esc = dir.path() / "visit\x1b[2J.json";
    test::writeFile(esc, R"({"date": "2026-02-31"})");
    const auto date = test::runProcess(HEPDESK_CLI_EXE, {"assess", esc.string()});
    EXPECT_EQ(date.exitCode, 2);
    EXPECT_EQ(date.err.find('\x1b'), std::string::npos) << date.err;
    EXPECT_NE(date.err.find("visit\\x1b[2J.json: /date"), std::string::npos) << date.err;
}

// 17: stored text never drives the terminal.
TEST(TerminalText, NamesNotesAndAddendaPrintControlCharactersEscaped) {
    const test::TempDir dir;
    const fs::path db = dir / "clinic.sqlite";
    const std::string name = "Eve\x1b[2J\nFake line\xe2\x80\xae";
    ASSERT_EQ(test::runCliOn(db, {"patient", "add", "--name", name}).exitCode, 0);
    ASSERT_EQ(test::runCliOn(db, {"clinician", "add", "--name", "Ana\x1b]0;x\x07 Gil"}).exitCode,
              0);
    test::writeFile(dir / "s.json",
                    R"({"age": 40, "pain": {"now": 3}, "notes": "sore\u001b[31m\nred"})");
    ASSERT_EQ(test::runCliOn(db, {"session", "new", "--patient", "1", "--screening",
                                  (dir / "s.json").string(), "--exercise", "cat_cow"})
                  .exitCode,
              0);
    ASSERT_EQ(test::runCliOn(db, {"session", "sign", "1", "--clinician", "1"}).exitCode, 0);
    const auto added = test::runCliOn(
        db, {"session", "addendum", "1", "--text", "called\x1b[1A back", "--clinician", "1"});
    ASSERT_EQ(added.exitCode, 0) << added.err;

    const auto expectEscaped = [](const test::ProcessResult& r, const std::string& shown) {
        EXPECT_EQ(r.exitCode, 0) << r.err;
        EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "no raw escape: " << r.out;
        EXPECT_EQ(r.out.find('\x07'), std::string::npos) << "no raw bell: " << r.out;
        EXPECT_EQ(r.out.find("\xe2\x80\xae"), std::string::npos) << "no raw bidi override";
        EXPECT_NE(r.out.find(shown), std::string::npos) << r.out;
    };
    const auto list = test::runCliOn(db, {"patient", "list"});
    expectEscaped(list, "Eve\\x1b[2J\\nFake line\\u202e");
    EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 1) << "one line per patient";
    expectEscaped(test::runCliOn(db, {"patient", "show", "1"}), "Eve\\x1b[2J\\nFake line");
    expectEscaped(test::runCliOn(db, {"clinician", "list"}), "Ana\\x1b]0;x\\x07 Gil");
    const auto session = test::runCliOn(db, {"session", "show", "1"});
    expectEscaped(session, "screening notes: sore\\x1b[31m\\nred");
    EXPECT_NE(session.out.find("called\\x1b[1A back"), std::string::npos) << session.out;
    // JSON output keeps the exact text (JSON escapes it itself).
    const auto json = test::runCliOn(db, {"patient", "show", "1"}, true);
    EXPECT_EQ(nlohmann::json::parse(json.out)["patient"]["name"], name);
}

// 17: a name in a script the font lacks is warned about, and the PDF is still written.
TEST(HandoutGlyphs, ArabicNameWarnsOnStderrNamingFieldAndCharacters) {
    const test::TempDir dir;
    test::writeFile(dir / "s.json", kScreening);
    const auto pdf = dir / "out.pdf";
    const auto r =
        test::runProcess(HEPDESK_CLI_EXE, {"handout", "--screening", (dir / "s.json").string(),
                                           "--patient", "محمد علي", "--exercise", "cat_cow",
                                           "--note", "cat_cow=שלום", "-o", pdf.string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(fs::exists(pdf));
    EXPECT_NE(r.err.find("warning"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("patient name: م (U+0645), ح (U+062D)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("note for exercise cat_cow: ש (U+05E9)"), std::string::npos) << r.err;

    const auto latin =
        test::runProcess(HEPDESK_CLI_EXE, {"handout", "--screening", (dir / "s.json").string(),
                                           "--patient", "Zoë Ñúñez Παπαδοπούλου Иванова",
                                           "--exercise", "cat_cow", "-o", pdf.string()});
    EXPECT_EQ(latin.exitCode, 0) << latin.err;
    EXPECT_TRUE(latin.err.empty()) << "Latin, Greek and Cyrillic print: " << latin.err;
}

} // namespace
} // namespace hepdesk::cli
