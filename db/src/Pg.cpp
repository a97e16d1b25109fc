#include "hepdesk/db/Pg.h"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <libpq-fe.h>
#include <memory>
#include <utility>

namespace hepdesk::db {
namespace {

/// libpq's own list of connection keywords ("host", "dbname", "sslmode", ...).
bool isLibpqKeyword(std::string_view word) {
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> opts(PQconndefaults(),
                                                                      &PQconninfoFree);
    if (!opts) {
        return false;
    }
    for (const PQconninfoOption* o = opts.get(); o->keyword != nullptr; ++o) {
        if (word == o->keyword) {
            return true;
        }
    }
    return false;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) {
        s.remove_suffix(1);
    }
    return std::string(s);
}

/// The server's "permission denied for table T" (42501) in plain words: what the login `user`
/// may not change and who can. The server's own words stay at the end for an administrator.
std::string permissionDenied(const std::string& msg, const std::string& user) {
    struct Table {
        std::string_view name;
        std::string_view what;
        bool adminOnly; ///< else nobody changes it: the record is kept as written
    };
    static constexpr Table kTables[] = {
        {"clinic_settings", "the clinic's details", true},
        {"custom_exercise", "the clinic exercises", true},
        {"clinician", "the clinic's clinicians", true},
        {"hepdesk_add_login", "the clinic's clinicians and their logins", true},
        {"audit_log", "the audit log", false},
        {"addendum", "an addendum", false},
        {"session_override", "an override given after signing", false},
        {"signed_handout", "the handout kept at signing", false},
        {"handout", "a handout record", false},
    };
    const std::string::size_type space = msg.rfind(' ');
    const std::string object = space == std::string::npos ? std::string() : msg.substr(space + 1);
    for (const Table& t : kTables) {
        if (object != t.name) {
            continue;
        }
        if (t.adminOnly) {
            std::string text = "your login '" + user + "' may not change " + std::string(t.what);
            text += " on this clinic server: only the clinic's administrator can (" + msg + ")";
            return text;
        }
        return std::string(t.what) +
               " is kept as it was written: no login may change or remove it (" + msg + ")";
    }
    return "your login '" + user +
           "' may not do this on this clinic server; ask the clinic's administrator (" + msg + ")";
}

/// "server HOST:PORT/DB" from a conninfo that may not connect (no password in it, ever).
std::string labelOf(std::string_view conninfo) {
    char* err = nullptr;
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> opts(
        PQconninfoParse(std::string(conninfo).c_str(), &err), &PQconninfoFree);
    if (err != nullptr) {
        PQfreemem(err);
    }
    std::string host = "localhost";
    std::string port = "5432";
    std::string dbname;
    if (opts) {
        for (const PQconninfoOption* o = opts.get(); o->keyword != nullptr; ++o) {
            if (o->val == nullptr || *o->val == '\0') {
                continue;
            }
            std::string_view k = o->keyword;
            if (k == "host" || (k == "hostaddr" && host == "localhost")) {
                host = o->val;
            } else if (k == "port") {
                port = o->val;
            } else if (k == "dbname") {
                dbname = o->val;
            }
        }
    }
    return "server " + host + ":" + port + "/" + dbname;
}

void ignoreNotice(void* /*arg*/, const char* /*message*/) {
    // NOTICEs ("relation already exists, skipping") are not for a clinician's terminal.
}

} // namespace

bool isServerTarget(std::string_view target) {
    if (target.starts_with("postgresql://") || target.starts_with("postgres://")) {
        return true;
    }
    std::size_t i = 0;
    while (i < target.size() && std::isspace(static_cast<unsigned char>(target[i])) != 0) {
        ++i;
    }
    std::size_t start = i;
    while (i < target.size() &&
           (std::islower(static_cast<unsigned char>(target[i])) != 0 || target[i] == '_')) {
        ++i;
    }
    std::string_view word = target.substr(start, i - start);
    while (i < target.size() && target[i] == ' ') {
        ++i;
    }
    return !word.empty() && i < target.size() && target[i] == '=' && isLibpqKeyword(word);
}

std::string conninfoQuoted(std::string_view value) {
    std::string out = "'";
    for (char ch : value) {
        if (ch == '\'' || ch == '\\') {
            out += '\\';
        }
        out += ch;
    }
    return out + "'";
}

std::string conninfoWithDatabase(std::string_view conninfo, std::string_view dbname) {
    char* err = nullptr;
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> opts(
        PQconninfoParse(std::string(conninfo).c_str(), &err), &PQconninfoFree);
    if (err != nullptr) {
        PQfreemem(err);
    }
    std::string out;
    if (opts) {
        for (const PQconninfoOption* o = opts.get(); o->keyword != nullptr; ++o) {
            if (o->val != nullptr && *o->val != '\0' && std::string_view(o->keyword) != "dbname") {
                out += std::string(o->keyword) + "=" + conninfoQuoted(o->val) + " ";
            }
        }
    }
    return out + "dbname=" + conninfoQuoted(dbname);
}

PgParam::PgParam(double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    value = std::string(buf, ec == std::errc() ? end : buf);
}

