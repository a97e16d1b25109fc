#include "CmdClinicianServer.h"
#include "CmdCommon.h"
#include "Subcommand.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/Database.h"

#include <array>
#include <ostream>

namespace hepdesk::cli {
namespace {

int add(Context& ctx, const CliArgs& a, db::Database& db) {
    auto name = a.required("name", "clinician add");
    if (!name) {
        return ctx.fail(name.error());
    }
    Clinician c{0, *name, a.value("credentials").value_or(""), true};
    auto id = db::SqliteClinicianRepository(db).add(c);
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

int list(Context& ctx, const CliArgs& a, db::Database& db) {
    auto list = db::SqliteClinicianRepository(db).list(a.flag("all"));
    if (!list) {
        return ctx.fail(list.error());
    }
    printClinicians(ctx, *list);
    return kOk;
}

} // namespace

int runClinician(Context& ctx, Args args) {
    if (ctx.server) {
        return runClinicianOnServer(ctx, args);
    }
    static const std::array<Subcommand, 2> kSubcommands = {
        Subcommand{"add", {"name", "credentials"}, {}, add, true},
        readsOnly(Subcommand{"list", {}, {"all"}, list, true}),
    };
    return runSubcommand(ctx, "clinician", args, kSubcommands);
}

} // namespace hepdesk::cli
