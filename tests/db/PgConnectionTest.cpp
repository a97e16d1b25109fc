// The libpq wrappers against the real PostgreSQL 15 test cluster (no mock of the server).

#include "../pg/PgTestServer.h"
#include "hepdesk/db/Pg.h"

#include <gtest/gtest.h>
#include <limits>

namespace hepdesk::db {
namespace {

using testing::ScratchDatabase;

TEST(ServerTarget, UrisAndKeyValueStringsAreServersPathsAreFiles) {
    EXPECT_TRUE(isServerTarget("postgresql://ana@db.clinic/hepdesk"));
    EXPECT_TRUE(isServerTarget("postgres://db.clinic:5433/hepdesk?sslmode=verify-full"));
    EXPECT_TRUE(isServerTarget("host=db.clinic dbname=hepdesk user=ana"));
    EXPECT_TRUE(isServerTarget("  dbname = hepdesk"));
    EXPECT_FALSE(isServerTarget("clinic.sqlite"));
    EXPECT_FALSE(isServerTarget("/home/ana/HepDesk/hepdesk.sqlite"));
    EXPECT_FALSE(isServerTarget("notes=old.sqlite")); // '=' but no libpq keyword: a file
    EXPECT_FALSE(isServerTarget("postgresql.sqlite"));
    EXPECT_FALSE(isServerTarget("host"));
}

TEST(ServerTarget, ConninfoWithDatabaseKeepsTheRestAndQuotes) {
    const std::string c =
        conninfoWithDatabase("postgresql://ana@db.clinic:5433/postgres?sslmode=require", "it's");
    EXPECT_NE(c.find("host='db.clinic'"), std::string::npos) << c;
    EXPECT_NE(c.find("port='5433'"), std::string::npos) << c;
    EXPECT_NE(c.find("user='ana'"), std::string::npos) << c;
    EXPECT_NE(c.find("sslmode='require'"), std::string::npos) << c;
    EXPECT_NE(c.find("dbname='it\\'s'"), std::string::npos) << c;
    EXPECT_EQ(c.find("postgres'"), std::string::npos) << c;
}

class PgConnectionTest : public ::testing::Test {
protected:
    void SetUp() override {
        HEPDESK_REQUIRE_PG();
        scratch_.emplace();
        ASSERT_TRUE(scratch_->ready());
        auto c = PgConnection::connect(scratch_->conninfo());
        ASSERT_TRUE(c) << c.error().message;
        conn_.emplace(std::move(*c));
        ASSERT_TRUE(conn_->execScript("CREATE TABLE t (id bigint PRIMARY KEY, s text, "
                                      "b bytea, r double precision, f boolean)"));
    }
    std::int64_t count() {
        auto r = conn_->exec("SELECT count(*) FROM t");
        EXPECT_TRUE(r);
        return r ? r->int64(0, 0) : -1;
    }
    std::optional<ScratchDatabase> scratch_;
    std::optional<PgConnection> conn_;
};

TEST_F(PgConnectionTest, ValuesTravelAsParametersNeverAsSql) {
    std::string allBytes;
    for (int i = 0; i < 256; ++i) {
        allBytes += static_cast<char>(i);
    }
    const std::string hostile = "Robert'); DROP TABLE t; -- Ñandú \\ $1";
    ASSERT_TRUE(conn_->exec(
        "INSERT INTO t VALUES ($1, $2, $3, $4, $5)",
        {std::numeric_limits<std::int64_t>::max(), hostile, PgParam::bytes(allBytes), 0.1, true}));
    ASSERT_TRUE(conn_->exec("INSERT INTO t VALUES ($1, $2, $3, $4, $5)",
                            {std::int64_t{2}, std::optional<std::string>(), PgParam::null(),
                             std::optional<double>(), false}));
    auto r = conn_->exec("SELECT id, s, b, r, f FROM t ORDER BY id DESC");
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->rows(), 2);
    EXPECT_EQ(r->int64(0, 0), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(r->text(0, 1), hostile);
    EXPECT_EQ(r->bytes(0, 2), allBytes);
    EXPECT_DOUBLE_EQ(r->real(0, 3), 0.1);
    EXPECT_TRUE(r->boolean(0, 4));
    EXPECT_FALSE(r->optText(1, 1));
    EXPECT_TRUE(r->isNull(1, 2));
    EXPECT_FALSE(r->optReal(1, 3));
    EXPECT_FALSE(r->boolean(1, 4));
}

TEST_F(PgConnectionTest, TransactionRollsBackUnlessCommitted) {
    {
        auto tx = PgTransaction::begin(*conn_);
        ASSERT_TRUE(tx);
        ASSERT_TRUE(conn_->exec("INSERT INTO t(id) VALUES (1)"));
    }
    EXPECT_EQ(count(), 0);
    auto tx = PgTransaction::begin(*conn_);
    ASSERT_TRUE(tx);
    ASSERT_TRUE(conn_->exec("INSERT INTO t(id) VALUES (1)"));
    ASSERT_TRUE(tx->commit());
    EXPECT_EQ(count(), 1);
}

TEST_F(PgConnectionTest, FailedWriteLeavesNothingHalfWritten) {
    Status s = PgTransaction::run(*conn_, [&]() -> Status {
        if (auto r = conn_->exec("INSERT INTO t(id) VALUES (1)"); !r) {
            return r.error();
        }
        if (auto r = conn_->exec("INSERT INTO t(id) VALUES (1)"); !r) { // duplicate key
            return r.error();
        }
        return {};
    });
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().kind, Error::Kind::Database);
    EXPECT_NE(s.error().message.find(scratch_->name()), std::string::npos) << s.error().message;
    EXPECT_EQ(count(), 0);
}

TEST_F(PgConnectionTest, RetriesByItselfWhenTheServerAsksTo) {
    // What PostgreSQL answers on a serialization failure (40001) or a deadlock (40P01).
    ASSERT_TRUE(conn_->execScript(
        "CREATE FUNCTION hepdesk_fail(state text) RETURNS void LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'must retry' USING ERRCODE = state; END $$"));
    for (const char* state : {"40001", "40P01"}) {
        ASSERT_TRUE(conn_->exec("DELETE FROM t"));
        int attempts = 0;
        Status s = PgTransaction::run(*conn_, [&]() -> Status {
            ++attempts;
            if (auto r = conn_->exec("INSERT INTO t(id) VALUES (7)"); !r) {
                return r.error();
            }
            if (attempts == 1) {
                if (auto r = conn_->exec("SELECT hepdesk_fail($1)", {state}); !r) {
                    return r.error();
                }
            }
            return {};
        });
        ASSERT_TRUE(s) << s.error().message;
        EXPECT_EQ(attempts, 2) << state;
        EXPECT_EQ(count(), 1) << state; // the first attempt's row was rolled back
    }
}

TEST_F(PgConnectionTest, WhenEveryRetryMeetsAnotherWriterTheMessageSaysToSaveAgain) {
    ASSERT_TRUE(conn_->execScript(
        "CREATE FUNCTION hepdesk_fail(state text) RETURNS void LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = state; END $$"));
    int attempts = 0;
    Status s = PgTransaction::run(*conn_, [&]() -> Status {
        ++attempts;
        auto r = conn_->exec("SELECT hepdesk_fail('40P01')");
        return r ? Status{} : Status{r.error()};
    });
    ASSERT_FALSE(s);
    EXPECT_EQ(attempts, PgTransaction::kAttempts);
    EXPECT_NE(s.error().message.find("other computers were saving the same records at the same "
                                     "moment (deadlock detected); nothing was saved: save again"),
              std::string::npos)
        << s.error().message;
}

TEST_F(PgConnectionTest, OtherFailuresAreNotRetried) {
    int attempts = 0;
    Status s = PgTransaction::run(*conn_, [&]() -> Status {
        ++attempts;
        auto r = conn_->exec("SELECT 1/0");
        return r ? Status{} : Status{r.error()};
    });
    EXPECT_FALSE(s);
    EXPECT_EQ(attempts, 1);
    EXPECT_EQ(conn_->lastSqlState(), "22012");
}

TEST_F(PgConnectionTest, TriggerRulesAreRefusals) {
    ASSERT_TRUE(conn_->execScript(
        "CREATE FUNCTION no_delete() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'rows of t cannot be deleted'; END $$;"
        "CREATE TRIGGER t_no_delete BEFORE DELETE ON t FOR EACH ROW EXECUTE FUNCTION no_delete();"
        "INSERT INTO t(id) VALUES (1);"));
    auto r = conn_->exec("DELETE FROM t");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::Refused);
    EXPECT_NE(r.error().message.find("rows of t cannot be deleted"), std::string::npos);
}

