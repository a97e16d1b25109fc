#include "Cli.h"
#include "CliArgs.h"
#include "ClinicalData.h"
#include "CmdCommon.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/LocalizedText.h"
#include "hepdesk/core/Paths.h"
#include "hepdesk/core/Progressions.h"
#include "hepdesk/core/Protocol.h"
#include "hepdesk/core/Readability.h"
#include "hepdesk/core/RulesMatrix.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/Store.h"

#include <algorithm>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

namespace hepdesk::cli {
namespace {
namespace fs = std::filesystem;

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) {
        s += s.empty() ? "" : ", ";
        s += x;
    }
    return s.empty() ? "none" : s;
}

std::string dosageText(const Dosage& d) {
    std::ostringstream os;
    os << d.sets << (d.sets == 1 ? " set" : " sets");
    if (d.reps > 0) {
        os << " of " << d.reps;
    }
    if (d.holdSeconds > 0) {
        os << ", hold " << holdInUnit(d) << " " << toId(d.holdUnit);
    }
    os << ", " << d.timesPerDay << (d.timesPerDay == 1 ? " time" : " times") << " a day";
    if (d.perSide) {
        os << ", each side";
    }
    return os.str();
}

void printEntry(std::ostream& out, const CatalogEntry& e, std::string_view lang) {
    // Clinic exercises are text from the database: shown escaped, like every stored text.
    out << esc(e.name.text(lang)) << "  (" << e.id << ", " << toId(e.kind) << ")\n";
    std::vector<std::string> regions;
    for (Region r : e.regions) {
        regions.emplace_back(toId(r));
    }
    out << "Regions: " << joined(regions) << '\n';
    if (e.isExercise()) {
        std::vector<std::string> movements;
        for (Movement m : e.movements) {
            movements.emplace_back(toId(m));
        }
        out << "Position: " << esc(e.position) << "\nEquipment: " << esc(joined(e.equipment))
            << "\nMovements: " << joined(movements) << "\nTags: " << esc(joined(e.tags))
            << "\nDefault dosage: " << dosageText(e.defaultDosage) << "\n\nSteps:\n";
        for (std::size_t i = 0; i < e.steps.size(); ++i) {
            out << "  " << i + 1 << ". " << esc(e.steps[i].text(lang)) << '\n';
        }
        out << "Tips:\n";
        for (const auto& t : e.tips) {
            out << "  - " << esc(t.text(lang)) << '\n';
        }
        out << "Stop if:\n";
        for (const auto& t : e.stopIf) {
            out << "  - " << esc(t.text(lang)) << '\n';
        }
    } else {
        out << "Why: " << esc(e.why.text(lang)) << '\n'
            << "Always on the handout: " << (e.alwaysOnHandout ? "yes" : "no") << '\n'
            << "Shown for findings: " << joined(e.relevantFindings) << '\n';
    }
    out << "Illustration: " << esc(e.illustration.text(lang)) << '\n';
    std::ostringstream grade;
    grade << std::fixed << std::setprecision(1) << readingGrade(e);
    out << "Reading grade (English, Flesch-Kincaid): " << grade.str() << '\n';
}

/// Validates a catalog folder, or a whole templates folder (one holding catalog/ and rules/):
/// every entry, the rules against it, the easier/harder versions and the shipped protocols of a
/// templates folder, and the reading level of every English text.
int validate(Context& ctx, const fs::path& dir) {
    std::error_code ec;
    const bool isTemplates = fs::is_directory(dir / "catalog", ec);
    const fs::path catalogDir = isTemplates ? dir / "catalog" : dir;
    const fs::path rulesDir = isTemplates ? dir / "rules" : templatesDir() / "rules";
    auto catalog = Catalog::loadDir(catalogDir);
    if (!catalog) {
        return ctx.fail(catalog.error());
    }
    if (isTemplates) {
        if (auto st = loadProgressions(rulesDir / "progressions.json", *catalog); !st) {
            return ctx.fail(st.error());
        }
    }
    auto rules = ClinicalRules::loadDir(rulesDir, *catalog);
    if (!rules) {
        return ctx.fail(rules.error());
    }
    if (isTemplates && fs::is_directory(dir / "protocols", ec)) {
        if (auto p = loadShippedProtocols(dir / "protocols", *catalog); !p) {
            return ctx.fail(p.error());
        }
    }
    int exercises = 0;
    double maxGrade = 0;
    for (const CatalogEntry& e : catalog->entries()) {
        exercises += e.isExercise() ? 1 : 0;
        const double g = readingGrade(e);
        maxGrade = std::max(maxGrade, g);
        if (g > kMaxReadingGrade) {
            std::ostringstream os;
            os << std::fixed << std::setprecision(1) << g;
            return ctx.fail(json::fieldError((catalogDir / (e.id + ".json")).string(), "",
                                             "English patient text reads at US grade " + os.str() +
                                                 " (expected 8 or lower)"));
        }
    }
    const int avoid = static_cast<int>(catalog->entries().size()) - exercises;
    if (ctx.format == Format::Json) {
        ctx.out << json::dump(nlohmann::json{{"ok", true},
                                             {"catalog", catalogDir.string()},
                                             {"rules", rulesDir.string()},
                                             {"exercises", exercises},
                                             {"avoid", avoid},
                                             {"max_reading_grade", std::round(maxGrade * 10) / 10}},
                              2)
                << '\n';
    } else {
        std::ostringstream os;
        os << std::fixed << std::setprecision(1) << maxGrade;
        ctx.out << "ok: " << exercises << " exercises, " << avoid << " avoid entries in "
                << catalogDir.string() << "; rules in " << rulesDir.string()
                << " agree; highest reading grade " << os.str() << '\n';
    }
    return kOk;
}

