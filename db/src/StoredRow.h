#pragma once

#include "hepdesk/db/Pg.h"
#include "hepdesk/db/Sqlite.h"

#include <cstdint>
#include <optional>
#include <string>

namespace hepdesk::db {

/// A row of a SQLite result as the shared record code (SessionRecord.h) reads it.
struct SqliteRow {
    const Statement& st;
    [[nodiscard]] bool isNull(int col) const { return st.isNull(col); }
    [[nodiscard]] std::string text(int col) const { return st.columnText(col); }
    [[nodiscard]] std::int64_t integer(int col) const { return st.columnInt(col); }
    [[nodiscard]] bool flag(int col) const { return st.columnInt(col) != 0; }
    [[nodiscard]] std::optional<std::int64_t> optInteger(int col) const {
        return st.columnOptInt(col);
    }
    [[nodiscard]] std::optional<double> optReal(int col) const { return st.columnOptDouble(col); }
    [[nodiscard]] std::optional<std::string> optText(int col) const {
        return st.columnOptText(col);
    }
};

/// Row `row` of a PostgreSQL result, read the same way (booleans are real booleans there).
struct PgRow {
    const PgResult& r;
    int row;
    [[nodiscard]] bool isNull(int col) const { return r.isNull(row, col); }
    [[nodiscard]] std::string text(int col) const { return r.text(row, col); }
    [[nodiscard]] std::int64_t integer(int col) const { return r.int64(row, col); }
    [[nodiscard]] bool flag(int col) const { return r.boolean(row, col); }
    [[nodiscard]] std::optional<std::int64_t> optInteger(int col) const {
        return r.optInt64(row, col);
    }
    [[nodiscard]] std::optional<double> optReal(int col) const { return r.optReal(row, col); }
    [[nodiscard]] std::optional<std::string> optText(int col) const { return r.optText(row, col); }
};

} // namespace hepdesk::db
