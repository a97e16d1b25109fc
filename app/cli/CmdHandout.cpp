#include "CliArgs.h"
#include "CliVisit.h"
#include "ClinicalData.h"
#include "CmdCommon.h"
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/AtomicFile.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/core/ExerciseSpec.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/Paths.h"
#include "hepdesk/core/Screening.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/core/TextEscape.h"
#include "hepdesk/core/handout/HandoutWriter.h"
#include "hepdesk/db/Store.h"
#include "hepdesk/visit/OverrideReason.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace hepdesk::cli {
namespace {

/// Still written (the clinician may hand it over), but never silently: a name in a script the
/// font lacks prints as empty boxes.
void warnUndrawable(const Context& ctx, const handout::HandoutWriter::Rendered& rendered) {
    if (!rendered.undrawable.empty()) {
        ctx.err << "hepdesk-cli: warning: the handout's font cannot draw these characters; they "
                   "show as empty boxes in the PDF: "
                << escapeForTerminal(handout::describeUndrawable(rendered.undrawable)) << '\n';
    }
}

/// `handout --session ID`: the stored session's handout through the visit workflow (a draft
/// with today's rules, a signed session exactly as signed), written to `output` and recorded.
int sessionHandout(Context& ctx, const std::string& sessionArg, const std::string& output,
                   const std::optional<std::string>& clinicianArg, visit::HandoutChanges changes) {
    auto id = parseId(sessionArg, "session id");
    if (!id) {
        return ctx.fail(id.error());
    }
    if (clinicianArg) {
        auto who = parseId(*clinicianArg, "clinician id");
        if (!who) {
            return ctx.fail(who.error());
        }
        changes.clinicianId = *who;
    }
    auto store = ctx.openStore(true); // a file or a clinic server
    if (!store) {
        return ctx.fail(store.error());
    }
    auto visit = CliVisit::open(**store, ctx.err);
    if (!visit) {
        return ctx.fail(visit.error());
    }
    if (!changes.clinicianId && (*store)->backend() == db::Store::Backend::Server) {
        // An override after signing is the logged-in clinician's (the server stamps it so).
        if (auto me = (*visit)->actingClinician(std::nullopt); me) {
            changes.clinicianId = *me;
        }
    }
    visit::VisitWorkflow& workflow = (*visit)->workflow();
    auto plan = workflow.handout(*id, changes);
    if (!plan) {
        return ctx.fail(plan.error());
    }
    auto rendered = visit::produceHandout(workflow.writer(), workflow.catalog().entries(), *plan);
    if (!rendered) {
        return ctx.fail(rendered.error());
    }
    warnUndrawable(ctx, *rendered);
    if (auto st = writeFileAtomically(output, rendered->pdf, 0600); !st) {
        return ctx.fail(st.error());
    }
    // The record proves later which bytes this patient was given; the clinician's copy was not
    // given to the patient and is not recorded.
    std::optional<HandoutRecord> record;
    if (!plan->request.options.clinicianCopy) {
        auto recorded = workflow.recordHandout(*id, rendered->pdf, *plan, "file " + output);
        if (!recorded) {
            return ctx.fail(recorded.error());
        }
        record = std::move(*recorded);
    }
    const std::string sha = record ? record->sha256 : sha256Hex(rendered->pdf);
    // produceHandout refused a reprint that would differ from the handout as signed.
    const bool asSigned = plan->asSigned && sha == plan->signedSha256;
    if (ctx.format == Format::Json) {
        const nlohmann::json j{
            {"output", output},
            {"sha256", sha},
            {"pages", rendered->pages},
            {"bytes", rendered->pdf.size()},
            {"triage", toId(plan->request.assessment.level)},
            {"override", !plan->request.overrideReason.empty()},
            {"reprint_of_signed", plan->fromSnapshot},
            {"clinician_copy", plan->request.options.clinicianCopy},
            {"handout", record ? nlohmann::json(record->id) : nlohmann::json(nullptr)}};
        printJson(ctx, j);
    } else {
        ctx.out << "wrote " << output << " (" << rendered->pages << " pages, "
                << rendered->pdf.size() << " bytes, sha256 " << sha << ")"
                << (asSigned ? ", identical to the handout as signed" : "") << '\n';
    }
    return kOk;
}

/// `handout --session ID --referral`: the one-page letter to the doctor or the emergency
/// department, through the visit workflow; refused for a routine triage.
int referralLetter(Context& ctx, const std::string& sessionArg, const std::string& output,
                   const std::string& lang, handout::HandoutOptions::Paper paper) {
    auto id = parseId(sessionArg, "session id");
    if (!id) {
        return ctx.fail(id.error());
    }
    auto store = ctx.openStore(true); // a file or a clinic server
    if (!store) {
        return ctx.fail(store.error());
    }
    auto visit = CliVisit::open(**store, ctx.err);
    if (!visit) {
        return ctx.fail(visit.error());
    }
    visit::VisitWorkflow& workflow = (*visit)->workflow();
    auto letter = workflow.referralLetter(*id, lang, paper);
    if (!letter) {
        return ctx.fail(letter.error());
    }
    auto pdf = workflow.renderReferral(*letter);
    if (!pdf) {
        return ctx.fail(pdf.error());
    }
    if (auto st = writeFileAtomically(output, *pdf, 0600); !st) {
        return ctx.fail(st.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, nlohmann::json{{"output", output},
                                      {"sha256", sha256Hex(*pdf)},
                                      {"pages", 1},
                                      {"bytes", pdf->size()},
                                      {"triage", toId(letter->level)},
                                      {"language", letter->lang}});
    } else {
        ctx.out << "wrote referral letter " << output << " (" << toId(letter->level) << ", "
                << letter->lang << ", 1 page, " << pdf->size() << " bytes)\n";
    }
    return kOk;
}

} // namespace

