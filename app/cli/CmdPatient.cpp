#include "CmdCommon.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

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
        ctx.out << p.id << '\t' << p.name << '\t' << (p.birthDate.empty() ? "-" : p.birthDate)
                << '\t' << (p.recordNumber.empty() ? "-" : p.recordNumber)
                << (p.archived ? "\tarchived" : "") << '\n';
    }
}

int add(Context& ctx, const CliArgs& a, db::Database& db) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    if (!a.has("name")) {
        return ctx.usage("'patient add' needs --name");
    }
    Patient p;
    applyFields(a, p);
    db::SqlitePatientRepository repo(db);
    auto id = repo.add(p);
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

int edit(Context& ctx, const CliArgs& a, db::Database& db) {
    if (auto s = a.expectPositional(1, "patient id"); !s) {
        return ctx.usage(s.error().message);
    }
    auto id = parseId(a.positional()[0], "patient id");
    if (!id) {
        return ctx.fail(id.error());
    }
    db::SqlitePatientRepository repo(db);
    auto p = repo.get(*id);
    if (!p) {
        return ctx.fail(p.error());
    }
    applyFields(a, *p);
    if (auto s = repo.update(*p); !s) {
        return ctx.fail(s.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, patientJson(*p));
    } else {
        ctx.out << "updated patient " << p->id << '\n';
    }
    return kOk;
}

int show(Context& ctx, const CliArgs& a, db::Database& db) {
    if (auto s = a.expectPositional(1, "patient id"); !s) {
        return ctx.usage(s.error().message);
    }
    auto id = parseId(a.positional()[0], "patient id");
    if (!id) {
        return ctx.fail(id.error());
    }
    db::SqlitePatientRepository repo(db);
    auto p = repo.get(*id);
    if (!p) {
        return ctx.fail(p.error());
    }
    db::SqliteSessionRepository sessions(db);
    auto history = sessions.history(*id, {});
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
    ctx.out << "Patient " << p->id << ": " << p->name << (p->archived ? " (archived)" : "") << '\n'
            << "  date of birth: " << (p->birthDate.empty() ? "-" : p->birthDate) << '\n'
            << "  record number: " << (p->recordNumber.empty() ? "-" : p->recordNumber) << '\n'
            << "  contact: " << (p->contact.empty() ? "-" : p->contact) << '\n'
            << "Sessions, newest first: " << history->size() << '\n';
    for (const SessionSummary& s : *history) {
        ctx.out << "  " << summaryLine(s) << '\n';
    }
    return kOk;
}

} // namespace

int runPatient(Context& ctx, Args args) {
    if (args.empty()) {
        return ctx.usage("'patient' needs a subcommand: add, edit, list, search, show, archive");
    }
    const std::string& sub = args[0];
    std::set<std::string, std::less<>> withValue;
    std::set<std::string, std::less<>> flags;
    if (sub == "add" || sub == "edit") {
        withValue = kFieldOptions;
    } else if (sub == "list") {
        flags = {"all"};
    } else if (sub == "search") {
        withValue = {"limit"};
        flags = {"all"};
    } else if (sub == "archive") {
        flags = {"undo"};
    } else if (sub != "show") {
        return ctx.usage("unknown 'patient' subcommand '" + sub + "'");
    }
    auto a = CliArgs::parse(args.subspan(1), withValue, flags);
    if (!a) {
        return ctx.usage(a.error().message);
    }
    auto db = ctx.openDatabase();
    if (!db) {
        return ctx.fail(db.error());
    }
    if (sub == "add") {
        return add(ctx, *a, *db);
    }
    if (sub == "edit") {
        return edit(ctx, *a, *db);
    }
    if (sub == "show") {
        return show(ctx, *a, *db);
    }
    db::SqlitePatientRepository repo(*db);
    if (sub == "list") {
        if (auto s = a->expectPositional(0, ""); !s) {
            return ctx.usage(s.error().message);
        }
        auto list = repo.list({a->flag("all")});
        if (!list) {
            return ctx.fail(list.error());
        }
        printPatients(ctx, *list);
        return kOk;
    }
    if (sub == "search") {
        if (auto s = a->expectPositional(1, "search text"); !s) {
            return ctx.usage(s.error().message);
        }
        int limit = 50;
        if (auto v = a->value("limit")) {
            auto l = parseInt(*v, "--limit", 1, 10000);
            if (!l) {
                return ctx.fail(l.error());
            }
            limit = *l;
        }
        auto found = repo.search(a->positional()[0], {limit, a->flag("all")});
        if (!found) {
            return ctx.fail(found.error());
        }
        printPatients(ctx, *found);
        return kOk;
    }
    // archive
    if (auto s = a->expectPositional(1, "patient id"); !s) {
        return ctx.usage(s.error().message);
    }
    auto id = parseId(a->positional()[0], "patient id");
    if (!id) {
        return ctx.fail(id.error());
    }
    const bool archived = !a->flag("undo");
    if (auto s = repo.setArchived(*id, archived); !s) {
        return ctx.fail(s.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"id", *id}, {"archived", archived}});
    } else {
        ctx.out << (archived ? "archived patient " : "restored patient ") << *id << '\n';
    }
    return kOk;
}

} // namespace hepdesk::cli
