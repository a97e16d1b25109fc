#include "SessionRecord.h"
#include "StoredRow.h"
#include "TextCheck.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/PgRepositories.h"

namespace hepdesk::db {
namespace {

// The name as compared: SQLite's NOCASE (ASCII letters folded), as the unique index of schema 9.
constexpr std::string_view kSameName = "lower(name COLLATE \"C\") = lower($1::text COLLATE \"C\")";

/// Protocol writes from every workstation take turns for the length of their transaction.
Status lockProtocols(PgConnection& c) {
    auto r = c.exec("SELECT pg_advisory_xact_lock(4847, 4552)");
    return r ? Status{} : Status{r.error()};
}

/// The protocol's id, or nullopt when no protocol has this name (ignoring case).
Result<std::optional<std::int64_t>> idOf(PgConnection& c, std::string_view name) {
    auto r = c.exec("SELECT id FROM protocol WHERE " + std::string(kSameName), {name});
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return std::optional<std::int64_t>();
    }
    return std::optional<std::int64_t>(r->int64(0, 0));
}

Status insertExercises(PgConnection& c, std::int64_t id, const Program& program) {
    const std::string insert = "INSERT INTO protocol_exercise(protocol_id, position, " +
                               std::string(kProgramItemColumns) +
                               ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
    for (std::size_t i = 0; i < program.items.size(); ++i) {
        if (auto r = withProgramItemValues(
                program.items[i],
                [&](const auto&... v) {
                    return c.exec(insert, {id, static_cast<std::int64_t>(i), PgParam(v)...});
                });
            !r) {
            return r.error();
        }
    }
    return {};
}

/// Protocols with their exercises in one statement (one consistent read), `where` on the
/// protocol, sorted by name ignoring case as SQLite's NOCASE sorts.
Result<std::vector<Protocol>> readProtocols(PgConnection& c, const std::string& where,
                                            const std::vector<PgParam>& params) {
    auto r = c.exec("SELECT p.id, p.name, p.created_at, p.updated_at, " + programItemColumns("e") +
                        " FROM protocol p LEFT JOIN protocol_exercise e ON e.protocol_id = p.id " +
                        where + " ORDER BY lower(p.name COLLATE \"C\"), p.id, e.position",
                    params);
    if (!r) {
        return r.error();
    }
    std::vector<Protocol> out;
    std::int64_t current = 0;
    for (int i = 0; i < r->rows(); ++i) {
        const std::int64_t id = r->int64(i, 0);
        if (out.empty() || id != current) {
            current = id;
            Protocol p;
            p.name = r->text(i, 1);
            p.createdAt = r->text(i, 2);
            p.updatedAt = r->text(i, 3);
            out.push_back(std::move(p));
        }
        if (r->isNull(i, 4)) {
            continue;
        }
        out.back().program.items.push_back(programItemFromRow(PgRow{*r, i}, 4));
    }
    return out;
}

} // namespace

Status PgProtocolRepository::save(const Protocol& p, bool replace) {
    if (auto s = checkProtocolShape(p); !s) {
        return s;
    }
    auto& conn = db_.connection();
    return PgTransaction::run(conn, [&]() -> Status {
        if (auto s = lockProtocols(conn); !s) {
            return s;
        }
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
            if (auto r = conn.exec("UPDATE protocol SET name = $2, updated_at = $3 WHERE id = $1",
                                   {id, p.name, now});
                !r) {
                return r.error();
            }
            if (auto r = conn.exec("DELETE FROM protocol_exercise WHERE protocol_id = $1", {id});
                !r) {
                return r.error();
            }
        } else {
            auto r = conn.exec("INSERT INTO protocol(name, created_at, updated_at) "
                               "VALUES ($1, $2, $2) RETURNING id",
                               {p.name, now});
            if (!r) {
                return r.error();
            }
            id = r->int64(0, 0);
        }
        if (auto s = insertExercises(conn, id, p.program); !s) {
            return s;
        }
        return PgAuditLog::record(db_, existing->has_value() ? "protocol.replace" : "protocol.save",
                                  "protocol", id, p.name);
    });
}

Result<Protocol> PgProtocolRepository::get(std::string_view name) {
    auto found =
        readProtocols(db_.connection(),
                      "WHERE lower(p.name COLLATE \"C\") = lower($1::text COLLATE \"C\")", {name});
    if (!found) {
        return found.error();
    }
    if (found->empty()) {
        return missingProtocol(name);
    }
    return std::move(found->front());
}

Status PgProtocolRepository::rename(std::string_view from, std::string_view to) {
    if (auto s = checkProtocolNewName(to); !s) {
        return s;
    }
    auto& conn = db_.connection();
    return PgTransaction::run(conn, [&]() -> Status {
        if (auto s = lockProtocols(conn); !s) {
            return s;
        }
        auto src = protocolToRename(from, to, idOf(conn, from), idOf(conn, to));
        if (!src) {
            return src.error();
        }
        if (auto r = conn.exec("UPDATE protocol SET name = $2, updated_at = $3 WHERE id = $1",
                               {*src, to, isoDateTime(Clock::current().now())});
            !r) {
            return r.error();
        }
        return PgAuditLog::record(db_, "protocol.rename", "protocol", *src,
                                  auditProtocolRenamed(from, to));
    });
}

Status PgProtocolRepository::remove(std::string_view name) {
    auto& conn = db_.connection();
    return PgTransaction::run(conn, [&]() -> Status {
        if (auto s = lockProtocols(conn); !s) {
            return s;
        }
        auto r = conn.exec("DELETE FROM protocol WHERE " + std::string(kSameName) + " RETURNING id",
                           {name});
        if (!r) {
            return r.error();
        }
        if (r->rows() == 0) {
            return missingProtocol(name);
        }
        return PgAuditLog::record(db_, "protocol.remove", "protocol", r->int64(0, 0), name);
    });
}

Result<std::vector<Protocol>> PgProtocolRepository::list() {
    return readProtocols(db_.connection(), "", {});
}

} // namespace hepdesk::db
