#include "hepdesk/db/PgCopy.h"

#include "PgSearchIndex.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/PgSchema.h"
#include "hepdesk/db/Sqlite.h"

#include <charconv>

namespace hepdesk::db {
namespace {

enum class Kind { Int, Real, Text, Bool, Blob };
struct Column {
    const char* name;
    Kind kind;
};
struct Table {
    const char* name;
    std::vector<Column> columns;
    const char* order;
    bool identity; ///< its id comes from a sequence, to be moved past the copied ids
};

// Every table of schema 12, parents before children. A new schema version adds its tables
// and columns here (and the content comparison then covers them).
const std::vector<Table>& tables() {
    using K = Kind;
    static const std::vector<Table> kTables = {
        {"clinician",
         {{"id", K::Int},
          {"name", K::Text},
          {"credentials", K::Text},
          {"active", K::Bool},
          {"created_at", K::Text}},
         "id",
         true},
        {"clinic_settings",
         {{"id", K::Int},
          {"name", K::Text},
          {"address", K::Text},
          {"phone", K::Text},
          {"logo", K::Blob},
          {"logo_mime", K::Text},
          {"updated_at", K::Text},
          {"record_system", K::Text}},
         "id",
         false},
        {"patient",
         {{"id", K::Int},
          {"name", K::Text},
          {"birth_date", K::Text},
          {"record_number", K::Text},
          {"contact", K::Text},
          {"archived", K::Bool},
          {"created_at", K::Text},
          {"updated_at", K::Text}},
         "id",
         true},
        {"session",
         {{"id", K::Int},
          {"patient_id", K::Int},
          {"clinician_id", K::Int},
          {"started_at", K::Text},
          {"screening_json", K::Text},
          {"triage", K::Text},
          {"pain_now", K::Int},
          {"pain_best", K::Int},
          {"pain_worst", K::Int},
          {"odi_percent", K::Real},
          {"ndi_percent", K::Real},
          {"start_back_total", K::Int},
          {"start_back_psychosocial", K::Int},
          {"start_back_risk", K::Text},
          {"handout_language", K::Text},
          {"handout_large_print", K::Bool},
          {"handout_override_reason", K::Text},
          {"signed_at", K::Text},
          {"signed_by", K::Int},
          {"created_at", K::Text},
          {"seal", K::Text},
          {"seal_handouts", K::Int},
          {"signed_snapshot", K::Text},
          {"handout_override_kind", K::Text},
          {"handout_override_by", K::Int},
          {"handout_override_at", K::Text},
          {"row_version", K::Int}},
         "id",
         true},
        {"session_finding",
         {{"session_id", K::Int},
          {"position", K::Int},
          {"item_id", K::Text},
          {"rule_id", K::Text},
          {"level", K::Text},
          {"reason", K::Text}},
         "session_id, position",
         false},
        {"program_item",
         {{"session_id", K::Int},
          {"position", K::Int},
          {"exercise_id", K::Text},
          {"sets", K::Int},
          {"reps", K::Int},
          {"hold_seconds", K::Int},
          {"times_per_day", K::Int},
          {"per_side", K::Bool},
          {"note", K::Text},
          {"hold_unit", K::Text},
          {"days_per_week", K::Int},
          {"weeks", K::Int}},
         "session_id, position",
         false},
        {"handout",
         {{"id", K::Int},
          {"session_id", K::Int},
          {"sha256", K::Text},
          {"byte_size", K::Int},
          {"language", K::Text},
          {"large_print", K::Bool},
          {"created_at", K::Text}},
         "id",
         true},
        {"signed_handout",
         {{"session_id", K::Int}, {"sha256", K::Text}, {"pages", K::Int}, {"pdf", K::Blob}},
         "session_id",
         false},
        {"addendum",
         {{"id", K::Int},
          {"session_id", K::Int},
          {"clinician_id", K::Int},
          {"created_at", K::Text},
          {"text", K::Text}},
         "id",
         true},
        {"session_override",
         {{"id", K::Int},
          {"session_id", K::Int},
          {"clinician_id", K::Int},
          {"actor", K::Text},
          {"created_at", K::Text},
          {"reason", K::Text},
          {"kind", K::Text}},
         "id",
         true},
        {"custom_exercise",
         {{"id", K::Text},
          {"name", K::Text},
          {"json", K::Text},
          {"created_at", K::Text},
          {"updated_at", K::Text},
          {"photo", K::Blob},
          {"photo_mime", K::Text}},
         "id",
         false},
        {"audit_log",
         {{"id", K::Int},
          {"at", K::Text},
          {"actor", K::Text},
          {"action", K::Text},
          {"entity", K::Text},
          {"entity_id", K::Text},
          {"detail", K::Text},
          {"prev_hash", K::Text},
          {"hash", K::Text}},
         "id",
         true},
        {"session_seal_pending", {{"session_id", K::Int}}, "session_id", false},
        {"protocol",
         {{"id", K::Int}, {"name", K::Text}, {"created_at", K::Text}, {"updated_at", K::Text}},
         "id",
         true},
        {"protocol_exercise",
         {{"protocol_id", K::Int},
          {"position", K::Int},
          {"exercise_id", K::Text},
          {"sets", K::Int},
          {"reps", K::Int},
          {"hold_seconds", K::Int},
          {"times_per_day", K::Int},
          {"per_side", K::Bool},
          {"note", K::Text},
          {"hold_unit", K::Text},
          {"days_per_week", K::Int},
          {"weeks", K::Int}},
         "protocol_id, position",
         false},
        {"session_psfs",
         {{"session_id", K::Int}, {"position", K::Int}, {"activity", K::Text}, {"rating", K::Int}},
         "session_id, position",
         false},
        {"session_adherence",
         {{"session_id", K::Int},
          {"position", K::Int},
          {"exercise_id", K::Text},
          {"days_done", K::Int}},
         "session_id, position",
         false},
    };
    return kTables;
}

std::string columnList(const Table& t) {
    std::string out;
    for (const Column& c : t.columns) {
        out += (out.empty() ? "" : ", ") + std::string(c.name);
    }
    return out;
}

std::string realText(double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, ec == std::errc() ? end : buf);
}

/// One value as the content hash sees it: NULL and every value distinct, the same from
/// SQLite and from PostgreSQL (booleans 0/1, reals in shortest round-trip form).
void feed(std::string& acc, const std::optional<std::string>& v) {
    if (!v) {
        acc += "N;";
        return;
    }
    acc += std::to_string(v->size()) + ":" + *v + ";";
}

/// Row `st` of SQLite as canonical values.
std::vector<std::optional<std::string>> sqliteRow(const Statement& st, const Table& t) {
    std::vector<std::optional<std::string>> out;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const int col = static_cast<int>(i);
        if (st.isNull(col)) {
            out.emplace_back(std::nullopt);
            continue;
        }
        switch (t.columns[i].kind) {
        case Kind::Int:
            out.emplace_back(std::to_string(st.columnInt(col)));
            break;
        case Kind::Bool:
            out.emplace_back(st.columnInt(col) != 0 ? "1" : "0");
            break;
        case Kind::Real:
            out.emplace_back(realText(st.columnDouble(col)));
            break;
        case Kind::Text:
        case Kind::Blob:
            out.emplace_back(st.columnText(col));
            break;
        }
    }
    return out;
}

