#include "CliVisit.h"
#include "CmdCommon.h"
#include "CmdFhir.h"
#include "Subcommand.h"
#include "hepdesk/core/AtomicFile.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"
#include "hepdesk/db/Store.h"

#include <array>
#include <ostream>
#include <variant>

namespace hepdesk::cli {
namespace {

/// The session id, the one positional argument. Unlike other commands', a wrong number of
/// arguments here is reported as bad input, without the pointer to --help.
Result<std::int64_t> sessionId(const CliArgs& a) {
    if (auto s = a.expectPositional(1, "session id"); !s) {
        return s.error();
    }
    return parseId(a.positional()[0], "session id");
}

/// The session whose id is the one positional argument.
Result<Session> positionalSession(const CliArgs& a, db::SessionRepository& sessions) {
    auto id = sessionId(a);
    if (!id) {
        return id.error();
    }
    return sessions.get(*id);
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
        ctx.out << "    " << toId(f.level) << "  " << f.itemId << ": " << esc(f.reason) << '\n';
    }
    ctx.out << "  handout: " << s.handoutOptions.language
            << (s.handoutOptions.largePrint ? ", large print" : "")
            << (s.handoutOptions.overrideReason.empty()
                    ? std::string()
                    : ", override: " + esc(s.handoutOptions.overrideReason))
            << '\n';
    for (const HandoutRecord& h : s.handouts) {
        ctx.out << "    produced " << h.createdAt << "  " << h.byteSize << " bytes  sha256 "
                << h.sha256 << '\n';
    }
    for (const ProgramItem& it : s.program.items) {
        if (!it.note.empty()) {
            ctx.out << "  note for " << it.exerciseId << ": " << esc(it.note) << '\n';
        }
    }
    if (!s.screening.notes.empty()) {
        ctx.out << "  screening notes: " << esc(s.screening.notes) << '\n';
    }
    if (s.isSigned) {
        ctx.out << "  signed " << s.signedAt << " by clinician "
                << (s.signedBy ? std::to_string(*s.signedBy) : "-") << '\n';
    }
    for (const Addendum& a : s.addenda) {
        ctx.out << "  addendum " << a.id << " (" << a.createdAt << "): " << esc(a.text) << '\n';
    }
    for (const HandoutOverride& o : s.overrides) {
        ctx.out << "  override " << o.id << " (" << o.createdAt << ", " << o.actor
                << "): " << o.reason << '\n';
    }
}

int show(Context& ctx, const CliArgs& a, db::Store& store) {
    auto s = positionalSession(a, store.sessions());
    if (!s) {
        return ctx.fail(s.error());
    }
    printSession(ctx, *s);
    return kOk;
}

int list(Context& ctx, const CliArgs& a, db::Store& store) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    auto patient = a.requiredId("patient");
    if (!patient) {
        return ctx.fail(patient.error());
    }
    auto limit = a.intOr("limit", 1000, 1, 100000);
    if (!limit) {
        return ctx.fail(limit.error());
    }
    if (auto p = store.patients().get(*patient); !p) {
        return ctx.fail(p.error());
    }
    auto history = store.sessions().history(*patient, {*limit});
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

int trend(Context& ctx, const CliArgs& a, db::Store& store) {
    auto patient = a.requiredId("patient");
    if (!patient) {
        return ctx.fail(patient.error());
    }
    if (auto p = store.patients().get(*patient); !p) {
        return ctx.fail(p.error());
    }
    auto points = store.sessions().trend(*patient);
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

/// The visit workflow on `store`, or the exit code of the failure (already reported).
std::variant<std::unique_ptr<CliVisit>, int> openVisit(Context& ctx, db::Store& store) {
    auto visit = CliVisit::open(store, ctx.err);
    if (!visit) {
        return ctx.fail(visit.error());
    }
    return std::move(*visit);
}

int sign(Context& ctx, const CliArgs& a, db::Store& store) {
    auto id = sessionId(a);
    if (!id) {
        return ctx.fail(id.error());
    }
    // On a clinic server the signer is the clinician logged in (--clinician is refused there).
    const bool onServer = store.backend() == db::Store::Backend::Server;
    auto given = onServer ? Result<std::int64_t>(0) : a.requiredId("clinician");
    if (!given) {
        return ctx.fail(given.error());
    }
    const std::string paper = a.value("paper").value_or("a4");
    if (paper != "a4" && paper != "letter") {
        return ctx.usage("unknown paper '" + paper + "' (expected a4 or letter)");
    }
    auto visit = openVisit(ctx, store);
    if (const int* failed = std::get_if<int>(&visit)) {
        return *failed;
    }
    auto signer = std::get<0>(visit)->actingClinician(*given);
    if (!signer) {
        return ctx.fail(signer.error());
    }
    const std::int64_t clinician = signer->value_or(*given);
    // The snapshot of the handout and its fingerprint are stored in the signing transaction.
    auto s = std::get<0>(visit)->workflow().sign(*id, clinician,
                                                 paper == "letter"
                                                     ? handout::HandoutOptions::Paper::Letter
                                                     : handout::HandoutOptions::Paper::A4,
                                                 {a.flag("log"), a.flag("goals")});
    if (!s) {
        return ctx.fail(s.error());
    }
    const std::string& sha = s->handoutSha256;
    if (ctx.format == Format::Json) {
        printJson(
            ctx, {{"id", *id},
                  {"signed_at", s->session.signedAt},
                  {"signed_by", clinician},
                  {"handout_sha256", sha.empty() ? nlohmann::json(nullptr) : nlohmann::json(sha)}});
    } else {
        ctx.out << "signed session " << *id << " at " << s->session.signedAt << '\n';
        if (sha.empty()) {
            ctx.out << "  no handout can be made yet (a referral first); an override later is "
                       "stored with who and when\n";
        } else {
            ctx.out << "  handout fingerprint sha256 " << sha << '\n';
        }
    }
    return kOk;
}

int addendum(Context& ctx, const CliArgs& a, db::Store& store) {
    auto id = sessionId(a);
    if (!id) {
        return ctx.fail(id.error());
    }
    auto clinician = a.id("clinician");
    if (!clinician) {
        return ctx.fail(clinician.error());
    }
    auto text = a.required("text", "session addendum");
    if (!text) {
        return ctx.fail(text.error());
    }
    auto visit = openVisit(ctx, store);
    if (const int* failed = std::get_if<int>(&visit)) {
        return *failed;
    }
    // On a clinic server the author is the clinician logged in.
    auto author = std::get<0>(visit)->actingClinician(*clinician);
    if (!author) {
        return ctx.fail(author.error());
    }
    auto s = std::get<0>(visit)->workflow().addAddendum(*id, *author, *text);
    if (!s) {
        return ctx.fail(s.error());
    }
    const std::int64_t added = s->addenda.back().id;
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"session", *id}, {"addendum", added}});
    } else {
        ctx.out << "added addendum " << added << " to session " << *id << '\n';
    }
    return kOk;
}

