#include "ClinicalFixture.h"

#include <gtest/gtest.h>

namespace hepdesk {
namespace {

using L = TriageLevel;
using S = EligibilityStatus;

/// One clinical situation: what the clinician ticked and what HepDesk must conclude.
struct Scenario {
    std::string name;
    std::vector<std::string> findings;
    L level;
    std::vector<std::string> raisedBy = {}; ///< items that must appear among the findings
    std::vector<std::pair<std::string, S>> eligibility = {};
    std::optional<int> age = std::nullopt;
    std::optional<int> durationDays = std::nullopt;
    std::vector<Region> regions = {Region::LowBack};
};

void PrintTo(const Scenario& s, std::ostream* os) {
    *os << s.name;
}

std::vector<Scenario> scenarios() {
    std::vector<Scenario> v = {
        // The clean case.
        {"clean", {}, L::Routine, {}, {{"cat_cow", S::Eligible}, {"dead_hang", S::Eligible}}},
        // Issue 14, point 3: age and time. New pain at 70 or older is a fracture flag (the
        // former "clean at 90 with 30 days of pain" case was routine; the review says urgent).
        {"older_age_new_pain", {}, L::UrgentReferral, {"age", "duration_days"}, {}, 90, 30},
        {"age_70_pain_42_days", {}, L::UrgentReferral, {"age"}, {}, 70, 42},
        {"age_69_new_pain", {}, L::Routine, {}, {}, 69, 10},
        {"older_age_long_history", {}, L::ReferAndMonitor, {"duration_days"}, {}, 90, 120},
        {"osteoporosis_sudden_pain_no_fall",
         {"osteoporosis", "sudden_onset_pain"},
         L::UrgentReferral,
         {"osteoporosis", "sudden_onset_pain"}},
        {"steroids_sudden_pain_no_fall",
         {"long_term_corticosteroids", "sudden_onset_pain"},
         L::UrgentReferral,
         {"sudden_onset_pain"}},
        {"sudden_onset_pain", {"sudden_onset_pain"}, L::Routine},
        {"ankylosing_spondylitis",
         {"ankylosing_spondylitis"},
         L::Routine,
         {},
         {{"dead_hang", S::Excluded},
          {"neck_side_bend_stretch", S::Caution},
          {"belly_breathing", S::Eligible}}},
        {"ankylosing_spondylitis_small_fall",
         {"ankylosing_spondylitis", "recent_trauma"},
         L::UrgentReferral,
         {"ankylosing_spondylitis", "recent_trauma"}},
        {"child_night_pain", {"night_pain"}, L::UrgentReferral, {"night_pain", "age"}, {}, 12},
        {"adolescent_pain_for_weeks", {"persistent_pain"}, L::UrgentReferral, {"age"}, {}, 17},
        {"adolescent_recent_infection", {"recent_infection"}, L::UrgentReferral, {}, {}, 15},
        {"adult_pain_for_weeks", {"persistent_pain"}, L::ReferAndMonitor, {}, {}, 18},
        {"night_pain_four_weeks",
         {"night_pain"},
         L::UrgentReferral,
         {"night_pain", "duration_days"},
         {},
         40,
         28},
        {"night_pain_27_days", {"night_pain"}, L::ReferAndMonitor, {}, {}, 40, 27},
        {"weight_loss_six_weeks", {"unexplained_weight_loss"}, L::UrgentReferral, {}, {}, 30, 60},
        // Cauda equina: each sign alone is an emergency.
        {"ces_saddle_numbness", {"ces_saddle_numbness"}, L::Emergency, {"ces_saddle_numbness"}},
        {"ces_urinary_difficulty",
         {"ces_urinary_difficulty"},
         L::Emergency,
         {"ces_urinary_difficulty"}},
        {"ces_bladder_bowel_loss",
         {"ces_bladder_bowel_loss"},
         L::Emergency,
         {"ces_bladder_bowel_loss"}},
        {"ces_rectal_sensation_loss",
         {"ces_rectal_sensation_loss"},
         L::Emergency,
         {"ces_rectal_sensation_loss"}},
        {"ces_bilateral_leg_weakness",
         {"ces_bilateral_leg_weakness"},
         L::Emergency,
         {"ces_bilateral_leg_weakness"}},
        // Fracture.
        {"significant_trauma",
         {"significant_trauma"},
         L::UrgentReferral,
         {"significant_trauma"},
         {{"cat_cow", S::Excluded}, {"short_walk", S::Eligible}}},
        {"steroids_alone",
         {"long_term_corticosteroids"},
         L::ReferAndMonitor,
         {"long_term_corticosteroids"},
         {{"dead_hang", S::Excluded}, {"standing_rotation", S::Caution}}},
        {"steroids_age_70", {"long_term_corticosteroids"}, L::UrgentReferral, {"age"}, {}, 70},
        {"steroids_age_69", {"long_term_corticosteroids"}, L::ReferAndMonitor, {}, {}, 69},
        {"minor_trauma_osteoporosis",
         {"recent_trauma", "osteoporosis"},
         L::UrgentReferral,
         {"recent_trauma", "osteoporosis"}},
        {"minor_trauma_steroids",
         {"recent_trauma", "long_term_corticosteroids"},
         L::UrgentReferral},
        {"minor_trauma_age_65",
         {"recent_trauma"},
         L::UrgentReferral,
         {"recent_trauma", "age"},
         {},
         65},
        {"minor_trauma_age_64",
         {"recent_trauma"},
         L::ReferAndMonitor,
         {"recent_trauma"},
         {{"pelvic_tilt", S::Excluded},
          {"chin_tuck", S::Eligible},
          {"belly_breathing", S::Eligible}},
         64},
        // Malignancy.
        {"history_of_cancer", {"history_of_cancer"}, L::UrgentReferral, {"history_of_cancer"}},
        {"weight_loss_alone", {"unexplained_weight_loss"}, L::ReferAndMonitor},
        {"weight_loss_age_50", {"unexplained_weight_loss"}, L::UrgentReferral, {"age"}, {}, 50},
        {"weight_loss_age_49", {"unexplained_weight_loss"}, L::ReferAndMonitor, {}, {}, 49},
        {"night_pain_alone", {"night_pain"}, L::ReferAndMonitor, {"night_pain"}},
        {"weight_loss_and_night_pain",
         {"unexplained_weight_loss", "night_pain"},
         L::UrgentReferral,
         {"unexplained_weight_loss", "night_pain"}},
        {"night_pain_and_persistent", {"night_pain", "persistent_pain"}, L::UrgentReferral},
        // Infection.
        {"fever", {"fever_or_chills"}, L::UrgentReferral, {"fever_or_chills"}},
        {"iv_drug_use", {"iv_drug_use"}, L::ReferAndMonitor},
        {"immunosuppression", {"immunosuppression"}, L::ReferAndMonitor},
        {"recent_infection", {"recent_infection"}, L::ReferAndMonitor},
        {"diabetes_alone", {"diabetes"}, L::Routine},
        {"diabetes_and_immunosuppression",
         {"diabetes", "immunosuppression"},
         L::UrgentReferral,
         {"diabetes", "immunosuppression"}},
        // Neurological and vascular.
        {"progressive_deficit", {"progressive_neuro_deficit"}, L::UrgentReferral},
        // Issue 14, point 2: rules on what an exercise moves. Cord signs: nothing that moves
        // the head (cat-cow tucks the chin, standing rotation lets the head follow).
        {"myelopathy",
         {"myelopathy_signs"},
         L::UrgentReferral,
         {},
         {{"chin_tuck", S::Excluded},
          {"cat_cow", S::Excluded},
          {"standing_rotation", S::Excluded},
          {"seated_thoracic_twist", S::Eligible}}},
        // Issue 14: acute cervical artery dysfunction signs are an emergency (IFOMPT 2020).
        {"neck_vascular",
         {"neck_vascular_signs"},
         L::Emergency,
         {"neck_vascular_signs"},
         {{"chin_tuck", S::Excluded},
          {"cat_cow", S::Excluded},
          {"bed_edge_extension", S::Excluded},
          {"standing_rotation", S::Excluded},
          {"shoulder_blade_squeeze", S::Eligible}}},
        // Issue 14: time-critical presentations beyond cauda equina.
        {"epidural_abscess_fever_spreading_deficit",
         {"fever_or_chills", "progressive_neuro_deficit"},
         L::Emergency,
         {"fever_or_chills", "progressive_neuro_deficit"}},
        {"epidural_abscess_known_infection_cord_signs",
         {"spinal_infection", "myelopathy_signs"},
         L::Emergency},
        {"epidural_abscess_risk_factor_spreading_deficit",
         {"iv_drug_use", "progressive_neuro_deficit"},
         L::Emergency},
        {"mscc_cancer_history_new_deficit",
         {"history_of_cancer", "progressive_neuro_deficit"},
         L::Emergency,
         {"history_of_cancer", "progressive_neuro_deficit"}},
        {"mscc_bone_tumour_cord_signs", {"bone_tumour", "myelopathy_signs"}, L::Emergency},
        {"trauma_cord_signs", {"significant_trauma", "myelopathy_signs"}, L::Emergency},
        {"trauma_root_signs", {"significant_trauma", "radiating_leg"}, L::Emergency},
        {"minor_trauma_spreading_deficit",
         {"recent_trauma", "progressive_neuro_deficit"},
         L::Emergency},
        {"minor_trauma_sciatica_is_not_an_emergency",
         {"recent_trauma", "radiating_leg"},
         L::ReferAndMonitor},
        {"cancer_history_with_sciatica_stays_urgent",
         {"history_of_cancer", "radiating_leg"},
         L::UrgentReferral},
        // Refer and monitor.
        {"radiating_leg",
         {"radiating_leg"},
         L::ReferAndMonitor,
         {"radiating_leg"},
         {{"supine_lumbar_rotation", S::Caution},
          {"seated_thoracic_twist", S::Caution},
          {"cat_cow", S::Eligible}}},
        {"radiating_arm",
         {"radiating_arm"},
         L::ReferAndMonitor,
         {},
         // Arm symptoms: neck and upper-back turns, not a low-back rotation.
         {{"neck_side_bend_stretch", S::Caution},
          {"standing_rotation", S::Caution},
          {"supine_lumbar_rotation", S::Eligible}}},
        {"persistent_pain", {"persistent_pain"}, L::ReferAndMonitor},
        {"duration_42_days", {}, L::ReferAndMonitor, {"duration_days"}, {}, std::nullopt, 42},
        {"duration_41_days", {}, L::Routine, {}, {}, std::nullopt, 41},
        {"clunk", {"clunk"}, L::ReferAndMonitor},
        {"cracking_to_breathe", {"cracking_to_breathe"}, L::ReferAndMonitor},
        // Contraindications alone: no referral, exercises adjusted.
        {"osteoporosis",
         {"osteoporosis"},
         L::Routine,
         {},
         {{"seated_thoracic_twist", S::Caution},
          {"supine_lumbar_rotation", S::Caution},
          {"standing_rotation", S::Caution},
          {"worlds_greatest_stretch", S::Caution},
          {"double_knee_to_chest", S::Excluded},
          {"child_pose_side_reach", S::Excluded},
          {"dead_hang", S::Excluded},
          // Issue 14: the spine on a roller or a hard edge is a pressure caution for weak bone
          // (it was eligible); extension itself stays allowed.
          {"thoracic_extension_foam_roller", S::Caution},
          {"chair_backrest_extension", S::Caution},
          {"prone_press_up", S::Eligible},
          {"ball_release_beside_spine", S::Caution}}},
        {"inflammatory_arthritis",
         {"inflammatory_arthritis"},
         L::Routine,
         {},
         {{"dead_hang", S::Excluded},
          {"neck_side_bend_stretch", S::Caution},
          {"chin_tuck", S::Caution},
          {"cat_cow", S::Caution},
          {"belly_breathing", S::Eligible}}},
        {"atlanto_axial_instability",
         {"atlanto_axial_instability"},
         L::Routine,
         {},
         {{"chin_tuck", S::Excluded},
          {"neck_side_bend_stretch", S::Excluded},
          {"cat_cow", S::Excluded},
          {"bed_edge_extension", S::Excluded},
          {"standing_rotation", S::Excluded},
          {"seated_thoracic_twist", S::Eligible},
          {"dead_hang", S::Excluded},
          {"shoulder_blade_squeeze", S::Eligible}}},
        {"disc_herniation",
         {"disc_herniation"},
         L::Routine,
         {},
         {{"double_knee_to_chest", S::Caution},
          {"child_pose_side_reach", S::Caution},
          {"standing_rotation", S::Caution},
          {"worlds_greatest_stretch", S::Excluded},
          {"prone_press_up", S::Eligible}}},
        {"spondylolisthesis",
         {"spondylolisthesis"},
         L::Routine,
         {},
         {{"thoracic_extension_foam_roller", S::Excluded},
          {"bed_edge_extension", S::Excluded},
          {"prone_press_up", S::Excluded},
          {"cat_cow", S::Caution},
          {"chair_backrest_extension", S::Caution},
          // Its end range is rotation, not extension (it was excluded on region labels).
          {"worlds_greatest_stretch", S::Caution},
          // Its note says "arch only a little": not on the tilt, which flattens the back.
          {"pelvic_tilt", S::Eligible},
          {"glute_bridge", S::Eligible}}},
        {"recent_trauma_neck",
         {"recent_trauma"},
         L::ReferAndMonitor,
         {},
         {{"chin_tuck", S::Excluded}, {"cat_cow", S::Eligible}, {"short_walk", S::Eligible}},
         std::nullopt,
         std::nullopt,
         {Region::Neck}},
        {"acute_strain_low_back",
         {"acute_strain"},
         L::Routine,
         {},
         // Issue 14, point 5: gentle movement of a strained region is a caution (stay
         // active, NICE NG59); only end-range, loaded flexion and traction stay excluded.
         {{"bird_dog", S::Caution},
          {"cat_cow", S::Caution},
          {"double_knee_to_chest", S::Excluded},
          {"prone_press_up", S::Excluded},
          {"seated_thoracic_twist", S::Eligible},
          {"hook_lying_rest", S::Eligible}}},
        {"acute_strain_no_region_recorded",
         {"acute_strain"},
         L::Routine,
         {},
         {{"chin_tuck", S::Caution}, {"bird_dog", S::Caution}, {"dead_hang", S::Excluded}},
         std::nullopt,
         std::nullopt,
         {}},
        {"hypermobility",
         {"hypermobility"},
         L::Routine,
         {},
         {{"neck_side_bend_stretch", S::Caution},
          {"prone_press_up", S::Caution},
          {"dead_hang", S::Caution},
          {"chin_tuck", S::Eligible}}},
        {"pregnancy_after_t1",
         {"pregnancy_after_t1"},
         L::Routine,
         {},
         // Issue 14: lying on the back is a caution (change position if lightheaded; 2019
         // Canadian guideline), not an exclusion.
         {{"hook_lying_rest", S::Caution},
          {"glute_bridge", S::Caution},
          {"supine_lumbar_rotation", S::Caution},
          {"prone_press_up", S::Excluded},
          {"hip_flexor_rolling", S::Excluded},
          {"dead_hang", S::Caution},
          {"cat_cow", S::Eligible},
          {"belly_breathing", S::Eligible}}},
        {"shoulder_instability",
         {"shoulder_instability"},
         L::Routine,
         {},
         {{"dead_hang", S::Excluded},
          {"standing_overhead_reach", S::Caution},
          {"cat_cow", S::Caution},
          {"chin_tuck", S::Eligible}}},
        {"anticoagulants",
         {"anticoagulants"},
         L::Routine,
         {},
         {{"dead_hang", S::Excluded}, {"glute_rolling", S::Caution}}},
        {"bone_tumour",
         {"bone_tumour"},
         L::ReferAndMonitor,
         {},
         {{"dead_hang", S::Excluded},
          {"ball_release_beside_spine", S::Excluded},
          {"thoracic_extension_foam_roller", S::Excluded},
          {"bed_edge_extension", S::Excluded},
          {"double_knee_to_chest", S::Excluded},
          {"child_pose_side_reach", S::Excluded},
          {"prone_press_up", S::Eligible}}},
        {"spinal_infection",
         {"spinal_infection"},
         L::ReferAndMonitor,
         {},
         {{"dead_hang", S::Excluded},
          {"double_knee_to_chest", S::Excluded},
          {"chair_backrest_extension", S::Excluded},
          {"thoracic_extension_foam_roller", S::Excluded},
          {"cat_cow", S::Eligible}}},
        // Issue 14, point 4: recent spinal surgery is its own finding.
        {"recent_spinal_surgery",
         {"recent_spinal_surgery"},
         L::ReferAndMonitor,
         {"recent_spinal_surgery"},
         {{"double_knee_to_chest", S::Excluded},
          {"dead_hang", S::Excluded},
          {"thoracic_extension_foam_roller", S::Excluded},
          {"worlds_greatest_stretch", S::Excluded},
          {"standing_rotation", S::Caution},
          {"pelvic_tilt", S::Eligible},
          {"short_walk", S::Eligible}}},
        {"recent_spinal_surgery_spreading_deficit",
         {"recent_spinal_surgery", "progressive_neuro_deficit"},
         L::Emergency},
        // Combinations.
        {"ces_beats_everything",
         {"ces_saddle_numbness", "history_of_cancer", "osteoporosis", "clunk"},
         L::Emergency,
         {"ces_saddle_numbness", "history_of_cancer", "clunk"}},
        {"ces_with_fever_and_trauma",
         {"ces_urinary_difficulty", "fever_or_chills", "significant_trauma"},
         L::Emergency},
        {"osteoporosis_and_radiating_leg",
         {"osteoporosis", "radiating_leg"},
         L::ReferAndMonitor,
         {"radiating_leg"},
         {{"supine_lumbar_rotation", S::Caution}, {"double_knee_to_chest", S::Excluded}}},
        {"disc_and_spondylolisthesis",
         {"disc_herniation", "spondylolisthesis"},
         L::Routine,
         {},
         {{"prone_press_up", S::Excluded}, {"double_knee_to_chest", S::Caution}}},
        {"pregnancy_and_shoulder",
         {"pregnancy_after_t1", "shoulder_instability"},
         L::Routine,
         {},
         {{"dead_hang", S::Excluded}, {"bird_dog", S::Caution}, {"pelvic_tilt", S::Caution}}},
        {"cancer_and_weight_loss",
         {"history_of_cancer", "unexplained_weight_loss"},
         L::UrgentReferral,
         {"history_of_cancer", "unexplained_weight_loss"}},
        {"refer_findings_together",
         {"radiating_arm", "clunk", "persistent_pain", "cracking_to_breathe"},
         L::ReferAndMonitor,
         {"radiating_arm", "clunk", "persistent_pain", "cracking_to_breathe"}},
        {"everything_contraindicated",
         {"osteoporosis", "inflammatory_arthritis", "disc_herniation", "spondylolisthesis",
          "hypermobility", "pregnancy_after_t1", "shoulder_instability", "anticoagulants"},
         L::Routine,
         {},
         {{"dead_hang", S::Excluded}, {"double_knee_to_chest", S::Excluded}}},
    };
    return v;
}

class ClinicalScenario : public ::testing::TestWithParam<Scenario> {};

TEST_P(ClinicalScenario, LevelFindingsAndEligibility) {
    const Scenario& sc = GetParam();
    Screening s;
    s.age = sc.age;
    s.durationDays = sc.durationDays;
    s.regions = sc.regions;
    s.findings.insert(sc.findings.begin(), sc.findings.end());
    const Assessment a = test::assessOk(s);

    EXPECT_EQ(a.level, sc.level) << toId(a.level);
    for (const auto& item : sc.raisedBy) {
        EXPECT_TRUE(std::any_of(a.findings.begin(), a.findings.end(),
                                [&](const Finding& f) { return f.itemId == item; }))
            << item << " should be listed as a finding";
    }
    // Every finding has a rule, a reason and an item the screening holds.
    for (const Finding& f : a.findings) {
        EXPECT_FALSE(f.reason.empty());
        EXPECT_FALSE(f.ruleId.empty());
        EXPECT_TRUE(s.findings.contains(f.itemId) || f.itemId == "age" ||
                    f.itemId == "duration_days")
            << f.itemId;
    }
    EXPECT_EQ(a.findings.empty(), a.level == TriageLevel::Routine);

    const auto& catalog = test::Shipped::get().catalog;
    std::size_t exercises = 0;
    for (const auto& e : catalog.entries()) {
        exercises += e.isExercise() ? 1U : 0U;
    }
    ASSERT_EQ(a.eligibility.size(), exercises);
    for (const auto& [id, status] : sc.eligibility) {
        const Eligibility* e = a.eligibilityOf(id);
        ASSERT_NE(e, nullptr) << id;
        EXPECT_EQ(e->status, status) << id << " is " << toId(e->status);
    }
    for (const Eligibility& e : a.eligibility) {
        EXPECT_EQ(e.reasons.empty(), e.status == EligibilityStatus::Eligible) << e.exerciseId;
        for (const auto& r : e.reasons) {
            EXPECT_TRUE(s.findings.contains(r.findingId)) << e.exerciseId << ": " << r.findingId;
            EXPECT_FALSE(r.clinicianReason.empty());
            if (e.status == EligibilityStatus::Caution) {
                EXPECT_TRUE(r.patientNote.has("en") && r.patientNote.has("es")) << r.ruleId;
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Table, ClinicalScenario, ::testing::ValuesIn(scenarios()),
                         [](const auto& tpi) { return tpi.param.name; });

TEST(ClinicalScenarios, CoverEveryScreeningItemAlone) {
    std::set<std::string> alone;
    for (const auto& sc : scenarios()) {
        if (sc.findings.size() == 1) {
            alone.insert(sc.findings[0]);
        }
    }
    for (const auto& f : test::Shipped::get().rules.items().findings()) {
        EXPECT_TRUE(alone.contains(f.id)) << f.id << " has no scenario of its own";
    }
    EXPECT_GE(scenarios().size(), 40U);
}

TEST(ClinicalScenarios, OsteoporosisNotesSpeakToThePatientInBothLanguages) {
    const Assessment a = test::assessOk(test::screeningWith({"osteoporosis"}));
    const Eligibility* twist = a.eligibilityOf("seated_thoracic_twist");
    ASSERT_NE(twist, nullptr);
    ASSERT_EQ(twist->reasons.size(), 1U);
    EXPECT_EQ(twist->reasons[0].findingId, "osteoporosis");
    EXPECT_NE(twist->reasons[0].patientNote.text("en").find("twist small and slow"),
              std::string::npos);
    EXPECT_NE(twist->reasons[0].patientNote.text("es").find("giro"), std::string::npos);
}

TEST(ClinicalScenarios, AvoidEntriesFollowAlwaysShownAndFindings) {
    const auto& catalog = test::Shipped::get().catalog;
    auto ids = [&](const Screening& s) {
        std::vector<std::string> out;
        for (const auto* e : avoidEntriesFor(s, catalog)) {
            out.push_back(e->id);
        }
        return out;
    };
    EXPECT_EQ(ids(test::screeningWith({})),
              (std::vector<std::string>{"avoid_lay_neck_cracking", "avoid_walking_on_back"}));
    const auto withHyper = ids(test::screeningWith({"hypermobility"}));
    EXPECT_NE(std::find(withHyper.begin(), withHyper.end(), "avoid_repeated_self_cracking"),
              withHyper.end());
}

} // namespace
} // namespace hepdesk
