// Concurrency proof (issue 11): two writer processes and one reader against one database, each
// running the real hepdesk-cli 100 times at the same moment. Every call must succeed (SQLite's
// locking with a busy timeout serialises the writers; "database is locked" is never an answer
// a clinician should get), and every acknowledged write must be stored.
#include "CliOnDatabase.h"
#include "TestSupport.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

namespace hepdesk::cli {
namespace {
namespace fs = std::filesystem;

constexpr int kOperations = 100;

/// Runs `op(i)` for i in [0, kOperations) in a child process; the child writes its failures
/// (one line each: the call and its error) to `report` and exits 0.
pid_t startLoop(const fs::path& report, const std::function<test::ProcessResult(int)>& op) {
    const pid_t pid = ::fork();
    if (pid != 0) {
        return pid;
    }
    std::ofstream out(report);
    for (int i = 0; i < kOperations; ++i) {
        const auto r = op(i);
        if (r.exitCode != 0) {
            std::string err = r.err;
            std::replace(err.begin(), err.end(), '\n', ' ');
            out << "call " << i << " exit " << r.exitCode << ": " << err << '\n';
        }
    }
    out.flush();
    ::_exit(0);
}

std::vector<std::string> linesOf(const fs::path& file) {
    std::vector<std::string> lines;
    std::ifstream in(file);
    for (std::string l; std::getline(in, l);) {
        lines.push_back(l);
    }
    return lines;
}

TEST(CliConcurrency, TwoWritersAndAReaderHundredCallsEachNeverFail) {
    test::TempDir dir;
    const auto db = dir / "clinic.sqlite";
    ASSERT_EQ(test::runCliOn(db, {"patient", "add", "--name", "Zoë Ørsted"}).exitCode, 0);
    const auto screening = dir / "s.json";
    test::writeFile(screening, test::readFile(test::templatesDir() / "schema" / "examples" /
                                              "low-back-osteoporosis.json"));

    const auto started = std::chrono::steady_clock::now();
    const auto writer = [&](int) {
        return test::runCliOn(db, {"session", "new", "--patient", "1", "--screening",
                                   screening.string(), "--exercise", "cat_cow:2x10"});
    };
    const auto reader = [&](int i) {
        return i % 2 == 0 ? test::runCliOn(db, {"session", "list", "--patient", "1"}, true)
                          : test::runCliOn(db, {"patient", "list"}, true);
    };
    const std::vector<fs::path> reports = {dir / "writer-1.txt", dir / "writer-2.txt",
                                           dir / "reader.txt"};
    const std::vector<pid_t> pids = {startLoop(reports[0], writer), startLoop(reports[1], writer),
                                     startLoop(reports[2], reader)};
    for (const pid_t pid : pids) {
        int status = 0;
        ASSERT_EQ(::waitpid(pid, &status, 0), pid);
        ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::size_t writeFailures = 0;
    std::size_t failures = 0;
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const auto lines = linesOf(reports[i]);
        failures += lines.size();
        if (i < 2) {
            writeFailures += lines.size();
        }
        for (std::size_t k = 0; k < lines.size() && k < 3; ++k) {
            ADD_FAILURE() << reports[i].filename() << ": " << lines[k];
        }
    }
    std::printf("[ concurrency ] 2 writers + 1 reader x %d calls: %zu failed (%zu writes) in "
                "%.1f s\n",
                kOperations, failures, writeFailures, seconds);
    EXPECT_EQ(failures, 0U);

    // Every acknowledged write is stored: 200 sessions minus the refused ones.
    const auto list =
        test::runCliOn(db, {"session", "list", "--patient", "1", "--limit", "1000"}, true);
    ASSERT_EQ(list.exitCode, 0) << list.err;
    EXPECT_EQ(nlohmann::json::parse(list.out).size(), 2 * kOperations - writeFailures);
    const auto check = test::runCliOn(db, {"db", "check"});
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
}

} // namespace
} // namespace hepdesk::cli
