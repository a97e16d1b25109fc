// Pagination as a reader sees it, read back from the PDFs with Poppler: a block taller than a
// page continues on the next one marked "continued" with every word kept, boxes and headings
// never stranded, the signature never alone, figures growing with large print, and layout
// version 1 (signed before these rules) still made exactly as before.
#include "HandoutTestData.h"
#include "TestSupport.h"
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/handout/HandoutStrings.h"
#include "hepdesk/core/handout/HandoutWriter.h"

#include <gtest/gtest.h>

namespace hepdesk::handout {
namespace {
using test::squash;

struct Shipped {
    Catalog catalog;
    ClinicalRules rules;
    HandoutWriter writer;
    static const Shipped& get() {
        static const Shipped s = [] {
            auto c = Catalog::loadDir(hepdesk::test::templatesDir() / "catalog");
            auto r = c ? ClinicalRules::loadDir(hepdesk::test::templatesDir() / "rules", *c)
                       : Result<ClinicalRules>(c.error());
            auto w = HandoutWriter::load(hepdesk::test::templatesDir());
            if (!c || !r || !w) {
                ADD_FAILURE() << "cannot load the shipped templates";
                std::abort();
            }
            return Shipped{std::move(*c), std::move(*r), std::move(*w)};
        }();
        return s;
    }
};

const HandoutStrings& strings(const std::string& lang) {
    static const HandoutStrings en =
        *HandoutStrings::load(hepdesk::test::templatesDir() / "strings", "en");
    static const HandoutStrings es =
        *HandoutStrings::load(hepdesk::test::templatesDir() / "strings", "es");
    return lang == "es" ? es : en;
}

const std::vector<std::string> kProgram = {"cat_cow",
                                           "bird_dog",
                                           "glute_bridge",
                                           "pelvic_tilt",
                                           "prone_press_up",
                                           "chin_tuck",
                                           "shoulder_blade_squeeze",
                                           "seated_thoracic_twist",
                                           "supine_lumbar_rotation",
                                           "short_walk"};

HandoutRequest request(std::size_t exercises, const std::string& lang, bool large) {
    const Shipped& s = Shipped::get();
    Screening sc;
    sc.date = "2026-11-22";
    sc.regions = {Region::LowBack, Region::Neck};
    auto a = assess(sc, s.rules, s.catalog);
    EXPECT_TRUE(a.ok());
    HandoutRequest r = test::routineRequest();
    r.assessment = *a;
    r.findingIds.clear();
    r.program.items.clear();
    for (std::size_t i = 0; i < exercises; ++i) {
        r.program.items.push_back({kProgram[i], s.catalog.find(kProgram[i])->defaultDosage, ""});
    }
    r.options.lang = lang;
    r.options.largePrint = large;
    return r;
}

std::vector<std::string> pages(const HandoutRequest& r) {
    auto pdf = Shipped::get().writer.render(r, Shipped::get().catalog.entries());
    EXPECT_TRUE(pdf.ok()) << (pdf ? "" : pdf.error().message);
    std::vector<std::string> out;
    for (const std::string& p : test::pdfPageTexts(pdf->pdf)) {
        out.push_back(squash(p));
    }
    return out;
}

/// 0-based page holding `text`, -1 when none does.
int pageOf(const std::vector<std::string>& ps, const std::string& text) {
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (ps[i].find(squash(text)) != std::string::npos) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

TEST(HandoutPagination, ALongClinicianNoteContinuesWithEveryWordAndNothingOverTheFooter) {
    std::string note;
    for (int i = 1; i <= 3000; ++i) {
        note += (i > 1 ? " " : "") + std::string(i % 7 == 0 ? "breathe" : "w") + std::to_string(i);
    }
    for (const std::string lang : {"en", "es"}) {
        for (bool large : {false, true}) {
            HandoutRequest r = request(3, lang, large);
            r.program.items[0].note = note;
            const std::string where = lang + (large ? " large" : " standard");
            const auto ps = pages(r);
            std::string all;
            for (const std::string& p : ps) {
                all += p + " ";
            }
            // Every word, in order, across the pages.
            std::size_t at = 0;
            for (int i = 1; i <= 3000; ++i) {
                const std::string word = (i % 7 == 0 ? "breathe" : "w") + std::to_string(i) + " ";
                const std::size_t found = all.find(word, at);
                ASSERT_NE(found, std::string::npos) << "word " << i << " missing, " << where;
                at = found + word.size();
            }
            // Each page the note goes on to opens with the exercise's name, "continued".
            const std::string name = Shipped::get().catalog.find("cat_cow")->name.text(lang);
            const std::string continued =
                squash(strings(lang).format("continued", {{"title", "1. " + name}}));
            const int first = pageOf(ps, "w1 w2");
            const int last = pageOf(ps, "w3000");
            ASSERT_GT(last, first) << where;
            for (int p = first + 1; p <= last; ++p) {
                EXPECT_EQ(ps[static_cast<std::size_t>(p)].rfind(continued, 0), 0u)
                    << "page " << p + 1 << ", " << where << ": "
                    << ps[static_cast<std::size_t>(p)].substr(0, 80);
            }
            // No line of the body below the footer's rule.
            auto laid = Shipped::get().writer.layout(r, Shipped::get().catalog.entries());
            ASSERT_TRUE(laid.ok());
            for (const LayoutPage& page : laid->pages) {
                std::size_t rule = 0;
                for (std::size_t i = 0; i < page.commands.size(); ++i) {
                    if (std::holds_alternative<Line>(page.commands[i])) {
                        rule = i; // the footer's rule is the page's last line
                    }
                }
                const double ruleY = std::get<Line>(page.commands[rule]).from.y;
                for (std::size_t i = 0; i < rule; ++i) {
                    if (const auto* t = std::get_if<TextRun>(&page.commands[i])) {
                        EXPECT_LT(t->origin.y, ruleY) << t->utf8 << ", " << where;
                    }
                }
            }
        }
    }
}

TEST(HandoutPagination, BoxesHeadingsAndTheSignatureAreNeverSplitOrLeftAlone) {
    for (const std::string lang : {"en", "es"}) {
        const HandoutStrings& str = strings(lang);
        for (bool large : {false, true}) {
            for (auto paper : {HandoutOptions::Paper::Letter, HandoutOptions::Paper::A4}) {
                for (std::size_t n = 1; n <= kProgram.size(); ++n) {
                    HandoutRequest r = request(n, lang, large);
                    r.options.paper = paper;
                    const auto ps = pages(r);
                    const std::string where =
                        lang + (large ? " large " : " standard ") + std::to_string(n) +
                        " exercises, " + (paper == HandoutOptions::Paper::A4 ? "A4" : "Letter");
                    // Each box: its first and last line on one page.
                    const int emergency = pageOf(ps, str.text("emergency_intro"));
                    const int urgent = pageOf(ps, str.text("urgent_intro"));
                    ASSERT_GE(emergency, 0) << where;
                    ASSERT_GE(urgent, 0) << where;
                    EXPECT_EQ(pageOf(ps, str.list("emergency_signs").back()), emergency) << where;
                    EXPECT_EQ(pageOf(ps, str.list("urgent_signs").back()), urgent) << where;
                    // Headings sit with what follows them.
                    EXPECT_EQ(pageOf(ps, str.text("stop_heading")), emergency) << where;
                    const int avoid = pageOf(ps, str.text("avoid_heading"));
                    ASSERT_GE(avoid, 0) << where;
                    const std::string& page = ps[static_cast<std::size_t>(avoid)];
                    const std::size_t intro = page.find(squash(str.text("avoid_intro")));
                    ASSERT_NE(intro, std::string::npos) << where;
                    EXPECT_NE(page.find("×", intro), std::string::npos)
                        << "the first thing to avoid is on the heading's page, " << where;
                    // The signature shares its page with the content before it.
                    const int signature = pageOf(ps, str.text("signature"));
                    EXPECT_EQ(signature, static_cast<int>(ps.size()) - 1) << where;
                    EXPECT_EQ(pageOf(ps, str.list("urgent_signs").back()), signature) << where;
                }
            }
        }
    }
}

/// Widths of the figure boxes (stroked rectangles) of a layout.
std::vector<double> figureWidths(const HandoutLayoutResult& laid) {
    std::vector<double> w;
    for (const LayoutPage& p : laid.pages) {
        for (const DrawCommand& c : p.commands) {
            if (const auto* r = std::get_if<Rect>(&c); r && r->stroke && !r->fill) {
                w.push_back(r->width);
            }
        }
    }
    return w;
}

TEST(HandoutPagination, LargePrintFiguresGrowWithTheText) {
    const Shipped& s = Shipped::get();
    auto standard = s.writer.layout(request(4, "en", false), s.catalog.entries());
    auto large = s.writer.layout(request(4, "en", true), s.catalog.entries());
    ASSERT_TRUE(standard.ok() && large.ok());
    const auto a = figureWidths(*standard), b = figureWidths(*large);
    ASSERT_FALSE(a.empty());
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_GE(b[i], a[i] * 1.5) << "large print sets the text 1.5 times larger";
    }
}

TEST(HandoutPagination, LayoutVersionOneIsKeptForSignedHandouts) {
    const Shipped& s = Shipped::get();
    HandoutRequest r = request(4, "en", true);
    r.program.items[0].note = std::string(4000, 'x');
    auto now = s.writer.renderPdf(r, s.catalog.entries());
    r.options.layoutVersion = 1;
    auto v1 = s.writer.renderPdf(r, s.catalog.entries());
    auto again = s.writer.renderPdf(r, s.catalog.entries());
    ASSERT_TRUE(now.ok() && v1.ok() && again.ok());
    EXPECT_NE(*now, *v1) << "version 2 lays the pages out differently";
    EXPECT_EQ(*v1, *again);
    // Version 1 keeps each large-print exercise whole on one page, as it always did.
    auto laid = s.writer.layout(r, s.catalog.entries());
    ASSERT_TRUE(laid.ok());
    for (const BlockPlacement& b : laid->blocks) {
        if (b.id != "cat_cow") {
            EXPECT_EQ(b.firstPage, b.lastPage) << b.id;
        }
    }
    EXPECT_EQ(pageOf(pages(r), "(continued)"), -1);
}

} // namespace
} // namespace hepdesk::handout
