#include "hepdesk/db/ProtocolRepository.h"

#include "SessionRecord.h"
#include "StoredRow.h"
#include "TextCheck.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Database.h"

namespace hepdesk::db {
namespace {

/// The protocol's id, or nullopt when no protocol has this name (ignoring case).
Result<std::optional<std::int64_t>> idOf(Connection& conn, std::string_view name) {
    return Statement::on(conn, "SELECT id FROM protocol WHERE name = ?1")
        .bindAll(name)
        .queryOptional([](const Statement& st) { return st.columnInt(0); });
}

Status insertExercises(Connection& conn, std::int64_t id, const Program& program) {
    auto insert = Statement::on(conn, "INSERT INTO protocol_exercise(protocol_id, position, " +
                                          std::string(kProgramItemColumns) +
                                          ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                          "?11, ?12)");
    for (std::size_t i = 0; i < program.items.size(); ++i) {
        insert.reset();
        if (auto s = withProgramItemValues(
                program.items[i],
                [&](const auto&... v) {
                    return insert.bindAll(id, static_cast<std::int64_t>(i), v...).execute();
                });
            !s) {
            return s;
        }
    }
    return {};
}

Result<Program> readExercises(Connection& conn, std::int64_t id) {
    auto rows =
        Statement::on(conn, "SELECT " + std::string(kProgramItemColumns) +
                                " FROM protocol_exercise WHERE protocol_id = ?1 "
                                "ORDER BY position")
            .bindAll(id)
            .queryAll([](const Statement& st) { return programItemFromRow(SqliteRow{st}, 0); });
    if (!rows) {
        return rows.error();
    }
    return Program{std::move(*rows)};
}

struct Header {
    std::int64_t id;
    Protocol p;
};

Header readHeader(const Statement& st) {
    Header h{st.columnInt(0), {}};
    h.p.name = st.columnText(1);
    h.p.createdAt = st.columnText(2);
    h.p.updatedAt = st.columnText(3);
    return h;
}

} // namespace

Status SqliteProtocolRepository::save(const Protocol& p, bool replace) {
    if (auto s = checkProtocolShape(p); !s) {
        return s;
    }
    Connection& conn = db_.connection();
    return Transaction::run(conn, [&]() -> Status {
        auto existing = idOf(conn, p.name);
        if (!existing) {
            return existing.error();
        }
        const std::string now = isoDateTime(Clock::current().now());
        std::int64_t id = 0;
        if (existing->has_value()) {
            if (!replace) {
                return protocolNameTaken(p.name, true);
            }
            id = **existing;
            if (auto s = Statement::on(conn, "UPDATE protocol SET name = ?2, updated_at = ?3 "
                                             "WHERE id = ?1")
                             .bindAll(id, p.name, now)
                             .execute();
                !s) {
                return s;
            }
            if (auto s = Statement::on(conn, "DELETE FROM protocol_exercise WHERE protocol_id = ?1")
                             .bindAll(id)
                             .execute();
                !s) {
                return s;
            }
        } else {
            auto ins = Statement::on(conn, "INSERT INTO protocol(name, created_at, updated_at) "
                                           "VALUES (?1, ?2, ?2)")
                           .bindAll(p.name, now)
                           .insert();
            if (!ins) {
                return ins.error();
            }
            id = *ins;
        }
        if (auto s = insertExercises(conn, id, p.program); !s) {
            return s;
        }
        return SqliteAuditLog::record(db_,
                                      existing->has_value() ? "protocol.replace" : "protocol.save",
                                      "protocol", id, p.name);
    });
}

Result<Protocol> SqliteProtocolRepository::get(std::string_view name) {
    Connection& conn = db_.connection();
    const ReadTransaction snapshot(conn);
    return [&]() -> Result<Protocol> {
        auto h = Statement::on(conn, "SELECT id, name, created_at, updated_at FROM protocol "
                                     "WHERE name = ?1")
                     .bindAll(name)
                     .queryOne(readHeader, missingProtocol(name));
        if (!h) {
            return h.error();
        }
        auto prog = readExercises(conn, h->id);
        if (!prog) {
            return prog.error();
        }
        h->p.program = std::move(*prog);
        return std::move(h->p);
    }();
}

Status SqliteProtocolRepository::rename(std::string_view from, std::string_view to) {
    if (auto s = checkProtocolNewName(to); !s) {
        return s;
    }
    Connection& conn = db_.connection();
    return Transaction::run(conn, [&]() -> Status {
        auto src = protocolToRename(from, to, idOf(conn, from), idOf(conn, to));
        if (!src) {
            return src.error();
        }
        if (auto s = Statement::on(conn, "UPDATE protocol SET name = ?2, updated_at = ?3 "
                                         "WHERE id = ?1")
                         .bindAll(*src, to, isoDateTime(Clock::current().now()))
                         .execute();
            !s) {
            return s;
        }
        return SqliteAuditLog::record(db_, "protocol.rename", "protocol", *src,
                                      auditProtocolRenamed(from, to));
    });
}

Status SqliteProtocolRepository::remove(std::string_view name) {
    Connection& conn = db_.connection();
    return Transaction::run(conn, [&]() -> Status {
        auto id = idOf(conn, name);
        if (!id) {
            return id.error();
        }
        if (!id->has_value()) {
            return missingProtocol(name);
        }
        if (auto s =
                Statement::on(conn, "DELETE FROM protocol WHERE id = ?1").bindAll(**id).execute();
            !s) {
            return s;
        }
        return SqliteAuditLog::record(db_, "protocol.remove", "protocol", **id, name);
    });
}

Result<std::vector<Protocol>> SqliteProtocolRepository::list() {
    Connection& conn = db_.connection();
    const ReadTransaction snapshot(conn);
    return [&]() -> Result<std::vector<Protocol>> {
        auto headers = Statement::on(conn, "SELECT id, name, created_at, updated_at FROM protocol "
                                           "ORDER BY name COLLATE NOCASE, id")
                           .queryAll(readHeader);
        if (!headers) {
            return headers.error();
        }
        std::vector<Protocol> out;
        for (Header& h : *headers) {
            auto prog = readExercises(conn, h.id);
            if (!prog) {
                return prog.error();
            }
            h.p.program = std::move(*prog);
            out.push_back(std::move(h.p));
        }
        return out;
    }();
}

} // namespace hepdesk::db
