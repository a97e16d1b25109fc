#include "CmdDbServer.h"

#include "CmdCommon.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/Backup.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/PgCopy.h"
#include "hepdesk/db/PgDatabase.h"
#include "hepdesk/db/PgRepositories.h"
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

int serverDbBackup(Context& ctx, const CliArgs& a) {
    const auto where = backupTarget(a);
    if (!where) {
        return ctx.fail(where.error());
    }
    const std::optional<std::string>& folder = where->folder;
    const int keep = where->keep;
    // A database of another program, or of a newer HepDesk, is refused before pg_dump runs.
    auto db = db::PgDatabase::open(*ctx.server, {.migrate = false});
    if (!db) {
        return ctx.fail(db.error());
    }
    std::optional<std::filesystem::path> written;
    if (folder) {
        auto r = db::Backup::writeServerIfDue(*ctx.server, *folder, keep, Clock::current());
        if (!r) {
            return ctx.fail(r.error());
        }
        written = *r;
    } else {
        if (auto s = db::Backup::writeServer(*ctx.server, a.positional()[0]); !s) {
            return ctx.fail(s.error());
        }
        written = a.positional()[0];
    }
    if (written) {
        if (auto r = db::PgAuditLog(*db).append(db::AuditEntry{
                0, "", "", "db.backup", "database", "", "pg_dump file " + written->string()});
            !r) {
            return ctx.fail(r.error());
        }
        if (folder) {
            if (const std::string note = db::Backup::folderExposure(*folder); !note.empty()) {
                ctx.err << "hepdesk-cli: note: " << note << '\n';
            }
        }
    }
    const std::string label = db->connection().label();
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"server", label},
                        {"written", written.has_value()},
                        {"file", written ? written->string() : std::string()}});
    } else if (written) {
        ctx.out << "backup of " << label << " written: " << written->string() << '\n'
                << "to restore it into a new, empty database (as the schema owner): "
                   "pg_restore --exit-on-error --dbname=NEWDB "
                << written->string() << '\n';
    } else {
        ctx.out << "today's backup of " << label << " already exists in " << *folder << '\n';
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
    if (sub == "restore") {
        advice = "restore a backup of a clinic server ('db backup') into a new, empty "
                 "database with 'pg_restore --exit-on-error --dbname=NEWDB FILE.dump' (README: "
                 "restoring a clinic server)";
    } else {
        advice = "the server checks its own data; run 'db info' to see its schema version";
    }
    return ctx.fail(
        Error::invalid("'db " + std::string(sub) +
                       "' works on a database file, not on a clinic server: " + advice));
}

} // namespace hepdesk::cli
