#include "TestSupport.h"
#include "hepdesk/core/Paths.h"
#include "hepdesk/core/handout/Figure.h"
#include "hepdesk/core/handout/PdfPainter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hepdesk::handout {
namespace {

const std::vector<std::string> kExerciseIds = {"cat_cow",
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

TEST(HandoutFigures, EveryExerciseHasOneOrTwoPosesAndTwoAreLabelledStartAndEnd) {
    auto figs = loadFigures(test::templatesDir() / "figures");
    ASSERT_TRUE(figs.ok()) << figs.error().message;
    EXPECT_EQ(figs->size(), kExerciseIds.size());
    for (const auto& id : kExerciseIds) {
        const auto it = figs->find(id);
        ASSERT_NE(it, figs->end()) << "no figure for " << id;
        const Figure& f = it->second;
        ASSERT_FALSE(f.poses.empty()) << id;
        if (f.poses.size() == 2) {
            EXPECT_EQ(f.poses[0].label, "start") << id;
            EXPECT_EQ(f.poses[1].label, "end") << id;
        }
        std::vector<DrawCommand> cmds;
        drawPose(f, f.poses[0], {10, 20}, 150, 100, cmds);
        EXPECT_GT(cmds.size(), 8U) << id; // a body is at least trunk, head, 4 limbs, props
    }
}

TEST(HandoutFigures, BadFigureDataNamesFileAndPointer) {
    const auto j =
        nlohmann::json::parse(R"({"id": "x", "poses": [{"body": {"hip": [1, 2], "arm": [1]}}]})");
    auto f = figureFromJson(j, "x.json");
    ASSERT_FALSE(f.ok());
    EXPECT_NE(f.error().message.find("x.json: /poses/0/body/arm"), std::string::npos)
        << f.error().message;
    const auto k = nlohmann::json::parse(
        R"({"id": "x", "poses": [{"body": {"hip": [1, 2]}, "props": [{"type": "sofa"}]}]})");
    auto g = figureFromJson(k, "x.json");
    ASSERT_FALSE(g.ok());
    EXPECT_NE(g.error().message.find("/poses/0/props/0/type"), std::string::npos);
    EXPECT_NE(g.error().message.find("sofa"), std::string::npos);
}

// Draws every figure on one sheet (test-artifacts/figures.pdf) for people to look at.
TEST(HandoutFigures, SheetOfAllFiguresRendersToPdf) {
    auto figs = loadFigures(test::templatesDir() / "figures");
    ASSERT_TRUE(figs.ok()) << figs.error().message;
    auto painter = PdfPainter::create(
        {fontPath("NotoSans-Regular.ttf"), fontPath("NotoSans-Bold.ttf")}, "figures");
    ASSERT_TRUE(painter.ok()) << painter.error().message;
    LayoutPage page{595, 842, {}};
    double y = 20;
    int perPage = 0;
    for (const auto& [id, f] : *figs) {
        page.commands.emplace_back(TextRun{{20, y + 10}, FontFace::Bold, 9, {}, id});
        double x = 20;
        for (const Pose& p : f.poses) {
            page.commands.emplace_back(
                Rect{{x, y + 14}, 200, 130, std::nullopt, Stroke{{200, 200, 200}, 0.5}});
            drawPose(f, p, {x, y + 14}, 200, 130, page.commands);
            x += 210;
        }
        y += 150;
        if (++perPage == 5) {
            paintPage(page, **painter);
            page.commands.clear();
            y = 20;
            perPage = 0;
        }
    }
    if (!page.commands.empty()) {
        paintPage(page, **painter);
    }
    auto bytes = (*painter)->finish();
    ASSERT_TRUE(bytes.ok()) << bytes.error().message;
    test::writeFile(test::artifactsDir() / "figures.pdf", *bytes);
    EXPECT_GT(bytes->size(), 1000U);
}

} // namespace
} // namespace hepdesk::handout
