#include "hepdesk/core/Paths.h"
#include "hepdesk/core/handout/FontMetrics.h"
#include "hepdesk/core/handout/TextWrap.h"

#include <gtest/gtest.h>
#include <vector>

namespace hepdesk::handout {
namespace {

struct Fonts {
    FontMetrics regular = *FontMetrics::load(fontPath("NotoSans-Regular.ttf"));
    FontMetrics bold = *FontMetrics::load(fontPath("NotoSans-Bold.ttf"));
    [[nodiscard]] FontPair pair() const { return {&regular, &bold}; }
};

TEST(FontMetrics, MeasuresUtf8ByCodePointNotByte) {
    const Fonts f;
    // "é" is two bytes but one glyph about as wide as "e".
    EXPECT_NEAR(f.regular.textWidth("é", 12), f.regular.textWidth("e", 12), 0.5);
    EXPECT_GT(f.regular.textWidth("Nguyễn", 12), f.regular.textWidth("Nguy", 12));
    EXPECT_GT(f.bold.textWidth("Hello", 12), f.regular.textWidth("Hello", 12));
    EXPECT_DOUBLE_EQ(f.regular.textWidth("abc", 24), 2 * f.regular.textWidth("abc", 12));
    EXPECT_GT(f.regular.advance(U'Ж'), 0);
    EXPECT_GT(f.regular.advance(U'λ'), 0);
    // Broken UTF-8 is measured, never a crash.
    EXPECT_GT(f.regular.textWidth(std::string("\xC3", 1) + "abc\xFF", 12), 0);
}

TEST(FontMetrics, BytesThatAreNotUtf8DrawAsReplacementOneByteAtATime) {
    // An overlong "/" (C0 AF), a lone surrogate (ED A0 80) and a cut-off sequence: each byte
    // is U+FFFD, never a character the bytes only pretend to be.
    const std::string s = "a\xC0\xAF\xED\xA0\x80\xE2\x82";
    std::vector<char32_t> cps;
    for (std::size_t i = 0; i < s.size();) {
        cps.push_back(nextCodePoint(s, i));
    }
    EXPECT_EQ(
        cps, (std::vector<char32_t>{U'a', 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}));
    std::size_t i = 0;
    EXPECT_EQ(nextCodePoint("\xF0\x9F\x98\x80", i), U'\U0001F600');
    EXPECT_EQ(i, 4U);
}

TEST(FontMetrics, MissingOrBogusFontIsAClearError) {
    auto missing = FontMetrics::load("/nonexistent/NotoSans-Regular.ttf");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("fonts-noto-core"), std::string::npos);
    auto bogus = FontMetrics::load("/etc/hostname");
    ASSERT_FALSE(bogus.ok());
    EXPECT_NE(bogus.error().message.find("TrueType"), std::string::npos);
}

TEST(TextWrap, BreaksAtSpacesWithinTheWidth) {
    const Fonts f;
    const std::string text = "Breathe out as you move into the stretch. Do not hold your breath.";
    const double width = 150;
    const auto lines = wrapText({{text}}, 12, width, f.pair());
    ASSERT_GT(lines.size(), 1U);
    std::string joined;
    for (const auto& l : lines) {
        EXPECT_LE(l.width, width);
        ASSERT_EQ(l.runs.size(), 1U);
        EXPECT_NEAR(l.width, f.regular.textWidth(l.runs[0].text, 12), 1e-9);
        joined += (joined.empty() ? "" : " ") + l.runs[0].text;
    }
    EXPECT_EQ(joined, text);
}

TEST(TextWrap, MixesFacesAndSplitsOnlyOverlongWords) {
    const Fonts f;
    const auto lines =
        wrapText({{"Take care: ", FontFace::Bold}, {"go slowly"}}, 12, 400, f.pair());
    ASSERT_EQ(lines.size(), 1U);
    ASSERT_EQ(lines[0].runs.size(), 2U);
    EXPECT_EQ(lines[0].runs[0].face, FontFace::Bold);
    EXPECT_EQ(lines[0].runs[0].text, "Take care:");
    EXPECT_EQ(lines[0].runs[1].text, "go slowly");
    EXPECT_NEAR(lines[0].runs[1].x,
                f.bold.textWidth("Take care:", 12) + f.regular.textWidth(" ", 12), 1e-9);
    // A word wider than the line is cut between code points, never inside one.
    const std::string longWord = "Ωραίαμέραστηνπαραλίαχωρίςτέλοςκαιχωρίςκενά";
    const auto cut = wrapText({{longWord}}, 12, 60, f.pair());
    ASSERT_GT(cut.size(), 1U);
    std::string joined;
    for (const auto& l : cut) {
        EXPECT_LE(l.width, 60);
        joined += l.runs[0].text;
    }
    EXPECT_EQ(joined, longWord);
    EXPECT_EQ(wrapText({{"   "}}, 12, 100, f.pair()).size(), 1U);
}

} // namespace
} // namespace hepdesk::handout

#include <hpdf.h>

namespace hepdesk::handout {
namespace {

// The layout measures with its own TrueType reader; libharu must agree on every width, or
// lines would overrun their column in the PDF.
TEST(FontMetrics, AgreesWithLibharuOnWidths) {
    const Fonts f;
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    ASSERT_NE(pdf, nullptr);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    const char* name =
        HPDF_LoadTTFontFromFile(pdf, fontPath("NotoSans-Regular.ttf").c_str(), HPDF_TRUE);
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetFontAndSize(page, font, 12);
    for (const char* s : {"Breathe out slowly.", "Nguyễn Thị Phương", "Αλέξανδρος",
                          "Юлия Сергеевна", "¿Cuántas veces al día?", "ơ ư đ ộ ầ"}) {
        EXPECT_NEAR(f.regular.textWidth(s, 12), HPDF_Page_TextWidth(page, s), 0.01) << s;
    }
    HPDF_Free(pdf);
}

} // namespace
} // namespace hepdesk::handout
