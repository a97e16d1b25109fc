#include "PgInternal.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/PgRepositories.h"

namespace hepdesk::db {

// A transaction-long advisory lock makes appends from every workstation take turns, so each
// row chains to the one before.
Result<std::int64_t> pgAppendAudit(PgConnection& c, AuditEntry entry) {
    for (std::string* v :
         {&entry.at, &entry.actor, &entry.action, &entry.entity, &entry.entityId, &entry.detail}) {
        *v = escapeAuditText(*v);
    }
    if (auto r = c.exec("SELECT pg_advisory_xact_lock(4847, 4551)"); !r) {
        return r.error();
    }
    auto last = c.exec("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (!last) {
        return last.error();
    }
    const bool any = last->rows() > 0;
    const std::string prev = any ? last->text(0, 1) : std::string();
    entry.id = any ? last->int64(0, 0) + 1 : 1;
    const std::string hash = auditRowHash(prev, entry);
    auto r = c.exec("INSERT INTO audit_log(id, at, actor, action, entity, entity_id, detail, "
                    "prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    {entry.id, entry.at, entry.actor, entry.action, entry.entity, entry.entityId,
                     entry.detail, prev, hash});
    if (!r) {
        return r.error();
    }
    return entry.id;
}

Result<std::int64_t> PgAuditLog::append(AuditEntry entry) {
    if (entry.at.empty()) {
        entry.at = isoDateTime(Clock::current().now());
    }
    if (entry.actor.empty()) {
        entry.actor = db_.actor();
    }
    return PgTransaction::run(db_.connection(),
                              [&] { return pgAppendAudit(db_.connection(), entry); });
}

Status PgAuditLog::record(PgDatabase& db, std::string_view action, std::string_view entity,
                          std::string_view entityId, std::string_view detail) {
    auto r = pgAppendAudit(db.connection(),
                           AuditEntry{0, isoDateTime(Clock::current().now()), db.actor(),
                                      std::string(action), std::string(entity),
                                      std::string(entityId), std::string(detail)});
    return r ? Status{} : Status{r.error()};
}

Result<std::vector<AuditEntry>> PgAuditLog::list(const Query& query) {
    auto r = db_.connection().exec("SELECT id, at, actor, action, entity, entity_id, detail "
                                   "FROM audit_log WHERE ($1 = '' OR entity = $1) "
                                   "AND ($2 = '' OR entity_id = $2) ORDER BY id DESC LIMIT $3",
                                   {query.entity, query.entityId, query.limit});
    if (!r) {
        return r.error();
    }
    std::vector<AuditEntry> out;
    for (int i = 0; i < r->rows(); ++i) {
        out.push_back(AuditEntry{r->int64(i, 0), r->text(i, 1), r->text(i, 2), r->text(i, 3),
                                 r->text(i, 4), r->text(i, 5), r->text(i, 6)});
    }
    return out;
}

} // namespace hepdesk::db
