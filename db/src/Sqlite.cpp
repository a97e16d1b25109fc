#include "hepdesk/db/Sqlite.h"

#include <sqlite3.h>
#include <utility>

namespace hepdesk::db {
namespace {

/// How long a connection waits for another one's lock before giving up (SQLITE_BUSY).
constexpr int kBusyTimeoutMs = 10000;

/// A trigger's RAISE is a rule of the database (signed sessions, the audit log): Refused.
/// Other constraint failures are values the caller should not have sent: InvalidInput.
/// A locked or busy file, a full disk or a failing one is never the caller's input: Database
/// or Io (exit 1 in the CLI), with words a person can act on after SQLite's own.
Error errorFor(int rc, std::string message) {
    if (rc == SQLITE_CONSTRAINT_TRIGGER) {
        return Error::refused(std::move(message));
    }
    switch (rc & 0xFF) {
    case SQLITE_CONSTRAINT:
        return Error::invalid(std::move(message));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error::database(std::move(message) +
                               " (another program kept it locked too long; try again when it "
                               "is done)");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return Error::database(std::move(message) + kDamagedAdvice);
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        return Error::io(std::move(message));
    default:
        return Error::database(std::move(message));
    }
}

} // namespace

Result<Connection> Connection::open(const std::filesystem::path& path, Mode mode) {
    int flags = SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
    switch (mode) {
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    }
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open database '" + path.string() +
                          "': " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        return errorFor(rc, std::move(msg));
    }
    sqlite3_extended_result_codes(db, 1);
    // Before any statement: even the first read of the header (PRAGMA application_id) must
    // wait for a writer in another process instead of failing with "database is locked".
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    return Connection(db, path);
}

Connection::Connection(Connection&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)),
      cache_(std::move(other.cache_)) {
    other.cache_.clear();
}

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        clearCache();
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
        cache_ = std::move(other.cache_);
        other.cache_.clear();
    }
    return *this;
}

Connection::~Connection() {
    clearCache();
    sqlite3_close_v2(db_);
}

void Connection::clearCache() {
    for (auto& [sql, stmt] : cache_) {
        sqlite3_finalize(stmt);
    }
    cache_.clear();
}

sqlite3_stmt* Connection::takeCached(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it == cache_.end()) {
        return nullptr;
    }
    sqlite3_stmt* s = it->second;
    cache_.erase(it);
    return s;
}

void Connection::giveBack(sqlite3_stmt* stmt) {
    constexpr std::size_t kMaxCached = 128;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    const char* sql = sqlite3_sql(stmt);
    if (sql == nullptr || cache_.size() >= kMaxCached || !cache_.emplace(sql, stmt).second) {
        sqlite3_finalize(stmt);
    }
}

std::string Connection::errorMessage(std::string_view context) const {
    std::string m = "database '" + path_.string() + "': ";
    if (!context.empty()) {
        m.append(context).append(": ");
    }
    m += sqlite3_errmsg(db_);
    return m;
}

Status Connection::exec(std::string_view sql) {
    const std::string s(sql);
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string m = "database '" + path_.string() + "': " + (err != nullptr ? err : "error");
        sqlite3_free(err);
        return errorFor(sqlite3_extended_errcode(db_), std::move(m));
    }
    return {};
}

Result<std::int64_t> Connection::queryInt(std::string_view sql) {
    return Statement::on(*this, sql)
        .queryOne([](const Statement& st) { return st.columnInt(0); },
                  Error::database(errorMessage("query returned no row")));
}

Result<std::string> Connection::queryText(std::string_view sql) {
    return Statement::on(*this, sql)
        .queryOne([](const Statement& st) { return st.columnText(0); },
                  Error::database(errorMessage("query returned no row")));
}

std::int64_t Connection::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(db_);
}
int Connection::changes() const {
    return sqlite3_changes(db_);
}

Error missingRow(std::string_view what, std::int64_t id) {
    return Error::notFound("no " + std::string(what) + " with id " + std::to_string(id));
}

Result<Statement> Statement::prepare(Connection& conn, std::string_view sql) {
    Statement st = on(conn, sql);
    if (st.error_) {
        return errorFor(st.errorCode_, *st.error_);
    }
    return st;
}

Statement Statement::on(Connection& conn, std::string_view sql) {
    if (sqlite3_stmt* cached = conn.takeCached(sql)) {
        return {cached, &conn};
    }
    sqlite3_stmt* s = nullptr;
    const int rc = sqlite3_prepare_v3(conn.handle(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &s, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(s);
        // The SQL names the table and columns a developer needs to find the failing query.
        constexpr std::size_t kMaxSql = 160;
        std::string what = "cannot prepare statement '" + std::string(sql.substr(0, kMaxSql)) +
                           (sql.size() > kMaxSql ? "...'" : "'");
        Statement failed(nullptr, &conn);
        failed.error_ = conn.errorMessage(what);
        failed.errorCode_ = rc;
        return failed;
    }
    return {s, &conn};
}

void Statement::release() {
    if (stmt_ == nullptr) {
        return;
    }
    if (conn_ != nullptr && conn_->db_ != nullptr && conn_->db_ == sqlite3_db_handle(stmt_)) {
        conn_->giveBack(stmt_);
    } else {
        sqlite3_finalize(stmt_);
    }
    stmt_ = nullptr;
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), conn_(other.conn_),
      error_(std::move(other.error_)), errorCode_(other.errorCode_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        release();
        stmt_ = std::exchange(other.stmt_, nullptr);
        conn_ = other.conn_;
        error_ = std::move(other.error_);
        errorCode_ = other.errorCode_;
    }
    return *this;
}

