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
    auto database = ctx.openExistingDatabase();
    if (!database) {
        return ctx.fail(database.error());
    }
    auto visit = CliVisit::open(*database, ctx.err);
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
    std::optional<std::string> screeningFile, patient, clinicFile, output, overrideReason, session;
    std::optional<std::string> lang, clinician, overrideKind;
    std::optional<handout::HandoutOptions::Paper> paper;
    std::vector<std::string> exercises;
    std::vector<std::pair<std::string, std::string>> notes;
    handout::HandoutOptions options;
    bool largePrint = false;
    bool goals = false;
    bool referral = false;
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
        if (a == "--clinician-copy") {
            options.clinicianCopy = true;
            continue;
        }
        if (a == "--referral") {
            referral = true;
            continue;
        }
        if (a == "--screening" || a == "--exercise" || a == "--patient" || a == "--clinic" ||
            a == "--lang" || a == "--override-reason" || a == "-o" || a == "--note" ||
            a == "--paper" || a == "--session" || a == "--clinician" || a == "--override-kind") {
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
            } else if (a == "--override-kind") {
                overrideKind = *v;
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
