#include "TestSupport.h"
#include "hepdesk/db/Sqlite.h"

#include <gtest/gtest.h>

namespace hepdesk::db {
namespace {
using namespace std::string_literals;

/// A row of the test table, as a repository would map it.
struct Item {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::int64_t> count;
    std::optional<double> weight;
    bool flag = false;
    std::string data;
    bool operator==(const Item&) const = default;
};

Item readItem(const Statement& st) {
    return Item{st.columnInt(0),       st.columnText(1),     st.columnOptInt(2),
                st.columnOptDouble(3), st.columnInt(4) != 0, st.columnText(5)};
}

constexpr const char* kSelectAll =
    "SELECT id, name, count, weight, flag, data FROM item ORDER BY id";

/// A bare connection (no HepDesk schema) with one table of mixed column types and a trigger
/// that refuses deleting a "locked" row, like the database's signed-session rules.
class StatementTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto c = Connection::open(path_, Connection::Mode::ReadWriteCreate);
        ASSERT_TRUE(c.ok()) << c.error().message;
        conn_.emplace(std::move(*c));
        ASSERT_TRUE(conn_
                        ->exec("CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT NOT NULL "
                               "UNIQUE, count INTEGER, weight REAL, flag INTEGER NOT NULL, "
                               "data BLOB);"
                               "CREATE TRIGGER item_locked BEFORE DELETE ON item "
                               "WHEN old.name = 'locked' BEGIN "
                               "SELECT RAISE(ABORT, 'item is locked'); END;")
                        .ok());
    }

    Result<std::int64_t> insert(const Item& it) {
        return Statement::on(*conn_, "INSERT INTO item(name, count, weight, flag, data) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5)")
            .bindAll(it.name, it.count, it.weight, it.flag, Blob{it.data})
            .insert();
    }

    /// An item with only a name.
    static Item named(const char* name) {
        return Item{0, name, std::nullopt, std::nullopt, false, ""};
    }

    Connection& conn() { return *conn_; }
    [[nodiscard]] std::string path() const { return path_.string(); }

private:
    test::TempDir dir_;
    std::filesystem::path path_ = dir_ / "statement.sqlite";
    std::optional<Connection> conn_;
};

TEST_F(StatementTest, BindAllBindsInOrderAndQueryAllMapsEveryRow) {
    const Item a{0, "a", 3, 1.5, true, "\0bytes\xff"s};
    const Item b{0, "b", std::nullopt, std::nullopt, false, ""};
    auto idA = insert(a);
    auto idB = insert(b);
    ASSERT_TRUE(idA.ok()) << idA.error().message;
    ASSERT_TRUE(idB.ok()) << idB.error().message;
    EXPECT_EQ(*idA, 1);
    EXPECT_EQ(*idB, 2);

    auto all = Statement::on(conn(), kSelectAll).queryAll(readItem);
    ASSERT_TRUE(all.ok()) << all.error().message;
    Item ea = a;
    ea.id = 1;
    Item eb = b;
    eb.id = 2;
    EXPECT_EQ(*all, (std::vector<Item>{ea, eb}));
    // NULLs stay NULL, the blob keeps its type and its NUL byte.
    EXPECT_EQ(*conn().queryText("SELECT typeof(count) || typeof(weight) FROM item WHERE id = 2"),
              "nullnull");
    EXPECT_EQ(*conn().queryText("SELECT typeof(data) FROM item WHERE id = 1"), "blob");
    EXPECT_EQ(*conn().queryInt("SELECT length(data) FROM item WHERE id = 1"), 7);
}

TEST_F(StatementTest, BindFromStartsAtTheGivenParameter) {
    auto row = Statement::on(conn(), "SELECT ?1 || '-' || ?2 || '-' || ?3")
                   .bindAll("x")
                   .bindFrom(2, 7, std::optional<std::string>("z"))
                   .queryOne([](const Statement& st) { return st.columnText(0); },
                             Error::internal("no row"));
    ASSERT_TRUE(row.ok()) << row.error().message;
    EXPECT_EQ(*row, "x-7-z");
}

TEST_F(StatementTest, QueryAllOfNoRowsIsEmpty) {
    auto all = Statement::on(conn(), kSelectAll).queryAll(readItem);
    ASSERT_TRUE(all.ok()) << all.error().message;
    EXPECT_TRUE(all->empty());
}

TEST_F(StatementTest, QueryOneMapsTheRowOrReturnsTheMissingError) {
    ASSERT_TRUE(insert(Item{0, "a", 1, std::nullopt, false, ""}).ok());
    const auto byId = [&](std::int64_t id) {
        return Statement::on(conn(), "SELECT id, name, count, weight, flag, data FROM item "
                                     "WHERE id = ?1")
            .bindAll(id)
            .queryOne(readItem, missingRow("item", id));
    };
    auto found = byId(1);
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_EQ(found->name, "a");
    EXPECT_EQ(found->count, 1);

    auto missing = byId(42);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(missing.error().message, "no item with id 42");
}

