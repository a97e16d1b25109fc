#pragma once

// Runs a repository test on each backend: a SQLite file and a database on the PostgreSQL 15
// test cluster (skipped, saying how to start it, when HEPDESK_TEST_PG is not set).

#include "../pg/PgTestServer.h"
#include "TestSupport.h"
#include "hepdesk/db/Store.h"

#include <gtest/gtest.h>
#include <memory>
#include <optional>
#include <string>

namespace hepdesk::db::testing {

inline std::string backendName(const ::testing::TestParamInfo<Store::Backend>& info) {
    return info.param == Store::Backend::File ? "File" : "Server";
}

/// A fresh, empty database of the test's backend (GetParam()), opened through Store::open.
class EachBackend : public ::testing::TestWithParam<Store::Backend> {
protected:
    void SetUp() override {
        if (GetParam() == Store::Backend::Server) {
            HEPDESK_REQUIRE_PG();
            scratch_.emplace();
            ASSERT_TRUE(scratch_->ready());
        }
        auto s = Store::open(target());
        ASSERT_TRUE(s) << s.error().message;
        store_ = std::move(*s);
        ASSERT_EQ(store_->backend(), GetParam());
    }
    /// What --db would name: the file's path or the server database's connection string.
    [[nodiscard]] std::string target() const {
        return GetParam() == Store::Backend::Server ? scratch_->conninfo()
                                                    : (dir_ / "clinic.sqlite").string();
    }
    Store& store() { return *store_; }
    /// Who the audit log names after store().setActor(name): that name in a file; on a server
    /// always the login role ("server HOST:PORT/DB as ROLE").
    [[nodiscard]] std::string actorFor(const std::string& name) const {
        if (GetParam() != Store::Backend::Server) {
            return name;
        }
        const std::string d = store_->describe();
        return d.substr(d.rfind(" as ") + 4);
    }

    test::TempDir dir_;
    std::optional<ScratchDatabase> scratch_;
    std::unique_ptr<Store> store_;
};

} // namespace hepdesk::db::testing

#define HEPDESK_ON_EACH_BACKEND(Suite)                                                             \
    INSTANTIATE_TEST_SUITE_P(, Suite,                                                              \
                             ::testing::Values(::hepdesk::db::Store::Backend::File,                \
                                               ::hepdesk::db::Store::Backend::Server),             \
                             ::hepdesk::db::testing::backendName)
