#include "CliVisit.h"
#include "CmdCommon.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ExerciseSpec.h"
#include "hepdesk/core/ProgramEligibility.h"
#include "hepdesk/db/Store.h"

#include <algorithm>
#include <iterator>
#include <ostream>
#include <set>

namespace hepdesk::cli {

int newSession(Context& ctx, const CliArgs& a, db::Store& store) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    auto patientId = a.id("patient");
    auto clinicianId = a.id("clinician");
    if (!patientId || !clinicianId) {
        return ctx.fail(patientId ? clinicianId.error() : patientId.error());
    }
    if (!*patientId) {
        return ctx.usage("'session new' needs --patient ID");
    }
    const auto screeningFile = a.required("screening", "session new", "FILE.json");
    if (!screeningFile) {
        return ctx.fail(screeningFile.error());
    }
    HandoutOptions handout;
    handout.language = a.value("language").value_or("en");
    handout.largePrint = a.flag("large-print");
    handout.overrideReason = a.value("override-reason").value_or("");
    handout.overrideKind = a.value("override-kind").value_or("");
    // The clinic's own exercises can be chosen like shipped ones, as in the desktop app.
    auto visit = CliVisit::open(store, ctx.err);
    if (!visit) {
        return ctx.fail(visit.error());
    }
    // On a clinic server the session is the logged-in clinician's (--clinician is refused).
    auto acting = (*visit)->actingClinician(*clinicianId);
    if (!acting) {
        return ctx.fail(acting.error());
    }
    clinicianId = std::move(acting);
    visit::VisitWorkflow& workflow = (*visit)->workflow();
    const Catalog& catalog = workflow.catalog();
    // The patient and the clinician are named before the file's problems.
    if (auto known = workflow.start(**patientId, {*clinicianId, handout, std::nullopt, {}});
        !known) {
        return ctx.fail(known.error());
    }
    auto file = readScreeningFile(*screeningFile);
    if (!file) {
        return ctx.fail(file.error());
    }
    if (auto ok = checkScreening(ctx, workflow.rules(), file->screening, *screeningFile); !ok) {
        return ctx.fail(ok.error());
    }
    // Checked here first so that errors point into the file.
    if (auto checked = workflow.assess(file->screening, *screeningFile, &file->doc); !checked) {
        return ctx.fail(checked.error());
    }
    const bool followUp = a.flag("follow-up");
    // Lasting conditions carry into every follow-up until the clinician clears them.
    std::set<std::string> cleared;
    for (const std::string& id : a.values("clear-finding")) {
        if (!followUp) {
            return ctx.usage("--clear-finding only applies to a --follow-up");
        }
        const FindingItem* item = workflow.rules().items().finding(id);
        if (item == nullptr || !item->lasting) {
            return ctx.fail(Error::invalid(
                "--clear-finding: \"" + id.substr(0, 60) +
                "\" is not a lasting finding (the ids marked \"persistence\": \"lasting\" in "
                "templates/rules/screening_items.json)"));
        }
        cleared.insert(id);
    }
    // The file's screening, with the age from the birth date when it gives none; a follow-up
    // adds the last visit's lasting findings and patient facts and leaves out of the last
    // program what that screening excludes.
    auto started =
        workflow.start(**patientId, {*clinicianId, handout,
                                     followUp ? std::optional<std::int64_t>(0) : std::nullopt,
                                     std::move(file->screening), cleared});
    if (!started) {
        return ctx.fail(started.error());
    }
    Session& s = started->session;
    // Late entry: the visit's own date and time (the workflow checks and audits it).
    if (const auto when = a.value("visit-time")) {
        if (auto set = workflow.setVisitTime(s, *when); !set) {
            return ctx.fail(Error{set.error().kind, "--visit-time: " + set.error().message});
        }
    }
    if (followUp) {
        const visit::CarriedOver& carried = started->carried;
        const std::string from = "session " + std::to_string(carried.fromSession);
        for (const std::string& id : carried.findings) {
            ctx.err << "hepdesk-cli: note: carried from " << from << ": " << id
                    << " (a lasting condition: confirm it with the patient)\n";
        }
        if (carried.sex) {
            ctx.err << "hepdesk-cli: note: carried from " << from << ": sex "
                    << toId(s.screening.sex) << '\n';
        }
        if (carried.age) {
            ctx.err << "hepdesk-cli: note: carried from " << from << ": age " << *s.screening.age
                    << '\n';
        }
        if (carried.duration) {
            ctx.err << "hepdesk-cli: note: carried from " << from << ": duration "
                    << *s.screening.durationDays << " days\n";
        }
        if (carried.psfsActivities > 0) {
            ctx.err << "hepdesk-cli: note: carried from " << from << ": " << carried.psfsActivities
                    << " PSFS activities to rate again\n";
        }
        for (const std::string& why : started->leftOut) {
            ctx.err << "hepdesk-cli: note: " << why << '\n';
        }
        // Options given now win over the last session's.
        if (a.value("language")) {
            s.handoutOptions.language = handout.language;
        }
        s.handoutOptions.largePrint = s.handoutOptions.largePrint || handout.largePrint;
    }
    auto assessment = workflow.assess(s.screening, "today's screening");
    if (!assessment) {
        return ctx.fail(assessment.error());
    }
    std::vector<std::string> givenNow;
    for (const std::string& spec : a.values("exercise")) {
        auto item = parseExerciseSpec(spec, catalog);
        if (!item) {
            return ctx.fail(item.error());
        }
        givenNow.push_back(item->exerciseId);
        // An exercise given again replaces the one copied from the last program.
        auto same =
            std::find_if(s.program.items.begin(), s.program.items.end(),
                         [&](const ProgramItem& p) { return p.exerciseId == item->exerciseId; });
        if (same != s.program.items.end()) {
            *same = std::move(*item);
        } else {
            s.program.items.push_back(std::move(*item));
        }
    }
    // Eligibility is the clinical core's decision; the command only enforces it.
    const visit::ProgramCheck check =
        workflow.checkProgram(s.program, *assessment, !handout.overrideReason.empty());
    if (!check.excluded.empty()) {
        return ctx.fail(Error::refused(check.excluded.front()));
    }
    // An emergency or urgent triage blocks exercises given now, as the app refuses adding
    // them; a follow-up's copied program stays for the clinician to review.
    for (const std::string& id : givenNow) {
        const ProgramDecision d =
            checkProgramItem(*assessment, id, !handout.overrideReason.empty());
        if (d.verdict == ProgramVerdict::BlockedByTriage) {
            const CatalogEntry* entry = catalog.find(id);
            return ctx.fail(Error::refused(
                refusalMessage(d, id, entry != nullptr ? entry->name.text("en") : "") +
                " (--override-reason)"));
        }
    }
    for (const std::string& why : check.blocked) {
        ctx.err << "hepdesk-cli: note: " << why << '\n';
    }
    for (const std::string& c : check.cautions) {
        ctx.err << "hepdesk-cli: caution: " << c << '\n';
    }
    if (std::find(std::begin(kLanguages), std::end(kLanguages), s.handoutOptions.language) ==
        std::end(kLanguages)) {
        return ctx.fail(Error::invalid("--language must be one of en, es; got '" +
                                       s.handoutOptions.language.substr(0, 40) + "'"));
    }
    auto saved = workflow.saveDraft(s);
    if (!saved) {
        return ctx.fail(saved.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, toJson(s));
        return kOk;
    }
    // Screen first (the visit layer's rule): nothing recorded is no triage yet.
    const Status screened = visit::requireScreening(s);
    ctx.out << "stored session " << s.id << ": "
            << (screened ? std::string(label(s.triage)) : std::string("screening not done yet"))
            << '\n';
    if (!screened) {
        ctx.out << "  no handout and no signature until a finding, a pain score or a "
                   "questionnaire is recorded\n";
    }
    for (const Finding& f : s.findings) {
        ctx.out << "  " << toId(f.level) << "  " << f.itemId << ": " << f.reason << '\n';
    }
    if (!handoutAllowedWithoutOverride(s.triage) && s.handoutOptions.overrideReason.empty()) {
        ctx.out << "  a handout for this session needs an override reason\n";
    }
    return kOk;
}

} // namespace hepdesk::cli
