#include "ClinicalFixture.h"
#include "hepdesk/core/JsonRead.h"

#include <functional>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>

namespace hepdesk {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

/// Every clinician-facing text the loaders read: labels of groups, findings, questions and
/// bands, reasons of triage and eligibility rules, each named by where it comes from.
std::vector<std::pair<std::string, const LocalizedText*>> loadedClinicianTexts() {
    const auto& rules = test::Shipped::get().rules;
    const auto& items = rules.items();
    std::vector<std::pair<std::string, const LocalizedText*>> out;
    for (const auto& g : items.groups()) {
        out.emplace_back("group " + g.id, &g.clinicianLabel);
    }
    for (const auto& f : items.findings()) {
        out.emplace_back("finding " + f.id, &f.clinicianLabel);
    }
    for (const auto& b : items.painBands()) {
        out.emplace_back("NPRS band " + b.id, &b.clinicianLabel);
    }
    for (const auto& q : items.startBackItems()) {
        out.emplace_back("STarT Back item " + q.id, &q.clinicianLabel);
    }
    for (const auto& [name, inst] :
         {std::pair{"ODI", &items.odi()}, std::pair{"NDI", &items.ndi()}}) {
        for (const auto& q : inst->sections) {
            out.emplace_back(std::string(name) + " section " + q.id, &q.clinicianLabel);
            for (std::size_t a = 0; a < q.answers.size(); ++a) {
                out.emplace_back(std::string(name) + " " + q.id + " answer " + std::to_string(a),
                                 &q.answers[a]);
            }
        }
        for (const auto& b : inst->bands) {
            out.emplace_back(std::string(name) + " band " + b.id, &b.clinicianLabel);
        }
    }
    for (const auto& r : rules.triage().rules()) {
        out.emplace_back("triage rule " + r.id, &r.reason);
    }
    for (const auto& r : rules.eligibility().rules()) {
        out.emplace_back("eligibility rule " + r.id, &r.reason);
    }
    for (const auto& t : rules.eligibility().tags()) {
        out.emplace_back("exercise tag " + t.id, &t.clinicianLabel);
    }
    return out;
}

TEST(ClinicianTexts, EveryLoadedClinicianTextHasEnglishAndSpanish) {
    const auto texts = loadedClinicianTexts();
    // 8 groups + 39 findings, 43 labels of the outcome measures and 120 ODI/NDI answer
    // statements, 29 triage and 38 eligibility rules, 23 exercise tags: a count that moves
    // means a text was added or dropped; update it knowingly.
    EXPECT_EQ(texts.size(), 300U);
    for (const auto& [what, t] : texts) {
        EXPECT_FALSE(t->text("en").empty()) << what;
        EXPECT_TRUE(t->has("es")) << what;
        EXPECT_FALSE(t->text("es").empty()) << what;
        EXPECT_NE(t->text("es"), t->text("en")) << what << ": Spanish is a copy of the English";
    }
}

/// Walks a JSON document and calls `visit` on every value of a key in `keys`.
void walk(const json& j, const std::string& ptr, const std::set<std::string>& keys,
          const std::function<void(const std::string&, const json&)>& visit) {
    if (j.is_object()) {
        for (const auto& [k, v] : j.items()) {
            if (keys.contains(k)) {
                visit(ptr + "/" + k, v);
            }
            walk(v, ptr + "/" + k, keys, visit);
        }
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) {
            walk(j[i], ptr + "/" + std::to_string(i), keys, visit);
        }
    }
}

