#include "HandoutTestData.h"
#include "TestSupport.h"
#include "hepdesk/core/Paths.h"
#include "hepdesk/core/handout/HandoutComposer.h"
#include "hepdesk/core/handout/HandoutWriter.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hepdesk::handout {
namespace {
namespace fs = std::filesystem;
using test::squash;

const HandoutWriter& writer() {
    return test::shippedWriter();
}

std::string render(const HandoutRequest& r, const std::vector<CatalogEntry>& catalog,
                   const char* artifact = nullptr) {
    auto bytes = writer().renderPdf(r, catalog);
    if (!bytes) {
        ADD_FAILURE() << bytes.error().message;
        return {};
    }
    if (artifact != nullptr) {
        hepdesk::test::writeFile(hepdesk::test::artifactsDir() / artifact, *bytes);
    }
    return *bytes;
}

std::string allText(const std::string& pdf) {
    std::string all;
    for (const auto& t : test::pdfPageTexts(pdf)) {
        all += t + "\n";
    }
    return squash(all);
}

void expectContains(const std::string& haystack, const std::string& needle) {
    EXPECT_NE(haystack.find(squash(needle)), std::string::npos) << "missing: " << needle;
}

TEST(HandoutPdf, StandardEnglishHasEveryPartAsText) {
    const auto catalog = test::smallCatalog();
    const auto req = test::routineRequest();
    const std::string pdf = render(req, catalog, "handout-en.pdf");
    const auto pages = test::pdfPageTexts(pdf);
    auto laid = writer().layout(req, catalog);
    ASSERT_TRUE(laid.ok());
    EXPECT_EQ(pages.size(), laid->pages.size());
    const std::string text = allText(pdf);
    for (const char* s :
         {"Maria Lopez", "Riverside Physical Therapy", "555-0100", "Dana Ortiz, PT, DPT",
          "November 20, 2026", "Your home exercise program", "How to use this program",
          "Go slowly in the morning.", "2 sets of 10, hold 5 seconds, twice a day",
          "8 times, hold 3 seconds, once a day, each side",
          "Because you have weak bones: round your back only a little.", "What to avoid",
          "Someone walking on your back", "It can break ribs or hurt your spine.",
          "Jerking your body in a door frame", "When to stop and get help",
          "Go to an emergency department now", "Call the clinic or your doctor",
          "Clinician signature"}) {
        expectContains(text, s);
    }
    for (const CatalogEntry& e : catalog) {
        if (e.isExercise() && e.id != "dead_hang") {
            expectContains(text, e.name.text("en"));
            for (const auto& st : e.steps) {
                expectContains(text, st.text("en"));
            }
        }
    }
    EXPECT_EQ(text.find("Dead hang"), std::string::npos);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        expectContains(squash(pages[i]),
                       "Page " + std::to_string(i + 1) + " of " + std::to_string(pages.size()));
    }
    const auto [code, out] = test::qpdfCheck(pdf);
    EXPECT_EQ(code, 0) << out;
}

TEST(HandoutPdf, AvoidEntriesFollowFindings) {
    const auto catalog = test::smallCatalog();
    auto req = test::routineRequest();
    req.findingIds.clear();
    req.assessment.eligibility[1].status = EligibilityStatus::Eligible;
    const std::string text = allText(render(req, catalog));
    expectContains(text, "Someone walking on your back");
    EXPECT_EQ(text.find("door frame"), std::string::npos);
}

TEST(HandoutPdf, SpanishUsesSpanishStringsAndCatalogText) {
    const auto catalog = test::smallCatalog();
    auto req = test::routineRequest();
    req.options.lang = "es";
    const std::string pdf = render(req, catalog, "handout-es.pdf");
    const std::string text = allText(pdf);
    for (const char* s :
         {"Su programa de ejercicios en casa", "20 de noviembre de 2026", "Gato-vaca",
          "Perro de caza", "2 series de 10, mantenga 5 segundos, dos veces al día",
          "Porque sus huesos son débiles", "Cuándo parar y pedir ayuda",
          "Vaya ahora a un servicio de urgencias", "Qué evitar", "Página 1 de"}) {
        expectContains(text, s);
    }
    EXPECT_EQ(text.find("How to use"), std::string::npos);
    EXPECT_EQ(test::qpdfCheck(pdf).first, 0);
}