/// catalog matrix [--format csv|json|text] [--by-exercise] [--document]: the decision table of
/// the shipped rules (issue 14), computed from the data files.
int matrix(Context& ctx, Args args) {
    auto parsed = CliArgs::parse(args, {"format"}, {"by-exercise", "document"});
    if (!parsed) {
        return ctx.usage(parsed.error().message +
                         " for catalog matrix (expected --format csv|json|text, --by-exercise, "
                         "--document)");
    }
    if (auto none = parsed->expectPositional(0, ""); !none) {
        return ctx.usage(none.error().message + " for catalog matrix");
    }
    std::string format = ctx.format == Format::Json ? "json" : "text";
    if (auto f = parsed->value("format")) {
        if (*f != "csv" && *f != "json" && *f != "text") {
            return ctx.usage("option '--format' of 'catalog matrix' needs csv, json or text");
        }
        format = *f;
    }
    const bool byExercise = parsed->flag("by-exercise");
    const bool document = parsed->flag("document");
    auto catalog = Catalog::loadDefault();
    if (!catalog) {
        return ctx.fail(catalog.error());
    }
    auto rules = ClinicalRules::loadDefault(*catalog);
    if (!rules) {
        return ctx.fail(rules.error());
    }
    if (document) {
        ctx.out << rulesMatrixDocument(*rules, *catalog);
        return kOk;
    }
    const RulesMatrix m = rulesMatrix(*rules, *catalog, byExercise);
    if (format == "csv") {
        ctx.out << matrixCsv(m);
    } else if (format == "json") {
        ctx.out << matrixJson(m).dump(2) << '\n';
    } else {
        ctx.out << matrixText(m);
    }
    return kOk;
}

} // namespace

int runCatalog(Context& ctx, Args args) {
    if (args.empty()) {
        return ctx.usage("'catalog' needs a subcommand: list, show ID, validate DIR, matrix");
    }
    const std::string& sub = args[0];
    if (sub == "matrix") {
        return matrix(ctx, args.subspan(1));
    }
    auto parsed = CliArgs::parse(args.subspan(1), {"lang"}, {});
    if (!parsed) {
        return ctx.usage(parsed.error().message);
    }
    auto langArg = parsed->oneOf("lang", kLanguages, "language");
    if (!langArg) {
        return ctx.fail(langArg.error());
    }
    const std::string lang = langArg->value_or("en");
    const std::vector<std::string>& rest = parsed->positional();
    if (sub == "validate") {
        if (rest.size() != 1) {
            return ctx.usage("'catalog validate' needs one folder");
        }
        return validate(ctx, rest[0]);
    }
    if (sub != "list" && sub != "show") {
        return ctx.usage("unknown 'catalog' subcommand '" + sub + "'");
    }
    if (rest.size() != (sub == "show" ? 1U : 0U)) {
        return ctx.usage(sub == "show" ? "'catalog show' needs one entry id"
                                       : "'catalog list' takes no argument");
    }
    // With --db the clinic's own exercises are listed too, marked "clinic"; without it the
    // output is the shipped catalog alone.
    std::vector<std::string> customIds;
    auto catalog = Catalog::loadDefault();
    if (catalog && (ctx.dbPath || ctx.server)) {
        auto store = ctx.openStore(true);
        if (!store) {
            return ctx.fail(store.error());
        }
        auto data = ClinicalData::loadWithClinic({}, (*store)->customExercises(), ctx.err);
        if (!data) {
            return ctx.fail(data.error());
        }
        catalog = std::move(data->catalog);
        customIds = std::move(data->customIds);
    }
    if (!catalog) {
        return ctx.fail(catalog.error());
    }
    const auto isCustom = [&](const std::string& id) {
        return std::binary_search(customIds.begin(), customIds.end(), id);
    };
    if (sub == "list") {
        if (ctx.format == Format::Json) {
            nlohmann::json a = nlohmann::json::array();
            for (const auto& e : catalog->entries()) {
                nlohmann::json j{{"id", e.id}, {"kind", toId(e.kind)}, {"name", e.name.text(lang)}};
                if (isCustom(e.id)) {
                    j["clinic"] = true;
                }
                a.push_back(std::move(j));
            }
            ctx.out << json::dump(a, 2) << '\n';
        } else {
            for (const auto& e : catalog->entries()) {
                ctx.out << e.id << '\t' << toId(e.kind) << '\t' << esc(e.name.text(lang))
                        << (isCustom(e.id) ? "\tclinic\n" : "\n");
            }
        }
        return kOk;
    }
    const CatalogEntry* e = catalog->find(rest[0]);
    if (e == nullptr) {
        return ctx.fail(
            Error::notFound("no catalog entry '" + rest[0] + "' (see hepdesk-cli catalog list)"));
    }
    if (ctx.format == Format::Json) {
        // The entry exactly as a catalog file holds it (so it can be checked or edited).
        ctx.out << json::dump(toJson(*e), 2) << '\n';
    } else {
        printEntry(ctx.out, *e, lang);
        if (isCustom(e->id)) {
            ctx.out << "Clinic exercise: yes, " << (e->photo ? "with a photo" : "no photo") << '\n';
        }
    }
    return kOk;
}

} // namespace hepdesk::cli
