#include "Subcommand.h"

#include "hepdesk/db/Database.h"
#include "hepdesk/db/Store.h"

#include <algorithm>

namespace hepdesk::cli {

int runSubcommand(Context& ctx, std::string_view command, Args args,
                  std::span<const Subcommand> subcommands) {
    const std::string quoted = "'" + std::string(command) + "'";
    if (args.empty()) {
        std::string names;
        for (const Subcommand& s : subcommands) {
            names.append(names.empty() ? "" : ", ").append(s.name);
        }
        return ctx.usage(quoted + " needs a subcommand: " + names);
    }
    const auto sub = std::find_if(subcommands.begin(), subcommands.end(),
                                  [&](const Subcommand& s) { return s.name == args[0]; });
    if (sub == subcommands.end()) {
        return ctx.usage("unknown " + quoted + " subcommand '" + args[0] + "'");
    }
    auto a = CliArgs::parse(args.subspan(1), sub->withValue, sub->flags);
    if (!a) {
        return ctx.usage(a.error().message);
    }
    if (sub->noPositionals) {
        if (auto s = a->expectPositional(0, ""); !s) {
            return ctx.usage(s.error().message);
        }
    }
    if (sub->runOnStore != nullptr) {
        auto store = ctx.openStore(sub->readsOnly);
        if (!store) {
            return ctx.fail(store.error());
        }
        return sub->runOnStore(ctx, *a, **store);
    }
    auto db = sub->readsOnly ? ctx.openExistingDatabase() : ctx.openDatabase();
    if (!db) {
        return ctx.fail(db.error());
    }
    return sub->run(ctx, *a, *db);
}

} // namespace hepdesk::cli
