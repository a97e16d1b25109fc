#include "hepdesk/core/handout/HandoutStrings.h"

#include "TestSupport.h"
#include "hepdesk/core/LocalizedText.h"
#include "hepdesk/core/Readability.h"

#include <gtest/gtest.h>

namespace hepdesk::handout {
namespace {
namespace fs = std::filesystem;

TEST(HandoutStrings, EveryLanguageHasEveryKey) {
    for (std::string_view lang : kLanguages) {
        auto s = HandoutStrings::load(hepdesk::test::templatesDir() / "strings", lang);
        ASSERT_TRUE(s.ok()) << s.error().message;
        for (std::string_view k : HandoutStrings::textKeys()) {
            EXPECT_FALSE(s->text(k).empty()) << lang << ' ' << k;
        }
        EXPECT_EQ(s->list("months").size(), 12U);
    }
}

// Plain language: the fixed English text a patient reads is at or below US grade 8.
TEST(HandoutStrings, EnglishPatientTextReadsAtGradeEightOrBelow) {
    auto s = HandoutStrings::load(hepdesk::test::templatesDir() / "strings", "en");
    ASSERT_TRUE(s.ok());
    std::vector<std::string> texts;
    for (const char* list : {"how_to", "emergency_signs", "urgent_signs"}) {
        const auto& items = s->list(list);
        texts.insert(texts.end(), items.begin(), items.end());
    }
    for (const char* key : {"avoid_intro", "emergency_intro", "urgent_intro", "title"}) {
        texts.push_back(s->text(key));
    }
    const double grade = fleschKincaidGrade(textStats(texts));
    EXPECT_LE(grade, 8.0);
    for (const auto& t : texts) {
        EXPECT_LE(fleschKincaidGrade(textStats({t})), 10.0) << t;
    }
}

TEST(HandoutStrings, MissingKeyOrUnknownKeyNamesTheFileAndKey) {
    hepdesk::test::TempDir dir;
    const std::string en =
        hepdesk::test::readFile(hepdesk::test::templatesDir() / "strings/en.json");
    std::string broken = en;
    broken.replace(broken.find("\"how_much\""), 10, "\"how_mutch\"");
    hepdesk::test::writeFile(dir / "xx.json", broken);
    auto s = HandoutStrings::load(dir.path(), "xx");
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("xx.json"), std::string::npos) << s.error().message;
    EXPECT_NE(s.error().message.find("/how_much"), std::string::npos) << s.error().message;
    auto none = HandoutStrings::load(dir.path(), "fr");
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.error().message.find("'fr'"), std::string::npos);
}

TEST(HandoutStrings, FormatsPlaceholdersAndLongDates) {
    auto en = HandoutStrings::load(hepdesk::test::templatesDir() / "strings", "en");
    auto es = HandoutStrings::load(hepdesk::test::templatesDir() / "strings", "es");
    ASSERT_TRUE(en.ok() && es.ok());
    EXPECT_EQ(en->format("footer_page", {{"page", "2"}, {"pages", "5"}}), "Page 2 of 5");
    EXPECT_EQ(es->format("footer_page", {{"page", "2"}, {"pages", "5"}}), "Página 2 de 5");
    EXPECT_EQ(en->longDate("2026-03-07"), "March 7, 2026");
    EXPECT_EQ(es->longDate("2026-03-07"), "7 de marzo de 2026");
    EXPECT_EQ(en->longDate("2026-13-07"), "2026-13-07");
    EXPECT_EQ(en->longDate("soon"), "soon");
}

} // namespace
} // namespace hepdesk::handout