TEST_F(StatementTest, QueryOptionalGivesNothingWhenThereIsNoRow) {
    auto none = Statement::on(conn(), kSelectAll).queryOptional(readItem);
    ASSERT_TRUE(none.ok()) << none.error().message;
    EXPECT_FALSE(none->has_value());

    ASSERT_TRUE(insert(Item{0, "a", std::nullopt, 2.0, false, ""}).ok());
    auto one = Statement::on(conn(), kSelectAll).queryOptional(readItem);
    ASSERT_TRUE(one.ok()) << one.error().message;
    ASSERT_TRUE(one->has_value());
    EXPECT_EQ((*one)->weight, 2.0);
}

TEST_F(StatementTest, ForEachRowStopsWhenTheCallbackReturnsFalse) {
    for (const char* name : {"a", "b", "c", "d"}) {
        ASSERT_TRUE(insert(named(name)).ok());
    }
    std::vector<std::string> seen;
    auto s = Statement::on(conn(), kSelectAll).forEachRow([&](const Statement& st) {
        seen.push_back(st.columnText(1));
        return seen.size() < 2;
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(seen, (std::vector<std::string>{"a", "b"}));

    seen.clear();
    s = Statement::on(conn(), kSelectAll).forEachRow([&](const Statement& st) {
        seen.push_back(st.columnText(1));
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(seen.size(), 4U);
}

TEST_F(StatementTest, ExecuteOnExistingReportsARowThatIsNotThere) {
    ASSERT_TRUE(insert(Item{0, "a", 1, std::nullopt, false, ""}).ok());
    const auto rename = [&](std::int64_t id, const char* name) {
        return Statement::on(conn(), "UPDATE item SET name = ?2 WHERE id = ?1")
            .bindAll(id, name)
            .executeOnExisting(missingRow("item", id));
    };
    ASSERT_TRUE(rename(1, "renamed").ok());
    EXPECT_EQ(*conn().queryText("SELECT name FROM item WHERE id = 1"), "renamed");

    auto missing = rename(9, "nobody");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(missing.error().message, "no item with id 9");
}

TEST_F(StatementTest, PrepareErrorNamesTheFileTheSqlAndSqlitesReason) {
    // Binds on a statement that failed to prepare are ignored; the error comes with the run.
    auto rows = Statement::on(conn(), "SELECT name FROM no_such_table WHERE id = ?1")
                    .bindAll(1)
                    .queryAll([](const Statement& st) { return st.columnText(0); });
    ASSERT_FALSE(rows.ok());
    EXPECT_EQ(rows.error().kind, Error::Kind::Database);
    const std::string& m = rows.error().message;
    EXPECT_NE(m.find(path()), std::string::npos) << m;
    EXPECT_NE(m.find("SELECT name FROM no_such_table WHERE id = ?1"), std::string::npos) << m;
    EXPECT_NE(m.find("no such table: no_such_table"), std::string::npos) << m;

    // prepare() reports the same at once; reset() does not clear it.
    auto st = Statement::prepare(conn(), "SELECT nope FROM item");
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("no such column: nope"), std::string::npos);
    auto deferred = Statement::on(conn(), "SELECT nope FROM item");
    deferred.reset();
    EXPECT_FALSE(deferred.execute().ok());
}

TEST_F(StatementTest, RunErrorsNameTheFileAndKeepTheirKind) {
    ASSERT_TRUE(insert(Item{0, "a", 1, std::nullopt, false, ""}).ok());
    auto dup = insert(Item{0, "a", 2, std::nullopt, false, ""});
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(dup.error().message.find(path()), std::string::npos) << dup.error().message;
    EXPECT_NE(dup.error().message.find("UNIQUE constraint failed: item.name"), std::string::npos)
        << dup.error().message;

    ASSERT_TRUE(insert(Item{0, "locked", 1, std::nullopt, false, ""}).ok());
    auto del =
        Statement::on(conn(), "DELETE FROM item WHERE name = ?1").bindAll("locked").execute();
    ASSERT_FALSE(del.ok());
    EXPECT_EQ(del.error().kind, Error::Kind::Refused);
    EXPECT_NE(del.error().message.find("item is locked"), std::string::npos);
}

TEST_F(StatementTest, BindErrorNamesTheParameter) {
    auto s = Statement::on(conn(), "SELECT ?1").bindAll(1).bindFrom(3, "too far").execute();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::Database);
    EXPECT_NE(s.error().message.find("cannot bind parameter 3"), std::string::npos)
        << s.error().message;
}

TEST_F(StatementTest, TransactionRunCommitsOnSuccessAndRollsBackOnError) {
    auto id = Transaction::run(conn(), [&] { return insert(named("kept")); });
    ASSERT_TRUE(id.ok()) << id.error().message;

    auto failed = Transaction::run(conn(), [&]() -> Status {
        if (auto r = insert(named("rolled back")); !r) {
            return r.error();
        }
        return Error::invalid("second step failed");
    });
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().message, "second step failed");
    EXPECT_FALSE(conn().inTransaction());
    auto names = Statement::on(conn(), kSelectAll).queryAll([](const Statement& st) {
        return st.columnText(1);
    });
    ASSERT_TRUE(names.ok());
    EXPECT_EQ(*names, std::vector<std::string>{"kept"});
}

} // namespace
} // namespace hepdesk::db
