#include "hepdesk/db/SchemaCheck.h"

#include "hepdesk/db/Migrations.h"
#include "hepdesk/db/SearchKey.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>

namespace hepdesk::db {
namespace {

/// One row of sqlite_schema.
struct SchemaObject {
    std::string type; ///< table, index, trigger or view
    std::string name;
    std::string table; ///< tbl_name: the table an index or trigger belongs to
    std::string sql;
};

using Schema = std::map<std::string, SchemaObject>; // by name (names are unique in a schema)

Result<Schema> readSchema(Connection& conn) {
    Schema schema;
    // SQLite's own objects follow from the tables' SQL; nobody else may name one "sqlite_".
    auto s = Statement::on(conn, "SELECT type, name, tbl_name, ifnull(sql, '') "
                                 "FROM main.sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' "
                                 "ESCAPE '\\'")
                 .forEachRow([&](const Statement& st) {
                     SchemaObject o{st.columnText(0), st.columnText(1), st.columnText(2),
                                    st.columnText(3)};
                     std::string name = o.name;
                     schema.emplace(std::move(name), std::move(o));
                 });
    if (!s) {
        return s.error();
    }
    return schema;
}

/// What the migrations build for `version`, made once per version per process.
Result<Schema> expectedSchema(int version) {
    static std::mutex mutex;
    static std::map<int, Schema> cache;
    const std::scoped_lock lock(mutex);
    if (auto it = cache.find(version); it != cache.end()) {
        return it->second;
    }
    if (version < 0 || version > migrations().back().version) {
        return Error::internal("no HepDesk schema " + std::to_string(version));
    }
    auto conn = Connection::open(":memory:", Connection::Mode::ReadWriteCreate);
    if (!conn) {
        return conn.error();
    }
    if (auto s = registerSearchKeyFunction(*conn); !s) {
        return s.error();
    }
    if (version > 0) {
        if (auto s = migrate(*conn, version); !s) {
            return s.error();
        }
    }
    auto schema = readSchema(*conn);
    if (!schema) {
        return schema.error();
    }
    cache.emplace(version, *schema);
    return schema;
}

/// FTS5 (and any virtual table) keeps its data in tables named "<vtab>_<suffix>", created by
/// SQLite with SQL of its own version's choosing.
bool isShadowTable(const Schema& expected, const SchemaObject& o) {
    if (o.type != "table") {
        return false;
    }
    return std::any_of(expected.begin(), expected.end(), [&](const auto& entry) {
        const SchemaObject& v = entry.second;
        return v.type == "table" && v.sql.starts_with("CREATE VIRTUAL TABLE") &&
               o.name.size() > v.name.size() + 1 && o.name.starts_with(v.name + "_");
    });
}

std::string sqlName(std::string_view identifier) {
    std::string q = "\"";
    for (char c : identifier) {
        q += c;
        if (c == '"') {
            q += '"';
        }
    }
    return q + '"';
}

} // namespace

Result<std::vector<std::string>> schemaDifferences(Connection& conn, int version) {
    auto expected = expectedSchema(version);
    if (!expected) {
        return expected.error();
    }
    auto actual = readSchema(conn);
    if (!actual) {
        return actual.error();
    }
    std::vector<std::string> problems;
    for (const auto& [name, want] : *expected) {
        auto it = actual->find(name);
        if (it == actual->end()) {
            problems.push_back(want.type + " " + name + " is missing");
            continue;
        }
        const SchemaObject& have = it->second;
        if (have.type != want.type) {
            problems.push_back(want.type + " " + name + " was replaced by a " + have.type);
        } else if (have.table != want.table ||
                   (have.sql != want.sql && !isShadowTable(*expected, want))) {
            problems.push_back(want.type + " " + name + "'s SQL differs from HepDesk's");
        }
    }
    for (const auto& [name, have] : *actual) {
        if (!expected->contains(name)) {
            problems.push_back(have.type + " " + name + " is not HepDesk's");
        }
    }
    return problems;
}

Result<std::vector<std::string>> foreignKeyProblems(Connection& conn) {
    struct Orphan {
        std::string table;
        std::optional<std::int64_t> rowid;
        std::string parent;
        std::int64_t fk = 0;
    };
    auto orphans =
        Statement::on(conn, "PRAGMA main.foreign_key_check").queryAll([](const Statement& st) {
            return Orphan{st.columnText(0), st.columnOptInt(1), st.columnText(2), st.columnInt(3)};
        });
    if (!orphans) {
        return orphans.error();
    }
    std::vector<std::string> problems;
    for (const Orphan& o : *orphans) {
        // The child columns of foreign key number `fk` of the table, and their values.
        auto columns = Statement::on(conn, "SELECT \"from\" FROM pragma_foreign_key_list(?1) "
                                           "WHERE id = ?2 ORDER BY seq")
                           .bindAll(o.table, o.fk)
                           .queryAll([](const Statement& st) { return st.columnText(0); });
        if (!columns) {
            return columns.error();
        }
        std::string names;
        std::string select;
        for (const std::string& c : *columns) {
            names.append(names.empty() ? "" : ", ").append(c);
            select.append(select.empty() ? "" : " || ', ' || ").append("quote(" + sqlName(c) + ")");
        }
        std::string values;
        if (o.rowid && !select.empty()) {
            auto v = Statement::on(conn, "SELECT " + select + " FROM " + sqlName(o.table) +
                                             " WHERE rowid = ?1")
                         .bindAll(*o.rowid)
                         .queryOptional([](const Statement& st) { return st.columnText(0); });
            if (v && *v) {
                values = **v;
            }
        }
        std::string line = o.table + (o.rowid ? " " + std::to_string(*o.rowid) : std::string());
        line += ": " + (names.empty() ? std::string("a reference") : names);
        if (!values.empty()) {
            line += " " + values;
        }
        line += " refers to a " + o.parent + " that does not exist";
        problems.push_back(std::move(line));
    }
    return problems;
}

} // namespace hepdesk::db
