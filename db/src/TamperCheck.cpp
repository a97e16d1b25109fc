#include "hepdesk/db/TamperCheck.h"

#include "RecordSeals.h"
#include "SessionRead.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Database.h"

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>

namespace hepdesk::db {
namespace {

/// Leaves out object members that carry nothing (null, "", [], {}), at every depth, so
/// "absent" and "empty" hash alike: a field a later version adds does not break the seals
/// made before it existed. Array elements keep their positions.
void prune(nlohmann::json& j) {
    if (j.is_array()) {
        for (auto& e : j) {
            prune(e);
        }
        return;
    }
    if (!j.is_object()) {
        return;
    }
    for (auto it = j.begin(); it != j.end();) {
        prune(*it);
        const bool empty = it->is_null() || ((it->is_array() || it->is_object()) && it->empty()) ||
                           (it->is_string() && it->get_ref<const std::string&>().empty());
        it = empty ? j.erase(it) : std::next(it);
    }
}

/// Runs `body` with the named triggers dropped, then creates them again from their own SQL
/// text, in the caller's transaction: the schema after is exactly the schema before.
template <class F>
Status withTriggersDropped(Connection& c, std::initializer_list<const char*> names, F&& body) {
    std::vector<std::string> kept;
    for (const char* name : names) {
        auto sql = Statement::on(c, "SELECT sql FROM sqlite_schema "
                                    "WHERE type = 'trigger' AND name = ?1")
                       .bindAll(name)
                       .queryOptional([](const Statement& st) { return st.columnText(0); });
        if (!sql) {
            return sql.error();
        }
        if (*sql) {
            kept.push_back(**sql);
            if (auto s = c.exec(std::string("DROP TRIGGER ") + name); !s) {
                return s;
            }
        }
    }
    if (auto s = body(); !s) {
        return s;
    }
    for (const std::string& sql : kept) {
        if (auto s = c.exec(sql); !s) {
            return s;
        }
    }
    return {};
}

struct AuditRow {
    AuditEntry entry;
    std::string prevHash;
    std::string hash;
};

Result<std::vector<AuditRow>> auditRows(Connection& c) {
    return Statement::on(c, "SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, "
                            "hash FROM audit_log ORDER BY id")
        .queryAll([](const Statement& st) {
            return AuditRow{AuditEntry{st.columnInt(0), st.columnText(1), st.columnText(2),
                                       st.columnText(3), st.columnText(4), st.columnText(5),
                                       st.columnText(6)},
                            st.columnText(7), st.columnText(8)};
        });
}

struct SealedRow {
    std::int64_t id = 0;
    bool isSigned = false;
    std::optional<std::string> seal;
    std::int64_t handouts = 0;
    bool pending = false;
};

/// The PDF kept at signing must still be the bytes fingerprinted then: its own SHA-256 and one
/// of the session's handout records (sealed with the session).
Status checkSignedPdfs(Connection& c, std::vector<std::string>& problems) {
    auto has = c.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'signed_handout'");
    if (!has) {
        return has.error();
    }
    if (*has == 0) {
        return {};
    }
    return Statement::on(c, "SELECT k.session_id, k.sha256, k.pdf, EXISTS (SELECT 1 FROM handout "
                            "h WHERE h.session_id = k.session_id AND h.sha256 = k.sha256), "
                            "(SELECT signed_at FROM session WHERE id = k.session_id) IS NOT NULL "
                            "FROM signed_handout k ORDER BY k.session_id")
        .forEachRow([&](const Statement& st) {
            const std::string who = "session " + std::to_string(st.columnInt(0)) + ": ";
            if (sha256Hex(st.columnText(2)) != st.columnText(1) || st.columnInt(3) == 0 ||
                st.columnInt(4) == 0) {
                problems.push_back(who + "the handout kept at signing changed outside HepDesk");
            }
        });
}

Status checkSessions(Connection& c, std::vector<std::string>& problems) {
    auto rows =
        Statement::on(c, "SELECT id, signed_at IS NOT NULL, seal, coalesce(seal_handouts, 0), "
                         "id IN (SELECT session_id FROM session_seal_pending) FROM session "
                         "WHERE signed_at IS NOT NULL OR seal IS NOT NULL ORDER BY id")
            .queryAll([](const Statement& st) {
                return SealedRow{st.columnInt(0), st.columnInt(1) != 0, st.columnOptText(2),
                                 st.columnInt(3), st.columnInt(4) != 0};
            });
    if (!rows) {
        return rows.error();
    }
    for (const SealedRow& r : *rows) {
        const std::string who = "session " + std::to_string(r.id) + ": ";
        if (!r.isSigned) {
            problems.push_back(who + "sealed at signing but no longer signed (signature removed "
                                     "outside HepDesk)");
            continue;
        }
        auto s = readSession(c, r.id);
        if (!r.seal) {
            if (!r.pending) {
                problems.push_back(who + "signed but no seal");
            } else if (!s) {
                problems.push_back(who +
                                   "signed before seals existed and cannot be read to "
                                   "seal it: " +
                                   s.error().message);
            }
            continue;
        }
        if (!s) {
            problems.push_back(who + "signed content cannot be read (" + s.error().message + ")");
            continue;
        }
        const auto n = static_cast<std::size_t>(r.handouts);
        auto seal = sessionSeal(*s, n);
        if (!seal || *seal != *r.seal || n > s->handouts.size()) {
            problems.push_back(who + "signed content changed outside HepDesk (seal mismatch)");
        }
    }
    if (auto s = checkSignedPdfs(c, problems); !s) {
        return s;
    }
    // The chain cannot show rows cut from its end; every signature must still be there.
    // (NOT IN a subquery: SQLite builds one temporary index, not a scan per session.)
    return Statement::on(c, "SELECT id FROM session WHERE seal IS NOT NULL AND "
                            "CAST(id AS TEXT) NOT IN (SELECT entity_id FROM audit_log "
                            "WHERE entity = 'session' AND action IN ('session.sign', "
                            "'session.seal')) ORDER BY id")
        .forEachRow([&](const Statement& st) {
            problems.push_back("session " + std::to_string(st.columnInt(0)) +
                               ": its signing is missing from the audit log (audit row removed "
                               "outside HepDesk)");
        });
}

Status checkAuditChain(Connection& c, std::vector<std::string>& problems) {
    auto rows = auditRows(c);
    if (!rows) {
        return rows.error();
    }
    std::int64_t prevId = 0;
    std::string prevHash;
    for (const AuditRow& r : *rows) {
        const std::int64_t id = r.entry.id;
        if (id > prevId + 1) {
            const std::string missing = id == prevId + 2 ? "row " + std::to_string(prevId + 1)
                                                         : "rows " + std::to_string(prevId + 1) +
                                                               "-" + std::to_string(id - 1);
            problems.push_back("audit log: " + missing + " missing (chain broken " +
                               (prevId == 0 ? "before row " + std::to_string(id)
                                            : "after row " + std::to_string(prevId)) +
                               ")");
        } else if (r.prevHash != prevHash) {
            problems.push_back("audit log row " + std::to_string(id) + ": does not follow row " +
                               std::to_string(prevId) +
                               " (chain broken: a row was changed or inserted outside HepDesk)");
        }
        if (auditRowHash(r.prevHash, r.entry) != r.hash) {
            problems.push_back("audit log row " + std::to_string(id) +
                               ": hash mismatch (changed outside HepDesk)");
        }
        prevId = id;
        prevHash = r.hash;
    }
    return {};
}

} // namespace

Result<std::string> sessionSeal(const Session& session, std::size_t handoutsAtSigning) {
    try {
        nlohmann::json j = toJson(session);
        j.erase("addenda");
        j.erase("overrides"); // given after signing, each with its own audit row
        if (auto h = j.find("handouts"); h != j.end() && h->is_array()) {
            while (h->size() > handoutsAtSigning) {
                h->erase(h->size() - 1);
            }
        }
        prune(j);
        return sha256Hex(j.dump());
    } catch (const nlohmann::json::exception& e) {
        return Error::invalid("session " + std::to_string(session.id) +
                              " cannot be sealed: its content is not valid text (" + e.what() +
                              ")");
    }
}

Result<std::vector<std::string>> verifyRecords(Database& db) {
    return verifyRecords(db.connection(), db.schemaVersion());
}

Result<std::vector<std::string>> verifyRecords(Connection& c, int schemaVersion) {
    std::vector<std::string> problems;
    if (schemaVersion < kSealedSchema) {
        return problems;
    }
    const ReadTransaction snapshot(c);
    for (const Status& s : {checkSessions(c, problems), checkAuditChain(c, problems)}) {
        if (!s) {
            return s.error();
        }
    }
    return problems;
}

Status chainExistingAuditRows(Connection& c) {
    auto rows = auditRows(c);
    if (!rows || rows->empty()) {
        return rows ? Status{} : Status(rows.error());
    }
    return withTriggersDropped(c, {"audit_log_no_update"}, [&]() -> Status {
        auto update = Statement::on(c, "UPDATE audit_log SET prev_hash = ?2, hash = ?3 "
                                       "WHERE id = ?1");
        std::string prev;
        for (const AuditRow& r : *rows) {
            const std::string hash = auditRowHash(prev, r.entry);
            update.reset();
            if (auto s = update.bindAll(r.entry.id, prev, hash).execute(); !s) {
                return s;
            }
            prev = hash;
        }
        return {};
    });
}

Status sealSessionsSignedBeforeSeals(Connection& c) {
    auto pendingTable = c.queryInt("SELECT count(*) FROM sqlite_schema "
                                   "WHERE type = 'table' AND name = 'session_seal_pending'");
    if (!pendingTable || *pendingTable == 0) {
        return pendingTable ? Status{} : Status(pendingTable.error());
    }
    auto ids = Statement::on(c, "SELECT session_id FROM session_seal_pending ORDER BY session_id")
                   .queryAll([](const Statement& st) { return st.columnInt(0); });
    if (!ids || ids->empty()) {
        return ids ? Status{} : Status(ids.error());
    }
    return Transaction::run(c, [&] {
        return withTriggersDropped(c, {"session_signed_no_update"}, [&]() -> Status {
            const std::string now = isoDateTime(Clock::current().now());
            for (const std::int64_t id : *ids) {
                auto s = readSession(c, id);
                auto seal =
                    s ? sessionSeal(*s, s->handouts.size()) : Result<std::string>(s.error());
                if (!seal) {
                    continue; // stays pending; verifyRecords names it
                }
                const std::string key = std::to_string(id);
                if (auto r = c.exec("UPDATE session SET seal = '" + *seal + "', seal_handouts = " +
                                    std::to_string(s->handouts.size()) + " WHERE id = " + key +
                                    "; DELETE FROM session_seal_pending WHERE session_id = " + key);
                    !r) {
                    return r;
                }
                auto logged = appendChained(
                    c, AuditEntry{0, now, operatingSystemUser(), "session.seal", "session", key,
                                  "signed before seals existed: sealed as stored at the upgrade, "
                                  "seal " +
                                      *seal});
                if (!logged) {
                    return logged.error();
                }
            }
            return {};
        });
    });
}

} // namespace hepdesk::db