// --- PgResult ---------------------------------------------------------------------------

PgResult::PgResult(PgResult&& other) noexcept : r_(std::exchange(other.r_, nullptr)) {}

PgResult& PgResult::operator=(PgResult&& other) noexcept {
    if (this != &other) {
        if (r_ != nullptr) {
            PQclear(r_);
        }
        r_ = std::exchange(other.r_, nullptr);
    }
    return *this;
}

PgResult::~PgResult() {
    if (r_ != nullptr) {
        PQclear(r_);
    }
}

int PgResult::rows() const {
    return PQntuples(r_);
}
int PgResult::columns() const {
    return PQnfields(r_);
}
std::int64_t PgResult::affected() const {
    const char* n = PQcmdTuples(r_);
    return (n == nullptr || *n == '\0') ? 0 : std::strtoll(n, nullptr, 10);
}
bool PgResult::isNull(int row, int col) const {
    return PQgetisnull(r_, row, col) != 0;
}
std::string PgResult::text(int row, int col) const {
    return std::string(PQgetvalue(r_, row, col),
                       static_cast<std::size_t>(PQgetlength(r_, row, col)));
}
std::int64_t PgResult::int64(int row, int col) const {
    return std::strtoll(PQgetvalue(r_, row, col), nullptr, 10);
}
double PgResult::real(int row, int col) const {
    return std::strtod(PQgetvalue(r_, row, col), nullptr);
}
bool PgResult::boolean(int row, int col) const {
    return PQgetvalue(r_, row, col)[0] == 't';
}
std::string PgResult::bytes(int row, int col) const {
    std::size_t n = 0;
    unsigned char* raw =
        PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(r_, row, col)), &n);
    if (raw == nullptr) {
        return {};
    }
    std::string out(reinterpret_cast<const char*>(raw), n);
    PQfreemem(raw);
    return out;
}
std::optional<std::string> PgResult::optText(int row, int col) const {
    return isNull(row, col) ? std::nullopt : std::optional(text(row, col));
}
std::optional<std::int64_t> PgResult::optInt64(int row, int col) const {
    return isNull(row, col) ? std::nullopt : std::optional(int64(row, col));
}
std::optional<double> PgResult::optReal(int row, int col) const {
    return isNull(row, col) ? std::nullopt : std::optional(real(row, col));
}

// --- PgConnection -----------------------------------------------------------------------

Result<PgConnection> PgConnection::connect(std::string_view conninfo) {
    const std::string info(conninfo);
    // Keywords before "dbname" are defaults the target may override; the one after is ours.
    // JIT compilation off: HepDesk's statements are short, and the planner's cost estimate of
    // a patient search can pass jit_above_cost, where compiling takes seconds for a query
    // that runs in milliseconds.
    const char* keys[] = {"application_name", "connect_timeout", "options",
                          "dbname",           "client_encoding", nullptr};
    const char* connectTimeout = std::getenv("PGCONNECT_TIMEOUT");
    const char* values[] = {"hepdesk",    connectTimeout != nullptr ? connectTimeout : "10",
                            "-c jit=off", info.c_str(),
                            "UTF8",       nullptr};
    pg_conn* c = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
    if (c == nullptr) {
        return Error::database(labelOf(conninfo) + ": out of memory while connecting");
    }
    if (PQstatus(c) != CONNECTION_OK) {
        std::string msg = trimmed(PQerrorMessage(c));
        PQfinish(c);
        return Error::database("cannot connect to " + labelOf(conninfo) + ": " + msg);
    }
    PQsetNoticeProcessor(c, ignoreNotice, nullptr);
    return PgConnection(c);
}

PgConnection::PgConnection(pg_conn* c) : c_(c) {
    const char* host = PQhost(c);
    const char* port = PQport(c);
    const char* db = PQdb(c);
    const char* user = PQuser(c);
    label_ = std::string("server ") + (host != nullptr ? host : "") + ":" +
             (port != nullptr ? port : "") + "/" + (db != nullptr ? db : "");
    user_ = user != nullptr ? user : "";
}

PgConnection::PgConnection(PgConnection&& other) noexcept
    : c_(std::exchange(other.c_, nullptr)), label_(std::move(other.label_)),
      user_(std::move(other.user_)), sqlState_(std::move(other.sqlState_)) {}

PgConnection& PgConnection::operator=(PgConnection&& other) noexcept {
    if (this != &other) {
        if (c_ != nullptr) {
            PQfinish(c_);
        }
        c_ = std::exchange(other.c_, nullptr);
        label_ = std::move(other.label_);
        user_ = std::move(other.user_);
        sqlState_ = std::move(other.sqlState_);
    }
    return *this;
}

PgConnection::~PgConnection() {
    if (c_ != nullptr) {
        PQfinish(c_);
    }
}

