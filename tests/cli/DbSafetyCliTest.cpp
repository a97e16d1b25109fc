// The probe's cases of issue 11 against the real hepdesk-cli: backup rotation beside the live
// database, tampering and orphans, concurrency, exit codes of disk and database failures, and
// which commands may create a database.
#include "CliOnDatabase.h"
#include "TestSupport.h"
#include "hepdesk/db/Sqlite.h"

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <functional>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace hepdesk::cli {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

/// Runs hepdesk-cli in folder `cwd` with `args`; `prepare` runs in the child just before exec
/// (to unset variables, limit the file size...). Output goes through files in `cwd`'s parent.
test::ProcessResult runIn(const fs::path& cwd, const std::vector<std::string>& args,
                          const std::function<void()>& prepare = {}) {
    const fs::path outFile = cwd.parent_path() / ".cli-out";
    const fs::path errFile = cwd.parent_path() / ".cli-err";
    std::vector<std::string> all = {HEPDESK_CLI_EXE};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int out = ::open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (out < 0 || err < 0 || ::chdir(cwd.c_str()) != 0) {
            ::_exit(126);
        }
        ::dup2(out, 1);
        ::dup2(err, 2);
        if (prepare) {
            prepare();
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    test::ProcessResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = test::readFile(outFile);
    r.err = test::readFile(errFile);
    return r;
}

/// In the child: files may grow to `bytes` at most; a larger write fails with EFBIG (as on a
/// full disk) instead of killing the process.
std::function<void()> fileSizeLimit(rlim_t bytes) {
    return [bytes] {
        (void)std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{bytes, bytes};
        (void)::setrlimit(RLIMIT_FSIZE, &limit);
    };
}

class DbSafetyCli : public ::testing::Test {
protected:
    void SetUp() override { fs::create_directories(work_); }
    test::ProcessResult cli(const std::vector<std::string>& args) {
        return test::runCliOn(db_, args);
    }
    void addPatients(int n) {
        for (int i = 0; i < n; ++i) {
            ASSERT_EQ(cli({"patient", "add", "--name", "Patient " + std::to_string(i)}).exitCode,
                      0);
        }
    }
    fs::path screening() {
        const auto p = dir_ / "screening.json";
        test::writeFile(p, R"({"date": "2026-11-20", "age": 67, "sex": "female",
            "regions": ["low_back"], "pain": {"now": 6, "best": 2, "worst": 8},
            "findings": ["night_pain"]})");
        return p;
    }
    test::TempDir dir_;
    fs::path work_ = dir_ / "clinic";
    fs::path db_ = work_ / "hepdesk-clinic.sqlite";
};

// Defect 2, exactly as reported: in the folder that holds the live database.
TEST_F(DbSafetyCli, BackupIntoTheDatabasesOwnFolderWithKeep1KeepsTheDatabase) {
    ASSERT_EQ(cli({"patient", "add", "--name", "Ann"}).exitCode, 0);
    test::writeFile(work_ / "hepdesk-notes.sqlite", "not a backup");
    const auto r = runIn(
        work_, {"--db", "hepdesk-clinic.sqlite", "db", "backup", "--folder", ".", "--keep", "1"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("backup written: ./hepdesk-"), std::string::npos) << r.out;
    ASSERT_TRUE(fs::exists(db_)) << "the live database was deleted";
    EXPECT_EQ(test::readFile(work_ / "hepdesk-notes.sqlite"), "not a backup");
    const auto list = runIn(work_, {"--db", "hepdesk-clinic.sqlite", "patient", "list"});
    EXPECT_EQ(list.exitCode, 0) << list.err;
    EXPECT_NE(list.out.find("Ann"), std::string::npos) << "the database is not a new empty one";
}

// Defects 5 and 11: tampering and orphans are named by `db check` and refused elsewhere.
TEST_F(DbSafetyCli, CheckNamesDroppedTriggersAndOrphansAndRestoreRefusesThem) {
    ASSERT_EQ(cli({"patient", "add", "--name", "Ann"}).exitCode, 0);
    ASSERT_EQ(cli({"clinician", "add", "--name", "Dr B"}).exitCode, 0);
    for (int i = 0; i < 2; ++i) {
        ASSERT_EQ(cli({"session", "new", "--patient", "1", "--screening", screening().string(),
                       "--exercise", "cat_cow:2x10"})
                      .exitCode,
                  0);
    }
    ASSERT_EQ(cli({"session", "sign", "1", "--clinician", "1"}).exitCode, 0);
    const auto backup = dir_ / "good.sqlite";
    ASSERT_EQ(cli({"db", "backup", backup.string()}).exitCode, 0);
    {
        auto raw = db::Connection::open(db_, db::Connection::Mode::ReadWrite);
        ASSERT_TRUE(raw.ok());
        ASSERT_TRUE(raw->exec("DROP TRIGGER session_signed_no_update;"
                              "DELETE FROM patient WHERE id = 1;")
                        .ok());
    }
    const auto check = cli({"db", "check"});
    EXPECT_EQ(check.exitCode, 1) << check.err;
    for (const char* named : {"schema: trigger session_signed_no_update is missing",
                              "foreign keys: session 1: patient_id 1 refers to a patient that "
                              "does not exist",
                              "foreign keys: session 2: patient_id 1"}) {
        EXPECT_NE(check.out.find(named), std::string::npos) << named << " in:\n" << check.out;
    }
    const auto list = cli({"patient", "list"});
    EXPECT_EQ(list.exitCode, 1);
    EXPECT_NE(list.err.find("trigger session_signed_no_update is missing"), std::string::npos)
        << list.err;

    // The tampered file as a backup is refused; the good backup restores a sound database.
    const auto restoreBad = test::runCliOn(dir_ / "other.sqlite", {"db", "restore", db_.string()});
    EXPECT_EQ(restoreBad.exitCode, 2) << restoreBad.err;
    EXPECT_NE(restoreBad.err.find("changed outside HepDesk"), std::string::npos) << restoreBad.err;
    EXPECT_FALSE(fs::exists(dir_ / "other.sqlite"));
    ASSERT_EQ(cli({"db", "restore", backup.string()}).exitCode, 0);
    EXPECT_EQ(cli({"db", "check"}).exitCode, 0);
}

// Defect 6: 2 writers and 1 reader, 100 commands each, on one database: no failure.
TEST_F(DbSafetyCli, TwoWritersAndAReaderNeverFailOnALock) {
    ASSERT_EQ(cli({"patient", "add", "--name", "Ann"}).exitCode, 0);
    const std::string s = screening().string();
    constexpr int kEach = 100;
    std::vector<std::string> failures[3];
    const auto loop = [&](int who) {
        for (int i = 0; i < kEach; ++i) {
            const auto r = who < 2 ? cli({"session", "new", "--patient", "1", "--screening", s})
                                   : cli({"session", "list", "--patient", "1", "--limit", "5"});
            if (r.exitCode != 0) {
                failures[who].push_back(std::to_string(r.exitCode) + ": " + r.err);
            }
        }
    };
    std::thread w1(loop, 0);
    std::thread w2(loop, 1);
    std::thread reader(loop, 2);
    w1.join();
    w2.join();
    reader.join();
    for (const auto& f : failures) {
        EXPECT_TRUE(f.empty()) << f.size() << " failed, first: " << f.front();
    }
    const auto count = cli({"session", "list", "--patient", "1", "--limit", "1000"});
    EXPECT_EQ(std::count(count.out.begin(), count.out.end(), '\n'), 2 * kEach) << count.out;
    EXPECT_EQ(cli({"db", "check"}).exitCode, 0);
}

TEST_F(DbSafetyCli, AWriteWaitsForAnotherProgramsShortLock) {
    ASSERT_EQ(cli({"patient", "add", "--name", "Ann"}).exitCode, 0);
    auto holder = db::Connection::open(db_, db::Connection::Mode::ReadWrite);
    ASSERT_TRUE(holder.ok());
    ASSERT_TRUE(holder->exec("BEGIN EXCLUSIVE").ok());
    std::thread release([&] {
        std::this_thread::sleep_for(700ms);
        (void)holder->exec("COMMIT");
    });
    const auto r = cli({"patient", "add", "--name", "Ben"});
    release.join();
    EXPECT_EQ(r.exitCode, 0) << r.err;
}

// Defect 18: disk and database failures are exit 1, never 2 ("bad input").
TEST_F(DbSafetyCli, DiskFullUnwritableFolderAndDamageAreFailuresNotBadInput) {
    addPatients(40);
    const auto backup = work_ / "b.sqlite";
    auto full = runIn(work_, {"--db", db_.string(), "db", "backup", backup.string()},
                      fileSizeLimit(16 * 1024));
    EXPECT_EQ(full.exitCode, 1) << full.err;
    EXPECT_FALSE(fs::exists(backup));
    EXPECT_FALSE(fs::exists(backup.string() + ".partial"));
    full =
        // The WAL's header and first page need more than 4 KiB; the error message does not.
        runIn(work_, {"--db", db_.string(), "patient", "add", "--name", "Late"},
              fileSizeLimit(4096));
    EXPECT_EQ(full.exitCode, 1) << full.err;
    EXPECT_NE(full.err.find(db_.string()), std::string::npos) << full.err << full.out;
    EXPECT_EQ(cli({"db", "check"}).exitCode, 0) << "a failed write leaves the file sound";
    const auto list = cli({"patient", "list"});
    EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 40) << list.out;

    // /sys refuses new files even to root: the nearest thing to a read-only folder here.
    const auto unwritable = cli({"db", "backup", "/sys/hepdesk-backup.sqlite"});
    EXPECT_EQ(unwritable.exitCode, 1) << unwritable.err;
    const auto noFolder = cli({"db", "backup", (dir_ / "missing" / "b.sqlite").string()});
    EXPECT_EQ(noFolder.exitCode, 2) << "a folder that does not exist is the caller's mistake";
    EXPECT_NE(noFolder.err.find("does not exist"), std::string::npos);

    // A truncated database is damaged, with what to do about it.
    fs::resize_file(db_, 50);
    const auto damaged = cli({"patient", "list"});
    EXPECT_EQ(damaged.exitCode, 1) << damaged.err;
    EXPECT_NE(damaged.err.find("damaged: restore it from a backup ('hepdesk-cli db restore')"),
              std::string::npos)
        << damaged.err;
    EXPECT_EQ(damaged.err.find("not a usable database"), std::string::npos);
}

// Defect 20: only commands that write create a database.
TEST_F(DbSafetyCli, ReadCommandsOnAMistypedDatabaseCreateNothing) {
    ASSERT_EQ(cli({"patient", "add", "--name", "Ann"}).exitCode, 0);
    const auto typo = dir_ / "hepdesk-clnic.sqlite";
    const std::string s = screening().string();
    const std::vector<std::vector<std::string>> reads = {
        {"session", "show", "1"},
        {"session", "list", "--patient", "1"},
        {"session", "trend", "--patient", "1"},
        {"session", "export", "1"},
        {"patient", "list"},
        {"patient", "show", "1"},
        {"patient", "search", "ann"},
        {"clinician", "list"},
        {"db", "info"},
        {"db", "check"},
        {"db", "backup", (dir_ / "b.sqlite").string()},
        {"catalog", "list"},
        {"assess", s},
        {"handout", "--session", "1", "-o", (dir_ / "h.pdf").string()},
    };
    for (const auto& args : reads) {
        SCOPED_TRACE(args[0] + " " + args[1]);
        const auto r = test::runCliOn(typo, args);
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_EQ(r.err, "hepdesk-cli: database '" + typo.string() + "' does not exist\n");
        EXPECT_FALSE(fs::exists(typo));
    }
    EXPECT_FALSE(fs::exists(dir_ / "b.sqlite"));
    EXPECT_FALSE(fs::exists(dir_ / "h.pdf"));
}

TEST_F(DbSafetyCli, TwoDatabasesOnOneCommandLineAreRefused) {
    const auto r = test::runProcess(HEPDESK_CLI_EXE, {"--db", (dir_ / "a.sqlite").string(), "--db",
                                                      (dir_ / "b.sqlite").string(), "patient",
                                                      "add", "--name", "Ann"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("option '--db' given twice"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "a.sqlite"));
    EXPECT_FALSE(fs::exists(dir_ / "b.sqlite"));
}

TEST_F(DbSafetyCli, NoHomeFolderIsSaidInsteadOfADatabaseInTheCurrentFolder) {
    const auto noHome = [] {
        ::unsetenv("HOME");
        ::unsetenv("XDG_DATA_HOME");
    };
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"patient", "add", "--name", "Ann"},
          std::vector<std::string>{"patient", "list"}, std::vector<std::string>{"db", "check"}}) {
        const auto r = runIn(work_, args, noHome);
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_NE(r.err.find("HOME"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("--db"), std::string::npos) << r.err;
    }
    EXPECT_TRUE(fs::is_empty(work_)) << "no ./HepDesk folder";
}

// Defect 12, through the command line: `touch z.sqlite` then a write.
TEST_F(DbSafetyCli, AnExistingEmptyFileBecomesAnOwnerOnlyDatabase) {
    const auto z = work_ / "z.sqlite";
    test::writeFile(z, "");
    ASSERT_EQ(::chmod(z.c_str(), 0644), 0);
    ASSERT_EQ(test::runCliOn(z, {"patient", "add", "--name", "Ann"}).exitCode, 0);
    struct stat st {};
    ASSERT_EQ(::stat(z.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777U, 0600U);
}

} // namespace
} // namespace hepdesk::cli
