#pragma once

#include "hepdesk/core/Error.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace hepdesk::db {

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

/// Owns one prepared statement (from its connection's cache when it has been prepared before;
/// it goes back there, reset, on destruction). Must not outlive its connection.
/// Bind indices are 1-based, column indices 0-based.
class Statement {
public:
    static Result<Statement> prepare(Connection& conn, std::string_view sql);

    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    /// Binds text verbatim (embedded NUL bytes included), as TEXT.
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bindBlob(int index, std::string_view bytes);
    Statement& bindNull(int index);
    template <class T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// Advances: true when a row is available, false when done; an Error on failure
    /// (including any bind error recorded earlier).
    Result<bool> step();
    /// Steps until done, for statements that return no rows.
    Status run();
    void reset();

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
    std::optional<std::string> bindError_;
};

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

private:
    Transaction(Connection* c, bool nested) : conn_(c), nested_(nested) {}
    Connection* conn_ = nullptr;
    bool nested_ = false;
};

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