TEST(HandoutPdf, LargePrintUses18PointBodyOneColumnAndMorePages) {
    const auto catalog = test::smallCatalog();
    auto req = test::routineRequest();
    auto standard = writer().layout(req, catalog);
    req.options.largePrint = true;
    auto large = writer().layout(req, catalog);
    ASSERT_TRUE(standard.ok() && large.ok());
    EXPECT_GT(large->pages.size(), standard->pages.size());
    double minBody = 1000;
    for (const auto& page : large->pages) {
        for (const auto& c : page.commands) {
            if (const auto* t = std::get_if<TextRun>(&c)) {
                // Only the footer and picture labels are smaller than the body.
                if (t->origin.y < page.height - 90) {
                    minBody = std::min(minBody, t->size);
                }
            }
        }
    }
    EXPECT_GE(minBody, 14.0);
    const std::string pdf = render(req, catalog, "handout-en-large.pdf");
    expectContains(allText(pdf), "Because you have weak bones");
    EXPECT_EQ(test::qpdfCheck(pdf).first, 0);
}

TEST(HandoutPdf, SameRequestGivesByteIdenticalPdf) {
    const auto catalog = test::smallCatalog();
    const auto req = test::routineRequest();
    const std::string a = render(req, catalog);
    const std::string b = render(req, catalog);
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.find("/CreationDate"), std::string::npos);
    EXPECT_LT(a.size(), 150U * 1024U);
}

TEST(HandoutPdf, ExcludedExerciseIsRefusedByName) {
    const auto catalog = test::smallCatalog();
    auto req = test::routineRequest();
    req.program.items.push_back({"dead_hang", Dosage{1, 0, 20, 1, false}, ""});
    auto r = writer().renderPdf(req, catalog);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::Refused);
    EXPECT_NE(r.error().message.find("dead_hang"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("traction"), std::string::npos) << r.error().message;
}

TEST(HandoutPdf, UrgentOrEmergencyTriageIsRefusedWithoutOverrideReason) {
    const auto catalog = test::smallCatalog();
    for (TriageLevel level : {TriageLevel::UrgentReferral, TriageLevel::Emergency}) {
        auto req = test::routineRequest();
        req.assessment.level = level;
        req.overrideReason = "   ";
        auto r = writer().renderPdf(req, catalog);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().kind, Error::Kind::Refused);
        EXPECT_NE(r.error().message.find(label(level)), std::string::npos) << r.error().message;
    }
    auto req = test::routineRequest();
    req.assessment.level = TriageLevel::ReferAndMonitor;
    EXPECT_TRUE(writer().renderPdf(req, catalog).ok());
}

TEST(HandoutPdf, OverrideReasonIsPrintedOnAFinalPageOfTheClinicianCopy) {
    const auto catalog = test::smallCatalog();
    auto req = test::routineRequest();
    req.options.clinicianCopy = true;
    req.assessment.level = TriageLevel::UrgentReferral;
    req.overrideReason = "Seen by her GP today; imaging booked; gentle program agreed.";
    const std::string pdf = render(req, catalog, "handout-override.pdf");
    const auto pages = test::pdfPageTexts(pdf);
    ASSERT_GE(pages.size(), 2U);
    const std::string last = squash(pages.back());
    expectContains(last, "For the clinician: referral override");
    expectContains(last, "urgent referral");
    expectContains(last, req.overrideReason);
    expectContains(last, "Clinician signature");
    // The first page says whose copy this is; the reason itself only on the last.
    expectContains(squash(pages.front()), "Clinician copy: not for the patient");
    EXPECT_EQ(squash(pages.front()).find(req.overrideReason), std::string::npos);
}

TEST(HandoutPdf, UnknownExerciseOrLanguageIsAClearError) {
    const auto catalog = test::smallCatalog();
    auto req = test::routineRequest();
    req.program.items.push_back({"moon_walk", Dosage{}, ""});
    auto r = writer().renderPdf(req, catalog);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("moon_walk"), std::string::npos);
    req = test::routineRequest();
    req.options.lang = "fr";
    r = writer().renderPdf(req, catalog);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("'fr'"), std::string::npos);
}

