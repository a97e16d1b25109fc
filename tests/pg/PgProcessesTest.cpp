// The clinic server under real workstation processes (not threads): eight hepdesk_pg_writer
// processes writing at once, and a write loop whose server is killed with SIGKILL and restarted.
// Each writer reports a write only after the server answered (tests/pg/helpers/PgWriter.cpp).

#include "../db/DbFixtures.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/Store.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace hepdesk::db {
namespace {

/// What one writer process said (its stdout) and how it ended.
struct WriterReport {
    std::int64_t patientId = 0;
    std::map<int, std::int64_t> acknowledged; ///< session number -> session id
    std::map<int, std::string> failed;        ///< session number -> the message a user reads
    int exitStatus = -1;
};

/// Starts hepdesk_pg_writer with its stdout in `out`; returns its process id.
pid_t startWriter(const std::vector<std::string>& args, const std::filesystem::path& out) {
    std::vector<std::string> argv = {HEPDESK_PG_WRITER};
    argv.insert(argv.end(), args.begin(), args.end());
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0 || ::dup2(fd, 1) < 0) {
            ::_exit(126);
        }
        std::vector<char*> raw;
        for (std::string& a : argv) {
            raw.push_back(a.data());
        }
        raw.push_back(nullptr);
        ::execv(raw[0], raw.data());
        ::_exit(127);
    }
    return pid;
}

/// Parses a writer's output; only complete lines count.
WriterReport parseReport(const std::string& text, int exitStatus) {
    WriterReport r;
    r.exitStatus = exitStatus;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (lines.eof()) {
            break; // no newline: not a whole line
        }
        std::istringstream f(line);
        std::string kind;
        int n = 0;
        f >> kind;
        if (kind == "patient") {
            f >> r.patientId;
        } else if (kind == "ok" && (f >> n)) {
            f >> r.acknowledged[n];
        } else if (kind == "failed" && (f >> n)) {
            std::getline(f >> std::ws, r.failed[n]);
        }
    }
    return r;
}

