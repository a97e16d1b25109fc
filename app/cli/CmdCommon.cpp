#include "CmdCommon.h"

#include "hepdesk/core/JsonRead.h"

#include <cstdio>
#include <ostream>

namespace hepdesk::cli {

nlohmann::json patientJson(const Patient& p) {
    return {{"id", p.id},
            {"name", p.name},
            {"birth_date", p.birthDate},
            {"record_number", p.recordNumber},
            {"contact", p.contact},
            {"archived", p.archived}};
}

std::string dosageText(const ProgramItem& item) {
    const Dosage& d = item.dosage;
    // The hold in the unit it was given in, as the ID:SETSxREPS:HOLDs|HOLDm grammar writes it.
    const std::string hold = d.holdUnit == HoldUnit::Minutes ? std::to_string(holdInUnit(d)) + "m"
                                                             : std::to_string(d.holdSeconds) + "s";
    std::string s = item.exerciseId + " " + std::to_string(d.sets) + "x";
    if (d.reps > 0) {
        s += std::to_string(d.reps);
        if (d.holdSeconds > 0) {
            s += " hold " + hold;
        }
    } else {
        s += hold;
    }
    if (d.perSide) {
        s += " per side";
    }
    if (d.timesPerDay > 1) {
        s += ", " + std::to_string(d.timesPerDay) + "/day";
    }
    if (d.daysPerWeek < kDaysPerWeekLimit.max) {
        s += ", " + std::to_string(d.daysPerWeek) + " days/week";
    }
    if (d.weeks > 0) {
        s += ", " + std::to_string(d.weeks) + (d.weeks == 1 ? " week" : " weeks");
    }
    return s;
}

std::string summaryLine(const SessionSummary& s) {
    const auto opt = [](const auto& v, const char* suffix) {
        return v ? std::to_string(*v) + suffix : std::string("-");
    };
    const auto pct = [](const std::optional<double>& v) {
        if (!v) {
            return std::string("-");
        }
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f%%", *v);
        return std::string(buf);
    };
    std::string line = "#" + std::to_string(s.id) + " " + s.startedAt + " " +
                       std::string(toId(s.triage)) + "  pain " + opt(s.scores.painNow, "/10") +
                       "  ODI " + pct(s.scores.odiPercent) + "  NDI " + pct(s.scores.ndiPercent) +
                       "  STarT Back " + opt(s.scores.startBackTotal, "");
    if (s.scores.startBackRisk) {
        line += " (" + std::string(riskId(*s.scores.startBackRisk)) + ")";
    }
    line += s.isSigned ? "  signed" : "  draft";
    std::string program;
    for (const ProgramItem& it : s.program.items) {
        program += (program.empty() ? "" : "; ") + dosageText(it);
    }
    if (!program.empty()) {
        line += "\n    program: " + program;
    }
    return line;
}

Result<ScreeningFile> readScreeningFile(const std::string& path) {
    auto doc = json::parseFile(path, kMaxJsonFileBytes, "screening file");
    if (!doc) {
        return doc.error();
    }
    auto screening = json::guarded(path, [&] { return screeningFromJson(*doc, path); });
    if (!screening) {
        return screening.error();
    }
    return ScreeningFile{std::move(*doc), std::move(*screening)};
}

Status checkScreening(const Context& ctx, const ClinicalRules& rules, const Screening& screening,
                      std::string_view source) {
    if (auto ok = rules.checks().refuseContradictions(screening, source); !ok) {
        return ok;
    }
    for (const ScreeningIssue& w : rules.checks().warnings(screening)) {
        ctx.err << "hepdesk-cli: warning: " << escapeForTerminal(std::string(source)) << ": "
                << w.text("en") << '\n';
    }
    return {};
}

Result<BackupTarget> backupTarget(const CliArgs& a) {
    BackupTarget t;
    t.folder = a.value("folder");
    if (auto s = a.expectPositional(t.folder ? 0 : 1, "backup file (or --folder DIR)"); !s) {
        return usageError(s.error().message);
    }
    const auto keep = a.intOr("keep", 7, 1, 10000);
    if (!keep) {
        return keep.error();
    }
    t.keep = *keep;
    return t;
}

void printJson(Context& ctx, const nlohmann::json& j) {
    // Replace rather than throw on text that is not UTF-8: output must never abort.
    ctx.out << json::dump(j, 2) << '\n';
}

void printClinicians(Context& ctx, const std::vector<Clinician>& clinicians) {
    if (ctx.format == Format::Json) {
        nlohmann::json j = nlohmann::json::array();
        for (const Clinician& c : clinicians) {
            j.push_back({{"id", c.id},
                         {"name", c.name},
                         {"credentials", c.credentials},
                         {"active", c.active}});
        }
        printJson(ctx, j);
        return;
    }
    for (const Clinician& c : clinicians) {
        ctx.out << c.id << '\t' << esc(c.name) << '\t'
                << (c.credentials.empty() ? "-" : esc(c.credentials))
                << (c.active ? "" : "\tinactive") << '\n';
    }
}

} // namespace hepdesk::cli
