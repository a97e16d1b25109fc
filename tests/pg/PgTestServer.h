#pragma once

// The PostgreSQL server the server-mode tests run against: the throwaway cluster that
// tests/pg/cluster.sh starts (packaging/dev.sh test always starts one) and names in
// HEPDESK_TEST_PG. Each test gets a database of its own, dropped afterwards.

#include "hepdesk/db/Pg.h"

#include <atomic>
#include <cstdlib>
#include <gtest/gtest.h>
#include <optional>
#include <string>
#include <unistd.h>

namespace hepdesk::db::testing {

/// HEPDESK_TEST_PG, or std::nullopt when the tests run without a cluster.
inline std::optional<std::string> testServer() {
    const char* v = std::getenv("HEPDESK_TEST_PG");
    if (v == nullptr || *v == '\0') {
        return std::nullopt;
    }
    return std::string(v);
}

inline constexpr const char* kNeedsCluster =
    "needs a PostgreSQL 15 test cluster: run the tests with "
    "'tests/pg/cluster.sh run ctest --preset dev' (packaging/dev.sh test does), which sets "
    "HEPDESK_TEST_PG";

/// A fresh, empty database on the test server, dropped (with its connections) on destruction.
class ScratchDatabase {
public:
    ScratchDatabase() {
        auto server = testServer();
        if (!server) {
            return;
        }
        static std::atomic<int> counter{0};
        name_ = "hepdesk_t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
        admin_ = *server;
        auto c = PgConnection::connect(admin_);
        if (!c) {
            ADD_FAILURE() << c.error().message;
            return;
        }
        // An identifier cannot be a parameter; this one is made of digits and letters above.
        (void)c->exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
        if (auto r = c->exec("CREATE DATABASE " + name_); !r) {
            ADD_FAILURE() << r.error().message;
            return;
        }
        conninfo_ = conninfoWithDatabase(admin_, name_);
    }
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;
    ~ScratchDatabase() {
        if (conninfo_.empty()) {
            return;
        }
        if (auto c = PgConnection::connect(admin_)) {
            (void)c->exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
        }
    }
    /// Connection string of the scratch database (as the cluster's superuser).
    [[nodiscard]] const std::string& conninfo() const { return conninfo_; }
    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] bool ready() const { return !conninfo_.empty(); }

private:
    std::string admin_;
    std::string name_;
    std::string conninfo_;
};

} // namespace hepdesk::db::testing

/// First line of a server-mode test: skips it, saying how to run it, without a cluster.
#define HEPDESK_REQUIRE_PG()                                                                       \
    do {                                                                                           \
        if (!::hepdesk::db::testing::testServer()) {                                               \
            GTEST_SKIP() << ::hepdesk::db::testing::kNeedsCluster;                                 \
        }                                                                                          \
    } while (false)