bool PgConnection::inTransaction() const {
    const auto s = PQtransactionStatus(c_);
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

Error PgConnection::failure(std::string_view context, pg_result* r) {
    const char* state = r != nullptr ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    sqlState_ = state != nullptr ? state : "";
    std::string msg;
    if (r != nullptr) {
        const char* primary = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
        msg = primary != nullptr ? primary : trimmed(PQresultErrorMessage(r));
    }
    if (msg.empty()) {
        msg = trimmed(PQerrorMessage(c_));
    }
    if (r != nullptr) {
        PQclear(r);
    }
    std::string where = label_;
    if (!context.empty()) {
        where += " (" + std::string(context) + ")";
    }
    if (PQstatus(c_) == CONNECTION_BAD) {
        sqlState_.clear();
        return Error::io(where + ": lost the connection to the server (" + msg +
                         "); the change was not saved: check the network and try again");
    }
    // P0001: a trigger's RAISE (a rule of the record); 42501: the role may not do this.
    if (sqlState_ == "42501") {
        return Error::refused(where + ": " + permissionDenied(msg, user_));
    }
    if (sqlState_ == "P0001") {
        return Error::refused(where + ": " + msg);
    }
    // 40001, 40P01: retried inside PgTransaction::run; this is what a person reads when every
    // attempt met another computer writing the same records.
    if (sqlState_ == "40001" || sqlState_ == "40P01") {
        return Error::database(where +
                               ": other computers were saving the same records at the "
                               "same moment (" +
                               msg + "); nothing was saved: save again");
    }
    return Error::database(where + ": " + msg);
}

Result<PgResult> PgConnection::exec(std::string_view sql, const std::vector<PgParam>& params) {
    std::vector<const char*> values(params.size());
    std::vector<int> lengths(params.size());
    std::vector<int> formats(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
        values[i] = params[i].value ? params[i].value->data() : nullptr;
        lengths[i] = params[i].value ? static_cast<int>(params[i].value->size()) : 0;
        formats[i] = params[i].binary ? 1 : 0;
    }
    pg_result* r = PQexecParams(c_, std::string(sql).c_str(), static_cast<int>(params.size()),
                                nullptr, values.data(), lengths.data(), formats.data(), 0);
    const auto status = r != nullptr ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        return failure({}, r);
    }
    sqlState_.clear();
    return PgResult(r);
}

Status PgConnection::execScript(std::string_view sql) {
    pg_result* r = PQexec(c_, std::string(sql).c_str());
    const auto status = r != nullptr ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        return failure({}, r);
    }
    PQclear(r);
    sqlState_.clear();
    return {};
}

Result<std::string> PgConnection::scramVerifier(std::string_view role, std::string_view password) {
    char* v = PQencryptPasswordConn(c_, std::string(password).c_str(), std::string(role).c_str(),
                                    "scram-sha-256");
    if (v == nullptr) {
        return Error::database(label_ +
                               ": cannot prepare the password: " + trimmed(PQerrorMessage(c_)));
    }
    std::string out(v);
    PQfreemem(v);
    return out;
}

// --- PgTransaction ----------------------------------------------------------------------

Status PgConnection::reconnectIfLost() {
    if (PQstatus(c_) != CONNECTION_BAD) {
        return {};
    }
    // Only between transactions (PgTransaction::begin): a transaction cut off by a lost
    // connection is gone whole on the server, and nothing of it is ever run again here.
    PQreset(c_);
    if (PQstatus(c_) != CONNECTION_OK) {
        return Error::io(label_ + ": the server does not answer (" + trimmed(PQerrorMessage(c_)) +
                         "); nothing was saved: try again when it is back");
    }
    PQsetNoticeProcessor(c_, ignoreNotice, nullptr);
    return {};
}

Result<PgTransaction> PgTransaction::begin(PgConnection& conn, Isolation isolation) {
    if (auto s = conn.reconnectIfLost(); !s) {
        return s.error();
    }
    const char* sql = "BEGIN ISOLATION LEVEL READ COMMITTED";
    if (isolation == Isolation::RepeatableRead) {
        sql = "BEGIN ISOLATION LEVEL REPEATABLE READ";
    } else if (isolation == Isolation::Serializable) {
        sql = "BEGIN ISOLATION LEVEL SERIALIZABLE";
    }
    if (auto r = conn.exec(sql); !r) {
        return r.error();
    }
    return PgTransaction(&conn);
}

PgTransaction::PgTransaction(PgTransaction&& other) noexcept
    : conn_(std::exchange(other.conn_, nullptr)) {}

PgTransaction::~PgTransaction() {
    if (conn_ != nullptr && conn_->inTransaction()) {
        // Keep the failure's SQLSTATE for the caller: ROLLBACK succeeding would clear it.
        std::string state = conn_->sqlState_;
        (void)conn_->exec("ROLLBACK");
        conn_->sqlState_ = std::move(state);
    }
}

Status PgTransaction::commit() {
    PgConnection* c = std::exchange(conn_, nullptr);
    if (auto r = c->exec("COMMIT"); !r) {
        if (c->inTransaction()) {
            std::string state = c->sqlState_;
            (void)c->exec("ROLLBACK");
            c->sqlState_ = std::move(state);
        }
        return r.error();
    }
    return {};
}

bool PgTransaction::shouldRetry(const PgConnection& conn) {
    return conn.lastSqlState() == "40001" || conn.lastSqlState() == "40P01";
}

} // namespace hepdesk::db
