// Golden clinical cases, in the style of Tiled's automapping tests: one folder per case under
// tests/golden/, holding what the clinician recorded (screening.json) and what HepDesk must
// conclude (expected-assessment.json; with handout.json, also expected-handout.txt). Adding a
// case is adding a folder. HEPDESK_GOLDEN_UPDATE=1 rewrites the expected files from today's
// rules, for review with `git diff`.

#include "ClinicalFixture.h"
#include "HandoutTestData.h"
#include "hepdesk/core/JsonRead.h"

#include <algorithm>
#include <cstdlib>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace hepdesk {
namespace {
namespace fs = std::filesystem;
using ordered = nlohmann::ordered_json;

fs::path goldenDir() {
    return HEPDESK_GOLDEN_DIR;
}

bool updating() {
    const char* v = std::getenv("HEPDESK_GOLDEN_UPDATE");
    return v != nullptr && std::string(v) == "1";
}

std::vector<std::string> caseNames() {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& d : fs::directory_iterator(goldenDir(), ec)) {
        if (d.is_directory() && fs::exists(d.path() / "screening.json")) {
            out.push_back(d.path().filename().string());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// One line per list element: a case's expectation reads as a short table and diffs line by
/// line.
std::string format(const ordered& j) {
    std::ostringstream os;
    os << "{\n";
    std::size_t k = 0;
    for (const auto& [key, v] : j.items()) {
        os << "  " << ordered(key).dump() << ": ";
        if (v.is_array() && !v.empty()) {
            os << "[\n";
            for (std::size_t i = 0; i < v.size(); ++i) {
                os << "    " << v[i].dump() << (i + 1 < v.size() ? ",\n" : "\n");
            }
            os << "  ]";
        } else {
            os << v.dump();
        }
        os << (++k < j.size() ? ",\n" : "\n");
    }
    os << "}\n";
    return os.str();
}

/// What HepDesk concludes from `s`, in the expected-assessment.json shape: the screening checks
/// that fire; when one refuses, only that (the command line exits 2 and nothing is assessed);
/// else the triage level, its reasons (screening item and rule), and every exercise that is not
/// simply eligible with its effect and "rule (finding)" reasons. Exercises not listed are
/// eligible.
ordered actualAssessment(const Screening& s, const Assessment* a) {
    const auto& rules = test::Shipped::get().rules;
    ordered out = ordered::object();
    ordered checks = ordered::array();
    bool refused = false;
    for (const ScreeningIssue& issue : rules.checks().evaluate(s)) {
        const bool refuse = issue.check->effect == ScreeningCheck::Effect::Refuse;
        refused = refused || refuse;
        checks.push_back({{"check", issue.check->id},
                          {"effect", refuse ? "refuse" : "warn"},
                          {"fields", issue.check->fields}});
    }
    out["screening_checks"] = checks;
    if (refused || a == nullptr) {
        // What the command line prints before it exits 2.
        out["refused"] = rules.checks().refuseContradictions(s, "screening.json").error().message;
        return out;
    }
    out["level"] = toId(a->level);
    ordered findings = ordered::array();
    for (const Finding& f : a->findings) {
        findings.push_back({{"item", f.itemId}, {"rule", f.ruleId}, {"level", toId(f.level)}});
    }
    out["triage_reasons"] = findings;
    ordered exercises = ordered::array();
    for (const Eligibility& e : a->eligibility) {
        if (e.status == EligibilityStatus::Eligible) {
            continue;
        }
        std::vector<std::string> why;
        for (const EligibilityReason& r : e.reasons) {
            const std::string w = r.ruleId + " (" + r.findingId + ")";
            if (std::find(why.begin(), why.end(), w) == why.end()) {
                why.push_back(w);
            }
        }
        exercises.push_back(
            {{"exercise", e.exerciseId}, {"effect", toId(e.status)}, {"rules", why}});
    }
    out["exercises"] = exercises;
    return out;
}

/// The handout of a case's handout.json ({"lang", "program": [exercise ids],
/// "override_reason"}) as Poppler extracts its text, page by page.
std::string handoutText(const fs::path& dir, const Screening& s, const Assessment& a) {
    const auto spec = nlohmann::json::parse(test::readFile(dir / "handout.json"));
    handout::HandoutRequest r;
    r.clinic.name = "Golden Case Clinic";
    r.clinic.phone = "555-0100";
    r.clinic.clinicianName = "Dana Ortiz";
    r.clinic.clinicianCredentials = "PT, DPT";
    r.patientName = "Golden Case";
    r.sessionDate = s.date.empty() ? "2026-11-22" : s.date;
    r.options.lang = spec.value("lang", "en");
    r.overrideReason = spec.value("override_reason", "");
    const auto& catalog = test::Shipped::get().catalog;
    for (const auto& id : spec.at("program")) {
        const CatalogEntry* e = catalog.find(id.get<std::string>());
        if (e == nullptr) {
            ADD_FAILURE() << dir.string() << "/handout.json: unknown exercise " << id;
            return {};
        }
        r.program.items.push_back({e->id, e->defaultDosage, ""});
    }
    r.assessment = a;
    r.findingIds = s.findings;
    auto pdf = handout::test::shippedWriter().renderPdf(r, catalog.entries());
    if (!pdf) {
        return "refused: " + pdf.error().message + "\n";
    }
    std::string out;
    const auto pages = handout::test::pdfPageTexts(*pdf);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        out += "--- page " + std::to_string(i + 1) + " ---\n";
        std::istringstream lines(pages[i]);
        for (std::string line; std::getline(lines, line);) {
            const std::string squashed = handout::test::squash(line);
            if (!squashed.empty() && squashed != " ") {
                out += squashed + "\n";
            }
        }
    }
    return out;
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        out.push_back(line);
    }
    return out;
}

/// A line diff ("-" expected, "+" actual) of two short texts, by longest common subsequence.
std::string lineDiff(const std::string& expected, const std::string& actual) {
    const auto a = linesOf(expected);
    const auto b = linesOf(actual);
    std::vector<std::vector<std::size_t>> lcs(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = a.size(); i-- > 0;) {
        for (std::size_t j = b.size(); j-- > 0;) {
            lcs[i][j] =
                a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    std::string out;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j]) {
            ++i;
            ++j;
        } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
            out += "+ " + b[j++] + "\n";
        } else {
            out += "- " + a[i++] + "\n";
        }
    }
    return out;
}

