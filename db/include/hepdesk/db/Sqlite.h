#pragma once

#include "hepdesk/core/Error.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace hepdesk::db {

/// Appended to the message of every error that means the file itself is damaged (SQLite's
/// SQLITE_CORRUPT and SQLITE_NOTADB, a truncated file, a schema changed outside HepDesk).
inline constexpr const char* kDamagedAdvice =
    "; it is damaged: restore it from a backup ('hepdesk-cli db restore')";

/// Appended when the disk fails during a COMMIT: the outcome is not known to this process.
inline constexpr const char* kCommitInDoubt =
    " while saving; the change may have been saved anyway: look for it before entering it "
    "again, and check the disk (free space, errors)";

/// Owns one sqlite3 connection. Status codes become Error values naming the database file.
class Connection {
public:
    enum class Mode { ReadWriteCreate, ReadWrite, ReadOnly };

    /// Opens `path`; does not run any PRAGMA (see Database::open for HepDesk's settings).
    static Result<Connection> open(const std::filesystem::path& path, Mode mode);

    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    /// How long a statement waits for another connection's lock before it fails as busy
    /// (Connection::open sets 10 seconds, before the first statement).
    void setBusyTimeout(std::chrono::milliseconds timeout);

    /// Runs one or more statements that return no rows of interest.
    Status exec(std::string_view sql);
    /// Runs a query whose first column of the first row is an integer (PRAGMA user_version…).
    Result<std::int64_t> queryInt(std::string_view sql);
    Result<std::string> queryText(std::string_view sql);

    [[nodiscard]] sqlite3* handle() const { return db_; }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::int64_t lastInsertRowId() const;
    [[nodiscard]] int changes() const;
    /// True while a transaction (or savepoint) is open on this connection.
    [[nodiscard]] bool inTransaction() const;

    /// Copies this whole database into `dest` with SQLite's online backup API, in one
    /// transaction on `dest` (never by copying files). `context` names the operation in errors.
    Status copyTo(Connection& dest, std::string_view context);

    /// "<file>: <sqlite message>" for the connection's most recent error.
    [[nodiscard]] std::string errorMessage(std::string_view context) const;

private:
    friend class Statement;
    Connection(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
    /// Prepared statements kept for reuse, by SQL text: repositories prepare the same few
    /// statements over and over, and compiling one (with its triggers) costs more than running
    /// it. A statement is in the cache only while no Statement uses it.
    sqlite3_stmt* takeCached(std::string_view sql);
    void giveBack(sqlite3_stmt* stmt);
    void clearCache();
    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

/// Bytes bound as a BLOB (a plain string binds as TEXT).
struct Blob {
    std::string_view bytes;
};

/// "no <what> with id <id>", the NotFound error a repository gives for a missing record.
Error missingRow(std::string_view what, std::int64_t id);

/// Owns one prepared statement (from its connection's cache when it has been prepared before;
/// it goes back there, reset, on destruction). Must not outlive its connection.
/// Bind indices are 1-based, column indices 0-based.
///
/// A query reads as one expression:
///     Statement::on(conn, "SELECT ... WHERE id = ?1").bindAll(id)
///         .queryOne(readPatient, missingRow("patient", id));
/// A failure to prepare or bind is kept and returned by the first step (or helper that steps).
class Statement {
public:
    static Result<Statement> prepare(Connection& conn, std::string_view sql);
    /// Like prepare(), but a failure stays inside the statement: binds are then ignored and
    /// the first step() (or queryOne, queryAll, execute…) returns the error.
    static Statement on(Connection& conn, std::string_view sql);

    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    /// Binds 1 or 0, as SQLite stores booleans.
    Statement& bind(int index, bool value) { return bind(index, value ? 1 : 0); }
    Statement& bind(int index, double value);
    /// Binds text verbatim (embedded NUL bytes included), as TEXT.
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, Blob value) { return bindBlob(index, value.bytes); }
    Statement& bindBlob(int index, std::string_view bytes);
    Statement& bindNull(int index);
    /// Binds the value, or NULL when there is none.
    template <class T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }
    /// Binds `values` to ?1, ?2, … in order.
    template <class... Ts> Statement& bindAll(const Ts&... values) {
        return bindFrom(1, values...);
    }
    /// Binds `values` to ?first, ?first+1, … in order.
    template <class... Ts> Statement& bindFrom(int first, const Ts&... values) {
        (bind(first++, values), ...);
        return *this;
    }

