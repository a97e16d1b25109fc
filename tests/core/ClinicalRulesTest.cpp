#include "ClinicalFixture.h"
#include "hepdesk/core/JsonRead.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>

namespace hepdesk {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

TEST(ClinicalRules, ShippedRulesLoadAndCoverTheReference) {
    const auto& rules = test::Shipped::get().rules;
    const auto& items = rules.items();
    EXPECT_NE(items.finding("ces_saddle_numbness"), nullptr);
    EXPECT_EQ(items.finding("ces_saddle_numbness")->group, "cauda_equina");
    for (const char* id : {"osteoporosis",         "inflammatory_arthritis",
                           "disc_herniation",      "spondylolisthesis",
                           "recent_trauma",        "acute_strain",
                           "hypermobility",        "radiating_leg",
                           "radiating_arm",        "pregnancy_after_t1",
                           "shoulder_instability", "anticoagulants",
                           "bone_tumour",          "spinal_infection",
                           "persistent_pain",      "clunk",
                           "cracking_to_breathe",  "history_of_cancer",
                           "fever_or_chills",      "progressive_neuro_deficit"}) {
        const FindingItem* f = items.finding(id);
        ASSERT_NE(f, nullptr) << id;
        EXPECT_FALSE(f->clinicianLabel.text("en").empty());
        EXPECT_TRUE(f->patientLabel.has("en") && f->patientLabel.has("es")) << id;
    }
    ASSERT_EQ(items.startBackItems().size(), 9U);
    EXPECT_EQ(items.startBackItems().front().id, "leg_pain");
    EXPECT_EQ(items.startBackItems().back().id, "bothersomeness");
    int psychosocial = 0;
    for (const auto& q : items.startBackItems()) {
        psychosocial += q.psychosocial ? 1 : 0;
        EXPECT_EQ(q.psychosocial, q.number >= 5) << q.id;
    }
    EXPECT_EQ(psychosocial, 5);
    EXPECT_EQ(items.odi().sections.size(), 10U);
    EXPECT_NE(items.odi().find("sex_life"), nullptr);
    EXPECT_NE(items.ndi().find("headaches"), nullptr);
}

// The clinical reference's "conditions that last" carry into a follow-up; today's episode
// (trauma, fever, new nerve signs, cauda equina signs) is asked afresh.
TEST(ClinicalRules, LastingFindingsAreTheReferenceList) {
    const auto& items = test::Shipped::get().rules.items();
    for (const char* id :
         {"osteoporosis", "long_term_corticosteroids", "inflammatory_arthritis",
          "atlanto_axial_instability", "hypermobility", "spondylolisthesis", "disc_herniation",
          "anticoagulants", "pregnancy_after_t1", "shoulder_instability", "history_of_cancer",
          "diabetes", "immunosuppression", "bone_tumour", "ankylosing_spondylitis",
          "recent_spinal_surgery"}) {
        ASSERT_NE(items.finding(id), nullptr) << id;
        EXPECT_TRUE(items.finding(id)->lasting) << id;
    }
    for (const char* id :
         {"ces_saddle_numbness", "ces_bladder_bowel_loss", "significant_trauma", "recent_trauma",
          "fever_or_chills", "progressive_neuro_deficit", "acute_strain", "neck_vascular_signs",
          "radiating_leg", "sudden_onset_pain"}) {
        ASSERT_NE(items.finding(id), nullptr) << id;
        EXPECT_FALSE(items.finding(id)->lasting) << id;
    }
}

TEST(ClinicalRules, ScreeningIsRecordedOnlyWithAnswers) {
    Screening s;
    s.date = "2026-11-30";
    s.age = 70;
    s.sex = Sex::Female;
    s.regions = {Region::LowBack};
    s.durationDays = 10;
    s.notes = "carried facts alone screen nothing";
    EXPECT_FALSE(isScreeningRecorded(s));
    Screening pain = s;
    pain.pain.worst = 0;
    EXPECT_TRUE(isScreeningRecorded(pain));
    Screening finding = s;
    finding.findings = {"osteoporosis"};
    EXPECT_TRUE(isScreeningRecorded(finding));
    Screening odi = s;
    odi.odi["walking"] = 0;
    EXPECT_TRUE(isScreeningRecorded(odi));
}

TEST(ClinicalRules, ScreeningIdsAreCheckedWithPointers) {
    const auto& sh = test::Shipped::get();
    const json doc = json::parse(R"({"findings": ["osteoporosis", "osteoprosis"],
        "odi": {"lifting": 2}})");
    auto s = screeningFromJson(doc, "visit.json");
    ASSERT_TRUE(s.ok());
    auto a = assess(*s, sh.rules, sh.catalog, "visit.json", &doc);
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(a.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(a.error().message.find("visit.json: /findings/1: unknown finding id \"osteoprosis\""),
              std::string::npos)
        << a.error().message;

    const std::vector<std::pair<const char*, const char*>> bad = {
        {R"({"odi": {"lifting": 2, "gardening": 1}})", "/odi/gardening: unknown ODI section"},
        {R"({"ndi": {"typing": 1}})", "/ndi/typing: unknown NDI item"},
        {R"({"start_back": {"leg_pain": 3}})",
         "/start_back/leg_pain: expected a whole number from 0 to 1"},
        {R"({"start_back": {"bothersomeness": 4, "mood": 1}})",
         "/start_back/mood: unknown STarT Back item"},
    };
    for (const auto& [text, expected] : bad) {
        const json d = json::parse(text);
        auto sc = screeningFromJson(d, "visit.json");
        ASSERT_TRUE(sc.ok()) << sc.error().message;
        auto r = assess(*sc, sh.rules, sh.catalog, "visit.json", &d);
        ASSERT_FALSE(r.ok()) << text;
        EXPECT_NE(r.error().message.find(expected), std::string::npos) << r.error().message;
    }
}

/// A copy of templates/rules/ with one file changed by `mutate`.
struct BrokenRules {
    const char* name;
    const char* file;
    std::function<void(json&)> mutate;
    const char* expected;
};

class ClinicalRulesBroken : public ::testing::TestWithParam<BrokenRules> {};

TEST_P(ClinicalRulesBroken, NamesFilePointerAndExpectation) {
    test::TempDir dir;
    auto [target, r] = test::loadRulesEdited(dir, GetParam().file, GetParam().mutate);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(r.error().message.find(target.string()), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find(GetParam().expected), std::string::npos) << r.error().message;
}

json& ruleById(json& doc, const std::string& id) {
    for (auto& r : doc["rules"]) {
        if (r["id"] == id) {
            return r;
        }
    }
    throw std::runtime_error("no rule " + id);
}

void eraseRule(json& doc, const std::string& id) {
    auto& a = doc["rules"];
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i]["id"] == id) {
            a.erase(i);
            return;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ClinicalRulesBroken,
    ::testing::Values(
        BrokenRules{"TriageUnknownFinding", "triage.json",
                    [](json& j) { j["rules"][0]["when"]["any_finding"][0] = "saddle"; },
                    "/rules/0/when/any_finding/0: unknown finding id \"saddle\""},
        BrokenRules{"TriageBadLevel", "triage.json",
                    [](json& j) { j["rules"][1]["level"] = "soon"; },
                    "/rules/1/level: expected one of emergency"},
        BrokenRules{"TriageTwoConditions", "triage.json",
                    [](json& j) { j["rules"][1]["when"]["age_at_least"] = 3; },
                    "/rules/1/when: expected exactly one condition"},
        BrokenRules{"TriageUnknownField", "triage.json",
                    [](json& j) { j["rules"][2]["priority"] = 1; },
                    "/rules/2/priority: unknown field"},
        BrokenRules{"TriageAgeOutOfRange", "triage.json",
                    [](json& j) { j["rules"][3]["when"]["all"][1]["age_at_least"] = -3; },
                    "/rules/3/when/all/1/age_at_least: expected a whole number from 0 to 120"},
        BrokenRules{"TriageAgeAtMostOutOfRange", "triage.json",
                    [](json& j) {
                        ruleById(j, "young_person_red_flag")["when"]["all"][0]["age_at_most"] = 200;
                    },
                    "/when/all/0/age_at_most: expected a whole number from 0 to 120"},
        BrokenRules{
            "TriageDurationAtMostNegative", "triage.json",
            [](json& j) {
                ruleById(j,
                         "fracture_older_age_new_pain")["when"]["all"][1]["duration_days_at_most"] =
                    -1;
            },
            "/when/all/1/duration_days_at_most: expected a whole number from 0 to 36500"},
        BrokenRules{"TriageCesSignNotEmergency", "triage.json",
                    [](json& j) { j["rules"][0]["when"]["any_finding"].erase(0); },
                    "cauda equina sign \"ces_saddle_numbness\" must on its own give an emergency"},
        BrokenRules{"TriageCesRuleDemoted", "triage.json",
                    [](json& j) { j["rules"][0]["level"] = "urgent_referral"; },
                    "must on its own give an emergency"},
        BrokenRules{"TriageRedFlagUnused", "triage.json", [](json& j) { eraseRule(j, "clunk"); },
                    "red flag \"clunk\" (group refer_monitor) is used by no rule"},
        BrokenRules{"TriageDuplicateId", "triage.json",
                    [](json& j) { j["rules"][1]["id"] = j["rules"][0]["id"]; },
                    "/rules/1/id: rule id \"cauda_equina_sign\" is used twice"},
        BrokenRules{"EligibilityUnknownTag", "eligibility.json",
                    [](json& j) { ruleById(j, "bone_no_traction")["match"]["tags"] = {"hangng"}; },
                    "/match/tags/0: expected one of head_movement"},
        BrokenRules{"TagsDuplicate", "tags.json",
                    [](json& j) { j["tags"][1]["id"] = j["tags"][0]["id"]; },
                    "/tags/1/id: tag \"head_movement\" is declared twice"},
        BrokenRules{"TagsMissingSpanish", "tags.json",
                    [](json& j) { j["tags"][0]["clinician"].erase("es"); },
                    "/tags/0/clinician/es: missing"},
        BrokenRules{"EligibilityCautionWithoutNote", "eligibility.json",
                    [](json& j) { ruleById(j, "bone_gentle_rotation").erase("patient_note"); },
                    "/patient_note: missing"},
        BrokenRules{
            "EligibilityNoteMissingSpanish", "eligibility.json",
            [](json& j) { ruleById(j, "bone_gentle_rotation")["patient_note"].erase("es"); },
            "/patient_note/es: missing"},
        BrokenRules{"EligibilityEmptyMatch", "eligibility.json",
                    [](json& j) { j["rules"][0]["match"] = json::object(); },
                    "/rules/0/match: expected at least one of"},
        BrokenRules{"EligibilityUnknownMovement", "eligibility.json",
                    [](json& j) { j["rules"][0]["match"]["movements"] = {"twist"}; },
                    "/rules/0/match/movements/0: expected one of flexion"},
        BrokenRules{"EligibilityUnknownFinding", "eligibility.json",
                    [](json& j) { j["rules"][0]["findings"] = {"weak_bones"}; },
                    "/rules/0/findings/0: unknown finding id \"weak_bones\""},
        BrokenRules{"EligibilityBadEffect", "eligibility.json",
                    [](json& j) { j["rules"][0]["effect"] = "forbid"; },
                    "/rules/0/effect: expected one of exclude, caution"},
        BrokenRules{"ItemsMissingSpanish", "screening_items.json",
                    [](json& j) { j["findings"][3]["patient"].erase("es"); },
                    "/findings/3/patient/es: missing"},
        BrokenRules{"ItemsUnknownGroup", "screening_items.json",
                    [](json& j) { j["findings"][0]["group"] = "scary"; },
                    "/findings/0/group: expected one of the groups"},
        BrokenRules{"ItemsDuplicate", "screening_items.json",
                    [](json& j) { j["findings"][1]["id"] = j["findings"][0]["id"]; },
                    "/findings/1/id: \"ces_saddle_numbness\" is listed twice"},
        // Every item says whether a follow-up carries it; none is left to a default.
        BrokenRules{"ItemsPersistenceMissing", "screening_items.json",
                    [](json& j) { j["findings"][2].erase("persistence"); },
                    "/findings/2/persistence: missing"},
        BrokenRules{"ItemsPersistenceUnknown", "screening_items.json",
                    [](json& j) { j["findings"][2]["persistence"] = "chronic"; },
                    "/findings/2/persistence: expected one of lasting, acute"},
        BrokenRules{"OdiBandGap", "outcome_measures.json",
                    [](json& j) { j["odi"]["bands"][1]["min"] = 22; },
                    "/odi/bands/1: expected a band starting at 21"},
        // Issue 12 item 11: every ODI/NDI answer has its statement, none shown as a bare number.
        BrokenRules{"OdiAnswerMissing", "outcome_measures.json",
                    [](json& j) { j["odi"]["sections"][2]["answers"].erase(5); },
                    "/odi/sections/2/answers: expected 6 statements (answers 0-5), got 5"},
        BrokenRules{"NdiAnswerWithoutSpanish", "outcome_measures.json",
                    [](json& j) { j["ndi"]["sections"][4]["answers"][1].erase("es"); },
                    "/ndi/sections/4/answers/1/es: missing"},
        BrokenRules{"NdiBandsShort", "outcome_measures.json",
                    [](json& j) { j["ndi"]["bands"].erase(4); },
                    "/ndi/bands: expected the last band to end at 50"},
        BrokenRules{
            "StartBackOrder", "outcome_measures.json",
            [](json& j) { std::swap(j["start_back"]["items"][0], j["start_back"]["items"][1]); },
            "/start_back/items/0/keele_item: expected 1"},
        BrokenRules{"NprsUnknownBand", "outcome_measures.json",
                    [](json& j) { j["nprs"]["bands"][0]["id"] = "zero"; },
                    "/nprs/bands/0/id: expected one of none, mild, moderate, severe"}),
    [](const auto& tpi) { return std::string(tpi.param.name); });

