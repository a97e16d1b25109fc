#include "Cli.h"
#include "CliArgs.h"
#include "ClinicalData.h"
#include "CmdCommon.h"
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/LocalizedText.h"
#include "hepdesk/core/OutcomeScoring.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/Store.h"

#include <cmath>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <sstream>

namespace hepdesk::cli {
namespace {

std::string itemLabel(const ClinicalRules& rules, const std::string& id) {
    if (id == "age") {
        return "Age";
    }
    if (id == "duration_days") {
        return "Duration of symptoms";
    }
    const FindingItem* f = rules.items().finding(id);
    return f != nullptr ? f->clinicianLabel.text("en") : id;
}

/// The core's assessment JSON, with the labels a reader needs beside the ids.
nlohmann::json enrichedJson(const Assessment& a, const Screening& s, const ClinicalData& data,
                            std::string_view source) {
    nlohmann::json j = toJson(a);
    j["source"] = source;
    for (auto& f : j["findings"]) {
        f["label"] = itemLabel(data.rules, f["item"].get<std::string>());
    }
    for (auto& e : j["eligibility"]) {
        const CatalogEntry* entry = data.catalog.find(e["exercise"].get<std::string>());
        e["name"] = entry != nullptr ? nlohmann::json(entry->name.byLang) : nlohmann::json();
    }
    nlohmann::json avoid = nlohmann::json::array();
    for (const CatalogEntry* e : avoidEntriesFor(s, data.catalog)) {
        avoid.push_back({{"id", e->id},
                         {"name", e->name.byLang},
                         {"why", e->why.byLang},
                         {"always_on_handout", e->alwaysOnHandout}});
    }
    j["avoid"] = avoid;
    return j;
}

std::string percent(double p) {
    std::ostringstream os;
    os << std::fixed << std::setprecision(1) << p << " %";
    return os.str();
}

void printDisability(std::ostream& out, const char* name, const DisabilityScore& d) {
    out << "  " << name << ": " << percent(d.percent) << " (" << d.band << "), " << d.total
        << " points, " << d.answered << " of 10 answered"
        << (d.reliable ? "" : " - UNRELIABLE: fewer than 8 answered") << '\n';
}

/// The answered ODI/NDI sections, each with its statement (our paraphrase) beside the number.
void printAnswers(std::ostream& out, const DisabilityInstrument& inst,
                  const std::map<std::string, int>& answers, std::string_view lang) {
    for (const QuestionItem& q : inst.sections) {
        const auto it = answers.find(q.id);
        if (it == answers.end()) {
            continue;
        }
        const auto at = static_cast<std::size_t>(it->second);
        out << "    " << q.number << ". " << q.clinicianLabel.text(lang) << ": " << it->second;
        if (it->second >= 0 && at < q.answers.size()) {
            out << " - " << q.answers[at].text(lang);
        }
        out << '\n';
    }
}

void printText(std::ostream& out, const Assessment& a, const Screening& s, const ClinicalData& data,
               std::string_view lang) {
    out << "Triage: " << label(a.level);
    if (!handoutAllowedWithoutOverride(a.level)) {
        out << " - no handout until the clinician records an override reason";
    }
    out << "\n\nFindings:\n";
    if (a.findings.empty()) {
        out << "  none\n";
    }
    for (const Finding& f : a.findings) {
        out << "  [" << label(f.level) << "] " << itemLabel(data.rules, f.itemId) << " ("
            << f.itemId << "): " << f.reason << "  {rule " << f.ruleId << "}\n";
    }
    out << "\nScores:\n";
    const auto& sc = a.scores;
    if (!sc.painNow && !sc.startBack && !sc.odi && !sc.ndi && !sc.psfs) {
        out << "  none recorded\n";
    }
    if (sc.painNow) {
        out << "  Pain now (NPRS): " << *sc.painNow << "/10 ("
            << toId(sc.painBand.value_or(PainBand::None)) << ")\n";
    }
    if (sc.startBack) {
        const auto& sb = *sc.startBack;
        out << "  STarT Back: total " << sb.total << "/9, psychosocial " << sb.psychosocial
            << "/5, " << toId(sb.risk) << " risk"
            << (sb.complete() ? "" : " (incomplete: " + std::to_string(sb.answered) + " of 9)")
            << '\n';
    }
    if (sc.odi) {
        printDisability(out, "ODI", *sc.odi);
        printAnswers(out, data.rules.items().odi(), s.odi, lang);
    }
    if (sc.ndi) {
        printDisability(out, "NDI", *sc.ndi);
        printAnswers(out, data.rules.items().ndi(), s.ndi, lang);
    }
    if (sc.psfs) {
        std::ostringstream mean;
        mean << std::fixed << std::setprecision(1) << sc.psfs->mean;
        out << "  PSFS: mean " << mean.str() << "/10 over " << sc.psfs->rated << " of "
            << sc.psfs->activities << " activities rated\n";
        for (const PsfsActivity& p : s.psfs) {
            out << "    " << (p.rating ? std::to_string(*p.rating) : "-") << "  " << p.activity
                << '\n';
        }
    }
    if (!s.adherence.empty()) {
        out << "  Adherence (days done of " << kAdherenceDays << "):\n";
        for (const Adherence& ad : s.adherence) {
            out << "    " << ad.exerciseId << ": "
                << (ad.daysDone ? std::to_string(*ad.daysDone) : "not asked") << '\n';
        }
    }
    out << "\nExercises:\n";
    for (const Eligibility& e : a.eligibility) {
        const CatalogEntry* entry = data.catalog.find(e.exerciseId);
        out << "  " << std::left << std::setw(9) << toId(e.status) << ' ' << std::setw(32)
            << e.exerciseId << ' ' << (entry != nullptr ? entry->name.text(lang) : "") << '\n';
        for (const EligibilityReason& r : e.reasons) {
            out << "              because " << r.findingId << ": " << r.clinicianReason
                << "  {rule " << r.ruleId << "}\n";
            if (!r.patientNote.byLang.empty()) {
                out << "              patient note: " << r.patientNote.text(lang) << '\n';
            }
        }
    }
    out << "\nOn the handout, avoid:\n";
    for (const CatalogEntry* e : avoidEntriesFor(s, data.catalog)) {
        out << "  " << e->id << ": " << e->name.text(lang) << " - " << e->why.text(lang) << '\n';
    }
}

} // namespace

int runAssess(Context& ctx, Args args) {
    auto parsed = CliArgs::parse(args, {"format", "templates", "lang"}, {});
    if (!parsed) {
        return ctx.usage(parsed.error().message);
    }
    const CliArgs& cmd = *parsed;
    if (cmd.positional().size() > 1) {
        return ctx.usage("unexpected argument '" + cmd.positional()[1] +
                         "' (assess reads one screening)");
    }
    if (cmd.positional().empty()) {
        return ctx.usage("'assess' needs a screening file (or - for standard input)");
    }
    const std::string* file = &cmd.positional()[0];
    const std::filesystem::path templates = cmd.value("templates").value_or("");
    auto lang = cmd.oneOf("lang", kLanguages, "language");
    if (!lang) {
        return ctx.fail(lang.error());
    }
    constexpr std::string_view kFormats[] = {"text", "json"};
    auto formatArg = cmd.oneOf("format", kFormats, "format");
    if (!formatArg) {
        return ctx.fail(formatArg.error());
    }
    Format format = ctx.formatGiven ? ctx.format : Format::Json;
    if (*formatArg) {
        format = **formatArg == "text" ? Format::Text : Format::Json;
    }

    std::string source = *file;
    Result<nlohmann::json> doc = Error::internal("unread");
    if (*file == "-") {
        source = "stdin";
        // Bounded like a file: `assess - < /dev/zero` stops at the limit.
        auto text = readBoundedStream(std::cin, kMaxJsonFileBytes, "the screening on stdin");
        doc = text ? json::parse(*text, source) : Result<nlohmann::json>(text.error());
    } else {
        doc = json::parseFile(*file, kMaxJsonFileBytes, "screening file");
    }
    if (!doc) {
        return ctx.fail(doc.error());
    }
    auto screening = json::guarded(source, [&] { return screeningFromJson(*doc, source); });
    if (!screening) {
        return ctx.fail(screening.error());
    }
    // With --db the clinic's own exercises are judged too, as the desktop app judges them.
    std::unique_ptr<db::Store> store;
    if (ctx.dbPath || ctx.server) {
        auto opened = ctx.openStore(true);
        if (!opened) {
            return ctx.fail(opened.error());
        }
        store = std::move(*opened);
    }
    auto data = store ? ClinicalData::loadWithClinic(templates, store->customExercises(), ctx.err)
                      : ClinicalData::load(templates);
    if (!data) {
        return ctx.fail(data.error());
    }
    auto a = json::guarded(
        source, [&] { return assess(*screening, data->rules, data->catalog, source, &*doc); });
    if (!a) {
        return ctx.fail(a.error());
    }
    // A screening that contradicts itself is not assessed as if it made sense; an unlikely
    // but possible value is assessed, with a warning on standard error.
    if (auto ok = checkScreening(ctx, data->rules, *screening, source); !ok) {
        return ctx.fail(ok.error());
    }
    if (format == Format::Json) {
        // A file name that is not UTF-8 (a stray \xff byte) is shown with U+FFFD, never an abort.
        ctx.out << json::dump(enrichedJson(*a, *screening, *data, source), 2) << '\n';
    } else {
        printText(ctx.out, *a, *screening, *data, lang->value_or("en"));
    }
    return kOk;
}

} // namespace hepdesk::cli
