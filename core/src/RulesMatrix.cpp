#include "hepdesk/core/RulesMatrix.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace hepdesk {
namespace {

void add(MatrixCell& c, EligibilityStatus effect, const std::string& rule) {
    c.effect = std::max(c.effect, effect);
    if (std::find(c.rules.begin(), c.rules.end(), rule) == c.rules.end()) {
        c.rules.push_back(rule);
    }
}

std::string effectText(EligibilityStatus s) {
    return s == EligibilityStatus::Eligible ? "none" : std::string(toId(s));
}

std::string cellText(const MatrixCell& c) {
    std::string s = effectText(c.effect);
    for (std::size_t i = 0; i < c.rules.size(); ++i) {
        s += (i == 0 ? " (" : ", ") + c.rules[i];
    }
    return c.rules.empty() ? s : s + ")";
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) {
        return s;
    }
    std::string out = "\"";
    for (char ch : s) {
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    }
    return out + "\"";
}

} // namespace

RulesMatrix rulesMatrix(const ClinicalRules& rules, const Catalog& catalog, bool byExercise) {
    RulesMatrix m;
    std::vector<const CatalogEntry*> exercises;
    for (const CatalogEntry& e : catalog.entries()) {
        if (e.isExercise()) {
            exercises.push_back(&e);
        }
    }
    if (byExercise) {
        for (const auto* e : exercises) {
            m.columns.push_back(e->id);
        }
    } else {
        for (auto mv :
             {Movement::Flexion, Movement::Extension, Movement::Rotation, Movement::SideBend,
              Movement::Traction, Movement::SoftTissue, Movement::Breathing}) {
            m.columns.push_back("movement:" + std::string(toId(mv)));
        }
        std::vector<std::string> positions;
        for (const auto* e : exercises) {
            if (std::find(positions.begin(), positions.end(), e->position) == positions.end()) {
                positions.push_back(e->position);
            }
        }
        std::sort(positions.begin(), positions.end());
        for (const auto& p : positions) {
            m.columns.push_back("position:" + p);
        }
        for (const auto& t : rules.eligibility().tags()) {
            m.columns.push_back("tag:" + t.id);
        }
        for (auto r : {Region::Neck, Region::MidBack, Region::LowBack}) {
            m.columns.push_back("region:" + std::string(toId(r)));
        }
        m.columns.push_back("painful_region");
    }
    const auto column = [&](const std::string& c) {
        return static_cast<std::size_t>(std::find(m.columns.begin(), m.columns.end(), c) -
                                        m.columns.begin());
    };
    for (const FindingItem& f : rules.items().findings()) {
        const auto& all = rules.eligibility().rules();
        if (std::none_of(all.begin(), all.end(), [&](const EligibilityRule& r) {
                return std::find(r.findings.begin(), r.findings.end(), f.id) != r.findings.end();
            })) {
            continue;
        }
        RulesMatrix::Row row{f.id, f.clinicianLabel.text("en"),
                             std::vector<MatrixCell>(m.columns.size())};
        if (byExercise) {
            Screening s;
            s.findings = {f.id};
            s.regions = {Region::Neck, Region::MidBack, Region::LowBack};
            for (std::size_t i = 0; i < exercises.size(); ++i) {
                const Eligibility e = rules.eligibility().evaluate(*exercises[i], s);
                for (const auto& reason : e.reasons) {
                    add(row.cells[i], e.status, reason.ruleId);
                }
            }
        } else {
            for (const EligibilityRule& r : all) {
                if (std::find(r.findings.begin(), r.findings.end(), f.id) == r.findings.end()) {
                    continue;
                }
                const auto mark = [&](const std::string& c) {
                    if (const std::size_t i = column(c); i < m.columns.size()) {
                        add(row.cells[i], r.effect, r.id);
                    }
                };
                for (Movement mv : r.match.movements) {
                    mark("movement:" + std::string(toId(mv)));
                }
                for (const auto& t : r.match.tags) {
                    mark("tag:" + t);
                    mark("position:" + t);
                }
                for (Region reg : r.match.regions) {
                    mark("region:" + std::string(toId(reg)));
                }
                if (r.match.painfulRegion) {
                    mark("painful_region");
                }
            }
        }
        m.rows.push_back(std::move(row));
    }
    return m;
}

std::string matrixCsv(const RulesMatrix& m) {
    std::string out = "finding";
    for (const auto& c : m.columns) {
        out += "," + csvField(c);
    }
    out += '\n';
    for (const auto& row : m.rows) {
        out += row.finding;
        for (const auto& cell : row.cells) {
            out += "," + csvField(cell.rules.empty() ? "" : cellText(cell));
        }
        out += '\n';
    }
    return out;
}

nlohmann::json matrixJson(const RulesMatrix& m) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : m.rows) {
        nlohmann::json cells = nlohmann::json::object();
        for (std::size_t i = 0; i < m.columns.size(); ++i) {
            const MatrixCell& c = row.cells[i];
            cells[m.columns[i]] = {{"effect", effectText(c.effect)}, {"rules", c.rules}};
        }
        rows.push_back({{"finding", row.finding}, {"label", row.label}, {"cells", cells}});
    }
    return {{"columns", m.columns}, {"rows", rows}};
}

std::string matrixText(const RulesMatrix& m) {
    std::ostringstream os;
    for (const auto& row : m.rows) {
        os << "### " << row.finding << " - " << row.label << "\n\n";
        bool any = false;
        for (std::size_t i = 0; i < m.columns.size(); ++i) {
            const MatrixCell& c = row.cells[i];
            if (c.rules.empty()) {
                continue;
            }
            if (!any) {
                os << "| column | effect | rules |\n|---|---|---|\n";
                any = true;
            }
            std::string ids;
            for (const auto& r : c.rules) {
                ids += (ids.empty() ? "" : ", ") + r;
            }
            os << "| " << m.columns[i] << " | " << effectText(c.effect) << " | " << ids << " |\n";
        }
        os << (any ? "\n" : "No effect on any column.\n\n");
    }
    return os.str();
}

std::string rulesMatrixDocument(const ClinicalRules& rules, const Catalog& catalog) {
    std::ostringstream os;
    os << "# HepDesk rules matrix\n\n"
       << "Generated from templates/ by `hepdesk-cli catalog matrix --document`; do not edit.\n"
       << "A test fails when this file no longer matches the rule data. The reasons for each\n"
       << "rule, with sources, are in [rules-rationale.md](rules-rationale.md).\n\n"
       << "How to read it: each finding lists only the columns it affects. `excluded` means the\n"
       << "exercise is not offered; `caution` means it is offered with a note for the patient.\n"
       << "In the first part a rule is listed under every movement, tag, region or painful\n"
       << "region its match names; a rule that names two of them (for example a movement and a\n"
       << "tag) applies only to exercises having both. A position column lists the rules on\n"
       << "the tag of the same name. The second part is exact: the eligibility of each catalog\n"
       << "exercise for a screening holding that finding alone, with every region painful.\n\n"
       << "## By movement, position, tag and region\n\n"
       << matrixText(rulesMatrix(rules, catalog, false)) << "## By exercise\n\n"
       << matrixText(rulesMatrix(rules, catalog, true));
    std::string s = os.str();
    while (s.size() > 1 && s[s.size() - 1] == '\n' && s[s.size() - 2] == '\n') {
        s.pop_back();
    }
    return s;
}

} // namespace hepdesk
