#include "ClinicalData.h"
#include "CmdCommon.h"
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <algorithm>
#include <iterator>
#include <ostream>

namespace hepdesk::cli {
namespace {

/// "cat_cow", "cat_cow:2x10" or "pelvic_tilt:30s" on top of the catalog's default dosage.
Result<ProgramItem> parseExercise(std::string_view spec, const Catalog& catalog) {
    const auto colon = spec.find(':');
    const std::string id(spec.substr(0, colon));
    const CatalogEntry* entry = catalog.find(id);
    if (entry == nullptr || !entry->isExercise()) {
        return Error::invalid("--exercise '" + std::string(spec) + "': no exercise '" + id +
                              "' in the catalog");
    }
    ProgramItem item{id, entry->defaultDosage, ""};
    if (colon != std::string_view::npos) {
        const std::string_view dose = spec.substr(colon + 1);
        const auto bad = [&] {
            return Error::invalid("--exercise '" + std::string(spec) +
                                  "': expected ID, ID:SETSxREPS (2x10) or ID:HOLDs (30s)");
        };
        if (const auto x = dose.find('x'); x != std::string_view::npos) {
            auto sets = parseInt(dose.substr(0, x), "--exercise " + id + " sets", 1, 10);
            auto reps = parseInt(dose.substr(x + 1), "--exercise " + id + " repetitions", 1, 100);
            if (!sets || !reps) {
                return sets ? reps.error() : sets.error();
            }
            item.dosage.sets = *sets;
            item.dosage.reps = *reps;
        } else if (dose.ends_with('s')) {
            auto hold =
                parseInt(dose.substr(0, dose.size() - 1), "--exercise " + id + " hold", 1, 600);
            if (!hold) {
                return hold.error();
            }
            item.dosage.holdSeconds = *hold;
        } else {
            return bad();
        }
    }
    if (auto s = validate(item.dosage, "--exercise " + id); !s) {
        return s.error();
    }
    return item;
}

} // namespace

int newSession(Context& ctx, const CliArgs& a, db::Database& db) {
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
    if (auto p = db::SqlitePatientRepository(db).get(**patientId); !p) {
        return ctx.fail(p.error());
    }
    if (*clinicianId) {
        if (auto c = db::SqliteClinicianRepository(db).get(**clinicianId); !c) {
            return ctx.fail(c.error());
        }
    }
    auto file = readScreeningFile(*screeningFile);
    if (!file) {
        return ctx.fail(file.error());
    }
    Screening& screening = file->screening;
    // The clinic's own exercises can be chosen like shipped ones, as in the desktop app.
    auto data = ClinicalData::loadWithClinic({}, db, ctx.err);
    if (!data) {
        return ctx.fail(data.error());
    }
    const Catalog& catalog = data->catalog;
    auto assessment = assess(screening, data->rules, catalog, *screeningFile, &file->doc);
    if (!assessment) {
        return ctx.fail(assessment.error());
    }

    Session s;
    s.patientId = **patientId;
    s.clinicianId = *clinicianId;
    s.startedAt = isoDateTime(Clock::current().now());
    s.triage = assessment->level;
    s.findings = assessment->findings;
    s.scores = sessionScores(screening, assessment->scores);
    for (const std::string& spec : a.values("exercise")) {
        auto item = parseExercise(spec, catalog);
        if (!item) {
            return ctx.fail(item.error());
        }
        // Eligibility is the clinical core's decision; the command only enforces it.
        const Eligibility* e = assessment->eligibilityOf(item->exerciseId);
        if (e != nullptr && e->status == EligibilityStatus::Excluded) {
            std::string why;
            for (const EligibilityReason& r : e->reasons) {
                why += (why.empty() ? "" : "; ") + r.clinicianReason;
            }
            return ctx.fail(Error::refused("exercise '" + item->exerciseId +
                                           "' is excluded for this screening: " + why));
        }
        if (e != nullptr && e->status == EligibilityStatus::Caution) {
            for (const EligibilityReason& r : e->reasons) {
                ctx.err << "hepdesk-cli: caution: " << item->exerciseId << ": " << r.clinicianReason
                        << '\n';
            }
        }
        s.program.items.push_back(std::move(*item));
    }
    s.screening = std::move(screening);
    s.handoutOptions.language = a.value("language").value_or("en");
    if (std::find(std::begin(kLanguages), std::end(kLanguages), s.handoutOptions.language) ==
        std::end(kLanguages)) {
        return ctx.fail(Error::invalid("--language must be one of en, es; got '" +
                                       s.handoutOptions.language.substr(0, 40) + "'"));
    }
    s.handoutOptions.largePrint = a.flag("large-print");
    s.handoutOptions.overrideReason = a.value("override-reason").value_or("");
    auto id = db::SqliteSessionRepository(db).add(s);
    if (!id) {
        return ctx.fail(id.error());
    }
    s.id = *id;
    if (ctx.format == Format::Json) {
        printJson(ctx, toJson(s));
        return kOk;
    }
    ctx.out << "stored session " << s.id << ": " << label(s.triage) << '\n';
    for (const Finding& f : s.findings) {
        ctx.out << "  " << toId(f.level) << "  " << f.itemId << ": " << f.reason << '\n';
    }
    if (!handoutAllowedWithoutOverride(s.triage) && s.handoutOptions.overrideReason.empty()) {
        ctx.out << "  a handout for this session needs an override reason\n";
    }
    return kOk;
}

} // namespace hepdesk::cli