TEST(HandoutPdf, GreekCyrillicAndVietnameseNamesExtractIntact) {
    const auto catalog = test::smallCatalog();
    for (const char* name : {"Nguyễn Thị Phương", "Αλέξανδρος Παπαδόπουλος", "Юлия Сергеевна"}) {
        auto req = test::routineRequest();
        req.patientName = name;
        req.program.items[0].note = std::string("Note for ") + name + ": ơ ư ễ ộ.";
        const std::string text = allText(render(req, catalog));
        expectContains(text, name);
        expectContains(text, std::string("Note for ") + name + ": ơ ư ễ ộ.");
    }
}

/// One line drawn alone on a page, rasterized.
test::Raster drawnLine(const std::string& utf8) {
    auto p = PdfPainter::create({fontPath("NotoSans-Regular.ttf"), fontPath("NotoSans-Bold.ttf")},
                                "marks");
    EXPECT_TRUE(p.ok());
    LayoutPage page{300, 60, {TextRun{{10, 40}, FontFace::Regular, 24, {}, utf8}}};
    paintPage(page, **p);
    auto bytes = (*p)->finish();
    EXPECT_TRUE(bytes.ok());
    return test::rasterize(*bytes, 0, 96);
}

// libharu's subsetting can drop the parts of composite glyphs (a font-dependent bug): what
// extracts as "ễ" may be drawn as "ẽ". Compare what is drawn with and without each mark.
TEST(HandoutPdf, DiacriticsAreDrawnNotOnlyExtracted) {
    const std::vector<std::pair<std::string, std::string>> pairs = {{"Nguyễn", "Nguyẽn"},
                                                                    {"Nguyễn", "Nguyên"},
                                                                    {"Nguyễn Thị", "Nguyễn Thi"},
                                                                    {"Phương", "Phưong"},
                                                                    {"Phương", "Phuơng"},
                                                                    {"ơ", "o"},
                                                                    {"ư", "u"},
                                                                    {"ộ", "ọ"},
                                                                    {"Αλέξανδρος", "Αλεξανδρος"},
                                                                    {"й", "и"}};
    for (const auto& [with, without] : pairs) {
        const auto a = drawnLine(with);
        const auto b = drawnLine(without);
        ASSERT_GT(a.width, 0);
        EXPECT_NE(a, b) << "'" << with << "' is drawn like '" << without << "'";
        EXPECT_NE(a, drawnLine("")) << with << " drew nothing";
    }
}

TEST(HandoutPdf, ExerciseBlocksAreNeverSplitAcrossPages) {
    auto catalog = test::smallCatalog();
    auto req = test::routineRequest();
    req.options.layoutVersion = 2; // version 3 continues a large-print exercise: see below
    // Many exercises with long notes, so page breaks must fall between blocks.
    for (int i = 0; i < 12; ++i) {
        CatalogEntry e = catalog[2];
        e.id = "chin_tuck_" + std::to_string(i);
        catalog.push_back(e);
        req.program.items.push_back({e.id, Dosage{1, 5 + i, 0, 1, false},
                                     std::string(static_cast<std::size_t>(i) * 7, 'x') + " note"});
        req.assessment.eligibility.push_back({e.id, EligibilityStatus::Eligible, {}});
    }
    for (bool large : {false, true}) {
        req.options.largePrint = large;
        auto laid = writer().layout(req, catalog);
        ASSERT_TRUE(laid.ok()) << laid.error().message;
        EXPECT_EQ(laid->blocks.size(), req.program.items.size());
        int pagesWithBlocks = 0, lastPage = -1;
        for (const auto& b : laid->blocks) {
            EXPECT_EQ(b.firstPage, b.lastPage) << b.id << (large ? " (large)" : "");
            EXPECT_LE(b.bottom, laid->pages[0].height - 60) << b.id;
            pagesWithBlocks += b.firstPage != lastPage ? 1 : 0;
            lastPage = b.firstPage;
        }
        EXPECT_GT(pagesWithBlocks, 2);
    }
}