TEST(ClinicianTexts, EveryTemplateFileGivesEveryTextInBothLanguages) {
    // Independent of the loaders: every clinician label and reason in the rule files, and
    // every text a catalog entry shows, is an object with non-empty "en" and "es".
    int clinician = 0;
    for (const auto& f : fs::directory_iterator(test::templatesDir() / "rules")) {
        auto doc = hepdesk::json::parseFile(f.path().string());
        ASSERT_TRUE(doc.ok()) << doc.error().message;
        walk(*doc, "", {"clinician", "reason", "patient", "patient_note"},
             [&](const std::string& ptr, const json& v) {
                 SCOPED_TRACE(f.path().filename().string() + ": " + ptr);
                 ASSERT_TRUE(v.is_object());
                 EXPECT_EQ(v.size(), 2U);
                 for (const char* lang : {"en", "es"}) {
                     ASSERT_TRUE(v.contains(lang)) << lang;
                     ASSERT_TRUE(v[lang].is_string()) << lang;
                     EXPECT_FALSE(v[lang].get<std::string>().empty()) << lang;
                 }
                 const std::string key = ptr.substr(ptr.rfind('/') + 1);
                 clinician += key == "clinician" || key == "reason" ? 1 : 0;
             });
    }
    EXPECT_EQ(clinician, 180);
    int catalogTexts = 0;
    for (const auto& f : fs::directory_iterator(test::templatesDir() / "catalog")) {
        auto doc = hepdesk::json::parseFile(f.path().string());
        ASSERT_TRUE(doc.ok()) << doc.error().message;
        walk(*doc, "", {"name", "why", "illustration", "steps", "tips", "stop_if"},
             [&](const std::string& ptr, const json& v) {
                 SCOPED_TRACE(f.path().filename().string() + ": " + ptr);
                 for (const json& t : v.is_array() ? v : json::array({v})) {
                     ASSERT_TRUE(t.is_object());
                     EXPECT_FALSE(t.value("en", std::string()).empty());
                     EXPECT_FALSE(t.value("es", std::string()).empty());
                     ++catalogTexts;
                 }
             });
    }
    EXPECT_GT(catalogTexts, 0);
}

/// Returns the element of `array` whose "id" is `id`.
json& byId(json& array, const std::string& id) {
    for (auto& e : array) {
        if (e["id"] == id) {
            return e;
        }
    }
    throw std::runtime_error("no element " + id);
}

struct BrokenText {
    const char* name;
    const char* file;
    std::function<void(json&)> mutate;
    std::vector<std::string> expected; ///< every one must be in the message
};

class ClinicianTextBroken : public ::testing::TestWithParam<BrokenText> {};