int exportSession(Context& ctx, const CliArgs& a, db::Store& store) {
    const std::string format = a.value("format").value_or("json");
    if (format != "json" && format != "fhir") {
        return ctx.usage("unknown format '" + format +
                         "' for session export (expected json or fhir)");
    }
    if (format == "fhir") {
        auto id = sessionId(a);
        if (!id) {
            return ctx.fail(id.error());
        }
        return exportFhir(ctx, a, store, FhirScope::Session, *id);
    }
    if (a.value("record-system")) {
        return ctx.usage("--record-system needs --format fhir");
    }
    auto s = positionalSession(a, store.sessions());
    if (!s) {
        return ctx.fail(s.error());
    }
    const std::int64_t id = s->id;
    const std::string text =
        toJson(*s).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    const auto out = a.value("out");
    if (out) {
        // A clinical record: owner-only, written whole or not at all.
        if (auto w = writeFileAtomically(*out, text, 0600); !w) {
            return ctx.fail(w.error());
        }
    }
    // A copy of a clinical record left HepDesk: the log says where to.
    if (auto r = store.audit().append(db::AuditEntry{0, "", "", "session.export", "session",
                                                     std::to_string(id),
                                                     out ? "file " + *out : "to standard output"});
        !r) {
        return ctx.fail(r.error());
    }
    if (!out) {
        ctx.out << text;
    } else if (ctx.format == Format::Json) {
        printJson(ctx, {{"session", id}, {"file", *out}});
    } else {
        ctx.out << "exported session " << id << " to " << *out << '\n';
    }
    return kOk;
}

} // namespace

int runSession(Context& ctx, Args args) {
    static const std::array<Subcommand, 7> kSubcommands = {
        // Every step of a visit works on a database file and on a clinic server alike.
        onAnyBackend("new",
                     {"patient", "screening", "exercise", "clinician", "language",
                      "override-reason", "override-kind", "clear-finding", "visit-time"},
                     {"large-print", "follow-up"}, newSession),
        readsOnly(onAnyBackend("show", {}, {}, show)),
        readsOnly(onAnyBackend("list", {"patient", "limit"}, {}, list)),
        readsOnly(onAnyBackend("trend", {"patient"}, {}, trend)),
        onAnyBackend("sign", {"clinician", "paper"}, {"log", "goals"}, sign),
        onAnyBackend("addendum", {"clinician", "text"}, {}, addendum),
        readsOnly(onAnyBackend("export", {"out", "format", "record-system"}, {}, exportSession)),
    };
    return runSubcommand(ctx, "session", args, kSubcommands);
}

} // namespace hepdesk::cli
