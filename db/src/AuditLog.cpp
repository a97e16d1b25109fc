#include "hepdesk/db/AuditLog.h"

#include "hepdesk/core/Clock.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/db/Database.h"

#include <array>
#include <pwd.h>
#include <unistd.h>

namespace hepdesk::db {
namespace {

/// Schema version from which audit rows are hash-chained.
constexpr int kChainedSchema = 6;

void appendHex(std::string& out, const char* prefix, unsigned value, int digits) {
    static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                  '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    out += prefix;
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
        out += kHex.at((value >> static_cast<unsigned>(shift)) & 0xFU);
    }
}

/// Length of the well-formed UTF-8 sequence starting at `i` (1 to 4), or 0 when there is none.
std::size_t utf8Length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b = byte(i);
    std::size_t n = 0;
    unsigned lo = 0x80;
    unsigned hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        n = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        lo = b == 0xE0 ? 0xA0 : 0x80;
        hi = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        lo = b == 0xF0 ? 0x90 : 0x80;
        hi = b == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (i + n > s.size() || byte(i + 1) < lo || byte(i + 1) > hi) {
        return 0;
    }
    for (std::size_t k = 2; k < n; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) {
            return 0;
        }
    }
    return n;
}

} // namespace

std::string escapeAuditText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            switch (b) {
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\\':
                out += "\\\\";
                break;
            default:
                if (b < 0x20 || b == 0x7F) {
                    appendHex(out, "\\x", b, 2);
                } else {
                    out += static_cast<char>(b);
                }
            }
            ++i;
            continue;
        }
        const std::size_t n = utf8Length(text, i);
        if (n == 0) {
            appendHex(out, "\\x", b, 2); // not UTF-8: the byte, visibly
            ++i;
        } else if (n == 2 && b == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
            appendHex(out, "\\u", static_cast<unsigned char>(text[i + 1]), 4); // C1 control
            i += 2;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string operatingSystemUser() {
    const uid_t uid = ::geteuid();
    std::string name;
    // getpwuid_r: the password database (or NSS), not $USER/$LOGNAME, which the caller sets.
    std::array<char, 4096> buffer{};
    passwd entry{};
    passwd* found = nullptr;
    if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found != nullptr &&
        found->pw_name != nullptr) {
        name = found->pw_name;
    }
    const std::string id = "uid " + std::to_string(uid);
    return name.empty() ? id : escapeAuditText(name) + " (" + id + ")";
}

std::string auditRowHash(std::string_view prevHash, const AuditEntry& row) {
    std::string input;
    const auto field = [&](std::string_view v) {
        input += std::to_string(v.size());
        input += ':';
        input += v;
    };
    field(prevHash);
    field(std::to_string(row.id));
    for (const std::string* v :
         {&row.at, &row.actor, &row.action, &row.entity, &row.entityId, &row.detail}) {
        field(*v);
    }
    return sha256Hex(input);
}

Result<std::int64_t> appendChained(Connection& conn, AuditEntry entry) {
    for (std::string* v :
         {&entry.at, &entry.actor, &entry.action, &entry.entity, &entry.entityId, &entry.detail}) {
        *v = escapeAuditText(*v);
    }
    return Transaction::run(conn, [&]() -> Result<std::int64_t> {
        struct Last {
            std::int64_t id;
            std::string hash;
        };
        auto last = Statement::on(conn, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
                        .queryOptional([](const Statement& st) {
                            return Last{st.columnInt(0), st.columnText(1)};
                        });
        if (!last) {
            return last.error();
        }
        const std::string prev = *last ? (*last)->hash : std::string();
        entry.id = *last ? (*last)->id + 1 : 1;
        const std::string hash = auditRowHash(prev, entry);
        return Statement::on(conn, "INSERT INTO audit_log(id, at, actor, action, entity, "
                                   "entity_id, detail, prev_hash, hash) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            .bindAll(entry.id, entry.at, entry.actor, entry.action, entry.entity, entry.entityId,
                     entry.detail, prev, hash)
            .insert();
    });
}

Result<std::int64_t> SqliteAuditLog::append(AuditEntry entry) {
    if (entry.at.empty()) {
        entry.at = isoDateTime(Clock::current().now());
    }
    if (entry.actor.empty()) {
        entry.actor = db_.actor();
    }
    if (db_.schemaVersion() >= kChainedSchema) {
        return appendChained(db_.connection(), std::move(entry));
    }
    // An older file opened without migrating (tests build them): no chain columns yet.
    for (std::string* v :
         {&entry.at, &entry.actor, &entry.action, &entry.entity, &entry.entityId, &entry.detail}) {
        *v = escapeAuditText(*v);
    }
    return Statement::on(db_.connection(), "INSERT INTO audit_log(at, actor, action, entity, "
                                           "entity_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bindAll(entry.at, entry.actor, entry.action, entry.entity, entry.entityId, entry.detail)
        .insert();
}
Status SqliteAuditLog::record(Database& db, std::string_view action, std::string_view entity,
                              std::int64_t entityId, std::string_view detail) {
    return record(db, action, entity, std::to_string(entityId), detail);
}

Status SqliteAuditLog::record(Database& db, std::string_view action, std::string_view entity,
                              std::string_view entityId, std::string_view detail) {
    SqliteAuditLog log(db);
    auto r = log.append(AuditEntry{0, "", "", std::string(action), std::string(entity),
                                   std::string(entityId), std::string(detail)});
    if (!r) {
        return r.error();
    }
    return {};
}

Result<std::int64_t> SqliteAuditLog::insertRecorded(Database& db, Statement& insert,
                                                    std::string_view action,
                                                    std::string_view entity) {
    return Transaction::run(db.connection(), [&]() -> Result<std::int64_t> {
        auto id = insert.insert();
        if (!id) {
            return id;
        }
        if (auto s = record(db, action, entity, *id); !s) {
            return s.error();
        }
        return id;
    });
}

Result<std::vector<AuditEntry>> SqliteAuditLog::list(const Query& query) {
    return Statement::on(db_.connection(),
                         "SELECT id, at, actor, action, entity, entity_id, detail "
                         "FROM audit_log WHERE (?1 = '' OR entity = ?1) "
                         "AND (?2 = '' OR entity_id = ?2) ORDER BY id DESC LIMIT ?3")
        .bindAll(query.entity, query.entityId, query.limit)
        .queryAll([](const Statement& st) {
            return AuditEntry{st.columnInt(0),  st.columnText(1), st.columnText(2),
                              st.columnText(3), st.columnText(4), st.columnText(5),
                              st.columnText(6)};
        });
}

} // namespace hepdesk::db
