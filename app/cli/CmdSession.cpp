#include "CmdCommon.h"
#include "hepdesk/core/AtomicFile.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <ostream>

namespace hepdesk::cli {
namespace {

Result<std::int64_t> sessionId(const CliArgs& a) {
    if (auto s = a.expectPositional(1, "session id"); !s) {
        return s.error();
    }
    return parseId(a.positional()[0], "session id");
}

Result<std::int64_t> requiredId(const CliArgs& a, std::string_view option) {
    auto id = a.id(option);
    if (!id) {
        return id.error();
    }
    if (!*id) {
        return Error::invalid("missing --" + std::string(option));
    }
    return **id;
}

void printSession(Context& ctx, const Session& s) {
    if (ctx.format == Format::Json) {
        printJson(ctx, toJson(s));
        return;
    }
    SessionSummary summary{s.id,     s.clinicianId, s.startedAt, s.triage,
                           s.scores, s.program,     s.isSigned};
    ctx.out << "Session " << summaryLine(summary) << '\n'
            << "  patient: " << s.patientId << '\n'
            << "  clinician: " << (s.clinicianId ? std::to_string(*s.clinicianId) : "-") << '\n';
    ctx.out << "  findings: " << (s.findings.empty() ? "none" : "") << '\n';
    for (const Finding& f : s.findings) {
        ctx.out << "    " << toId(f.level) << "  " << f.itemId << ": " << f.reason << '\n';
    }
    ctx.out << "  handout: " << s.handoutOptions.language
            << (s.handoutOptions.largePrint ? ", large print" : "")
            << (s.handoutOptions.overrideReason.empty()
                    ? std::string()
                    : ", override: " + s.handoutOptions.overrideReason)
            << '\n';
    for (const HandoutRecord& h : s.handouts) {
        ctx.out << "    produced " << h.createdAt << "  " << h.byteSize << " bytes  sha256 "
                << h.sha256 << '\n';
    }
    for (const ProgramItem& it : s.program.items) {
        if (!it.note.empty()) {
            ctx.out << "  note for " << it.exerciseId << ": " << it.note << '\n';
        }
    }
    if (!s.screening.notes.empty()) {
        ctx.out << "  screening notes: " << s.screening.notes << '\n';
    }
    if (s.isSigned) {
        ctx.out << "  signed " << s.signedAt << " by clinician "
                << (s.signedBy ? std::to_string(*s.signedBy) : "-") << '\n';
    }
    for (const Addendum& a : s.addenda) {
        ctx.out << "  addendum " << a.id << " (" << a.createdAt << "): " << a.text << '\n';
    }
}

int show(Context& ctx, const CliArgs& a, db::Database& db) {
    auto id = sessionId(a);
    if (!id) {
        return ctx.fail(id.error());
    }
    auto s = db::SqliteSessionRepository(db).get(*id);
    if (!s) {
        return ctx.fail(s.error());
    }
    printSession(ctx, *s);
    return kOk;
}

int list(Context& ctx, const CliArgs& a, db::Database& db) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    auto patient = requiredId(a, "patient");
    if (!patient) {
        return ctx.fail(patient.error());
    }
    int limit = 1000;
    if (auto v = a.value("limit")) {
        auto l = parseInt(*v, "--limit", 1, 100000);
        if (!l) {
            return ctx.fail(l.error());
        }
        limit = *l;
    }
    if (auto p = db::SqlitePatientRepository(db).get(*patient); !p) {
        return ctx.fail(p.error());
    }
    auto history = db::SqliteSessionRepository(db).history(*patient, {limit});
    if (!history) {
        return ctx.fail(history.error());
    }
    if (ctx.format == Format::Json) {
        nlohmann::json j = nlohmann::json::array();
        for (const SessionSummary& s : *history) {
            j.push_back(toJson(s));
        }
        printJson(ctx, j);
        return kOk;
    }
    for (const SessionSummary& s : *history) {
        ctx.out << summaryLine(s) << '\n';
    }
    return kOk;
}

int trend(Context& ctx, const CliArgs& a, db::Database& db) {
    auto patient = requiredId(a, "patient");
    if (!patient) {
        return ctx.fail(patient.error());
    }
    if (auto p = db::SqlitePatientRepository(db).get(*patient); !p) {
        return ctx.fail(p.error());
    }
    auto points = db::SqliteSessionRepository(db).trend(*patient);
    if (!points) {
        return ctx.fail(points.error());
    }
    if (ctx.format == Format::Json) {
        nlohmann::json j = nlohmann::json::array();
        for (const TrendPoint& t : *points) {
            nlohmann::json p = toJson(t.scores);
            p["session"] = t.sessionId;
            p["started_at"] = t.startedAt;
            j.push_back(p);
        }
        printJson(ctx, j);
        return kOk;
    }
    ctx.out << "session\tstarted_at\tnprs\todi_%\tndi_%\tstart_back\n";
    const auto cell = [](const auto& v) { return v ? std::to_string(*v) : std::string("-"); };
    for (const TrendPoint& t : *points) {
        ctx.out << t.sessionId << '\t' << t.startedAt << '\t' << cell(t.scores.painNow) << '\t'
                << cell(t.scores.odiPercent) << '\t' << cell(t.scores.ndiPercent) << '\t'
                << cell(t.scores.startBackTotal) << '\n';
    }
    return kOk;
}

int sign(Context& ctx, const CliArgs& a, db::Database& db) {
    auto id = sessionId(a);
    if (!id) {
        return ctx.fail(id.error());
    }
    auto clinician = requiredId(a, "clinician");
    if (!clinician) {
        return ctx.fail(clinician.error());
    }
    db::SqliteSessionRepository repo(db);
    if (auto s = repo.sign(*id, *clinician); !s) {
        return ctx.fail(s.error());
    }
    auto s = repo.get(*id);
    if (!s) {
        return ctx.fail(s.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"id", *id}, {"signed_at", s->signedAt}, {"signed_by", *clinician}});
    } else {
        ctx.out << "signed session " << *id << " at " << s->signedAt << '\n';
    }
    return kOk;
}