// Issue 14: the rules match on what an exercise moves and loads, so an exercise cannot carry
// a tag the rules do not know (it would escape them).
TEST(ClinicalRules, CatalogExerciseWithUndeclaredTagIsRefused) {
    test::TempDir dir;
    for (const auto& f : fs::directory_iterator(test::templatesDir() / "catalog")) {
        fs::copy_file(f.path(), dir / f.path().filename().string());
    }
    const fs::path target = dir / "chin_tuck.json";
    json doc = json::parse(test::readFile(target));
    doc["tags"] = {"neck_moves"};
    test::writeFile(target, doc.dump(2));
    auto catalog = Catalog::loadDir(dir.path());
    ASSERT_TRUE(catalog.ok()) << catalog.error().message;
    auto r = ClinicalRules::loadDir(test::templatesDir() / "rules", *catalog);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("catalog entry chin_tuck: /tags/0: tag \"neck_moves\" is "
                                     "not declared in"),
              std::string::npos)
        << r.error().message;
}

// Every exercise that moves the neck itself moves the head: the head-movement rules (upper
// neck instability, cervical artery, myelopathy) must see it.
TEST(ClinicalRules, NeckMovementExercisesAreTaggedAsHeadMovement) {
    int neckExercises = 0;
    for (const auto& e : test::Shipped::get().catalog.entries()) {
        const bool neckOnly = e.regions == std::vector<Region>{Region::Neck};
        const bool moves = std::any_of(e.movements.begin(), e.movements.end(), [](Movement m) {
            return m == Movement::Flexion || m == Movement::Extension || m == Movement::Rotation ||
                   m == Movement::SideBend;
        });
        if (e.isExercise() && neckOnly && moves) {
            ++neckExercises;
            EXPECT_NE(std::find(e.tags.begin(), e.tags.end(), "head_movement"), e.tags.end())
                << e.id;
        }
    }
    EXPECT_GE(neckExercises, 2);
}

