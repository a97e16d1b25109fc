#include "ClinicalData.h"
#include "CmdCommon.h"
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/AtomicFile.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/Paths.h"
#include "hepdesk/core/Screening.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/core/TextEscape.h"
#include "hepdesk/core/handout/HandoutWriter.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <ostream>

namespace hepdesk::cli {
namespace {

/// Parses a whole non-negative decimal number ("10"), nothing else.
std::optional<int> wholeNumber(std::string_view s) {
    int v = 0;
    const auto* end = s.data() + s.size();
    const auto [p, ec] = std::from_chars(s.data(), end, v);
    if (s.empty() || ec != std::errc() || p != end || v < 0) {
        return std::nullopt;
    }
    return v;
}

/// "cat_cow", "cat_cow:2x10", "cat_cow:30s", "cat_cow:2x10:5s": the id and dosage changes
/// applied to the catalog's default dosage.
Result<ProgramItem> parseExercise(const std::string& arg, const Catalog& catalog) {
    const auto bad = [&](const std::string& why) {
        return Error::invalid("--exercise '" + arg + "': " + why +
                              " (expected ID, ID:SETSxREPS or ID:HOLDs)");
    };
    std::vector<std::string> parts;
    for (std::size_t start = 0;;) {
        const std::size_t colon = arg.find(':', start);
        parts.push_back(arg.substr(start, colon - start));
        if (colon == std::string::npos) {
            break;
        }
        start = colon + 1;
    }
    ProgramItem item;
    item.exerciseId = parts[0];
    const CatalogEntry* e = catalog.find(item.exerciseId);
    if (e == nullptr || !e->isExercise()) {
        return Error::invalid("--exercise '" + arg + "': no exercise '" + item.exerciseId +
                              "' in the catalog");
    }
    item.dosage = e->defaultDosage;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::string& p = parts[i];
        if (const auto x = p.find('x'); x != std::string::npos) {
            const auto sets = wholeNumber(std::string_view(p).substr(0, x));
            const auto reps = wholeNumber(std::string_view(p).substr(x + 1));
            if (!sets || !reps) {
                return bad("'" + p + "' is not SETSxREPS");
            }
            item.dosage.sets = *sets;
            item.dosage.reps = *reps;
        } else if (!p.empty() && p.back() == 's') {
            const auto hold = wholeNumber(std::string_view(p).substr(0, p.size() - 1));
            if (!hold) {
                return bad("'" + p + "' is not HOLDs");
            }
            item.dosage.holdSeconds = *hold;
        } else {
            return bad("'" + p + "' is not SETSxREPS or HOLDs");
        }
    }
    if (auto st = validate(item.dosage, "--exercise " + arg); !st) {
        return st.error();
    }
    return item;
}

/// The request for a stored session: its screening (assessed again for eligibility, keeping the
/// stored triage when that was more serious), program, handout options, patient, clinician
/// and the clinic's settings.
Result<handout::HandoutRequest> sessionRequest(db::Database& database, std::int64_t id,
                                               const Catalog& catalog, const ClinicalRules& rules) {
    db::SqliteSessionRepository sessions(database);
    auto session = sessions.get(id);
    if (!session) {
        return session.error();
    }
    auto assessment = assess(session->screening, rules, catalog, "session " + std::to_string(id));
    if (!assessment) {
        return assessment.error();
    }
    handout::HandoutRequest req;
    req.assessment = std::move(*assessment);
    req.assessment.level = std::max(req.assessment.level, session->triage);
    req.findingIds = session->screening.findings;
    req.program = session->program;
    req.options.lang = session->handoutOptions.language;
    req.options.largePrint = session->handoutOptions.largePrint;
    req.overrideReason = session->handoutOptions.overrideReason;
    req.sessionDate = session->screening.date.empty() ? session->startedAt.substr(0, 10)
                                                      : session->screening.date;
    db::SqlitePatientRepository patients(database);
    auto patient = patients.get(session->patientId);
    if (!patient) {
        return patient.error();
    }
    req.patientName = patient->name;
    // As the desktop app does: a signed session's handout names who signed it.
    const auto clinicianId = session->signedBy ? session->signedBy : session->clinicianId;
    if (clinicianId) {
        db::SqliteClinicianRepository clinicians(database);
        auto c = clinicians.get(*clinicianId);
        if (!c) {
            return c.error();
        }
        req.clinic.clinicianName = c->name;
        req.clinic.clinicianCredentials = c->credentials;
    }
    db::SqliteClinicRepository clinics(database);
    auto settings = clinics.load();
    if (!settings) {
        return settings.error();
    }
    req.clinic.name = settings->name;
    req.clinic.address = settings->address;
    req.clinic.phone = settings->phone;
    if (!settings->logo.empty()) {
        auto logo = handout::imageFromBytes(settings->logo, "the clinic's logo");
        if (!logo) {
            return logo.error();
        }
        req.clinic.logo = *logo;
    }
    return req;
}

} // namespace

