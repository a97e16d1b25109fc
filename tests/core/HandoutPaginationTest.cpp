// Pagination as a reader sees it, read back from the PDFs with Poppler: a block taller than a
// page continues on the next one marked "continued" with every word kept, boxes and headings
// never stranded, the signature never alone, figures growing with large print, and layout
// version 1 (signed before these rules) still made exactly as before.
#include "HandoutTestData.h"
#include "TestSupport.h"
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/Progressions.h"
#include "hepdesk/core/handout/HandoutComposer.h"
#include "hepdesk/core/handout/HandoutStrings.h"
#include "hepdesk/core/handout/HandoutWriter.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

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
            // As the app and the command line: "Too hard? / Too easy? Try ..." lines printed.
            if (c && !loadProgressions(
                         hepdesk::test::templatesDir() / "rules" / "progressions.json", *c)) {
                ADD_FAILURE() << "cannot load the shipped progressions";
            }
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
    sc.age = 47; // as the handout benchmark (tests/bench/handout_bench.sh): easier versions
    sc.sex = Sex::Female; // are printed ("Too hard? Try ...")
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

/// Whether the segment a-b passes within `pad` of the rectangle [x0,x1] x [y0,y1].
bool crosses(Point a, Point b, double x0, double y0, double x1, double y1, double pad) {
    const int steps = static_cast<int>(std::hypot(b.x - a.x, b.y - a.y) / 0.25) + 1;
    for (int i = 0; i <= steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        const double x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t;
        if (x >= x0 - pad && x <= x1 + pad && y >= y0 - pad && y <= y1 + pad) {
            return true;
        }
    }
    return false;
}

TEST(HandoutPagination, PictureLabelsInsideTheBoxesNeverCoverTheDrawing) {
    const Shipped& s = Shipped::get();
    const FontPair fonts = s.writer.fonts();
    for (const std::string lang : {"en", "es"}) {
        const std::set<std::string> labels{strings(lang).text("start"), strings(lang).text("end")};
        auto laid = s.writer.layout(request(10, lang, true), s.catalog.entries());
        ASSERT_TRUE(laid.ok());
        int inside = 0, below = 0;
        for (const LayoutPage& page : laid->pages) {
            std::vector<Rect> boxes;
            for (const DrawCommand& c : page.commands) {
                if (const auto* r = std::get_if<Rect>(&c); r && r->stroke && !r->fill) {
                    boxes.push_back(*r);
                }
            }
            for (const DrawCommand& c : page.commands) {
                const auto* t = std::get_if<TextRun>(&c);
                if (t == nullptr || labels.count(t->utf8) == 0) {
                    continue;
                }
                const double x0 = t->origin.x, x1 = x0 + fonts.regular->textWidth(t->utf8, t->size);
                const double y0 = t->origin.y - fonts.regular->ascent(t->size);
                const double y1 = t->origin.y + fonts.regular->descent(t->size);
                const auto box = std::find_if(boxes.begin(), boxes.end(), [&](const Rect& r) {
                    return x0 >= r.topLeft.x && x1 <= r.topLeft.x + r.width && y0 >= r.topLeft.y &&
                           y1 <= r.topLeft.y + r.height;
                });
                if (box == boxes.end()) {
                    ++below;
                    continue;
                }
                ++inside;
                // No stroke, outline or shape of the drawing passes through the label.
                for (const DrawCommand& d : page.commands) {
                    if (const auto* l = std::get_if<Line>(&d)) {
                        EXPECT_FALSE(crosses(l->from, l->to, x0, y0, x1, y1, l->stroke.width / 2))
                            << t->utf8 << " covered by a line, " << lang;
                    } else if (const auto* pl = std::get_if<Polyline>(&d)) {
                        const double pad = pl->stroke ? pl->stroke->width / 2 : 0;
                        for (std::size_t i = 0; i + 1 < pl->points.size(); ++i) {
                            EXPECT_FALSE(
                                crosses(pl->points[i], pl->points[i + 1], x0, y0, x1, y1, pad))
                                << t->utf8 << " covered by a shape, " << lang;
                        }
                    } else if (const auto* ci = std::get_if<Circle>(&d)) {
                        const double nx = std::clamp(ci->center.x, x0, x1);
                        const double ny = std::clamp(ci->center.y, y0, y1);
                        EXPECT_GT(std::hypot(ci->center.x - nx, ci->center.y - ny), ci->radius)
                            << t->utf8 << " covered by a circle, " << lang;
                    }
                }
            }
        }
        EXPECT_GT(inside, 0) << "labels inside the boxes save a line, " << lang;
        std::cout << lang << ": " << inside << " picture labels inside their boxes, " << below
                  << " below\n";
    }
}

