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
