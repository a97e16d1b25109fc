#include "hepdesk/core/Protocol.h"

#include "ClinicalFixture.h"
#include "TestSupport.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/TriageLevel.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hepdesk {
namespace {

using test::Shipped;
namespace fs = std::filesystem;

std::vector<Protocol> shippedProtocols() {
    auto p = loadShippedProtocols(test::templatesDir() / "protocols", Shipped::get().catalog);
    EXPECT_TRUE(p.ok()) << p.error().message;
    return p.ok() ? std::move(*p) : std::vector<Protocol>{};
}

const Protocol& byName(const std::vector<Protocol>& all, std::string_view name) {
    for (const Protocol& p : all) {
        if (p.name == name) {
            return p;
        }
    }
    ADD_FAILURE() << "no protocol " << name;
    std::abort();
}

TEST(ShippedProtocols, AtLeastSixEachFullyEligibleForTheScreeningItNames) {
    const auto all = shippedProtocols();
    ASSERT_GE(all.size(), 6U);
    for (const Protocol& p : all) {
        SCOPED_TRACE(p.name);
        EXPECT_TRUE(p.shipped);
        EXPECT_FALSE(p.meantFor.empty());
        ASSERT_TRUE(p.screening.has_value());
        const Assessment a = test::assessOk(*p.screening);
        EXPECT_TRUE(handoutAllowedWithoutOverride(a.level)) << label(a.level);
        ASSERT_GE(p.program.items.size(), 3U);
        for (const ProgramItem& it : p.program.items) {
            const Eligibility* el = a.eligibilityOf(it.exerciseId);
            ASSERT_NE(el, nullptr) << it.exerciseId;
            EXPECT_EQ(el->status, EligibilityStatus::Eligible)
                << it.exerciseId << " is " << toId(el->status);
            EXPECT_TRUE(validate(it.dosage, it.exerciseId).ok());
        }
        const ProtocolApplication applied = applyProtocol(p.program, a, Shipped::get().catalog);
        EXPECT_EQ(applied.program, p.program);
        EXPECT_TRUE(applied.leftOut.empty());
    }
}

/// A hold of a minute or more is given in minutes, in every shipped protocol and in the catalog
/// defaults a protocol item takes: the program list, `protocol show` and the handout then say
/// "3 min" / "for 3 minutes", never "hold 180 s".
TEST(ShippedProtocols, HoldsOfAMinuteOrMoreAreInMinutes) {
    const auto minutesWhenLong = [](const Dosage& d, const std::string& where) {
        if (d.holdSeconds >= 60) {
            EXPECT_EQ(d.holdUnit, HoldUnit::Minutes)
                << where << ": hold " << d.holdSeconds << " s is given in seconds";
            EXPECT_EQ(d.holdSeconds % 60, 0) << where;
        }
    };
    int longHolds = 0;
    for (const Protocol& p : shippedProtocols()) {
        for (const ProgramItem& it : p.program.items) {
            minutesWhenLong(it.dosage, p.name + " / " + it.exerciseId);
            longHolds += it.dosage.holdSeconds >= 60 ? 1 : 0;
        }
    }
    EXPECT_GE(longHolds, 3) << "the resting position and the walks";
    for (const CatalogEntry& e : Shipped::get().catalog.entries()) {
        minutesWhenLong(e.defaultDosage, "catalog " + e.id);
    }
    const auto all = shippedProtocols();
    const Protocol& acute = byName(all, "Acute low back pain: first week");
    const auto rest =
        std::find_if(acute.program.items.begin(), acute.program.items.end(),
                     [](const ProgramItem& it) { return it.exerciseId == "hook_lying_rest"; });
    ASSERT_NE(rest, acute.program.items.end());
    EXPECT_EQ(holdInUnit(rest->dosage), 3);
    EXPECT_EQ(toJson(rest->dosage)["hold_minutes"], 3);
}

TEST(ShippedProtocols, AppliedToAnOsteoporosisScreeningLeavesOutKneeToChestByName) {
    const auto all = shippedProtocols();
    const Protocol& acute = byName(all, "Acute low back pain: first week");
    auto doc = json::parseFile(
        (test::templatesDir() / "schema" / "examples" / "low-back-osteoporosis.json").string());
    ASSERT_TRUE(doc.ok());
    auto s = screeningFromJson(*doc, "low-back-osteoporosis.json");
    ASSERT_TRUE(s.ok()) << s.error().message;
    const Assessment a = test::assessOk(*s);
    const ProtocolApplication applied = applyProtocol(acute.program, a, Shipped::get().catalog);
    ASSERT_EQ(applied.leftOut.size(), 1U);
    EXPECT_EQ(applied.leftOut[0].exerciseId, "double_knee_to_chest");
    EXPECT_EQ(applied.leftOut[0].exerciseName, "Both knees to chest");
    EXPECT_EQ(applied.leftOut[0].findings, std::vector<std::string>{"osteoporosis"});
    ASSERT_FALSE(applied.leftOut[0].reasons.empty());
    // The others are kept in order with their dosage.
    ASSERT_EQ(applied.program.items.size(), acute.program.items.size() - 1);
    std::size_t k = 0;
    for (const ProgramItem& it : acute.program.items) {
        if (it.exerciseId != "double_knee_to_chest") {
            EXPECT_EQ(applied.program.items[k++], it);
        }
    }
}

TEST(ProtocolApply, CautionedEntriesAreKeptAndNamed) {
    Program p;
    p.items = {{"seated_thoracic_twist", {2, 8, 2, 1, true}, "small turn"},
               {"dead_hang", {1, 0, 20, 1, false}, ""},
               {"chin_tuck", {1, 10, 3, 3, false}, ""}};
    const Assessment a = test::assessOk(test::screeningWith({"osteoporosis"}));
    const ProtocolApplication r = applyProtocol(p, a, Shipped::get().catalog);
    ASSERT_EQ(r.program.items.size(), 2U);
    EXPECT_EQ(r.program.items[0], p.items[0]); // dosage and note kept
    EXPECT_EQ(r.cautioned, std::vector<std::string>{"seated_thoracic_twist"});
    ASSERT_EQ(r.leftOut.size(), 1U);
    EXPECT_EQ(r.leftOut[0].exerciseId, "dead_hang");
    // An id the catalog lost since the protocol was saved is left out, never a crash.
    p.items.push_back({"gone_exercise", {1, 10, 0, 1, false}, ""});
    EXPECT_EQ(applyProtocol(p, a, Shipped::get().catalog).leftOut.back().exerciseId,
              "gone_exercise");
}

std::string loadError(const std::function<void(nlohmann::json&)>& edit) {
    const test::TempDir dir;
    for (const auto& f : fs::directory_iterator(test::templatesDir() / "protocols")) {
        fs::copy_file(f.path(), dir / f.path().filename().string());
    }
    const fs::path target = dir / "neck_stiffness.json";
    nlohmann::json doc = nlohmann::json::parse(test::readFile(target));
    edit(doc);
    test::writeFile(target, doc.dump(2));
    auto r = loadShippedProtocols(dir.path(), Shipped::get().catalog);
    return r.ok() ? std::string() : r.error().message;
}

TEST(ShippedProtocols, BrokenFilesAreRefusedNamingFileFieldAndValue) {
    std::string m =
        loadError([](nlohmann::json& d) { d["exercises"][1]["exercise"] = "chin_tuk"; });
    EXPECT_NE(m.find("neck_stiffness.json"), std::string::npos) << m;
    EXPECT_NE(m.find("chin_tuk"), std::string::npos) << m;
    m = loadError([](nlohmann::json& d) {
        d["exercises"][0]["dosage"] = {{"sets", 0}, {"reps", 5}};
    });
    EXPECT_NE(m.find("/exercises/0/dosage"), std::string::npos) << m;
    m = loadError([](nlohmann::json& d) { d["exercise"] = d["exercises"]; });
    EXPECT_NE(m.find("/exercise"), std::string::npos) << m;
    m = loadError([](nlohmann::json& d) { d.erase("screening"); });
    EXPECT_NE(m.find("/screening"), std::string::npos) << m;
    m = loadError([](nlohmann::json& d) { d["name"] = "Bone-safe: osteoporosis"; });
    EXPECT_NE(m.find("used by another protocol"), std::string::npos) << m;
    m = loadError([](nlohmann::json& d) { d["exercises"].push_back(d["exercises"][0]); });
    EXPECT_NE(m.find("listed twice"), std::string::npos) << m;
    EXPECT_EQ(loadError([](nlohmann::json&) {}), "");
}

TEST(ProtocolCheck, NamesMustBeOneShortLine) {
    const Program p{{{"chin_tuck", {1, 10, 3, 3, false}, ""}}};
    const Catalog& c = Shipped::get().catalog;
    EXPECT_TRUE(checkProtocol("Neck", p, c, "save").ok());
    EXPECT_FALSE(checkProtocol("", p, c, "save").ok());
    EXPECT_FALSE(checkProtocol(" Neck", p, c, "save").ok());
    EXPECT_FALSE(checkProtocol("a\nb", p, c, "save").ok());
    EXPECT_FALSE(checkProtocol(std::string(101, 'x'), p, c, "save").ok());
    EXPECT_FALSE(checkProtocol("Neck", Program{}, c, "save").ok());
}

} // namespace
} // namespace hepdesk