TEST(HandoutPagination, StandardPrintKeepsItsPageBreaksInLayoutVersionThree) {
    for (auto paper : {HandoutOptions::Paper::A4, HandoutOptions::Paper::Letter}) {
        for (const std::string lang : {"en", "es"}) {
            for (std::size_t n = 1; n <= kProgram.size(); ++n) {
                HandoutRequest r = request(n, lang, false);
                r.options.paper = paper;
                r.options.layoutVersion = 2;
                const auto before = pages(r);
                r.options.layoutVersion = 3;
                EXPECT_EQ(pages(r), before)
                    << lang << (paper == HandoutOptions::Paper::A4 ? " A4 " : " Letter ") << n
                    << " exercises: the same text on the same pages";
            }
        }
    }
}

TEST(HandoutPagination, LayoutVersionTwoIsKeptForSignedHandouts) {
    // Large print as signed with version 2: the pages it had when version 3 came (10
    // exercises), "Start" and "End" below the pictures, and other bytes than version 3.
    const Shipped& s = Shipped::get();
    const std::map<std::string, std::size_t> pagesThen{
        {"A4 en", 13}, {"A4 es", 13}, {"Letter en", 13}, {"Letter es", 14}};
    for (auto paper : {HandoutOptions::Paper::A4, HandoutOptions::Paper::Letter}) {
        for (const std::string lang : {"en", "es"}) {
            const std::string where =
                (paper == HandoutOptions::Paper::A4 ? "A4 " : "Letter ") + lang;
            HandoutRequest r = request(10, lang, true);
            r.options.paper = paper;
            r.options.layoutVersion = 2;
            auto laid = s.writer.layout(r, s.catalog.entries());
            auto v2 = s.writer.renderPdf(r, s.catalog.entries());
            r.options.layoutVersion = 3;
            auto v3 = s.writer.renderPdf(r, s.catalog.entries());
            ASSERT_TRUE(laid.ok() && v2.ok() && v3.ok()) << where;
            EXPECT_EQ(laid->pages.size(), pagesThen.at(where)) << where;
            EXPECT_NE(*v2, *v3) << where;
            const std::string start = strings(lang).text("start");
            for (const LayoutPage& page : laid->pages) {
                for (const DrawCommand& c : page.commands) {
                    const auto* t = std::get_if<TextRun>(&c);
                    if (t == nullptr || t->utf8 != start) {
                        continue;
                    }
                    bool inBox = false;
                    for (const DrawCommand& d : page.commands) {
                        const auto* box = std::get_if<Rect>(&d);
                        inBox = inBox ||
                                (box && box->stroke && !box->fill && t->origin.y > box->topLeft.y &&
                                 t->origin.y < box->topLeft.y + box->height &&
                                 t->origin.x > box->topLeft.x &&
                                 t->origin.x < box->topLeft.x + box->width);
                    }
                    EXPECT_FALSE(inBox)
                        << "version 2 prints the label below its picture, " << where;
                }
            }
        }
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

/// A large-print handout of the shipped program's first `n` exercises in layout version 3,
/// with a note of a different length on each exercise (words "a<exercise>b<word>c") so that
/// page breaks fall inside notes too.
HandoutRequest largeV3(std::size_t n, const std::string& lang, HandoutOptions::Paper paper) {
    HandoutRequest r = request(n, lang, true);
    r.options.paper = paper;
    r.options.layoutVersion = 3;
    for (std::size_t k = 0; k < n; ++k) {
        std::string note;
        for (std::size_t w = 1; w <= 6 + 9 * k; ++w) {
            note +=
                (w > 1 ? " " : "") + ("a" + std::to_string(k + 1)) + "b" + std::to_string(w) + "c";
        }
        r.program.items[k].note = note;
    }
    return r;
}

/// What a reader meets on each page: the body's words (squashed), the footer left out and the
/// "continued" title that opens a page taken off and remembered (the exercise's 0-based index,
/// -1 when the page does not continue an exercise).
struct ReadPages {
    std::vector<std::string> raw;  ///< Poppler's text, lines kept
    std::vector<std::string> body; ///< squashed, without footer or "continued" title
    std::vector<int> continues;
    std::string all; ///< the bodies one after the other
};

ReadPages readPages(const std::string& pdf, const HandoutDocument& doc) {
    const HandoutStrings& str = strings(doc.lang);
    ReadPages out;
    out.raw = test::pdfPageTexts(pdf);
    const std::size_t n = out.raw.size();
    for (std::size_t i = 0; i < n; ++i) {
        std::string t = squash(out.raw[i]);
        const std::string footer = squash(str.format(
            "footer_page", {{"page", std::to_string(i + 1)}, {"pages", std::to_string(n)}}));
        const std::size_t f = t.rfind(footer);
        EXPECT_NE(f, std::string::npos) << "page " << i + 1 << " has its footer";
        t = t.substr(0, f);
        int continues = -1;
        for (std::size_t k = 0; k < doc.exercises.size(); ++k) {
            const std::string label = squash(str.format(
                "continued", {{"title", std::to_string(k + 1) + ". " + doc.exercises[k].name}}));
            if (t.rfind(label, 0) == 0) {
                continues = static_cast<int>(k);
                t = t.substr(label.size());
            }
        }
        while (!t.empty() && t.front() == ' ') {
            t.erase(0, 1);
        }
        while (!t.empty() && t.back() == ' ') {
            t.pop_back();
        }
        out.body.push_back(t);
        out.continues.push_back(continues);
        out.all += t + " ";
    }
    return out;
}

/// The paragraphs of one exercise as printed, in order: its numbered title, steps, dosage,
/// note, easier/harder version and cautions.
std::vector<std::string> paragraphs(const ExerciseSection& ex, std::size_t number,
                                    const HandoutStrings& str) {
    std::vector<std::string> out{std::to_string(number) + ". " + ex.name};
    out.insert(out.end(), ex.steps.begin(), ex.steps.end());
    out.push_back(str.text("how_much") + " " + ex.dosage);
    if (!ex.note.empty()) {
        out.push_back(str.text("note") + " " + ex.note);
    }
    for (const std::string* alt : {&ex.tooHard, &ex.tooEasy}) {
        if (!alt->empty()) {
            out.push_back(*alt);
        }
    }
    for (const std::string& c : ex.cautions) {
        out.push_back(str.text("caution") + " " + c);
    }
    for (std::string& p : out) {
        p = squash(p);
    }
    return out;
}

std::size_t occurrences(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = hay.find(needle); at != std::string::npos;
         at = hay.find(needle, at + 1)) {
        ++n;
    }
    return n;
}

TEST(HandoutPagination, LargePrintExercisesContinueOnlyAtACleanPoint) {
    const Shipped& s = Shipped::get();
    for (const std::string lang : {"en", "es"}) {
        const HandoutStrings& str = strings(lang);
        for (auto paper : {HandoutOptions::Paper::A4, HandoutOptions::Paper::Letter}) {
            for (std::size_t n : {4U, 7U, 10U}) {
                const HandoutRequest r = largeV3(n, lang, paper);
                const std::string where =
                    lang + (paper == HandoutOptions::Paper::A4 ? " A4 " : " Letter ") +
                    std::to_string(n) + " exercises";
                auto doc = HandoutComposer(s.catalog.entries(), s.writer.figures(), str).compose(r);
                auto laid = s.writer.layout(r, s.catalog.entries());
                auto pdf = s.writer.renderPdf(r, s.catalog.entries());
                ASSERT_TRUE(doc.ok() && laid.ok() && pdf.ok()) << where;
                ASSERT_EQ(laid->blocks.size(), n) << where;
                const ReadPages rp = readPages(*pdf, *doc);
                int splits = 0;
                for (std::size_t k = 0; k < n; ++k) {
                    const ExerciseSection& ex = doc->exercises[k];
                    const BlockPlacement& b = laid->blocks[k];
                    const std::vector<std::string> paras = paragraphs(ex, k + 1, str);
                    const std::string what = ex.id + ", " + where;
                    ASSERT_EQ(b.id, ex.id);
                    // The title, the pictures and the whole first step open the block on one page.
                    const std::string& first = rp.body[static_cast<std::size_t>(b.firstPage)];
                    const std::size_t title = first.find(paras[0]);
                    ASSERT_NE(title, std::string::npos) << what;
                    EXPECT_NE(first.find(paras[1], title), std::string::npos)
                        << "first step with the title, " << what;
                    const LayoutPage& page = laid->pages[static_cast<std::size_t>(b.firstPage)];
                    double stepY = 1e9;
                    for (const DrawCommand& c : page.commands) {
                        if (const auto* t = std::get_if<TextRun>(&c);
                            t && t->utf8 == "1." && t->origin.y > b.top) {
                            stepY = std::min(stepY, t->origin.y);
                        }
                    }
                    int pictures = 0;
                    for (const DrawCommand& c : page.commands) {
                        if (const auto* rect = std::get_if<Rect>(&c);
                            rect && rect->stroke && !rect->fill && rect->topLeft.y > b.top &&
                            rect->topLeft.y < stepY) {
                            ++pictures;
                        }
                    }
                    EXPECT_GE(pictures, 1) << "pictures between the title and step 1, " << what;
                    // Every page the exercise goes on to opens with its name, "continued", and
                    // never with the dosage alone, away from the steps it is for.
                    for (int p = b.firstPage + 1; p <= b.lastPage; ++p) {
                        EXPECT_EQ(rp.continues[static_cast<std::size_t>(p)], static_cast<int>(k))
                            << "page " << p + 1 << ", " << what;
                        EXPECT_NE(rp.body[static_cast<std::size_t>(p)].rfind(
                                      squash(str.text("how_much")), 0),
                                  0U)
                            << "page " << p + 1 << " opens with the dosage, " << what;
                    }
                    splits += b.lastPage > b.firstPage ? 1 : 0;
                    // ... and only from a full page.
                    for (int p = b.firstPage; p < b.lastPage; ++p) {
                        EXPECT_GE(laid->pageFill[static_cast<std::size_t>(p)], 0.7)
                            << "page " << p + 1 << " ends early, " << what;
                    }
                    // Every paragraph once, in order, between this title and the next; all but
                    // the note (a long paragraph) whole on one page: dosage and boxes never split.
                    const std::size_t from = rp.all.find(paras[0]);
                    const std::size_t to = k + 1 < n
                                               ? rp.all.find(squash(std::to_string(k + 2) + ". " +
                                                                    doc->exercises[k + 1].name))
                                               : std::string::npos;
                    const std::string span =
                        rp.all.substr(from, to == std::string::npos ? to : to - from);
                    EXPECT_EQ(occurrences(rp.all, paras[0]), 1U) << what;
                    std::size_t at = 0;
                    for (const std::string& para : paras) {
                        EXPECT_EQ(occurrences(span, para), 1U) << para << ", " << what;
                        const std::size_t found = span.find(para, at);
                        EXPECT_NE(found, std::string::npos) << "in order: " << para << ", " << what;
                        at = found == std::string::npos ? at : found + para.size();
                        if (para.rfind(squash(str.text("note")), 0) == 0) {
                            continue;
                        }
                        bool whole = false;
                        for (int p = b.firstPage; p <= b.lastPage; ++p) {
                            whole = whole || rp.body[static_cast<std::size_t>(p)].find(para) !=
                                                 std::string::npos;
                        }
                        EXPECT_TRUE(whole) << "split across pages: " << para << ", " << what;
                    }
                    // Each word of the note once; a note broken across pages keeps at least two
                    // of its lines on each page (no lone line at the top or the bottom).
                    const std::string mark = "a" + std::to_string(k + 1) + "b";
                    for (std::size_t w = 1; w <= 6 + 9 * k; ++w) {
                        EXPECT_EQ(occurrences(rp.all, mark + std::to_string(w) + "c"), 1U)
                            << "word " << w << " of the note, " << what;
                    }
                    std::vector<int> linesOnPage;
                    for (const std::string& raw : rp.raw) {
                        int lines = 0;
                        std::istringstream in(raw);
                        for (std::string line; std::getline(in, line);) {
                            lines += line.find(mark) != std::string::npos ? 1 : 0;
                        }
                        if (lines > 0) {
                            linesOnPage.push_back(lines);
                        }
                    }
                    if (linesOnPage.size() > 1) {
                        for (int lines : linesOnPage) {
                            EXPECT_GE(lines, 2) << "a note's lines on a page, " << what;
                        }
                    }
                }
                if (n == 10) {
                    EXPECT_GT(splits, 0)
                        << "a 10-exercise large-print handout fills its pages, " << where;
                }
            }
        }
    }
}

/// Pages of the 10-exercise handout and how full each is, per layout version.
struct Measured {
    std::size_t pages = 0;
    double least = 1; ///< the emptiest page but the last
    double mean = 0;  ///< over every page but the last
    int splits = 0;
};

Measured measure(const std::string& lang, HandoutOptions::Paper paper, bool large, int version,
                 bool clinic) {
    const Shipped& s = Shipped::get();
    HandoutRequest r = request(10, lang, large);
    r.options.paper = paper;
    r.options.layoutVersion = version;
    if (!clinic) { // as `hepdesk-cli handout` without --clinic
        r.clinic = ClinicInfo{};
    }
    auto laid = s.writer.layout(r, s.catalog.entries());
    EXPECT_TRUE(laid.ok());
    Measured m;
    m.pages = laid->pages.size();
    EXPECT_EQ(laid->pageFill.size(), m.pages);
    for (const BlockPlacement& b : laid->blocks) {
        m.splits += b.lastPage - b.firstPage;
    }
    for (std::size_t i = 0; i + 1 < laid->pageFill.size(); ++i) {
        m.least = std::min(m.least, laid->pageFill[i]);
        m.mean += laid->pageFill[i] / static_cast<double>(m.pages - 1);
    }
    return m;
}

TEST(HandoutPagination, LargePrintFillsPagesAndStaysNearTwiceTheStandardPageCount) {
    for (bool clinic : {true, false}) {
        for (auto paper : {HandoutOptions::Paper::A4, HandoutOptions::Paper::Letter}) {
            for (const std::string lang : {"en", "es"}) {
                const std::string where = (paper == HandoutOptions::Paper::A4 ? "A4 " : "Letter ") +
                                          lang + (clinic ? ", clinic header" : ", no clinic");
                const Measured standard = measure(lang, paper, false, 3, clinic);
                const Measured large = measure(lang, paper, true, 3, clinic);
                const Measured before = measure(lang, paper, true, 2, clinic);
                const Measured standardBefore = measure(lang, paper, false, 2, clinic);
                std::cout << where << ": standard " << standard.pages
                          << " pages (version 2: " << standardBefore.pages << "), large print "
                          << large.pages << " (version 2: " << before.pages
                          << "); large-print pages but the last at least "
                          << static_cast<int>(large.least * 100) << "% full, on average "
                          << static_cast<int>(large.mean * 100)
                          << "% (version 2: " << static_cast<int>(before.least * 100) << "%, "
                          << static_cast<int>(before.mean * 100) << "%); " << large.splits
                          << " exercises continued\n";
                // About twice the standard pages (Spanish, longer, up to 2.4 times), always
                // fewer than version 2, standard print unchanged.
                EXPECT_LE(large.pages * 5, standard.pages * 12) << where;
                EXPECT_LT(large.pages, before.pages) << where;
                EXPECT_EQ(standard.pages, standardBefore.pages) << where;
                EXPECT_GE(large.least, 0.55) << where;
                EXPECT_GE(large.mean, 0.72) << where;
                EXPECT_GT(large.mean, before.mean) << where;
            }
        }
    }
}

} // namespace
} // namespace hepdesk::handout
