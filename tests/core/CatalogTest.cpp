#include "hepdesk/core/Catalog.h"

#include "TestSupport.h"
#include "hepdesk/core/JsonRead.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>

namespace hepdesk {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

// The ids other parts (figures, handout, app) key on: renaming one breaks them.
const std::set<std::string> kExerciseIds = {"cat_cow",
                                            "child_pose_side_reach",
                                            "thoracic_extension_foam_roller",
                                            "seated_thoracic_twist",
                                            "supine_lumbar_rotation",
                                            "double_knee_to_chest",
                                            "hook_lying_rest",
                                            "dead_hang",
                                            "worlds_greatest_stretch",
                                            "kneeling_lat_stretch",
                                            "standing_overhead_reach",
                                            "standing_rotation",
                                            "bed_edge_extension",
                                            "chair_backrest_extension",
                                            "ball_release_beside_spine",
                                            "glute_rolling",
                                            "hip_flexor_rolling",
                                            "belly_breathing",
                                            "pelvic_tilt",
                                            "glute_bridge",
                                            "bird_dog",
                                            "prone_press_up",
                                            "short_walk",
                                            "chin_tuck",
                                            "shoulder_blade_squeeze",
                                            "neck_side_bend_stretch"};
const std::set<std::string> kAvoidIds = {
    "avoid_walking_on_back",        "avoid_lay_neck_cracking", "avoid_forced_twist_for_pop",
    "avoid_repeated_self_cracking", "avoid_bear_hug_thrust",   "avoid_rack_or_door_frame_jerk"};

const Catalog& shipped() {
    static const Catalog c = [] {
        auto r = Catalog::loadDir(test::templatesDir() / "catalog");
        EXPECT_TRUE(r.ok()) << r.error().message;
        return r.ok() ? std::move(r).value() : Catalog{};
    }();
    return c;
}

// Issue 12 item 4: a walk is dosed in minutes, as a clinician says it and the patient reads it
// ("10 minutes", not "600 seconds"); schema 12 stores the unit.
TEST(Catalog, ShortWalkDefaultsToTenMinutes) {
    const auto& entries = shipped().entries();
    const auto walk = std::find_if(entries.begin(), entries.end(),
                                   [](const CatalogEntry& e) { return e.id == "short_walk"; });
    ASSERT_NE(walk, entries.end());
    EXPECT_EQ(walk->defaultDosage.holdUnit, HoldUnit::Minutes);
    EXPECT_EQ(holdInUnit(walk->defaultDosage), 10);
    EXPECT_EQ(walk->defaultDosage.holdSeconds, 600);
}

TEST(Catalog, ShipsExactlyTheAgreedExercisesAndAvoidEntries) {
    std::set<std::string> exercises;
    std::set<std::string> avoids;
    for (const auto& e : shipped().entries()) {
        (e.isExercise() ? exercises : avoids).insert(e.id);
    }
    EXPECT_EQ(exercises, kExerciseIds);
    EXPECT_EQ(avoids, kAvoidIds);
}

TEST(Catalog, EveryExerciseIsComplete) {
    for (const auto& e : shipped().entries()) {
        SCOPED_TRACE(e.id);
        EXPECT_FALSE(e.regions.empty());
        EXPECT_FALSE(e.illustration.text("en").empty());
        if (!e.isExercise()) {
            EXPECT_FALSE(e.why.text("en").empty());
            continue;
        }
        EXPECT_FALSE(e.position.empty());
        EXPECT_GE(e.steps.size(), 3U);
        EXPECT_FALSE(e.tips.empty());
        EXPECT_FALSE(e.stopIf.empty());
        EXPECT_TRUE(validate(e.defaultDosage, e.id).ok());
    }
}

TEST(Catalog, EveryPatientTextExistsInEveryLanguage) {
    for (const auto& e : shipped().entries()) {
        std::vector<const LocalizedText*> texts = {&e.name, &e.illustration};
        if (!e.isExercise()) {
            texts.push_back(&e.why);
        }
        for (const auto* list : {&e.steps, &e.tips, &e.stopIf}) {
            for (const auto& t : *list) {
                texts.push_back(&t);
            }
        }
        for (const auto* t : texts) {
            for (auto lang : kLanguages) {
                EXPECT_TRUE(t->has(lang) && !t->text(lang).empty())
                    << e.id << " lacks " << lang << " for \"" << t->text("en") << "\"";
            }
            // A Spanish text identical to the English one is an untranslated copy.
            EXPECT_NE(t->text("en"), t->text("es")) << e.id;
        }
    }
}

TEST(Catalog, AvoidEntriesNobodyMayMissAreAlwaysOnTheHandout) {
    EXPECT_TRUE(shipped().find("avoid_walking_on_back")->alwaysOnHandout);
    EXPECT_TRUE(shipped().find("avoid_lay_neck_cracking")->alwaysOnHandout);
    EXPECT_FALSE(shipped().find("avoid_bear_hug_thrust")->alwaysOnHandout);
    EXPECT_FALSE(shipped().find("avoid_forced_twist_for_pop")->relevantFindings.empty());
}

TEST(Catalog, FindAndPutKeepIdOrder) {
    Catalog c = shipped();
    ASSERT_NE(c.find("cat_cow"), nullptr);
    EXPECT_EQ(c.find("nope"), nullptr);
    CatalogEntry custom = *c.find("cat_cow");
    custom.id = "aaa_custom";
    c.put(custom);
    EXPECT_EQ(c.entries().front().id, "aaa_custom");
    custom.position = "standing";
    c.put(custom);
    EXPECT_EQ(c.find("aaa_custom")->position, "standing");
    EXPECT_EQ(c.entries().size(), shipped().entries().size() + 1);
}

TEST(Catalog, JsonRoundTripsEveryEntry) {
    for (const auto& e : shipped().entries()) {
        auto back = catalogEntryFromJson(toJson(e), e.id);
        ASSERT_TRUE(back.ok()) << back.error().message;
        EXPECT_EQ(toJson(*back), toJson(e));
    }
}

TEST(Catalog, MovementIdsRoundTrip) {
    for (auto m : {Movement::Flexion, Movement::Extension, Movement::Rotation, Movement::SideBend,
                   Movement::Traction, Movement::SoftTissue, Movement::Breathing}) {
        EXPECT_EQ(movementFromId(toId(m)), m);
    }
    EXPECT_EQ(toId(Movement::SideBend), "side_bend");
    EXPECT_FALSE(movementFromId("twist").has_value());
}

/// A copy of the shipped cat_cow with one change, written to a fresh catalog folder.
struct BrokenCase {
    const char* name;
    std::function<void(json&)> mutate;
    const char* expected; ///< pointer and expectation in the message
};

class CatalogBroken : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(CatalogBroken, NamesFilePointerAndExpectation) {
    test::TempDir dir;
    json doc = toJson(*shipped().find("cat_cow"));
    GetParam().mutate(doc);
    const fs::path file = dir / "cat_cow.json";
    test::writeFile(file, doc.dump(2));
    auto c = Catalog::loadDir(dir.path());
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(c.error().message.find(file.string()), std::string::npos) << c.error().message;
    EXPECT_NE(c.error().message.find(GetParam().expected), std::string::npos) << c.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CatalogBroken,
    ::testing::Values(
        BrokenCase{"MissingSpanish", [](json& j) { j["steps"][1].erase("es"); },
                   "/steps/1/es: missing"},
        BrokenCase{"UnknownLanguage", [](json& j) { j["name"]["fr"] = "Chat-vache"; },
                   "/name/fr: unknown language"},
        BrokenCase{"UnknownField", [](json& j) { j["colour"] = "red"; }, "/colour: unknown field"},
        BrokenCase{"UnknownMovement", [](json& j) { j["movements"][0] = "twirl"; },
                   "/movements/0: expected one of flexion"},
        BrokenCase{"BadRegion", [](json& j) { j["regions"] = json::array({"knee"}); },
                   "/regions/0"},
        BrokenCase{"NoRegion", [](json& j) { j["regions"] = json::array(); }, "/regions"},
        BrokenCase{"BadDosage", [](json& j) { j["dosage"]["sets"] = 0; }, "/dosage"},
        BrokenCase{"MissingSteps", [](json& j) { j.erase("steps"); }, "/steps: missing"},
        BrokenCase{"BadKind", [](json& j) { j["kind"] = "stretch"; }, "/kind: expected one of"},
        BrokenCase{"IdNotFileName", [](json& j) { j["id"] = "cow_cat"; },
                   "/id: expected the file name"},
        BrokenCase{"EmptyTip", [](json& j) { j["tips"][0]["en"] = ""; }, "/tips/0/en"},
        BrokenCase{"AvoidFieldOnExercise", [](json& j) { j["why"] = j["name"]; },
                   "/why: unknown field"},
        BrokenCase{"DuplicateTag",
                   [](json& j) {
                       j["tags"] = json::array({"x", "x"});
                   },
                   "/tags/1: \"x\" is listed twice"},
        BrokenCase{"BadPosition", [](json& j) { j["position"] = "upside_down"; }, "/position"}),
    [](const auto& tpi) { return std::string(tpi.param.name); });

TEST(CatalogBrokenFile, MalformedJsonNamesTheFile) {
    test::TempDir dir;
    test::writeFile(dir / "cat_cow.json", "{\"id\": \"cat_cow\",");
    auto c = Catalog::loadDir(dir.path());
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(c.error().message.find("cat_cow.json: not valid JSON"), std::string::npos)
        << c.error().message;
}

TEST(CatalogBrokenFile, EmptyOrMissingFolderIsAnError) {
    test::TempDir dir;
    EXPECT_FALSE(Catalog::loadDir(dir.path()).ok());
    EXPECT_EQ(Catalog::loadDir(dir / "missing").error().kind, Error::Kind::NotFound);
}

} // namespace
} // namespace hepdesk