/// Compares `actual` with the file (or, in update mode, writes it).
void compareOrUpdate(const fs::path& file, const std::string& actual) {
    if (updating()) {
        test::writeFile(file, actual);
        std::cout << "[ updated  ] " << file.string() << '\n';
        return;
    }
    ASSERT_TRUE(fs::exists(file)) << file.string()
                                  << " is missing; run with HEPDESK_GOLDEN_UPDATE=1 to write it, "
                                     "then review it. It would be:\n"
                                  << actual;
    const std::string expected = test::readFile(file);
    EXPECT_TRUE(expected == actual)
        << file.string() << " differs from what the rules conclude today (- expected, + actual):\n"
        << lineDiff(expected, actual)
        << "If the change is intended, run with HEPDESK_GOLDEN_UPDATE=1 and review the diff.";
}

class GoldenCase : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenCase, MatchesExpected) {
    const fs::path dir = goldenDir() / GetParam();
    const std::string source = (dir / "screening.json").string();
    auto doc = json::parseFile(source);
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    // Named by the folder's own name, so the expected refusal does not depend on the checkout.
    auto s = screeningFromJson(*doc, "screening.json");
    if (!s.ok()) {
        // A screening the file format itself refuses (best pain above worst): the refusal is
        // the expectation.
        ordered refusal = {{"refused", s.error().message}};
        compareOrUpdate(dir / "expected-assessment.json", format(refusal));
        return;
    }
    const auto& sh = test::Shipped::get();
    const bool refused = !sh.rules.checks().refuseContradictions(*s, source).ok();
    std::optional<Assessment> a;
    if (!refused) {
        auto r = assess(*s, sh.rules, sh.catalog);
        ASSERT_TRUE(r.ok()) << source << ": " << r.error().message;
        a = std::move(*r);
    }
    compareOrUpdate(dir / "expected-assessment.json",
                    format(actualAssessment(*s, a ? &*a : nullptr)));
    if (fs::exists(dir / "handout.json")) {
        ASSERT_TRUE(a.has_value()) << "a refused screening has no handout";
        compareOrUpdate(dir / "expected-handout.txt", handoutText(dir, *s, *a));
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenCase, ::testing::ValuesIn(caseNames()),
                         [](const auto& tpi) { return tpi.param; });

// Code, not data: what holds for every case whatever it expects.
TEST(GoldenCases, AreManyAndCoverEveryFindingAloneAndEveryCheck) {
    const auto names = caseNames();
    EXPECT_GE(names.size(), 40U);
    std::set<std::string> alone;
    std::set<std::string> checksFired;
    const auto& rules = test::Shipped::get().rules;
    for (const auto& name : names) {
        const std::string source = (goldenDir() / name / "screening.json").string();
        auto doc = json::parseFile(source);
        ASSERT_TRUE(doc.ok()) << doc.error().message;
        auto s = screeningFromJson(*doc, source);
        if (!s.ok()) {
            continue; // a case of a screening refused by the file format
        }
        if (s->findings.size() == 1) {
            alone.insert(*s->findings.begin());
        }
        for (const ScreeningIssue& issue : rules.checks().evaluate(*s)) {
            checksFired.insert(issue.check->id);
        }
    }
    for (const auto& f : rules.items().findings()) {
        EXPECT_TRUE(alone.contains(f.id)) << f.id << " has no golden case of its own";
    }
    for (const auto& c : rules.checks().checks()) {
        if (c.id == "pain_best_above_worst") {
            // The screening file format refuses it before any check runs (golden case
            // contradiction_pain_best_above_worst); the check guards the app's sliders.
            continue;
        }
        EXPECT_TRUE(checksFired.contains(c.id))
            << "screening check " << c.id << " fires in no golden case";
    }
}

TEST(GoldenCases, EveryAssessmentIsCoherent) {
    const auto& sh = test::Shipped::get();
    for (const auto& name : caseNames()) {
        const std::string source = (goldenDir() / name / "screening.json").string();
        auto s = screeningFromJson(*json::parseFile(source), source);
        if (!s.ok() || !sh.rules.checks().refuseContradictions(*s, source).ok()) {
            continue;
        }
        const Assessment a = test::assessOk(*s);
        // Every triage reason has a rule, a text and an item the screening holds.
        for (const Finding& f : a.findings) {
            EXPECT_FALSE(f.reason.empty()) << name;
            EXPECT_FALSE(f.ruleId.empty()) << name;
            EXPECT_TRUE(s->findings.contains(f.itemId) || f.itemId == "age" ||
                        f.itemId == "duration_days")
                << name << ": " << f.itemId;
        }
        EXPECT_EQ(a.findings.empty(), a.level == TriageLevel::Routine) << name;
        // Every caution speaks to the patient in both languages.
        for (const Eligibility& e : a.eligibility) {
            EXPECT_EQ(e.reasons.empty(), e.status == EligibilityStatus::Eligible) << name;
            for (const auto& r : e.reasons) {
                EXPECT_TRUE(s->findings.contains(r.findingId)) << name << ": " << r.findingId;
                if (e.status == EligibilityStatus::Caution) {
                    EXPECT_TRUE(r.patientNote.has("en") && r.patientNote.has("es"))
                        << name << ": " << r.ruleId;
                }
            }
        }
    }
}

} // namespace
} // namespace hepdesk
