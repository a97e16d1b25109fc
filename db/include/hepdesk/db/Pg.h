#pragma once

#include "hepdesk/core/Error.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace hepdesk::db {

/// Whether `target` (the value of `--db`) names a PostgreSQL server rather than a SQLite file:
/// a `postgresql://` or `postgres://` URI, or a libpq key=value string whose first keyword is
/// one libpq knows ("host=db.clinic dbname=hepdesk"). Anything else is a file path.
bool isServerTarget(std::string_view target);

/// `value` as a quoted libpq key=value value ('...', with ' and \ escaped).
std::string conninfoQuoted(std::string_view value);

/// `conninfo` (URI or key=value) aimed at database `dbname` of the same server, as a key=value
/// string; everything else it says (host, port, user, sslmode...) is kept.
std::string conninfoWithDatabase(std::string_view conninfo, std::string_view dbname);

/// One value sent with a parameterised statement ($1, $2, ...). Values always travel
/// separately from the SQL text: no statement is ever built by pasting a value into it.
struct PgParam {
    std::optional<std::string> value; ///< std::nullopt is SQL NULL
    bool binary = false;              ///< sent as raw bytes (bytea), not text

    static PgParam null() { return {}; }
    static PgParam bytes(std::string_view b) { return {std::string(b), true}; }
    PgParam() = default;
    PgParam(std::optional<std::string> v, bool b) : value(std::move(v)), binary(b) {}
    PgParam(std::string_view v) : value(std::string(v)) {} // NOLINT(google-explicit-constructor)
    PgParam(const std::string& v) : value(v) {}            // NOLINT(google-explicit-constructor)
    PgParam(const char* v) : value(std::string(v)) {}      // NOLINT(google-explicit-constructor)
    PgParam(std::int64_t v) : value(std::to_string(v)) {}  // NOLINT(google-explicit-constructor)
    PgParam(int v) : value(std::to_string(v)) {}           // NOLINT(google-explicit-constructor)
    PgParam(bool v) : value(v ? "true" : "false") {}       // NOLINT(google-explicit-constructor)
    PgParam(double v);                                     // NOLINT(google-explicit-constructor)
    template <class T>
    PgParam(const std::optional<T>& v) // NOLINT(google-explicit-constructor)
        : PgParam(v ? PgParam(*v) : PgParam()) {}
};

/// Owns one PGresult of a statement that succeeded. Rows and columns are 0-based; results
/// come as text, bytea decoded to its bytes by bytes().
class PgResult {
public:
    PgResult(PgResult&& other) noexcept;
    PgResult& operator=(PgResult&& other) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;
    ~PgResult();

    [[nodiscard]] int rows() const;
    [[nodiscard]] int columns() const;
    /// Rows changed by an INSERT, UPDATE or DELETE.
    [[nodiscard]] std::int64_t affected() const;
    [[nodiscard]] bool isNull(int row, int col) const;
    [[nodiscard]] std::string text(int row, int col) const;
    [[nodiscard]] std::int64_t int64(int row, int col) const;
    [[nodiscard]] double real(int row, int col) const;
    [[nodiscard]] bool boolean(int row, int col) const;
    /// A bytea column's bytes.
    [[nodiscard]] std::string bytes(int row, int col) const;
    [[nodiscard]] std::optional<std::string> optText(int row, int col) const;
    [[nodiscard]] std::optional<std::int64_t> optInt64(int row, int col) const;
    [[nodiscard]] std::optional<double> optReal(int row, int col) const;

private:
    friend class PgConnection;
    explicit PgResult(pg_result* r) : r_(r) {}
    pg_result* r_ = nullptr;
};

/// Owns one libpq connection to a HepDesk server database. Failures become Error values that
/// name the server as "server HOST:PORT/DB" (never a password), with PostgreSQL's message:
///  - a rule of the database (a trigger's RAISE, a missing privilege) is Refused;
///  - a lost connection is Io and says the change was not saved and to try again;
///  - everything else is Database.
/// The SQLSTATE of the last failure is kept for callers that retry (40001, 40P01).
class PgConnection {
public:
    /// Connects to `conninfo` (a URI or key=value string; libpq reads ~/.pgpass and the PG*
    /// environment for what it leaves out), as application "hepdesk", client encoding UTF-8.
    static Result<PgConnection> connect(std::string_view conninfo);

