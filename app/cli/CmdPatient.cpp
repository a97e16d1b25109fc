#include "CmdCommon.h"
#include "CmdFhir.h"
#include "Subcommand.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"
#include "hepdesk/db/Store.h"

#include <array>
#include <ostream>

namespace hepdesk::cli {
namespace {

const std::set<std::string, std::less<>> kFieldOptions = {"name", "birth-date", "record",
                                                          "contact"};

void applyFields(const CliArgs& a, Patient& p) {
    if (auto v = a.value("name")) {
        p.name = *v;
    }
    if (auto v = a.value("birth-date")) {
        p.birthDate = *v;
    }
    if (auto v = a.value("record")) {
        p.recordNumber = *v;
    }
    if (auto v = a.value("contact")) {
        p.contact = *v;
    }
}

void printPatients(Context& ctx, const std::vector<Patient>& list) {
    if (ctx.format == Format::Json) {
        nlohmann::json j = nlohmann::json::array();
        for (const Patient& p : list) {
            j.push_back(patientJson(p));
        }
        printJson(ctx, j);
        return;
    }
    for (const Patient& p : list) {
        ctx.out << p.id << '\t' << esc(p.name) << '\t'
                << (p.birthDate.empty() ? "-" : esc(p.birthDate)) << '\t'
                << (p.recordNumber.empty() ? "-" : esc(p.recordNumber))
                << (p.archived ? "\tarchived" : "") << '\n';
    }
}

/// The patient whose id is the one positional argument.
Result<Patient> positionalPatient(const CliArgs& a, db::Store& store) {
    auto id = a.positionalId("patient id");
    if (!id) {
        return id.error();
    }
    return store.patients().get(*id);
}

int add(Context& ctx, const CliArgs& a, db::Store& store) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    if (auto name = a.required("name", "patient add"); !name) {
        return ctx.fail(name.error());
    }
    Patient p;
    applyFields(a, p);
    auto id = store.patients().add(p);
    if (!id) {
        return ctx.fail(id.error());
    }
    p.id = *id;
    if (ctx.format == Format::Json) {
        printJson(ctx, patientJson(p));
    } else {
        ctx.out << "added patient " << p.id << '\n';
    }
    return kOk;
}

int edit(Context& ctx, const CliArgs& a, db::Store& store) {
    auto p = positionalPatient(a, store);
    if (!p) {
        return ctx.fail(p.error());
    }
    applyFields(a, *p);
    if (auto s = store.patients().update(*p); !s) {
        return ctx.fail(s.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, patientJson(*p));
    } else {
        ctx.out << "updated patient " << p->id << '\n';
    }
    return kOk;
}

int show(Context& ctx, const CliArgs& a, db::Store& store) {
    auto p = positionalPatient(a, store);
    if (!p) {
        return ctx.fail(p.error());
    }
    auto history = store.sessions().history(p->id, {});
    if (!history) {
        return ctx.fail(history.error());
    }
    if (ctx.format == Format::Json) {
        nlohmann::json list = nlohmann::json::array();
        for (const SessionSummary& s : *history) {
            list.push_back(toJson(s));
        }
        printJson(ctx, {{"patient", patientJson(*p)}, {"sessions", list}});
        return kOk;
    }
    ctx.out << "Patient " << p->id << ": " << esc(p->name) << (p->archived ? " (archived)" : "")
            << '\n'
            << "  date of birth: " << (p->birthDate.empty() ? "-" : esc(p->birthDate)) << '\n'
            << "  record number: " << (p->recordNumber.empty() ? "-" : esc(p->recordNumber)) << '\n'
            << "  contact: " << (p->contact.empty() ? "-" : esc(p->contact)) << '\n'
            << "Sessions, newest first: " << history->size() << '\n';
    for (const SessionSummary& s : *history) {
        ctx.out << "  " << summaryLine(s) << '\n';
    }
    return kOk;
}

int list(Context& ctx, const CliArgs& a, db::Store& store) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    auto list = store.patients().list({a.flag("all")});
    if (!list) {
        return ctx.fail(list.error());
    }
    printPatients(ctx, *list);
    return kOk;
}

int search(Context& ctx, const CliArgs& a, db::Store& store) {
    if (auto s = a.expectPositional(1, "search text"); !s) {
        return ctx.usage(s.error().message);
    }
    auto limit = a.intOr("limit", 50, 1, 10000);
    if (!limit) {
        return ctx.fail(limit.error());
    }
    auto found = store.patients().search(a.positional()[0], {*limit, a.flag("all")});
    if (!found) {
        return ctx.fail(found.error());
    }
    printPatients(ctx, *found);
    return kOk;
}

int archive(Context& ctx, const CliArgs& a, db::Store& store) {
    auto id = a.positionalId("patient id");
    if (!id) {
        return ctx.fail(id.error());
    }
    const bool archived = !a.flag("undo");
    if (auto s = store.patients().setArchived(*id, archived); !s) {
        return ctx.fail(s.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"id", *id}, {"archived", archived}});
    } else {
        ctx.out << (archived ? "archived patient " : "restored patient ") << *id << '\n';
    }
    return kOk;
}

/// patient export ID [--format fhir] [--out FILE] [--record-system URI]: the patient and all
/// their sessions as one FHIR R4 Bundle (the only format of a whole patient's record).
int exportPatient(Context& ctx, const CliArgs& a, db::Store& store) {
    if (const std::string format = a.value("format").value_or("fhir"); format != "fhir") {
        return ctx.usage("unknown format '" + format + "' for patient export (expected fhir)");
    }
    auto id = a.positionalId("patient id");
    if (!id) {
        return ctx.fail(id.error());
    }
    return exportFhir(ctx, a, store, FhirScope::Patient, *id);
}

} // namespace

int runPatient(Context& ctx, Args args) {
    // Patients work the same on a database file and on a clinic server.
    static const std::array<Subcommand, 7> kSubcommands = {
        onAnyBackend("add", kFieldOptions, {}, add),
        onAnyBackend("edit", kFieldOptions, {}, edit),
        readsOnly(onAnyBackend("list", {}, {"all"}, list)),
        readsOnly(onAnyBackend("search", {"limit"}, {"all"}, search)),
        readsOnly(onAnyBackend("show", {}, {}, show)),
        onAnyBackend("archive", {}, {"undo"}, archive),
        readsOnly(onAnyBackend("export", {"format", "out", "record-system"}, {}, exportPatient)),
    };
    return runSubcommand(ctx, "patient", args, kSubcommands);
}

} // namespace hepdesk::cli
