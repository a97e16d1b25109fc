#include "ClinicalFixture.h"
#include "hepdesk/core/JsonRead.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>

namespace hepdesk {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

json schema() {
    auto s =
        hepdesk::json::parseFile((test::templatesDir() / "schema/screening.schema.json").string());
    EXPECT_TRUE(s.ok()) << s.error().message;
    return s.ok() ? *s : json::object();
}

TEST(ScreeningSchema, ListsExactlyTheIdsOfTheRules) {
    const json sc = schema();
    const auto& items = test::Shipped::get().rules.items();
    std::set<std::string> inSchema = sc["properties"]["findings"]["items"]["enum"];
    std::set<std::string> inRules;
    for (const auto& f : items.findings()) {
        inRules.insert(f.id);
    }
    EXPECT_EQ(inSchema, inRules);
    for (const auto& q : items.startBackItems()) {
        EXPECT_EQ(sc["properties"]["start_back"]["properties"][q.id]["maximum"], q.maxAnswer)
            << q.id;
    }
    for (const auto& [key, inst] :
         {std::pair{"odi", &items.odi()}, std::pair{"ndi", &items.ndi()}}) {
        std::set<std::string> ids;
        for (const auto& [k, v] : sc["properties"][key]["properties"].items()) {
            ids.insert(k);
        }
        std::set<std::string> expected;
        for (const auto& q : inst->sections) {
            expected.insert(q.id);
        }
        EXPECT_EQ(ids, expected) << key;
    }
}

TEST(ScreeningSchema, DescribesEveryFieldTheParserWrites) {
    const json sc = schema();
    Screening s;
    s.age = 40;
    s.durationDays = 3;
    s.date = "2026-11-22";
    const json written = toJson(s);
    for (const auto& [k, v] : written.items()) {
        EXPECT_TRUE(sc["properties"].contains(k)) << k;
    }
    EXPECT_EQ(sc["additionalProperties"], false);
}

TEST(ScreeningSchema, ExamplesParseAndAssess) {
    int n = 0;
    for (const auto& f : fs::directory_iterator(test::templatesDir() / "schema/examples")) {
        auto doc = hepdesk::json::parseFile(f.path().string());
        ASSERT_TRUE(doc.ok()) << doc.error().message;
        auto s = screeningFromJson(*doc, f.path().string());
        ASSERT_TRUE(s.ok()) << s.error().message;
        const auto& sh = test::Shipped::get();
        auto a = assess(*s, sh.rules, sh.catalog, f.path().string(), &*doc);
        ASSERT_TRUE(a.ok()) << a.error().message;
        ++n;
    }
    EXPECT_GE(n, 3);
}

} // namespace
} // namespace hepdesk

namespace hepdesk {
namespace {

TEST(ScreeningSchema, DescribesPsfsAndAdherenceWithTheParsersLimits) {
    auto sc =
        hepdesk::json::parseFile((test::templatesDir() / "schema/screening.schema.json").string());
    ASSERT_TRUE(sc.ok()) << sc.error().message;
    const auto& psfs = (*sc)["properties"]["psfs"];
    EXPECT_EQ(psfs["maxItems"], kPsfsMaxActivities);
    EXPECT_EQ(psfs["items"]["properties"]["rating"]["maximum"], 10);
    EXPECT_EQ(psfs["items"]["properties"]["activity"]["maxLength"], kPsfsMaxActivityBytes);
    const auto& days = (*sc)["properties"]["adherence"]["items"]["properties"]["days_done"];
    EXPECT_EQ(days["oneOf"][0]["maximum"], kAdherenceDays);
    EXPECT_EQ(days["oneOf"][1]["const"], "not_asked");

    // The example with both parses with them, and toJson writes only described fields.
    auto doc = hepdesk::json::parseFile(
        (test::templatesDir() / "schema/examples/neck-follow-up-psfs.json").string());
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    auto s = screeningFromJson(*doc, "example");
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->psfs.size(), 3U);
    EXPECT_EQ(s->adherence.size(), 3U);
    const auto written = toJson(*s); // kept alive: items() only refers to it
    for (const auto& [k, v] : written.items()) {
        EXPECT_TRUE((*sc)["properties"].contains(k)) << k;
    }
}

} // namespace
} // namespace hepdesk