TEST_P(ClinicianTextBroken, IsRefusedNamingFileFieldAndId) {
    test::TempDir dir;
    auto [target, r] = test::loadRulesEdited(dir, GetParam().file, GetParam().mutate);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(r.error().message.find(target.string() + ": "), std::string::npos)
        << r.error().message;
    for (const auto& e : GetParam().expected) {
        EXPECT_NE(r.error().message.find(e), std::string::npos) << r.error().message;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ClinicianTextBroken,
    ::testing::Values(
        BrokenText{"FindingWithoutSpanish",
                   "screening_items.json",
                   [](json& j) { byId(j["findings"], "osteoporosis")["clinician"].erase("es"); },
                   {"/findings/23/clinician/es: missing",
                    "clinician text of \"osteoporosis\" needs English and Spanish"}},
        BrokenText{"GroupWithoutSpanish",
                   "screening_items.json",
                   [](json& j) { byId(j["groups"], "vascular")["clinician"].erase("es"); },
                   {"/groups/5/clinician/es: missing", "\"vascular\""}},
        BrokenText{"FindingStillPlainEnglish",
                   "screening_items.json",
                   [](json& j) { byId(j["findings"], "clunk")["clinician"] = "A clunk"; },
                   {"/findings/21/clinician: expected an object of language -> text",
                    "got \"A clunk\" (clinician text of \"clunk\")"}},
        BrokenText{"NprsBandEmptySpanish",
                   "outcome_measures.json",
                   [](json& j) { j["nprs"]["bands"][2]["clinician"]["es"] = ""; },
                   {"/nprs/bands/2/clinician/es: expected non-empty text, got \"\"",
                    "(clinician text of \"moderate\")"}},
        BrokenText{"StartBackWithoutSpanish",
                   "outcome_measures.json",
                   [](json& j) {
                       byId(j["start_back"]["items"], "worrying_thoughts")["clinician"].erase("es");
                   },
                   {"/start_back/items/5/clinician/es: missing", "\"worrying_thoughts\""}},
        BrokenText{"NdiSectionUnknownLanguage",
                   "outcome_measures.json",
                   [](json& j) { j["ndi"]["sections"][7]["clinician"]["pt"] = "Dirigir"; },
                   {"/ndi/sections/7/clinician/pt: unknown language", "\"driving\""}},
        BrokenText{"OdiBandWithoutSpanish",
                   "outcome_measures.json",
                   [](json& j) { byId(j["odi"]["bands"], "bed_bound")["clinician"].erase("es"); },
                   {"/odi/bands/4/clinician/es: missing", "\"bed_bound\""}},
        BrokenText{"TriageReasonWithoutSpanish",
                   "triage.json",
                   [](json& j) { byId(j["rules"], "infection_fever")["reason"].erase("es"); },
                   {"/rules/8/reason/es: missing", "clinician text of \"infection_fever\""}},
        BrokenText{
            "EligibilityReasonWithoutSpanish",
            "eligibility.json",
            [](json& j) { byId(j["rules"], "disc_no_loaded_rotation")["reason"].erase("es"); },
            {"/rules/10/reason/es: missing", "\"disc_no_loaded_rotation\""}},
        BrokenText{"EligibilityReasonWithoutEnglish",
                   "eligibility.json",
                   [](json& j) { byId(j["rules"], "bone_no_traction")["reason"].erase("en"); },
                   {"/rules/1/reason/en: missing", "\"bone_no_traction\""}}),
    [](const auto& tpi) { return std::string(tpi.param.name); });

TEST(ClinicianTexts, ReasonOfGivesTheRuleInBothLanguages) {
    const auto& rules = test::Shipped::get().rules;
    const LocalizedText* ces = rules.triage().reasonOf("cauda_equina_sign");
    ASSERT_NE(ces, nullptr);
    EXPECT_EQ(ces->text("en"),
              "Possible cauda equina syndrome: emergency referral today (MRI within 4 hours)");
    EXPECT_EQ(ces->text("es"), "Posible síndrome de cauda equina: derivación a urgencias hoy "
                               "mismo (RM en menos de 4 horas)");
    const LocalizedText* twist = rules.eligibility().reasonOf("bone_gentle_rotation");
    ASSERT_NE(twist, nullptr);
    EXPECT_EQ(twist->text("es"), "Hueso frágil: la rotación forzada conlleva riesgo de fractura; "
                                 "solo en un rango pequeño, lento e indoloro");
    EXPECT_EQ(rules.triage().reasonOf("no_such_rule"), nullptr);
    EXPECT_EQ(rules.eligibility().reasonOf("cauda_equina_sign"), nullptr)
        << "triage and eligibility rule ids are looked up each in their own file";
}

TEST(ClinicianTexts, AssessmentStoresEnglishAndIsShownInSpanishByRule) {
    const auto& rules = test::Shipped::get().rules;
    const Assessment a =
        test::assessOk(test::screeningWith({"ces_saddle_numbness", "osteoporosis"}));
    ASSERT_FALSE(a.findings.empty());
    const Finding& f = a.findings.front();
    EXPECT_EQ(f.ruleId, "cauda_equina_sign");
    // The stored record stays English (sessions, signatures and cli output depend on it).
    EXPECT_EQ(f.reason, rules.triage().reasonOf(f.ruleId)->text("en"));
    EXPECT_EQ(rules.triage().reasonIn(f, "es"), rules.triage().reasonOf(f.ruleId)->text("es"));
    EXPECT_EQ(rules.triage().reasonIn(f, "en"), f.reason);

    const Eligibility* e = a.eligibilityOf("double_knee_to_chest");
    ASSERT_NE(e, nullptr);
    ASSERT_EQ(e->status, EligibilityStatus::Excluded);
    const EligibilityReason& r = e->reasons.front();
    EXPECT_EQ(r.clinicianReason, rules.eligibility().reasonOf(r.ruleId)->text("en"));
    EXPECT_EQ(rules.eligibility().reasonIn(r, "es"),
              "Hueso frágil: la flexión de columna con carga o en rango final conlleva riesgo de "
              "fractura vertebral por aplastamiento");
}

TEST(ClinicianTexts, ReasonsOfOldSessionsFallBackToTheStoredEnglish) {
    const auto& rules = test::Shipped::get().rules;
    // A rule that no longer exists.
    const Finding gone{"clunk", "old_clunk_rule", TriageLevel::ReferAndMonitor, "Old wording"};
    EXPECT_EQ(rules.triage().reasonIn(gone, "es"), "Old wording");
    // A rule that still exists but now says something else: its translation would not be
    // a translation of what the session recorded.
    const Finding reworded{"clunk", "clunk", TriageLevel::ReferAndMonitor, "Clunk: review"};
    EXPECT_EQ(rules.triage().reasonIn(reworded, "es"), "Clunk: review");
    const EligibilityReason oldReason{"osteoporosis", "bone_no_traction", "No hanging", {}};
    EXPECT_EQ(rules.eligibility().reasonIn(oldReason, "es"), "No hanging");
    const EligibilityReason current{"osteoporosis",
                                    "bone_no_traction",
                                    rules.eligibility().reasonOf("bone_no_traction")->text("en"),
                                    {}};
    EXPECT_EQ(rules.eligibility().reasonIn(current, "es"),
              "Hueso frágil: sin suspensiones de tipo tracción");
}

} // namespace
} // namespace hepdesk
