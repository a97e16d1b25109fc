#include "CmdCommon.h"
#include "Subcommand.h"
#include "hepdesk/core/FhirBundle.h"
#include "hepdesk/core/FhirIds.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/Store.h"

#include <array>
#include <ostream>

namespace hepdesk::cli {
namespace {

int show(Context& ctx, const CliArgs& a, db::Store& store) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    auto c = store.clinic().load();
    if (!c) {
        return ctx.fail(c.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"name", c->name},
                        {"address", c->address},
                        {"phone", c->phone},
                        {"logo", !c->logo.empty()},
                        {"record_system", c->recordSystem}});
        return kOk;
    }
    const auto shown = [](const std::string& v) { return v.empty() ? std::string("-") : esc(v); };
    ctx.out << "Clinic: " << shown(c->name) << '\n'
            << "  address: " << shown(c->address) << '\n'
            << "  phone: " << shown(c->phone) << '\n'
            << "  logo: " << (c->logo.empty() ? "none" : c->logoMime) << '\n'
            << "  record number system: "
            << (c->recordSystem.empty()
                    ? std::string(fhir::kDefaultRecordNumberSystem) + " (HepDesk's default)"
                    : esc(c->recordSystem))
            << '\n';
    return kOk;
}

/// Changes only the settings given; `--record-system ''` goes back to HepDesk's default.
int set(Context& ctx, const CliArgs& a, db::Store& store) {
    auto c = store.clinic().load();
    if (!c) {
        return ctx.fail(c.error());
    }
    bool any = false;
    for (auto [option, field] :
         {std::pair{"name", &ClinicSettings::name}, std::pair{"address", &ClinicSettings::address},
          std::pair{"phone", &ClinicSettings::phone},
          std::pair{"record-system", &ClinicSettings::recordSystem}}) {
        if (auto v = a.value(option)) {
            (*c).*field = *v;
            any = true;
        }
    }
    if (!any) {
        return ctx.usage("clinic set: give at least one of --name, --address, --phone, "
                         "--record-system");
    }
    if (!c->recordSystem.empty()) {
        if (auto s = fhir::checkSystemUri(c->recordSystem, "--record-system"); !s) {
            return ctx.usage(s.error().message);
        }
    }
    if (auto s = store.clinic().save(*c); !s) {
        return ctx.fail(s.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"name", c->name},
                        {"address", c->address},
                        {"phone", c->phone},
                        {"record_system", c->recordSystem}});
    } else {
        ctx.out << "updated the clinic settings\n";
    }
    return kOk;
}

} // namespace

int runClinic(Context& ctx, Args args) {
    // The clinic's settings work the same on a database file and on a clinic server.
    static const std::array<Subcommand, 2> kSubcommands = {
        readsOnly(onAnyBackend("show", {}, {}, show)),
        onAnyBackend("set", {"name", "address", "phone", "record-system"}, {}, set),
    };
    return runSubcommand(ctx, "clinic", args, kSubcommands);
}

} // namespace hepdesk::cli