    PgConnection(PgConnection&& other) noexcept;
    PgConnection& operator=(PgConnection&& other) noexcept;
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;
    ~PgConnection();

    /// Runs one statement with its values as parameters ($1, $2, ...).
    Result<PgResult> exec(std::string_view sql, const std::vector<PgParam>& params);
    Result<PgResult> exec(std::string_view sql, std::initializer_list<PgParam> params = {}) {
        return exec(sql, std::vector<PgParam>(params));
    }
    /// After a lost connection (the server restarted, the network dropped), connects again
    /// with the same settings; Io when the server still does not answer. Called before each
    /// transaction, so a retry by the person works once the server is back.
    Status reconnectIfLost();
    /// Runs a script of several statements without parameters (schema migrations only).
    Status execScript(std::string_view sql);

    /// The SCRAM-SHA-256 verifier of `password` for role `role`, computed here (libpq), so a
    /// new login's password never travels to or rests on the server as text.
    Result<std::string> scramVerifier(std::string_view role, std::string_view password);

    /// "server HOST:PORT/DB", for messages.
    [[nodiscard]] const std::string& label() const { return label_; }
    /// The role this connection logged in as (session_user).
    [[nodiscard]] const std::string& user() const { return user_; }
    /// SQLSTATE of the most recent failure ("" when it had none, e.g. a lost connection).
    [[nodiscard]] const std::string& lastSqlState() const { return sqlState_; }
    [[nodiscard]] bool inTransaction() const;
    [[nodiscard]] pg_conn* handle() const { return c_; }

private:
    friend class PgTransaction;
    explicit PgConnection(pg_conn* c);
    Error failure(std::string_view context, pg_result* r);
    pg_conn* c_ = nullptr;
    std::string label_;
    std::string user_;
    std::string sqlState_;
};

/// BEGIN on construction (with the isolation level asked), ROLLBACK on destruction unless
/// commit() succeeded. Not nestable: HepDesk's server writes are one transaction each.
class PgTransaction {
public:
    enum class Isolation { ReadCommitted, RepeatableRead, Serializable };
    static Result<PgTransaction> begin(PgConnection& conn,
                                       Isolation isolation = Isolation::ReadCommitted);
    PgTransaction(PgTransaction&& other) noexcept;
    PgTransaction& operator=(PgTransaction&&) = delete;
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    ~PgTransaction();

    Status commit();

    /// Runs `body` (returning a Status or a Result) in one transaction and commits; when
    /// PostgreSQL answers that the transaction must be retried (SQLSTATE 40001 serialization
    /// failure, 40P01 deadlock) it runs the whole transaction again, up to `kAttempts` times.
    /// Any other failure rolls back and is returned.
    template <class F>
    static std::invoke_result_t<F&> run(PgConnection& conn, F&& body,
                                        Isolation isolation = Isolation::ReadCommitted);
    static constexpr int kAttempts = 8;
    /// Whether the last failure on `conn` asks for the transaction to be run again.
    static bool shouldRetry(const PgConnection& conn);

private:
    explicit PgTransaction(PgConnection* c) : conn_(c) {}
    PgConnection* conn_ = nullptr;
};

template <class F>
std::invoke_result_t<F&> PgTransaction::run(PgConnection& conn, F&& body, Isolation isolation) {
    for (int attempt = 1;; ++attempt) {
        auto tx = begin(conn, isolation);
        if (!tx) {
            return tx.error();
        }
        auto result = body();
        if (result) {
            if (auto s = tx->commit(); !s) {
                if (attempt < kAttempts && shouldRetry(conn)) {
                    continue;
                }
                return s.error();
            }
            return result;
        }
        if (attempt < kAttempts && shouldRetry(conn)) {
            continue; // ~PgTransaction rolls back before the next attempt
        }
        return result;
    }
}

} // namespace hepdesk::db
