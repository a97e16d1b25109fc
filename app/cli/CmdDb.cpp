#include "CmdCommon.h"
#include "CmdDbServer.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Backup.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/DatabaseCheck.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace hepdesk::cli {
namespace {

int info(Context& ctx, const CliArgs& a) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    auto db = ctx.openExistingDatabase();
    if (!db) {
        return ctx.fail(db.error());
    }
    if (ctx.format == Format::Json) {
        nlohmann::json j{{"path", db->path().string()},
                         {"schema_version", db->schemaVersion()},
                         {"latest_schema_version", db::Database::latestSchemaVersion()}};
        printJson(ctx, j);
    } else {
        ctx.out << "database: " << db->path().string() << '\n'
                << "schema version: " << db->schemaVersion() << '\n';
    }
    return kOk;
}

/// Every check of db::databaseChecks() (integrity, schema, foreign keys, ...), on a file that
/// may be damaged: nothing is created, migrated or written.
int check(Context& ctx, const CliArgs& a) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    const auto path = ctx.databasePath();
    if (!path) {
        return ctx.fail(path.error());
    }
    db::Database::Options o;
    o.create = false;
    o.migrate = false;
    o.quickCheck = false;
    std::vector<std::string> problems;
    auto db = db::Database::open(*path, o);
    if (!db) {
        if (db.error().kind != Error::Kind::Database) {
            return ctx.fail(db.error());
        }
        problems.push_back(db.error().message);
    } else {
        problems = db::runDatabaseChecks(*db);
    }
    if (ctx.format == Format::Json) {
        printJson(ctx,
                  {{"path", path->string()}, {"ok", problems.empty()}, {"problems", problems}});
    } else if (problems.empty()) {
        ctx.out << path->string() << ": ok\n";
    } else {
        ctx.out << path->string() << ": DAMAGED (" << problems.size() << " problems)\n";
        for (const std::string& p : problems) {
            ctx.out << "  " << p << '\n';
        }
        ctx.out << "Restore it from a backup: hepdesk-cli --db " << path->string()
                << " db restore BACKUP\n";
    }
    return problems.empty() ? kOk : kFailure;
}

int backup(Context& ctx, const CliArgs& a) {
    const auto where = backupTarget(a);
    if (!where) {
        return ctx.fail(where.error());
    }
    const std::optional<std::string>& folder = where->folder;
    const int keep = where->keep;
    auto db = ctx.openExistingDatabase();
    if (!db) {
        return ctx.fail(db.error());
    }
    if (folder) {
        auto r = db::Backup::writeIfDue(*db, *folder, keep, Clock::current());
        if (!r) {
            return ctx.fail(r.error());
        }
        if (r->has_value()) {
            if (auto s = db::SqliteAuditLog::record(*db, "db.backup", "database", "",
                                                    "file " + (*r)->string());
                !s) {
                return ctx.fail(s.error());
            }
            if (const std::string note = db::Backup::folderExposure(*folder); !note.empty()) {
                ctx.err << "hepdesk-cli: note: " << note << '\n';
            }
        }
        if (ctx.format == Format::Json) {
            printJson(ctx, {{"written", r->has_value()},
                            {"file", r->has_value() ? (*r)->string() : std::string()}});
        } else if (r->has_value()) {
            ctx.out << "backup written: " << (*r)->string() << '\n';
        } else {
            ctx.out << "today's backup already exists in " << *folder << '\n';
        }
        return kOk;
    }
    const std::string target = a.positional()[0];
    if (auto s = db::Backup::write(*db, target); !s) {
        return ctx.fail(s.error());
    }
    if (auto s = db::SqliteAuditLog::record(*db, "db.backup", "database", "", "file " + target);
        !s) {
        return ctx.fail(s.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"written", true}, {"file", target}});
    } else {
        ctx.out << "backup written: " << target << '\n';
    }
    return kOk;
}

int restore(Context& ctx, const CliArgs& a) {
    if (auto s = a.expectPositional(1, "backup file"); !s) {
        return ctx.usage(s.error().message);
    }
    const auto path = ctx.databasePath();
    if (!path) {
        return ctx.fail(path.error());
    }
    const auto& target = *path;
    auto kept = db::Backup::restore(a.positional()[0], target);
    if (!kept) {
        return ctx.fail(kept.error());
    }
    // Bring the restored file to this version's schema now, so errors show here.
    auto db = db::Database::open(target);
    if (!db) {
        return ctx.fail(db.error());
    }
    // Into the restored file: its own log says where it came from and what it replaced.
    if (auto s = db::SqliteAuditLog::record(
            *db, "db.restore", "database", "",
            "from " + a.positional()[0] + ", previous database kept as " +
                (kept->empty() ? std::string("(none)") : kept->string()));
        !s) {
        return ctx.fail(s.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"restored", target.string()},
                        {"from", a.positional()[0]},
                        {"previous_kept_as", kept->string()}});
    } else {
        ctx.out << "restored " << target.string() << " from " << a.positional()[0] << '\n';
        if (!kept->empty()) {
            ctx.out << "the previous database was kept as " << kept->string() << '\n';
        }
    }
    return kOk;
}

int migrateCmd(Context& ctx, const CliArgs& a) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    db::Database::Options o;
    o.create = false;
    o.migrate = false;
    const auto path = ctx.databasePath();
    if (!path) {
        return ctx.fail(path.error());
    }
    auto db = db::Database::open(*path, o);
    if (!db) {
        return ctx.fail(db.error());
    }
    const int from = db->schemaVersion();
    if (auto s = db->migrate(); !s) {
        return ctx.fail(s.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"from", from}, {"to", db->schemaVersion()}});
    } else if (from == db->schemaVersion()) {
        ctx.out << "schema " << from << " is the latest; nothing to do\n";
    } else {
        ctx.out << "migrated schema " << from << " -> " << db->schemaVersion() << '\n';
    }
    return kOk;
}

} // namespace

int runDb(Context& ctx, Args args) {
    if (args.empty()) {
        return ctx.usage("'db' needs a subcommand: info, check, backup, restore, migrate, copy");
    }
    const std::string& sub = args[0];
    const bool isBackup = sub == "backup";
    auto a = CliArgs::parse(args.subspan(1),
                            isBackup        ? std::set<std::string, std::less<>>{"folder", "keep"}
                            : sub == "copy" ? std::set<std::string, std::less<>>{"to"}
                                            : std::set<std::string, std::less<>>{},
                            {});
    if (!a) {
        return ctx.usage(a.error().message);
    }
    if (ctx.server) {
        if (sub == "info") {
            return serverDbInfo(ctx, *a);
        }
        if (sub == "migrate") {
            return serverDbMigrate(ctx, *a);
        }
        if (isBackup) {
            return serverDbBackup(ctx, *a);
        }
        if (sub == "check" || sub == "restore") {
            return serverDbUnsupported(ctx, sub);
        }
    }
    if (sub == "info") {
        return info(ctx, *a);
    }
    if (sub == "check") {
        return check(ctx, *a);
    }
    if (isBackup) {
        return backup(ctx, *a);
    }
    if (sub == "restore") {
        return restore(ctx, *a);
    }
    if (sub == "migrate") {
        return migrateCmd(ctx, *a);
    }
    if (sub == "copy") {
        return dbCopyToServer(ctx, *a);
    }
    return ctx.usage("unknown 'db' subcommand '" + sub + "'");
}

} // namespace hepdesk::cli
