#include "CmdCommon.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/Database.h"

#include <ostream>

namespace hepdesk::cli {

int runClinician(Context& ctx, Args args) {
    if (args.empty()) {
        return ctx.usage("'clinician' needs a subcommand: add, list");
    }
    const std::string& sub = args[0];
    if (sub != "add" && sub != "list") {
        return ctx.usage("unknown 'clinician' subcommand '" + sub + "'");
    }
    auto a = sub == "add" ? CliArgs::parse(args.subspan(1), {"name", "credentials"}, {})
                          : CliArgs::parse(args.subspan(1), {}, {"all"});
    if (!a) {
        return ctx.usage(a.error().message);
    }
    if (auto s = a->expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    auto db = ctx.openDatabase();
    if (!db) {
        return ctx.fail(db.error());
    }
    db::SqliteClinicianRepository repo(*db);
    if (sub == "add") {
        if (!a->has("name")) {
            return ctx.usage("'clinician add' needs --name");
        }
        Clinician c{0, *a->value("name"), a->value("credentials").value_or(""), true};
        auto id = repo.add(c);
        if (!id) {
            return ctx.fail(id.error());
        }
        if (ctx.format == Format::Json) {
            printJson(ctx, {{"id", *id}, {"name", c.name}, {"credentials", c.credentials}});
        } else {
            ctx.out << "added clinician " << *id << '\n';
        }
        return kOk;
    }
    auto list = repo.list(a->flag("all"));
    if (!list) {
        return ctx.fail(list.error());
    }
    if (ctx.format == Format::Json) {
        nlohmann::json j = nlohmann::json::array();
        for (const Clinician& c : *list) {
            j.push_back({{"id", c.id},
                         {"name", c.name},
                         {"credentials", c.credentials},
                         {"active", c.active}});
        }
        printJson(ctx, j);
        return kOk;
    }
    for (const Clinician& c : *list) {
        ctx.out << c.id << '\t' << c.name << '\t' << (c.credentials.empty() ? "-" : c.credentials)
                << (c.active ? "" : "\tinactive") << '\n';
    }
    return kOk;
}

} // namespace hepdesk::cli
