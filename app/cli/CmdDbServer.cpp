#include "CmdDbServer.h"

#include "CmdCommon.h"
#include "hepdesk/db/Pg.h"
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
