#include "hepdesk/db/AuditLog.h"

#include "hepdesk/core/Clock.h"
#include "hepdesk/db/Database.h"

namespace hepdesk::db {

Result<std::int64_t> SqliteAuditLog::append(AuditEntry entry) {
    if (entry.at.empty()) {
        entry.at = isoDateTime(Clock::current().now());
    }
    if (entry.actor.empty()) {
        entry.actor = db_.actor();
    }
    auto st = Statement::prepare(db_.connection(),
                                 "INSERT INTO audit_log(at, actor, action, entity, entity_id, "
                                 "detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!st) {
        return st.error();
    }
    st->bind(1, entry.at)
        .bind(2, entry.actor)
        .bind(3, entry.action)
        .bind(4, entry.entity)
        .bind(5, entry.entityId)
        .bind(6, entry.detail);
    if (auto s = st->run(); !s) {
        return s.error();
    }
    return db_.connection().lastInsertRowId();
}

Status SqliteAuditLog::record(Database& db, std::string_view action, std::string_view entity,
                              std::int64_t entityId, std::string_view detail) {
    SqliteAuditLog log(db);
    AuditEntry e;
    e.action = action;
    e.entity = entity;
    e.entityId = std::to_string(entityId);
    e.detail = detail;
    auto r = log.append(std::move(e));
    if (!r) {
        return r.error();
    }
    return {};
}

Result<std::vector<AuditEntry>> SqliteAuditLog::list(const Query& query) {
    auto st = Statement::prepare(db_.connection(),
                                 "SELECT id, at, actor, action, entity, entity_id, detail "
                                 "FROM audit_log WHERE (?1 = '' OR entity = ?1) "
                                 "AND (?2 = '' OR entity_id = ?2) ORDER BY id DESC LIMIT ?3");
    if (!st) {
        return st.error();
    }
    st->bind(1, query.entity).bind(2, query.entityId).bind(3, query.limit);
    std::vector<AuditEntry> out;
    for (;;) {
        auto row = st->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        out.push_back(AuditEntry{st->columnInt(0), st->columnText(1), st->columnText(2),
                                 st->columnText(3), st->columnText(4), st->columnText(5),
                                 st->columnText(6)});
    }
    return out;
}

} // namespace hepdesk::db