int addendum(Context& ctx, const CliArgs& a, db::Database& db) {
    auto id = sessionId(a);
    if (!id) {
        return ctx.fail(id.error());
    }
    auto clinician = a.id("clinician");
    if (!clinician) {
        return ctx.fail(clinician.error());
    }
    auto text = a.value("text");
    if (!text) {
        return ctx.usage("'session addendum' needs --text");
    }
    auto added =
        db::SqliteSessionRepository(db).addAddendum(*id, Addendum{0, *clinician, "", *text});
    if (!added) {
        return ctx.fail(added.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"session", *id}, {"addendum", *added}});
    } else {
        ctx.out << "added addendum " << *added << " to session " << *id << '\n';
    }
    return kOk;
}

int exportSession(Context& ctx, const CliArgs& a, db::Database& db) {
    auto id = sessionId(a);
    if (!id) {
        return ctx.fail(id.error());
    }
    auto s = db::SqliteSessionRepository(db).get(*id);
    if (!s) {
        return ctx.fail(s.error());
    }
    const std::string text =
        toJson(*s).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    if (auto out = a.value("out")) {
        // A clinical record: owner-only, written whole or not at all.
        if (auto w = writeFileAtomically(*out, text, 0600); !w) {
            return ctx.fail(w.error());
        }
        if (ctx.format == Format::Json) {
            printJson(ctx, {{"session", *id}, {"file", *out}});
        } else {
            ctx.out << "exported session " << *id << " to " << *out << '\n';
        }
        return kOk;
    }
    ctx.out << text;
    return kOk;
}

} // namespace

int runSession(Context& ctx, Args args) {
    if (args.empty()) {
        return ctx.usage(
            "'session' needs a subcommand: new, show, list, trend, sign, addendum, export");
    }
    const std::string& sub = args[0];
    std::set<std::string, std::less<>> withValue;
    std::set<std::string, std::less<>> flags;
    if (sub == "new") {
        withValue = {"patient",   "screening", "exercise",
                     "clinician", "language",  "override-reason"};
        flags = {"large-print"};
    } else if (sub == "list") {
        withValue = {"patient", "limit"};
    } else if (sub == "trend") {
        withValue = {"patient"};
    } else if (sub == "sign") {
        withValue = {"clinician"};
    } else if (sub == "addendum") {
        withValue = {"clinician", "text"};
    } else if (sub == "export") {
        withValue = {"out"};
    } else if (sub != "show") {
        return ctx.usage("unknown 'session' subcommand '" + sub + "'");
    }
    auto a = CliArgs::parse(args.subspan(1), withValue, flags);
    if (!a) {
        return ctx.usage(a.error().message);
    }
    auto db = ctx.openDatabase();
    if (!db) {
        return ctx.fail(db.error());
    }
    if (sub == "new") {
        return newSession(ctx, *a, *db);
    }
    if (sub == "show") {
        return show(ctx, *a, *db);
    }
    if (sub == "list") {
        return list(ctx, *a, *db);
    }
    if (sub == "trend") {
        return trend(ctx, *a, *db);
    }
    if (sub == "sign") {
        return sign(ctx, *a, *db);
    }
    if (sub == "addendum") {
        return addendum(ctx, *a, *db);
    }
    return exportSession(ctx, *a, *db);
}

} // namespace hepdesk::cli