std::vector<std::optional<std::string>> serverRow(const PgResult& r, int row, const Table& t) {
    std::vector<std::optional<std::string>> out;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const int col = static_cast<int>(i);
        if (r.isNull(row, col)) {
            out.emplace_back(std::nullopt);
            continue;
        }
        switch (t.columns[i].kind) {
        case Kind::Int:
            out.emplace_back(std::to_string(r.int64(row, col)));
            break;
        case Kind::Bool:
            out.emplace_back(r.boolean(row, col) ? "1" : "0");
            break;
        case Kind::Real:
            out.emplace_back(realText(r.real(row, col)));
            break;
        case Kind::Text:
            out.emplace_back(r.text(row, col));
            break;
        case Kind::Blob:
            out.emplace_back(r.bytes(row, col));
            break;
        }
    }
    return out;
}

Status insertRow(PgConnection& to, const Table& t,
                 const std::vector<std::optional<std::string>>& values) {
    std::string sql = "INSERT INTO " + std::string(t.name) + "(" + columnList(t) + ") VALUES (";
    std::vector<PgParam> params;
    for (std::size_t i = 0; i < values.size(); ++i) {
        sql += (i > 0 ? ", $" : "$") + std::to_string(i + 1);
        const Kind k = t.columns[i].kind;
        if (!values[i]) {
            params.emplace_back();
        } else if (k == Kind::Bool) {
            params.emplace_back(*values[i] == "1");
        } else if (k == Kind::Blob) {
            params.push_back(PgParam::bytes(*values[i]));
        } else {
            params.emplace_back(*values[i]);
        }
    }
    auto r = to.exec(sql + ")", params);
    return r ? Status{} : Status{r.error()};
}

} // namespace

