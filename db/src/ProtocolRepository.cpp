#include "hepdesk/db/ProtocolRepository.h"

#include "TextCheck.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Database.h"

#include <set>

namespace hepdesk::db {
namespace {

Error missingProtocol(std::string_view name) {
    return Error::notFound("no saved protocol named \"" + std::string(name) + "\"");
}

/// The protocol's id, or nullopt when no protocol has this name (ignoring case).
Result<std::optional<std::int64_t>> idOf(Connection& conn, std::string_view name) {
    return Statement::on(conn, "SELECT id FROM protocol WHERE name = ?1")
        .bindAll(name)
        .queryOptional([](const Statement& st) { return st.columnInt(0); });
}

Status insertExercises(Connection& conn, std::int64_t id, const Program& program) {
    for (std::size_t i = 0; i < program.items.size(); ++i) {
        const ProgramItem& it = program.items[i];
        const Dosage& d = it.dosage;
        if (auto s = Statement::on(conn, "INSERT INTO protocol_exercise(protocol_id, position, "
                                         "exercise_id, sets, reps, hold_seconds, times_per_day, "
                                         "per_side, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                         "?9)")
                         .bindAll(id, static_cast<std::int64_t>(i), it.exerciseId, d.sets, d.reps,
                                  d.holdSeconds, d.timesPerDay, d.perSide, it.note)
                         .execute();
            !s) {
            return s;
        }
    }
    return {};
}

Result<Program> readExercises(Connection& conn, std::int64_t id) {
    auto rows = Statement::on(conn, "SELECT exercise_id, sets, reps, hold_seconds, times_per_day, "
                                    "per_side, note FROM protocol_exercise WHERE protocol_id = ?1 "
                                    "ORDER BY position")
                    .bindAll(id)
                    .queryAll([](const Statement& st) {
                        ProgramItem it;
                        it.exerciseId = st.columnText(0);
                        it.dosage.sets = static_cast<int>(st.columnInt(1));
                        it.dosage.reps = static_cast<int>(st.columnInt(2));
                        it.dosage.holdSeconds = static_cast<int>(st.columnInt(3));
                        it.dosage.timesPerDay = static_cast<int>(st.columnInt(4));
                        it.dosage.perSide = st.columnInt(5) != 0;
                        it.note = st.columnText(6);
                        return it;
                    });
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

Status checkProtocolShape(const Protocol& p) {
    if (auto s = checkProtocolName(p.name, "saved protocol"); !s) {
        return s;
    }
    if (auto s = checkText(p.name, "protocol name", kMaxProtocolNameBytes); !s) {
        return s;
    }
    if (p.program.items.empty()) {
        return Error::invalid("saved protocol \"" + p.name + "\" has no exercises");
    }
    std::set<std::string> seen;
    for (const ProgramItem& it : p.program.items) {
        const std::string where = "protocol \"" + p.name + "\", exercise " + it.exerciseId;
        if (it.exerciseId.empty() || !seen.insert(it.exerciseId).second) {
            return Error::invalid("saved protocol \"" + p.name + "\": exercise \"" + it.exerciseId +
                                  "\" is empty or listed twice");
        }
        if (auto s = validate(it.dosage, where); !s) {
            return s;
        }
        if (auto s = checkText(it.note, where + " note", kMaxFieldBytes); !s) {
            return s;
        }
    }
    return {};
}

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
                return Error::refused("a protocol named \"" + p.name +
                                      "\" is already saved: choose another name or replace it");
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
    if (auto s = checkProtocolName(std::string(to), "new protocol name"); !s) {
        return s;
    }
    if (auto s = checkText(to, "protocol name", kMaxProtocolNameBytes); !s) {
        return s;
    }
    Connection& conn = db_.connection();
    return Transaction::run(conn, [&]() -> Status {
        auto src = idOf(conn, from);
        if (!src) {
            return src.error();
        }
        if (!src->has_value()) {
            return missingProtocol(from);
        }
        auto dst = idOf(conn, to);
        if (!dst) {
            return dst.error();
        }
        if (dst->has_value() && **dst != **src) {
            return Error::refused("a protocol named \"" + std::string(to) +
                                  "\" is already saved: choose another name");
        }
        if (auto s = Statement::on(conn, "UPDATE protocol SET name = ?2, updated_at = ?3 "
                                         "WHERE id = ?1")
                         .bindAll(**src, to, isoDateTime(Clock::current().now()))
                         .execute();
            !s) {
            return s;
        }
        return SqliteAuditLog::record(db_, "protocol.rename", "protocol", **src,
                                      std::string(from) + " -> " + std::string(to));
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
