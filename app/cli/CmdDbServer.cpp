#include "CmdDbServer.h"

#include "CmdCommon.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/PgCopy.h"
#include "hepdesk/db/PgSchema.h"

#include <ostream>

namespace hepdesk::cli {

int serverDbInfo(Context& ctx, const CliArgs& a) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    auto conn = db::PgConnection::connect(*ctx.server);
    if (!conn) {
        return ctx.fail(conn.error());
    }
    auto version = db::pgSchemaVersion(*conn);
    if (!version) {
        return ctx.fail(version.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"server", conn->label()},
                        {"user", conn->user()},
                        {"schema_version", *version},
                        {"latest_schema_version", db::pgLatestSchemaVersion()}});
    } else {
        ctx.out << "database: " << conn->label() << " as " << conn->user() << '\n'
                << "schema version: " << *version << '\n';
        if (*version < db::pgLatestSchemaVersion()) {
            ctx.out << "this HepDesk uses schema " << db::pgLatestSchemaVersion()
                    << ": run 'hepdesk-cli --db ... db migrate'\n";
        }
    }
    return kOk;
}

int serverDbMigrate(Context& ctx, const CliArgs& a) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    auto conn = db::PgConnection::connect(*ctx.server);
    if (!conn) {
        return ctx.fail(conn.error());
    }
    auto from = db::pgSchemaVersion(*conn);
    if (!from) {
        return ctx.fail(from.error());
    }
    if (auto s = db::pgMigrate(*conn); !s) {
        return ctx.fail(s.error());
    }
    auto to = db::pgSchemaVersion(*conn);
    if (!to) {
        return ctx.fail(to.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"server", conn->label()}, {"from", *from}, {"to", *to}});
    } else if (*from == *to) {
        ctx.out << conn->label() << ": schema " << *from << " is the latest; nothing to do\n";
    } else {
        ctx.out << conn->label() << ": migrated schema " << *from << " -> " << *to << '\n';
    }
    return kOk;
}

int dbCopyToServer(Context& ctx, const CliArgs& a) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    auto to = a.required("to", "db copy", "postgresql://...");
    if (!to) {
        return ctx.fail(to.error());
    }
    if (ctx.server || !db::isServerTarget(*to)) {
        return ctx.usage("'db copy' copies a database file (--db FILE) to a clinic server "
                         "(--to postgresql://... or 'host=... dbname=...')");
    }
    auto from = ctx.openExistingDatabase();
    if (!from) {
        return ctx.fail(from.error());
    }
    auto conn = db::PgConnection::connect(*to);
    if (!conn) {
        return ctx.fail(conn.error());
    }
    auto report = db::copyToServer(*from, *conn);
    if (!report) {
        return ctx.fail(report.error());
    }
    std::int64_t total = 0;
    for (const db::TableCopy& t : *report) {
        total += t.rows;
    }
    if (ctx.format == Format::Json) {
        nlohmann::json tables = nlohmann::json::array();
        for (const db::TableCopy& t : *report) {
            tables.push_back({{"table", t.table}, {"rows", t.rows}, {"sha256", t.sha256}});
        }
        printJson(ctx, {{"from", from->path().string()},
                        {"to", conn->label()},
                        {"rows", total},
                        {"match", true},
                        {"tables", tables}});
    } else {
        for (const db::TableCopy& t : *report) {
            ctx.out << t.table << ": " << t.rows << " rows, sha256 " << t.sha256 << '\n';
        }
        ctx.out << "copied " << total << " rows from " << from->path().string() << " to "
                << conn->label() << "; counts and contents match in every table\n";
    }
    return kOk;
}

int serverDbUnsupported(Context& ctx, std::string_view sub) {
    std::string advice;
    if (sub == "backup") {
        advice = "back up a clinic server with PostgreSQL's own tool on the server, e.g. "
                 "'pg_dump --format=custom --file=hepdesk.dump DBNAME'";
    } else if (sub == "restore") {
        advice = "restore a clinic server with 'pg_restore --clean --dbname=DBNAME "
                 "hepdesk.dump' on the server";
    } else {
        advice = "the server checks its own data; run 'db info' to see its schema version";
    }
    return ctx.fail(
        Error::invalid("'db " + std::string(sub) +
                       "' works on a database file, not on a clinic server: " + advice));
}

} // namespace hepdesk::cli