Result<std::vector<TableCopy>> copyToServer(Database& from, PgConnection& to) {
    auto version = pgSchemaVersion(to);
    if (!version) {
        return version.error();
    }
    if (from.schemaVersion() != Database::latestSchemaVersion()) {
        return Error::refused("'" + from.path().string() + "' is at schema " +
                              std::to_string(from.schemaVersion()) +
                              ": run 'hepdesk-cli db migrate' on it first");
    }
    if (auto s = pgMigrate(to); !s) {
        return s.error();
    }
    return PgTransaction::run(to, [&]() -> Result<std::vector<TableCopy>> {
        for (const Table& t : tables()) {
            auto n = to.exec("SELECT count(*) FROM " + std::string(t.name));
            if (!n) {
                return n.error();
            }
            if (n->int64(0, 0) > 0) {
                return Error::refused(to.label() + " already holds records (table " + t.name +
                                      "): copy into an empty database");
            }
        }
        std::vector<TableCopy> report;
        for (const Table& t : tables()) {
            // The rules of the record (signed sessions, append-only rows) stay on for every
            // workstation; the schema owner lifts them for this transaction to copy records
            // as they were written.
            if (auto s =
                    to.execScript("ALTER TABLE " + std::string(t.name) + " DISABLE TRIGGER USER");
                !s) {
                return s.error();
            }
            std::string source;
            std::int64_t rows = 0;
            auto st = Statement::on(from.connection(), "SELECT " + columnList(t) + " FROM " +
                                                           t.name + " ORDER BY " + t.order);
            Status copied{};
            if (auto s = st.forEachRow([&](const Statement& row) {
                    auto values = sqliteRow(row, t);
                    for (const auto& v : values) {
                        feed(source, v);
                    }
                    ++rows;
                    copied = insertRow(to, t, values);
                    return copied.ok();
                });
                !s) {
                return s.error();
            }
            if (!copied) {
                return Error::database("copying table " + std::string(t.name) + ": " +
                                       copied.error().message);
            }
            if (auto s =
                    to.execScript("ALTER TABLE " + std::string(t.name) + " ENABLE TRIGGER USER");
                !s) {
                return s.error();
            }
            if (t.identity) {
                if (auto r = to.exec("SELECT setval(pg_get_serial_sequence($1, 'id'), "
                                     "GREATEST((SELECT max(id) FROM " +
                                         std::string(t.name) + "), 1))",
                                     {t.name});
                    !r) {
                    return r.error();
                }
            }
            // Read back what the server now holds and compare with what was read.
            auto back =
                to.exec("SELECT " + columnList(t) + " FROM " + t.name + " ORDER BY " + t.order);
            if (!back) {
                return back.error();
            }
            std::string server;
            for (int i = 0; i < back->rows(); ++i) {
                for (const auto& v : serverRow(*back, i, t)) {
                    feed(server, v);
                }
            }
            const std::string a = sha256Hex(source);
            const std::string b = sha256Hex(server);
            if (back->rows() != rows || a != b) {
                return Error::database("copy of table " + std::string(t.name) +
                                       " does not match: " + std::to_string(rows) +
                                       " rows in the file, " + std::to_string(back->rows()) +
                                       " on the server; nothing was copied");
            }
            report.push_back(TableCopy{t.name, rows, a});
        }
        if (auto s = indexAllPatients(to); !s) {
            return s.error();
        }
        return report;
    });
}

} // namespace hepdesk::db