    /// Advances: true when a row is available, false when done; an Error on failure
    /// (including any prepare or bind error recorded earlier).
    Result<bool> step();
    /// Steps until done, for statements that return no rows (INSERT, UPDATE, DELETE).
    Status execute();
    /// Runs an INSERT; the new row's id.
    Result<std::int64_t> insert();
    /// Runs an UPDATE or DELETE of one record; `whenMissing` when it changed no row.
    Status executeOnExisting(Error whenMissing);
    /// Clears the bindings and rewinds, to run the statement again.
    void reset();

    /// What `map(const Statement&)` makes of one row.
    template <class F> using Row = std::remove_cvref_t<std::invoke_result_t<F&, const Statement&>>;

    /// Calls `f(const Statement&)` on every row; when `f` returns bool, false stops early.
    template <class F> Status forEachRow(F&& f);
    /// Every row, each made by `map(const Statement&)`.
    template <class F> Result<std::vector<Row<F>>> queryAll(F&& map);
    /// The first row made by `map`, or std::nullopt when there is none.
    template <class F> Result<std::optional<Row<F>>> queryOptional(F&& map);
    /// The first row made by `map`; `whenMissing` when there is none.
    template <class F> Result<Row<F>> queryOne(F&& map, Error whenMissing);

    [[nodiscard]] bool isNull(int col) const;
    [[nodiscard]] std::int64_t columnInt(int col) const;
    [[nodiscard]] double columnDouble(int col) const;
    [[nodiscard]] std::string columnText(int col) const;
    [[nodiscard]] std::optional<std::int64_t> columnOptInt(int col) const;
    [[nodiscard]] std::optional<double> columnOptDouble(int col) const;
    [[nodiscard]] std::optional<std::string> columnOptText(int col) const;

private:
    Statement(sqlite3_stmt* s, Connection* c) : stmt_(s), conn_(c) {}
    void noteBind(int rc, int index);
    void release();
    sqlite3_stmt* stmt_ = nullptr;
    Connection* conn_ = nullptr;
    /// The first prepare or bind failure, returned by the next step().
    std::optional<std::string> error_;
    int errorCode_ = 0; ///< SQLite's result code of error_
};

template <class F> Status Statement::forEachRow(F&& f) {
    for (;;) {
        auto row = step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return {};
        }
        if constexpr (std::is_same_v<Row<F>, bool>) {
            if (!f(std::as_const(*this))) {
                return {};
            }
        } else {
            f(std::as_const(*this));
        }
    }
}

template <class F> Result<std::vector<Statement::Row<F>>> Statement::queryAll(F&& map) {
    std::vector<Row<F>> out;
    if (auto s = forEachRow([&](const Statement& st) { out.push_back(map(st)); }); !s) {
        return s.error();
    }
    return out;
}

template <class F> Result<std::optional<Statement::Row<F>>> Statement::queryOptional(F&& map) {
    auto row = step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return std::optional<Row<F>>();
    }
    return std::optional<Row<F>>(map(std::as_const(*this)));
}

template <class F> Result<Statement::Row<F>> Statement::queryOne(F&& map, Error whenMissing) {
    auto row = queryOptional(map);
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return whenMissing;
    }
    return std::move(**row);
}

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() succeeded.
/// Inside an open transaction it becomes a SAVEPOINT, so a repository's "write these rows
/// together" can be part of a caller's larger unit of work (bulk imports, benchmarks).
class Transaction {
public:
    static Result<Transaction> begin(Connection& conn);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    Status commit();

    /// Runs `body` (returning a Status or a Result) in one transaction: commits when it
    /// succeeds; rolls back when it or the commit fails, and returns that error.
    template <class F> static std::invoke_result_t<F&> run(Connection& conn, F&& body);

private:
    Transaction(Connection* c, bool nested) : conn_(c), nested_(nested) {}
    Connection* conn_ = nullptr;
    bool nested_ = false;
};

template <class F> std::invoke_result_t<F&> Transaction::run(Connection& conn, F&& body) {
    auto tx = begin(conn);
    if (!tx) {
        return tx.error();
    }
    auto result = body();
    if (!result) {
        return result;
    }
    if (auto s = tx->commit(); !s) {
        return s.error();
    }
    return result;
}

/// A read snapshot: several SELECTs see the database as of one moment. Joins the caller's
/// transaction when one is open; otherwise BEGIN (deferred) now and COMMIT on destruction.
class ReadTransaction {
public:
    explicit ReadTransaction(Connection& conn);
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;
    ~ReadTransaction();

private:
    Connection* conn_ = nullptr; ///< null when joined to an outer transaction
};

} // namespace hepdesk::db