TEST(HandoutPdf, WritesAtomicallyAndLeavesNothingOnFailure) {
    const auto catalog = test::smallCatalog();
    const auto req = test::routineRequest();
    hepdesk::test::TempDir dir;
    const fs::path out = dir / "handout.pdf";
    ASSERT_TRUE(writer().writePdf(req, catalog, out).ok());
    EXPECT_EQ(hepdesk::test::readFile(out), render(req, catalog));

    const fs::path missing = dir / "no-such-folder" / "h.pdf";
    auto st = writer().writePdf(req, catalog, missing);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("no-such-folder"), std::string::npos) << st.error().message;
    EXPECT_FALSE(fs::exists(missing.parent_path()));

    if (::geteuid() != 0) { // root ignores folder permissions
        const fs::path locked = dir / "locked";
        fs::create_directory(locked);
        ::chmod(locked.c_str(), 0500);
        st = writer().writePdf(req, catalog, locked / "h.pdf");
        EXPECT_FALSE(st.ok());
        ::chmod(locked.c_str(), 0700);
        EXPECT_TRUE(fs::is_empty(locked));
    }
    // A refused handout never touches an existing file.
    auto bad = req;
    bad.assessment.level = TriageLevel::Emergency;
    const std::string before = hepdesk::test::readFile(out);
    EXPECT_FALSE(writer().writePdf(bad, catalog, out).ok());
    EXPECT_EQ(hepdesk::test::readFile(out), before);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()),
              1 + (::geteuid() != 0 ? 1 : 0));
}

TEST(HandoutPdf, DosageInWords) {
    const auto catalog = test::smallCatalog();
    const auto& figs = writer().figures();
    const HandoutComposer en(catalog, figs, *writer().strings("en"));
    EXPECT_EQ(en.dosageText({2, 10, 5, 2, true}),
              "2 sets of 10, hold 5 seconds, twice a day, each side");
    EXPECT_EQ(en.dosageText({3, 0, 30, 1, false}), "Hold 30 seconds, 3 times, once a day");
    EXPECT_EQ(en.dosageText({1, 0, 600, 3, false}), "For 10 minutes, 3 times a day");
    EXPECT_EQ(en.dosageText({1, 12, 0, 1, false}), "12 times, once a day");
    const HandoutComposer es(catalog, figs, *writer().strings("es"));
    EXPECT_EQ(es.dosageText({2, 10, 5, 2, true}),
              "2 series de 10, mantenga 5 segundos, dos veces al día, cada lado");
}

// Issue 12 item 4: a duration in minutes reads as minutes (up to an hour), a hold typed in
// seconds stays seconds, and days a week and weeks are said in plain words in both languages.
TEST(HandoutPdf, DosageInMinutesDaysAWeekAndWeeks) {
    const auto catalog = test::smallCatalog();
    const auto& figs = writer().figures();
    const HandoutComposer en(catalog, figs, *writer().strings("en"));
    const HandoutComposer es(catalog, figs, *writer().strings("es"));
    Dosage walk{1, 0, 10 * 60, 1, false, HoldUnit::Minutes, 5, 6};
    EXPECT_EQ(en.dosageText(walk), "For 10 minutes, once a day, 5 days a week, for 6 weeks");
    EXPECT_EQ(es.dosageText(walk),
              "Durante 10 minutos, una vez al día, 5 días a la semana, durante 6 semanas");
    walk.holdSeconds = 60;
    walk.weeks = 1;
    EXPECT_EQ(en.dosageText(walk), "For 1 minute, once a day, 5 days a week, for 1 week");
    walk.holdSeconds = 60 * 60;
    EXPECT_EQ(en.dosageText(walk), "For 60 minutes, once a day, 5 days a week, for 1 week");
    EXPECT_EQ(en.dosageText({1, 0, 900, 1, false}), "For 15 minutes, once a day");
    EXPECT_EQ(en.dosageText({1, 0, 90, 1, false}), "Hold 90 seconds, once a day");
    EXPECT_EQ(en.dosageText({1, 1, 600, 1, false, HoldUnit::Minutes}),
              "1 time, for 10 minutes, once a day"); // not "1 times"
    EXPECT_EQ(es.dosageText({1, 1, 600, 1, false, HoldUnit::Minutes}),
              "1 vez, durante 10 minutos, una vez al día");
}

} // namespace
} // namespace hepdesk::handout