int runHandout(Context& ctx, Args args) {
    std::optional<std::string> screeningFile, patient, clinicFile, output, overrideReason, session;
    std::optional<std::string> lang;
    std::vector<std::string> exercises;
    std::vector<std::pair<std::string, std::string>> notes;
    handout::HandoutOptions options;
    bool largePrint = false;
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
        if (a == "--screening" || a == "--exercise" || a == "--patient" || a == "--clinic" ||
            a == "--lang" || a == "--override-reason" || a == "-o" || a == "--note" ||
            a == "--paper" || a == "--session") {
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
    if (!output || (!session && (!screeningFile || !patient || exercises.empty()))) {
        return ctx.usage("'handout' needs --screening FILE, --patient NAME, at least one "
                         "--exercise ID and -o OUT.pdf (or --session ID and -o OUT.pdf)");
    }

    handout::HandoutRequest req;
    std::optional<db::Database> database;
    std::int64_t sessionId = 0;
    if (session) {
        auto id = parseId(*session, "session id");
        if (!id) {
            return ctx.fail(id.error());
        }
        sessionId = *id;
    }
    // With a database (the session's, or one named by --db) the clinic's own exercises join
    // the catalog, photos included, exactly as the desktop app loads them.
    if (session || ctx.dbPath) {
        auto opened = ctx.openDatabase();
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
    if (session) {
        auto r = sessionRequest(*database, sessionId, catalog, rules);
        if (!r) {
            return ctx.fail(r.error());
        }
        req = std::move(*r);
        // Options given on the command line win over the stored ones.
        if (lang) {
            req.options.lang = *lang;
        }
        req.options.largePrint = req.options.largePrint || largePrint;
        req.options.paper = options.paper;
        if (overrideReason) {
            req.overrideReason = *overrideReason;
        }
    } else {
        auto file = readScreeningFile(*screeningFile);
        if (!file) {
            return ctx.fail(file.error());
        }
        const Screening& screening = file->screening;
        auto assessment = assess(screening, rules, catalog, *screeningFile, &file->doc);
        if (!assessment) {
            return ctx.fail(assessment.error());
        }
        req.options = options;
        req.patientName = *patient;
        req.sessionDate = screening.date.empty() ? isoDate(Clock::current().now()) : screening.date;
        req.assessment = std::move(*assessment);
        req.findingIds = screening.findings;
        req.overrideReason = overrideReason.value_or("");
        for (const std::string& e : exercises) {
            auto item = parseExercise(e, catalog);
            if (!item) {
                return ctx.fail(item.error());
            }
            req.program.items.push_back(std::move(*item));
        }
        for (const auto& [id, text] : notes) {
            const std::string& wanted = id; // clang 14 cannot capture a structured binding
            auto it =
                std::find_if(req.program.items.begin(), req.program.items.end(),
                             [&wanted](const ProgramItem& p) { return p.exerciseId == wanted; });
            if (it == req.program.items.end()) {
                return ctx.usage("--note for '" + id + "', which is not an --exercise");
            }
            it->note = text;
        }
    }
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
        // A clinic file replaces the clinic's details; the session's clinician stays.
        if (clinic->clinicianName.empty()) {
            clinic->clinicianName = req.clinic.clinicianName;
            clinic->clinicianCredentials = req.clinic.clinicianCredentials;
        }
        req.clinic = std::move(*clinic);
    }

    auto writer = handout::HandoutWriter::load(templatesDir());
    if (!writer) {
        return ctx.fail(writer.error());
    }
    auto rendered = writer->render(req, catalog.entries());
    if (!rendered) {
        return ctx.fail(rendered.error());
    }
    if (!rendered->undrawable.empty()) {
        // Still written (the clinician may hand it over), but never silently: a name in a
        // script the font lacks prints as empty boxes.
        ctx.err << "hepdesk-cli: warning: the handout's font cannot draw these characters; they "
                   "show as empty boxes in the PDF: "
                << escapeForTerminal(handout::describeUndrawable(rendered->undrawable)) << '\n';
    }
    if (auto st = writeFileAtomically(*output, rendered->pdf, 0600); !st) {
        return ctx.fail(st.error());
    }
    const std::string sha = sha256Hex(rendered->pdf);
    if (session) {
        // The record proves later which bytes this patient was given.
        HandoutRecord record;
        record.sha256 = sha;
        record.byteSize = static_cast<std::int64_t>(rendered->pdf.size());
        record.createdAt = isoDateTime(Clock::current().now());
        record.language = req.options.lang;
        record.largePrint = req.options.largePrint;
        db::SqliteSessionRepository sessions(*database);
        if (auto added = sessions.addHandout(sessionId, record); !added) {
            return ctx.fail(added.error());
        }
    }
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
