#include "Cli.h"
#include "hepdesk/db/Database.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace hepdesk::cli {

int runDb(Context& ctx, Args args) {
    if (args.empty()) {
        return ctx.usage("'db' needs a subcommand: info");
    }
    if (args[0] == "info") {
        if (args.size() > 1) {
            return ctx.usage("unexpected argument '" + args[1] + "'");
        }
        auto db = ctx.openDatabase();
        if (!db) {
            return ctx.fail(db.error());
        }
        if (ctx.format == Format::Json) {
            nlohmann::json j{{"path", db->path().string()},
                             {"schema_version", db->schemaVersion()},
                             {"latest_schema_version", db::Database::latestSchemaVersion()}};
            ctx.out << j.dump(2) << '\n';
        } else {
            ctx.out << "database: " << db->path().string() << '\n'
                    << "schema version: " << db->schemaVersion() << '\n';
        }
        return kOk;
    }
    return ctx.usage("unknown 'db' subcommand '" + args[0] + "'");
}

} // namespace hepdesk::cli