Statement::~Statement() {
    release();
}

void Statement::noteBind(int rc, int index) {
    if (rc != SQLITE_OK && !error_) {
        error_ = conn_->errorMessage("cannot bind parameter " + std::to_string(index));
        errorCode_ = rc;
    }
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (stmt_ == nullptr) {
        return *this; // the prepare error is kept in error_
    }
    noteBind(sqlite3_bind_int64(stmt_, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (stmt_ == nullptr) {
        return *this; // the prepare error is kept in error_
    }
    noteBind(sqlite3_bind_double(stmt_, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (stmt_ == nullptr) {
        return *this; // the prepare error is kept in error_
    }
    noteBind(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                 SQLITE_UTF8),
             index);
    return *this;
}

Statement& Statement::bindBlob(int index, std::string_view bytes) {
    if (stmt_ == nullptr) {
        return *this; // the prepare error is kept in error_
    }
    noteBind(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT),
             index);
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (stmt_ == nullptr) {
        return *this; // the prepare error is kept in error_
    }
    noteBind(sqlite3_bind_null(stmt_, index), index);
    return *this;
}

Result<bool> Statement::step() {
    if (error_) {
        return errorFor(errorCode_, *error_);
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    return errorFor(rc, conn_->errorMessage(""));
}

Status Statement::execute() {
    return forEachRow([](const Statement&) {});
}

Result<std::int64_t> Statement::insert() {
    if (auto s = execute(); !s) {
        return s.error();
    }
    return conn_->lastInsertRowId();
}

Status Statement::executeOnExisting(Error whenMissing) {
    if (auto s = execute(); !s) {
        return s;
    }
    if (conn_->changes() == 0) {
        return whenMissing;
    }
    return {};
}

void Statement::reset() {
    if (stmt_ == nullptr) {
        return; // a failed prepare stays failed
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    error_.reset();
    errorCode_ = 0;
}

bool Statement::isNull(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

std::int64_t Statement::columnInt(int col) const {
    return sqlite3_column_int64(stmt_, col);
}

double Statement::columnDouble(int col) const {
    return sqlite3_column_double(stmt_, col);
}

std::string Statement::columnText(int col) const {
    const auto* p = sqlite3_column_blob(stmt_, col);
    const int n = sqlite3_column_bytes(stmt_, col);
    if (p == nullptr || n <= 0) {
        return {};
    }
    return {static_cast<const char*>(p), static_cast<std::size_t>(n)};
}

std::optional<std::int64_t> Statement::columnOptInt(int col) const {
    if (isNull(col)) {
        return std::nullopt;
    }
    return columnInt(col);
}

std::optional<double> Statement::columnOptDouble(int col) const {
    if (isNull(col)) {
        return std::nullopt;
    }
    return columnDouble(col);
}

std::optional<std::string> Statement::columnOptText(int col) const {
    if (isNull(col)) {
        return std::nullopt;
    }
    return columnText(col);
}

void Connection::setBusyTimeout(std::chrono::milliseconds timeout) {
    sqlite3_busy_timeout(db_, static_cast<int>(timeout.count()));
}

bool Connection::inTransaction() const {
    return sqlite3_get_autocommit(db_) == 0;
}

Status Connection::copyTo(Connection& dest, std::string_view context) {
    sqlite3_backup* b = sqlite3_backup_init(dest.db_, "main", db_, "main");
    if (b == nullptr) {
        return Error::database(dest.errorMessage(context));
    }
    // One step of -1 pages copies everything under one read transaction of the source:
    // the copy is a consistent snapshot even while others write.
    const int rc = sqlite3_backup_step(b, -1);
    const int finish = sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE || finish != SQLITE_OK) {
        const int code = rc != SQLITE_DONE ? rc : finish;
        std::string m = "database '" + path_.string() + "': " + std::string(context) + ": " +
                        sqlite3_errstr(code);
        return errorFor(code, std::move(m));
    }
    return {};
}

Result<Transaction> Transaction::begin(Connection& conn) {
    const bool nested = conn.inTransaction();
    if (auto s = conn.exec(nested ? "SAVEPOINT hepdesk_tx" : "BEGIN IMMEDIATE"); !s) {
        return s.error();
    }
    return Transaction(&conn, nested);
}

Transaction::Transaction(Transaction&& other) noexcept
    : conn_(std::exchange(other.conn_, nullptr)), nested_(other.nested_) {}

Transaction::~Transaction() {
    if (conn_ != nullptr) {
        (void)conn_->exec(nested_ ? "ROLLBACK TO hepdesk_tx; RELEASE hepdesk_tx" : "ROLLBACK");
    }
}

Status Transaction::commit() {
    if (conn_ == nullptr) {
        return Error::internal("transaction already finished");
    }
    auto s = conn_->exec(nested_ ? "RELEASE hepdesk_tx" : "COMMIT");
    if (s) {
        conn_ = nullptr;
        return s;
    }
    if (!nested_ && s.error().kind == Error::Kind::Io) {
        // The disk failed while the commit was being made durable: the change may already be in
        // the write-ahead log, and it is then there for whoever opens the file next, although
        // this commit reports an error. Say so, so that nobody enters the record twice.
        return Error::io(s.error().message + kCommitInDoubt);
    }
    return s;
}

ReadTransaction::ReadTransaction(Connection& conn) {
    if (!conn.inTransaction() && conn.exec("BEGIN")) {
        conn_ = &conn;
    }
}

ReadTransaction::~ReadTransaction() {
    if (conn_ != nullptr) {
        (void)conn_->exec("COMMIT");
    }
}

} // namespace hepdesk::db
