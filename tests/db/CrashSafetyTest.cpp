#include "DbFixtures.h"
#include "TestSupport.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/SessionRepository.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace hepdesk::db {
namespace {

struct WriterRun {
    std::map<int, std::int64_t> acknowledged; ///< session number -> id
    bool killed = false;
    std::string failure; ///< set when the writer failed by itself
};

/// Starts the writer, kills it with SIGKILL after `delay`, returns what it acknowledged.
WriterRun runAndKill(const std::filesystem::path& db, int first, std::chrono::microseconds delay) {
    WriterRun run;
    int out[2];
    if (::pipe(out) != 0) {
        run.failure = "pipe failed";
        return run;
    }
    const std::string firstArg = std::to_string(first);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out[1], 1);
        ::close(out[0]);
        ::close(out[1]);
        ::execl(HEPDESK_CRASH_WRITER, HEPDESK_CRASH_WRITER, db.c_str(), firstArg.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(out[1]);
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGKILL);
    std::string text;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(out[0], buf, sizeof buf);
        if (n > 0) {
            text.append(buf, static_cast<std::size_t>(n));
        } else if (n == 0 || errno != EINTR) {
            break;
        }
    }
    ::close(out[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    run.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    if (!run.killed) {
        run.failure = "writer exited by itself with status " + std::to_string(status);
    }
    // Only complete lines count: each is written with one write(2) after its commit.
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (lines.eof()) {
            break; // no newline: not a whole acknowledgement
        }
        std::istringstream f(line);
        int number = 0;
        std::int64_t id = 0;
        if (f >> number >> id) {
            run.acknowledged[number] = id;
        }
    }
    return run;
}

TEST(CrashSafety, EveryAcknowledgedSessionSurvivesSigkillWhole) {
    test::TempDir dir;
    const auto path = dir / "crash.sqlite";
    std::mt19937 rng(20261122);
    // Kill moments from "during open and migration" to "after many commits".
    std::uniform_int_distribution<int> delayUs(500, 60'000);
    std::map<int, std::int64_t> acknowledged;
    int next = 0;
    int kills = 0;
    for (int i = 0; i < 120; ++i) {
        const WriterRun run = runAndKill(path, next, std::chrono::microseconds(delayUs(rng)));
        ASSERT_TRUE(run.failure.empty()) << "iteration " << i << ": " << run.failure;
        kills += run.killed ? 1 : 0;
        for (const auto& [n, id] : run.acknowledged) {
            acknowledged[n] = id;
            next = std::max(next, n + 1);
        }
    }
    EXPECT_GE(kills, 100);
    ASSERT_GE(acknowledged.size(), 100U) << "the writer must get commits through between kills";

    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().message;
    auto problems = db->integrityCheck();
    ASSERT_TRUE(problems.ok()) << problems.error().message;
    EXPECT_TRUE(problems->empty()) << problems->front();
    SqliteSessionRepository sessions(*db);
    for (const auto& [n, id] : acknowledged) {
        auto s = sessions.get(id);
        ASSERT_TRUE(s.ok()) << "acknowledged session " << n << " (id " << id
                            << ") is missing: " << s.error().message;
        Session expected = test::crashSession(s->patientId, n);
        expected.id = id;
        ASSERT_EQ(s->handouts.size(), 2U) << "session " << n;
        expected.handouts[0].id = s->handouts[0].id;
        expected.handouts[1].id = s->handouts[1].id;
        EXPECT_TRUE(test::sameSession(*s, expected)) << "session " << n << " is not whole";
    }
    // No half-written session either: every stored session has all its parts.
    EXPECT_EQ(*db->connection().queryInt(
                  "SELECT count(*) FROM session s WHERE (SELECT count(*) FROM program_item i "
                  "WHERE i.session_id = s.id) <> 3 OR (SELECT count(*) FROM handout h WHERE "
                  "h.session_id = s.id) <> 2 OR (SELECT count(*) FROM session_finding f WHERE "
                  "f.session_id = s.id) <> 1"),
              0);
    std::cout << "[          ] " << kills << " kills, " << acknowledged.size()
              << " acknowledged sessions, "
              << *db->connection().queryInt("SELECT count(*) FROM session") << " stored sessions\n";
}

} // namespace
} // namespace hepdesk::db