// Issue 14 review: rules must be able to address every position (standing, sitting, all fours,
// side-lying, prone, supine...), so each is a declared tag and every shipped exercise lists its
// position among its tags, where a reviewer reads them.
TEST(ClinicalRules, EveryPositionIsADeclaredTagOnItsExercises) {
    const auto& sh = test::Shipped::get();
    std::set<std::string> declared;
    for (const auto& t : sh.rules.eligibility().tags()) {
        declared.insert(t.id);
    }
    for (const char* position : {"standing", "sitting", "kneeling", "all_fours", "lunge",
                                 "lying_on_back", "lying_on_front", "lying_on_side", "hanging"}) {
        EXPECT_TRUE(declared.contains(position)) << position << " is not a declared tag";
    }
    for (const auto& e : sh.catalog.entries()) {
        if (e.isExercise()) {
            EXPECT_NE(std::find(e.tags.begin(), e.tags.end(), e.position), e.tags.end())
                << e.id << " does not list its position \"" << e.position << "\" as a tag";
        }
    }
}

// A clinic's own exercise lists no tags: its position still meets the rules written on that
// position's tag (pregnancy and lying face down; cord signs and standing).
TEST(ClinicalRules, AnExercisesPositionCountsAsATag) {
    const auto& rules = test::Shipped::get().rules.eligibility();
    CatalogEntry own;
    own.id = "clinic_prone_leg_lift";
    own.kind = CatalogEntry::Kind::Exercise;
    own.position = "lying_on_front";
    own.regions = {Region::LowBack};
    const Eligibility pregnant = rules.evaluate(own, test::screeningWith({"pregnancy_after_t1"}));
    EXPECT_EQ(pregnant.status, EligibilityStatus::Caution);
    ASSERT_EQ(pregnant.reasons.size(), 1U);
    EXPECT_EQ(pregnant.reasons[0].ruleId, "pregnancy_prone_if_comfortable");
    EXPECT_EQ(rules.evaluate(own, test::screeningWith({"myelopathy_signs"})).status,
              EligibilityStatus::Eligible);
    own.position = "standing";
    EXPECT_EQ(rules.evaluate(own, test::screeningWith({"pregnancy_after_t1"})).status,
              EligibilityStatus::Eligible);
    const Eligibility cord = rules.evaluate(own, test::screeningWith({"myelopathy_signs"}));
    EXPECT_EQ(cord.status, EligibilityStatus::Caution);
    ASSERT_EQ(cord.reasons.size(), 1U);
    EXPECT_EQ(cord.reasons[0].ruleId, "myelopathy_steady_standing");
}