int waitFor(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/// Session `n` of a writer as it must read back: every part, as written.
::testing::AssertionResult isWhole(Store& store, std::int64_t id, int n) {
    auto s = store.sessions().get(id);
    if (!s) {
        return ::testing::AssertionFailure()
               << "session " << n << " (id " << id << ") is missing: " << s.error().message;
    }
    Session expected = test::crashSession(s->patientId, n);
    expected.id = id;
    if (s->handouts.size() != 2) {
        return ::testing::AssertionFailure()
               << "session " << n << " has " << s->handouts.size() << " handout records, not 2";
    }
    expected.handouts[0].id = s->handouts[0].id;
    expected.handouts[1].id = s->handouts[1].id;
    if (!test::sameSession(*s, expected)) {
        return ::testing::AssertionFailure() << "session " << n << " is not whole";
    }
    return ::testing::AssertionSuccess();
}

/// Sessions with a part missing (program items, handout records, findings), server-side.
std::int64_t halfWrittenSessions(PgConnection& c) {
    auto r = c.exec("SELECT count(*) FROM session s WHERE (SELECT count(*) FROM program_item i "
                    "WHERE i.session_id = s.id) <> 3 OR (SELECT count(*) FROM handout h WHERE "
                    "h.session_id = s.id) <> 2 OR (SELECT count(*) FROM session_finding f WHERE "
                    "f.session_id = s.id) <> 1");
    return r ? r->int64(0, 0) : -1;
}

TEST(PgProcesses, EightWorkstationProcessesTwoHundredSessionsEachAtOnce) {
    HEPDESK_REQUIRE_PG();
    testing::ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    ASSERT_TRUE(Store::open(scratch.conninfo())); // the schema, once, before the clients
    test::TempDir dir;

    constexpr int kProcesses = 8;
    constexpr int kSessions = 200;
    std::vector<pid_t> pids;
    for (int k = 0; k < kProcesses; ++k) {
        pids.push_back(startWriter(
            {scratch.conninfo(), "Workstation " + std::to_string(k), std::to_string(kSessions)},
            dir / ("writer" + std::to_string(k) + ".out")));
        ASSERT_GT(pids.back(), 0);
    }
    std::vector<WriterReport> reports;
    for (int k = 0; k < kProcesses; ++k) {
        const int status = waitFor(pids[static_cast<std::size_t>(k)]);
        reports.push_back(
            parseReport(test::readFile(dir / ("writer" + std::to_string(k) + ".out")), status));
    }

    auto store = Store::open(scratch.conninfo());
    ASSERT_TRUE(store) << store.error().message;
    std::set<std::int64_t> patients;
    for (int k = 0; k < kProcesses; ++k) {
        const WriterReport& r = reports[static_cast<std::size_t>(k)];
        SCOPED_TRACE("workstation " + std::to_string(k));
        // No error a user would see: every write acknowledged (40001/40P01 retried inside).
        EXPECT_TRUE(r.failed.empty()) << r.failed.begin()->second;
        EXPECT_EQ(r.exitStatus, 0);
        ASSERT_EQ(r.acknowledged.size(), static_cast<std::size_t>(kSessions));
        ASSERT_NE(r.patientId, 0);
        EXPECT_TRUE(patients.insert(r.patientId).second);
        for (const auto& [n, id] : r.acknowledged) {
            ASSERT_TRUE(isWhole(**store, id, n));
        }
        auto history = (*store)->sessions().history(r.patientId, {1000});
        ASSERT_TRUE(history) << history.error().message;
        EXPECT_EQ(history->size(), static_cast<std::size_t>(kSessions));
    }
    auto c = PgConnection::connect(scratch.conninfo());
    ASSERT_TRUE(c) << c.error().message;
    auto total = c->exec("SELECT count(*) FROM session");
    ASSERT_TRUE(total);
    EXPECT_EQ(total->int64(0, 0), kProcesses * kSessions);
    EXPECT_EQ(halfWrittenSessions(*c), 0);
}

/// A cluster of this test's own (it is killed, so not the shared one), stopped on destruction.
class OwnCluster {
public:
    OwnCluster() {
        FILE* p = ::popen("bash '" HEPDESK_PG_CLUSTER_SH "' start 2>&1", "r");
        if (p == nullptr) {
            return;
        }
        char buf[512];
        while (std::fgets(buf, sizeof buf, p) != nullptr) {
            std::string line(buf);
            while (!line.empty() && line.back() == '\n') {
                line.pop_back();
            }
            output_ += line + "\n";
            if (line.starts_with("cluster: ")) {
                dir_ = line.substr(9);
            } else if (line.starts_with("HEPDESK_TEST_PG=")) {
                conninfo_ = line.substr(16);
            }
        }
        if (::pclose(p) != 0) {
            conninfo_.clear();
        }
    }
    OwnCluster(const OwnCluster&) = delete;
    OwnCluster& operator=(const OwnCluster&) = delete;
    ~OwnCluster() {
        if (!dir_.empty()) {
            (void)std::system(("bash '" HEPDESK_PG_CLUSTER_SH "' stop '" + dir_ + "'").c_str());
        }
    }
    [[nodiscard]] bool ready() const { return !conninfo_.empty() && !dir_.empty(); }
    [[nodiscard]] const std::string& conninfo() const { return conninfo_; }
    [[nodiscard]] const std::string& output() const { return output_; }
    /// SIGKILL to the postmaster (no shutdown of any kind); false when there was none.
    bool killPostmaster() const {
        std::ifstream pidFile(dir_ + "/data/postmaster.pid");
        pid_t pid = 0;
        return (pidFile >> pid) && pid > 0 && ::kill(pid, SIGKILL) == 0;
    }
    bool restart() const {
        return std::system(("bash '" HEPDESK_PG_CLUSTER_SH "' restart '" + dir_ + "'").c_str()) ==
               0;
    }

private:
    std::string dir_;
    std::string conninfo_;
    std::string output_;
};

/// Waits until the writer's output holds at least `lines` acknowledgements (or 60 s passed).
bool waitForAcks(const std::filesystem::path& out, std::size_t lines) {
    for (int i = 0; i < 600; ++i) {
        const std::string text = test::readFile(out);
        std::size_t acks = 0;
        for (std::size_t at = text.find("ok "); at != std::string::npos;
             at = text.find("\nok ", at + 1)) {
            ++acks;
        }
        if (acks >= lines) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

TEST(PgProcesses, PostmasterKilledDuringWriteLoopLosesNoAcknowledgedSession) {
    HEPDESK_REQUIRE_PG();
    OwnCluster cluster;
    ASSERT_TRUE(cluster.ready()) << cluster.output();
    ASSERT_TRUE(Store::open(cluster.conninfo()));
    test::TempDir dir;
    const auto out = dir / "writer.out";

    constexpr int kSessions = 300;
    const pid_t writer = startWriter(
        {cluster.conninfo(), "Crash Test Patient", std::to_string(kSessions), "--reconnect"}, out);
    ASSERT_GT(writer, 0);
    // Two kills in the middle of the loop: after 40 and after 140 acknowledged sessions.
    for (const std::size_t after : {40U, 140U}) {
        ASSERT_TRUE(waitForAcks(out, after)) << test::readFile(out);
        ASSERT_TRUE(cluster.killPostmaster());
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        ASSERT_TRUE(cluster.restart());
    }
    const WriterReport r = parseReport(test::readFile(out), waitFor(writer));

    // Every write has an answer: acknowledged or reported as failed, none silently lost.
    ASSERT_NE(r.patientId, 0) << test::readFile(out);
    EXPECT_EQ(r.acknowledged.size() + r.failed.size(), static_cast<std::size_t>(kSessions))
        << test::readFile(out);
    EXPECT_GE(r.failed.size(), 2U) << "each kill must fail the write in flight";
    EXPECT_EQ(r.exitStatus, 1);
    for (const auto& [n, message] : r.failed) {
        EXPECT_FALSE(r.acknowledged.contains(n));
        // What the user reads says the change was not saved and to try again.
        EXPECT_NE(message.find("try again"), std::string::npos) << message;
    }

    auto store = Store::open(cluster.conninfo());
    ASSERT_TRUE(store) << store.error().message;
    for (const auto& [n, id] : r.acknowledged) {
        ASSERT_TRUE(isWhole(**store, id, n));
    }
    // A failed write is either absent or (its commit reached the server, the answer did not)
    // whole; nothing half-written anywhere.
    auto c = PgConnection::connect(cluster.conninfo());
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(halfWrittenSessions(*c), 0);
    auto stored = c->exec("SELECT count(*) FROM session");
    ASSERT_TRUE(stored);
    EXPECT_GE(stored->int64(0, 0), static_cast<std::int64_t>(r.acknowledged.size()));
    EXPECT_LE(stored->int64(0, 0), kSessions);
    std::cout << "[          ] " << r.acknowledged.size() << " acknowledged, " << r.failed.size()
              << " reported failed, " << stored->int64(0, 0) << " stored; the user read: \""
              << (r.failed.empty() ? "" : r.failed.begin()->second) << "\"\n";
}

} // namespace
} // namespace hepdesk::db
