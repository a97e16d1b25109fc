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
#include "hepdesk/db/Database.h"
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
    auto database = ctx.openExistingDatabase();
    if (!database) {
        return ctx.fail(database.error());
    }
    auto visit = CliVisit::open(*database, ctx.err);
    if (!visit) {
        return ctx.fail(visit.error());
    }
    visit::VisitWorkflow& workflow = (*visit)->workflow();
    auto plan = workflow.handout(*id, changes);
    if (!plan) {
        return ctx.fail(plan.error());
    }
    auto rendered = workflow.writer().render(plan->request, workflow.catalog().entries());
    if (!rendered) {
        return ctx.fail(rendered.error());
    }
    warnUndrawable(ctx, *rendered);
    if (auto st = writeFileAtomically(output, rendered->pdf, 0600); !st) {
        return ctx.fail(st.error());
    }
    // The record proves later which bytes this patient was given.
    auto record = workflow.recordHandout(*id, rendered->pdf, *plan, "file " + output);
    if (!record) {
        return ctx.fail(record.error());
    }
    const std::string& sha = record->sha256;
    const bool asSigned = plan->fromSnapshot && sha == plan->signedSha256;
    if (plan->fromSnapshot && !plan->signedSha256.empty() && !asSigned) {
        ctx.err << "hepdesk-cli: warning: this reprint differs from the handout fingerprinted at "
                   "signing (sha256 "
                << plan->signedSha256 << "): the fonts or templates of this installation changed\n";
    }
    if (ctx.format == Format::Json) {
        const nlohmann::json j{{"output", output},
                               {"sha256", sha},
                               {"pages", rendered->pages},
                               {"bytes", rendered->pdf.size()},
                               {"triage", toId(plan->request.assessment.level)},
                               {"override", !plan->request.overrideReason.empty()},
                               {"reprint_of_signed", plan->fromSnapshot},
                               {"handout", record->id}};
        printJson(ctx, j);
    } else {
        ctx.out << "wrote " << output << " (" << rendered->pages << " pages, "
                << rendered->pdf.size() << " bytes, sha256 " << sha << ")"
                << (asSigned ? ", identical to the handout as signed" : "") << '\n';
    }
    return kOk;
}

} // namespace

int runHandout(Context& ctx, Args args) {
    std::optional<std::string> screeningFile, patient, clinicFile, output, overrideReason, session;
    std::optional<std::string> lang, clinician;
    std::optional<handout::HandoutOptions::Paper> paper;
    std::vector<std::string> exercises;
    std::vector<std::pair<std::string, std::string>> notes;
    handout::HandoutOptions options;
    bool largePrint = false;
    bool goals = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const auto value = [&]() -> const std::string* {
            return i + 1 < args.size() ? &args[++i] : nullptr;
        };
        if (a == "--large-print") {
            options.largePrint = true;
            largePrint = true;
            continue;
        }
        if (a == "--log") {
            options.exerciseLog = true;
            continue;
        }
        if (a == "--goals") {
            goals = true;
            continue;
        }
        if (a == "--screening" || a == "--exercise" || a == "--patient" || a == "--clinic" ||
            a == "--lang" || a == "--override-reason" || a == "-o" || a == "--note" ||
            a == "--paper" || a == "--session" || a == "--clinician") {
            const std::string* v = value();
            if (v == nullptr) {
                return ctx.usage("option '" + a + "' needs a value");
            }
            if (a == "--screening") {
                screeningFile = *v;
            } else if (a == "--exercise") {
                exercises.push_back(*v);
            } else if (a == "--patient") {
                patient = *v;
            } else if (a == "--clinic") {
                clinicFile = *v;
            } else if (a == "--lang") {
                lang = *v;
                options.lang = *v;
            } else if (a == "--session") {
                session = *v;
            } else if (a == "--clinician") {
                clinician = *v;
            } else if (a == "--override-reason") {
                overrideReason = *v;
            } else if (a == "-o") {
                output = *v;
            } else if (a == "--paper") {
                if (*v != "a4" && *v != "letter") {
                    return ctx.usage("unknown paper '" + *v + "' (expected a4 or letter)");
                }
                options.paper = *v == "a4" ? handout::HandoutOptions::Paper::A4
                                           : handout::HandoutOptions::Paper::Letter;
                paper = options.paper;
            } else { // --note ID=TEXT
                const auto eq = v->find('=');
                if (eq == std::string::npos || eq == 0) {
                    return ctx.usage("--note needs ID=TEXT, got '" + *v + "'");
                }
                notes.emplace_back(v->substr(0, eq), v->substr(eq + 1));
            }
            continue;
        }
        return ctx.usage("unexpected argument '" + a + "' for 'handout'");
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
        return sessionHandout(ctx, *session, *output, clinician,
                              {lang, largePrint ? std::optional(true) : std::nullopt, paper,
                               overrideReason, std::move(clinicInfo), std::nullopt,
                               visit::OptionNames{"--lang", "--large-print", "--paper",
                                                  "--override-reason", "--clinic"},
                               options.exerciseLog ? std::optional(true) : std::nullopt,
                               goals ? std::optional(true) : std::nullopt});
    }

    handout::HandoutRequest req;
    std::optional<db::Database> database;
    // With a database named by --db the clinic's own exercises join the catalog, photos
    // included, exactly as the desktop app loads them.
    if (ctx.dbPath) {
        auto opened = ctx.openExistingDatabase();
        if (!opened) {
            return ctx.fail(opened.error());
        }
        database.emplace(std::move(*opened));
    }
    auto data =
        database ? ClinicalData::loadWithClinic({}, *database, ctx.err) : ClinicalData::load({});
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
    req.overrideReason = overrideReason.value_or("");
    if (!req.overrideReason.empty()) {
        if (auto st = visit::checkOverrideReason(req.overrideReason); !st) {
            return ctx.fail(st.error());
        }
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