TEST(ClinicalRulesBrokenFile, MalformedJsonAndMissingFilesAreNamed) {
    test::TempDir dir;
    for (const auto& f : fs::directory_iterator(test::templatesDir() / "rules")) {
        fs::copy_file(f.path(), dir / f.path().filename().string());
    }
    test::writeFile(dir / "triage.json", "{\"rules\": [");
    auto r = ClinicalRules::loadDir(dir.path(), test::Shipped::get().catalog);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("triage.json: not valid JSON"), std::string::npos)
        << r.error().message;
    fs::remove(dir / "eligibility.json");
    test::writeFile(dir / "triage.json",
                    test::readFile(test::templatesDir() / "rules/triage.json"));
    r = ClinicalRules::loadDir(dir.path(), test::Shipped::get().catalog);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("eligibility.json"), std::string::npos) << r.error().message;
    EXPECT_FALSE(ClinicalRules::loadDir(dir / "nope", test::Shipped::get().catalog).ok());
}

TEST(ClinicalRules, AvoidEntryWithUnknownFindingIsRejected) {
    Catalog c = test::Shipped::get().catalog;
    CatalogEntry e = *c.find("avoid_bear_hug_thrust");
    e.relevantFindings.push_back("brittle");
    c.put(e);
    auto r = ClinicalRules::loadDir(test::templatesDir() / "rules", c);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(
        r.error().message.find("avoid_bear_hug_thrust: /relevant_findings/4: unknown finding id"),
        std::string::npos)
        << r.error().message;
}

} // namespace
} // namespace hepdesk
