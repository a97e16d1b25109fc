#include "TestSupport.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/Paths.h"
#include "hepdesk/core/ReadFile.h"
#include "hepdesk/core/TextEscape.h"
#include "hepdesk/core/handout/FontMetrics.h"
#include "hepdesk/core/handout/GlyphCoverage.h"
#include "hepdesk/core/handout/Handout.h"

#include <gtest/gtest.h>
#include <sstream>
#include <sys/stat.h>

// The readers of outside bytes: one bounded file reader, one JSON parser that never throws
// and refuses what it cannot read unambiguously, one terminal escape, one date check.
namespace hepdesk {
namespace {
namespace fs = std::filesystem;

TEST(JsonParse, DuplicateKeysAreRefusedWithTheirPointerAtAnyDepth) {
    struct Case {
        const char* text;
        const char* expected;
    };
    for (const Case& c : {
             Case{R"({"findings":["ces_saddle_numbness"],"findings":[]})",
                  R"(src: /findings: the key "findings" appears twice)"},
             Case{R"({"a":{"b":[1,{"c":1,"c":2}]}})", R"(src: /a/b/1/c: the key "c")"},
             Case{R"([{"x":1},{"x":1,"y":2,"x":3}])", "src: /1/x:"},
             Case{R"({"a/b~c":1,"a/b~c":2})", "src: /a~1b~0c:"},
         }) {
        const auto r = json::parse(c.text, "src");
        ASSERT_FALSE(r.ok()) << c.text;
        EXPECT_EQ(r.error().kind, Error::Kind::InvalidInput);
        EXPECT_NE(r.error().message.find(c.expected), std::string::npos)
            << c.text << " -> " << r.error().message;
    }
    // The same key in sibling objects is not a duplicate.
    EXPECT_TRUE(json::parse(R"([{"x":1},{"x":2}])", "src").ok());
    const auto siblings = json::parse(R"({"a":{"x":1},"b":{"x":2},"x":3})", "src");
    ASSERT_TRUE(siblings.ok()) << siblings.error().message;
    EXPECT_EQ((*siblings)["x"], 3);
}

TEST(JsonParse, HugeNumbersDeepNestingAndBadTextAreErrorsNeverExceptions) {
    const auto huge = json::parse(R"({"age": 1e400})", "s.json");
    ASSERT_FALSE(huge.ok());
    EXPECT_NE(huge.error().message.find("s.json: /age:"), std::string::npos)
        << huge.error().message;
    EXPECT_NE(huge.error().message.find("1e400"), std::string::npos);

    const auto deep = json::parse(std::string(100000, '['), "deep");
    ASSERT_FALSE(deep.ok());
    EXPECT_NE(deep.error().message.find("nested more than 64"), std::string::npos);
    EXPECT_TRUE(json::parse(std::string(60, '[') + std::string(60, ']'), "ok").ok());

    const auto badUtf8 = json::parse("{\"name\": \"a\xff\"}", "u");
    ASSERT_FALSE(badUtf8.ok());
    EXPECT_NE(badUtf8.error().message.find("u: not valid JSON (at byte"), std::string::npos);
}

TEST(JsonParse, DumpAndDescribeNeverThrowOnTextThatIsNotUtf8) {
    const nlohmann::json j = {{"source", "visit\xff.json"}};
    EXPECT_EQ(json::dump(j), "{\"source\":\"visit\xEF\xBF\xBD.json\"}");
    EXPECT_EQ(json::describe(nlohmann::json("a\x1b[2J")), "\"a\\u001b[2J\"");
}

TEST(ReadRegularFile, RefusesFoldersFifosDevicesAndFilesOverTheLimitBeforeReading) {
    const test::TempDir dir;
    test::writeFile(dir / "ok.json", "{}");
    auto ok = readRegularFile(dir / "ok.json", 10, "screening file");
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(*ok, "{}");
    EXPECT_TRUE(readRegularFile(dir / "ok.json", 2, "x").ok()) << "exactly the limit is fine";

    const auto big = readRegularFile(dir / "ok.json", 1, "screening file");
    ASSERT_FALSE(big.ok());
    EXPECT_EQ(big.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(big.error().message.find("ok.json' is too large (2 bytes; at most 1 bytes)"),
              std::string::npos)
        << big.error().message;

    ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
    struct Case {
        fs::path path;
        const char* expected;
    };
    for (const Case& c :
         {Case{dir.path(), "is a folder"}, Case{dir / "fifo", "is a named pipe (FIFO)"},
          Case{"/dev/zero", "is a character device"}}) {
        const auto r = readRegularFile(c.path, kMaxJsonFileBytes, "clinic file");
        ASSERT_FALSE(r.ok()) << c.path;
        EXPECT_EQ(r.error().kind, Error::Kind::InvalidInput);
        EXPECT_NE(r.error().message.find("clinic file '" + c.path.string() + "' " + c.expected),
                  std::string::npos)
            << r.error().message;
    }
    const auto missing = readRegularFile(dir / "none.json", 10, "screening file");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, Error::Kind::NotFound);
    EXPECT_NE(missing.error().message.find("none.json"), std::string::npos);
}

TEST(ReadRegularFile, StreamsAreBoundedToo) {
    std::istringstream small("{\"age\": 40}");
    EXPECT_EQ(*readBoundedStream(small, 100, "stdin"), "{\"age\": 40}");
    std::istringstream large(std::string(200000, ' '));
    const auto r = readBoundedStream(large, 100000, "the screening on stdin");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("the screening on stdin is too large"), std::string::npos);
}

TEST(LoadImage, ALogoIsCheckedForKindAndSizeBeforeItsBytesAreRead) {
    const test::TempDir dir;
    test::writeFile(dir / "big.png", "\x89PNG\r\n\x1a\n" + std::string(3 * 1024 * 1024, 'x'));
    const auto big = handout::loadImage(dir / "big.png", kMaxLogoFileBytes);
    ASSERT_FALSE(big.ok());
    EXPECT_NE(big.error().message.find("at most 2 MiB"), std::string::npos);
    const auto folder = handout::loadImage(dir.path(), kMaxLogoFileBytes);
    ASSERT_FALSE(folder.ok());
    EXPECT_NE(folder.error().message.find("is a folder"), std::string::npos);
}

TEST(TextEscape, ControlAndBidiCharactersAndBadBytesBecomeVisibleEscapes) {
    EXPECT_EQ(escapeForTerminal("Zoë Ñúñez محمد 😀"), "Zoë Ñúñez محمد 😀") << "text is kept";
    EXPECT_EQ(escapeForTerminal("a\x1b[2Jb"), "a\\x1b[2Jb");
    EXPECT_EQ(escapeForTerminal("one\ntwo\tthree\r"), "one\\ntwo\\tthree\\r");
    EXPECT_EQ(escapeForTerminal(std::string("nul\0x", 5)), "nul\\x00x");
    EXPECT_EQ(escapeForTerminal("del\x7f"), "del\\x7f");
    EXPECT_EQ(escapeForTerminal("c1\xc2\x9b"), "c1\\u009b") << "the 8-bit CSI";
    EXPECT_EQ(escapeForTerminal("abc\xe2\x80\xae"), "abc\\u202e") << "right-to-left override";
    EXPECT_EQ(escapeForTerminal("x\xe2\x81\xa6y"), "x\\u2066y") << "bidi isolate";
    EXPECT_EQ(escapeForTerminal("bad\xff\xc3"), "bad\\xff\\xc3");
    EXPECT_EQ(escapeForTerminal("\xc0\xaf"), "\\xc0\\xaf") << "overlong '/'";
}

TEST(CalendarDate, OnlyDaysThatExist) {
    for (const char* good :
         {"2026-02-28", "2024-02-29", "2000-02-29", "1850-01-01", "9999-12-31"}) {
        EXPECT_TRUE(isCalendarDate(good)) << good;
    }
    for (const char* bad : {"2026-02-31", "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01",
                            "2026-00-10", "2026-01-00", "1849-12-31", "2026-1-01", "2026/01/01", "",
                            "2026-01-01T00", "+026-01-01"}) {
        EXPECT_FALSE(isCalendarDate(bad)) << bad;
    }
}

TEST(GlyphCoverage, NamesTheFieldsAndCharactersNotoSansCannotDraw) {
    auto regular = handout::FontMetrics::load(fontPath("NotoSans-Regular.ttf"));
    auto bold = handout::FontMetrics::load(fontPath("NotoSans-Bold.ttf"));
    ASSERT_TRUE(regular.ok() && bold.ok());
    const handout::FontPair fonts{&*regular, &*bold};
    EXPECT_TRUE(regular->hasGlyph(U'é'));
    EXPECT_TRUE(regular->hasGlyph(U'Ж'));
    EXPECT_FALSE(regular->hasGlyph(U'م'));
    EXPECT_FALSE(regular->hasGlyph(U'\U0001F600')) << "above U+FFFF prints as a space";

    handout::HandoutDocument doc;
    doc.patientName = "محمد Ali";
    doc.clinic.name = "Clínica Ñandú";
    doc.clinic.address = "1 Main St\nSpringfield"; // a line break is laid out, not drawn
    handout::ExerciseSection e;
    e.id = "cat_cow";
    e.name = "Cat-cow";
    e.note = "好 好 😀";
    doc.exercises.push_back(e);
    const auto found = handout::undrawableText(doc, fonts);
    ASSERT_EQ(found.size(), 2U);
    EXPECT_EQ(found[0].field, "patient name");
    EXPECT_EQ(found[0].characters, (std::vector<char32_t>{U'م', U'ح', U'د'}));
    EXPECT_EQ(found[1].field, "note for exercise cat_cow");
    EXPECT_EQ(found[1].characters, (std::vector<char32_t>{U'好', U'\U0001F600'}));
    EXPECT_EQ(handout::describeUndrawable(found),
              "patient name: م (U+0645), ح (U+062D), د (U+062F); note for exercise cat_cow: 好 "
              "(U+597D), 😀 (U+1F600)");

    doc.patientName = "Bob\x1b[31m";
    doc.exercises.clear();
    const auto control = handout::undrawableText(doc, fonts);
    ASSERT_EQ(control.size(), 1U);
    EXPECT_EQ(handout::characterList(control[0]), "(U+001B)") << "never the raw escape";
}

} // namespace
} // namespace hepdesk