int runHandout(Context& ctx, Args args) {
    auto parsed =
        CliArgs::parse(args,
                       {"screening", "exercise", "patient", "clinic", "lang", "override-reason",
                        "o", "note", "paper", "session", "clinician", "override-kind"},
                       {"large-print", "log", "goals", "clinician-copy", "referral"});
    if (!parsed) {
        return ctx.usage(parsed.error().message);
    }
    const CliArgs& cmd = *parsed;
    if (!cmd.positional().empty()) {
        return ctx.usage("unexpected argument '" + cmd.positional()[0] + "' for 'handout'");
    }
    const std::optional<std::string> screeningFile = cmd.value("screening");
    const std::optional<std::string> patient = cmd.value("patient");
    const std::optional<std::string> clinicFile = cmd.value("clinic");
    const std::optional<std::string> output = cmd.value("o");
    const std::optional<std::string> overrideReason = cmd.value("override-reason");
    const std::optional<std::string> session = cmd.value("session");
    const std::optional<std::string> lang = cmd.value("lang");
    const std::optional<std::string> clinician = cmd.value("clinician");
    const std::optional<std::string> overrideKind = cmd.value("override-kind");
    const std::vector<std::string> exercises = cmd.values("exercise");
    const bool largePrint = cmd.flag("large-print");
    const bool goals = cmd.flag("goals");
    const bool referral = cmd.flag("referral");
    handout::HandoutOptions options;
    options.largePrint = largePrint;
    options.exerciseLog = cmd.flag("log");
    options.clinicianCopy = cmd.flag("clinician-copy");
    if (lang) {
        options.lang = *lang;
    }
    std::optional<handout::HandoutOptions::Paper> paper;
    constexpr std::string_view kPapers[] = {"a4", "letter"};
    auto paperArg = cmd.oneOf("paper", kPapers, "paper");
    if (!paperArg) {
        return ctx.fail(paperArg.error());
    }
    if (*paperArg) {
        options.paper = **paperArg == "a4" ? handout::HandoutOptions::Paper::A4
                                           : handout::HandoutOptions::Paper::Letter;
        paper = options.paper;
    }
    std::vector<std::pair<std::string, std::string>> notes;
    for (const std::string& v : cmd.values("note")) { // --note ID=TEXT
        const auto eq = v.find('=');
        if (eq == std::string::npos || eq == 0) {
            return ctx.usage("--note needs ID=TEXT, got '" + v + "'");
        }
        notes.emplace_back(v.substr(0, eq), v.substr(eq + 1));
    }
    if (referral) {
        if (!session || !output) {
            return ctx.usage("'handout --referral' needs --session ID and -o LETTER.pdf");
        }
        if (screeningFile || patient || !exercises.empty() || !notes.empty() || largePrint ||
            overrideReason || overrideKind || clinicFile || clinician || options.clinicianCopy) {
            return ctx.usage("'handout --referral' takes only --session, -o, --lang and --paper");
        }
        return referralLetter(ctx, *session, *output, lang.value_or(""),
                              paper.value_or(handout::HandoutOptions::Paper::A4));
    }
    if (session && (screeningFile || patient || !exercises.empty() || !notes.empty())) {
        return ctx.usage("'handout --session' takes the screening, patient and program from the "
                         "database: drop --screening, --patient, --exercise and --note");
    }
    if (clinician && !session) {
        return ctx.usage("--clinician (who gives an override after signing) goes with --session");
    }
    if (!output || (!session && (!screeningFile || !patient || exercises.empty()))) {
        return ctx.usage("'handout' needs --screening FILE, --patient NAME, at least one "
                         "--exercise ID and -o OUT.pdf (or --session ID and -o OUT.pdf)");
    }

    std::optional<handout::ClinicInfo> clinicInfo;
    if (clinicFile) {
        auto cj = json::parseFile(*clinicFile, kMaxJsonFileBytes, "clinic file");
        if (!cj) {
            return ctx.fail(cj.error());
        }
        auto clinic =
            json::guarded(*clinicFile, [&] { return handout::clinicFromJson(*cj, *clinicFile); });
        if (!clinic) {
            return ctx.fail(clinic.error());
        }
        clinicInfo = std::move(*clinic);
    }
    if (session) {
        visit::HandoutChanges changes{lang,
                                      largePrint ? std::optional(true) : std::nullopt,
                                      paper,
                                      overrideReason,
                                      std::move(clinicInfo),
                                      std::nullopt,
                                      visit::OptionNames{"--lang", "--large-print", "--paper",
                                                         "--override-reason", "--clinic"},
                                      options.exerciseLog ? std::optional(true) : std::nullopt,
                                      goals ? std::optional(true) : std::nullopt,
                                      options.clinicianCopy,
                                      overrideKind};
        return sessionHandout(ctx, *session, *output, clinician, std::move(changes));
    }

    handout::HandoutRequest req;
    std::unique_ptr<db::Store> store;
    // With a database named by --db (a file or a clinic server) the clinic's own exercises
    // join the catalog, photos included, exactly as the desktop app loads them.
    if (ctx.dbPath || ctx.server) {
        auto opened = ctx.openStore(true);
        if (!opened) {
            return ctx.fail(opened.error());
        }
        store = std::move(*opened);
    }
    auto data = store ? ClinicalData::loadWithClinic({}, store->customExercises(), ctx.err)
                      : ClinicalData::load({});
    if (!data) {
        return ctx.fail(data.error());
    }
    const Catalog& catalog = data->catalog;
    const ClinicalRules& rules = data->rules;
    auto file = readScreeningFile(*screeningFile);
    if (!file) {
        return ctx.fail(file.error());
    }
    const Screening& screening = file->screening;
    if (auto ok = checkScreening(ctx, rules, screening, *screeningFile); !ok) {
        return ctx.fail(ok.error());
    }
    if (auto ok = visit::requireScreening(screening, "screening file '" + *screeningFile + "'");
        !ok) {
        return ctx.fail(ok.error());
    }
    auto assessment = assess(screening, rules, catalog, *screeningFile, &file->doc);
    if (!assessment) {
        return ctx.fail(assessment.error());
    }
    req.options = options;
    req.patientName = *patient;
    req.sessionDate = screening.date.empty() ? isoDate(Clock::current().now()) : screening.date;
    req.assessment = std::move(*assessment);
    req.findingIds = screening.findings;
    if (goals) {
        for (const PsfsActivity& a : screening.psfs) {
            req.goals.push_back(a.activity);
        }
    }
    if (overrideReason && !overrideReason->empty()) {
        if (auto st = visit::checkOverride(overrideKind.value_or(""), *overrideReason); !st) {
            return ctx.fail(st.error());
        }
        req.overrideReason =
            visit::overrideText(overrideKind.value_or(""), *overrideReason, req.options.lang);
    }
    for (const std::string& e : exercises) {
        auto item = parseExerciseSpec(e, catalog);
        if (!item) {
            return ctx.fail(item.error());
        }
        req.program.items.push_back(std::move(*item));
    }
    for (const auto& [id, text] : notes) {
        const std::string& wanted = id; // clang 14 cannot capture a structured binding
        auto it = std::find_if(req.program.items.begin(), req.program.items.end(),
                               [&wanted](const ProgramItem& p) { return p.exerciseId == wanted; });
        if (it == req.program.items.end()) {
            return ctx.usage("--note for '" + id + "', which is not an --exercise");
        }
        it->note = text;
    }
    if (clinicInfo) {
        req.clinic = std::move(*clinicInfo);
    }

    auto writer = handout::HandoutWriter::load(templatesDir());
    if (!writer) {
        return ctx.fail(writer.error());
    }
    auto rendered = writer->render(req, catalog.entries());
    if (!rendered) {
        return ctx.fail(rendered.error());
    }
    warnUndrawable(ctx, *rendered);
    if (auto st = writeFileAtomically(*output, rendered->pdf, 0600); !st) {
        return ctx.fail(st.error());
    }
    const std::string sha = sha256Hex(rendered->pdf);
    if (ctx.format == Format::Json) {
        const nlohmann::json j{{"output", *output},
                               {"sha256", sha},
                               {"pages", rendered->pages},
                               {"bytes", rendered->pdf.size()},
                               {"triage", toId(req.assessment.level)},
                               {"override", !req.overrideReason.empty()}};
        ctx.out << json::dump(j, 2) << '\n';
    } else {
        ctx.out << "wrote " << *output << " (" << rendered->pages << " pages, "
                << rendered->pdf.size() << " bytes, sha256 " << sha << ")\n";
    }
    return kOk;
}

} // namespace hepdesk::cli