TEST_F(PgConnectionTest, LostConnectionSaysNothingWasSavedAndToRetry) {
    auto tx = PgTransaction::begin(*conn_);
    ASSERT_TRUE(tx);
    ASSERT_TRUE(conn_->exec("INSERT INTO t(id) VALUES (1)"));
    auto r = conn_->exec("SELECT pg_terminate_backend(pg_backend_pid())");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::Io);
    EXPECT_NE(r.error().message.find("lost the connection"), std::string::npos)
        << r.error().message;
    EXPECT_NE(r.error().message.find("try again"), std::string::npos);
    auto again = PgConnection::connect(scratch_->conninfo());
    ASSERT_TRUE(again);
    auto n = again->exec("SELECT count(*) FROM t");
    ASSERT_TRUE(n);
    EXPECT_EQ(n->int64(0, 0), 0);
}

TEST(PgConnect, RefusalNamesTheServerNeverThePassword) {
    HEPDESK_REQUIRE_PG();
    auto c = PgConnection::connect(
        "postgresql://hepdesk_test:wrong-secret-xyz@127.0.0.1:1/nowhere?connect_timeout=3");
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("server 127.0.0.1:1/nowhere"), std::string::npos)
        << c.error().message;
    EXPECT_EQ(c.error().message.find("wrong-secret-xyz"), std::string::npos);
}

} // namespace
} // namespace hepdesk::db
