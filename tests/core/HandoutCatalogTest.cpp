#include "HandoutTestData.h"
#include "TestSupport.h"
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/handout/HandoutWriter.h"

#include <gtest/gtest.h>

// The handout with the shipped catalog, rules and assess(): every exercise, both languages.
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

HandoutRequest requestFor(const std::set<std::string>& findings,
                          const std::vector<std::string>& exercises) {
    const Shipped& s = Shipped::get();
    Screening sc;
    sc.date = "2026-11-22";
    sc.regions = {Region::LowBack, Region::Neck};
    sc.findings = findings;
    auto a = assess(sc, s.rules, s.catalog);
    EXPECT_TRUE(a.ok()) << (a ? "" : a.error().message);
    HandoutRequest r = test::routineRequest();
    r.assessment = *a;
    r.findingIds = findings;
    r.program.items.clear();
    for (const auto& id : exercises) {
        r.program.items.push_back({id, s.catalog.find(id)->defaultDosage, ""});
    }
    return r;
}

std::vector<std::string> allExercises() {
    std::vector<std::string> ids;
    for (const auto& e : Shipped::get().catalog.entries()) {
        if (e.isExercise()) {
            ids.push_back(e.id);
        }
    }
    return ids;
}

TEST(HandoutCatalog, EveryCatalogExerciseHasAFigureAndEveryFigureAnExercise) {
    const Shipped& s = Shipped::get();
    for (const auto& e : s.catalog.entries()) {
        if (e.isExercise()) {
            EXPECT_TRUE(s.writer.figures().contains(e.id)) << "no figure for " << e.id;
        }
    }
    for (const auto& [id, f] : s.writer.figures()) {
        const CatalogEntry* e = s.catalog.find(id);
        EXPECT_TRUE(e != nullptr && e->isExercise()) << "figure without exercise: " << id;
    }
}

TEST(HandoutCatalog, AllExercisesInBothLanguagesAndSizesExtractWholeAndSplitOnlyMarked) {
    const Shipped& s = Shipped::get();
    for (const char* lang : {"en", "es"}) {
        for (bool large : {false, true}) {
            HandoutRequest r = requestFor({}, allExercises());
            r.options.lang = lang;
            r.options.largePrint = large;
            auto laid = s.writer.layout(r, s.catalog.entries());
            ASSERT_TRUE(laid.ok()) << laid.error().message;
            auto pdf = s.writer.render(r, s.catalog.entries());
            ASSERT_TRUE(pdf.ok()) << pdf.error().message;
            const auto pages = test::pdfPageTexts(pdf->pdf);
            ASSERT_EQ(pages.size(), laid->pages.size());
            for (const auto& b : laid->blocks) {
                if (!large) { // standard print: every exercise fits whole on one page
                    EXPECT_EQ(b.firstPage, b.lastPage) << b.id << ' ' << lang;
                } else if (b.firstPage != b.lastPage) {
                    // Large print fills pages: an exercise may go on, marked so.
                    const std::string marker =
                        lang == std::string("en") ? "(continued)" : "(continuación)";
                    EXPECT_NE(pages[static_cast<std::size_t>(b.lastPage)].find(marker),
                              std::string::npos)
                        << b.id << ' ' << lang;
                }
            }
            EXPECT_EQ(static_cast<int>(pages.size()), pdf->pages);
            std::string text;
            for (const auto& p : pages) {
                text += p + "\n";
            }
            text = squash(text);
            for (const auto& e : s.catalog.entries()) {
                if (!e.isExercise()) {
                    if (e.alwaysOnHandout) {
                        EXPECT_NE(text.find(squash(e.name.text(lang))), std::string::npos) << e.id;
                    }
                    continue;
                }
                EXPECT_NE(text.find(squash(e.name.text(lang))), std::string::npos) << e.id;
                for (const auto& st : e.steps) {
                    EXPECT_NE(text.find(squash(st.text(lang))), std::string::npos)
                        << e.id << ": " << st.text(lang);
                }
            }
            const auto [code, out] = test::qpdfCheck(pdf->pdf);
            EXPECT_EQ(code, 0) << out;
            if (!large && std::string(lang) == "en") {
                hepdesk::test::writeFile(hepdesk::test::artifactsDir() / "handout-all-en.pdf",
                                         pdf->pdf);
            }
        }
    }
}

TEST(HandoutCatalog, CautionsFromEligibilityArePrintedAndExclusionsRefused) {
    const Shipped& s = Shipped::get();
    std::vector<std::string> allowed;
    std::vector<std::string> excluded;
    HandoutRequest probe = requestFor({"osteoporosis"}, {});
    std::vector<std::string> notes;
    for (const auto& el : probe.assessment.eligibility) {
        if (el.status == EligibilityStatus::Excluded) {
            excluded.push_back(el.exerciseId);
        } else {
            allowed.push_back(el.exerciseId);
            for (const auto& reason : el.reasons) {
                if (el.status == EligibilityStatus::Caution) {
                    notes.push_back(reason.patientNote.text("en"));
                }
            }
        }
    }
    ASSERT_FALSE(excluded.empty());
    ASSERT_FALSE(notes.empty());
    HandoutRequest r = requestFor({"osteoporosis"}, allowed);
    auto pdf = s.writer.renderPdf(r, s.catalog.entries());
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    std::string text;
    for (const auto& p : test::pdfPageTexts(*pdf)) {
        text += p + "\n";
    }
    text = squash(text);
    for (const auto& n : notes) {
        EXPECT_NE(text.find(squash(n)), std::string::npos) << n;
    }
    for (const auto& id : excluded) {
        EXPECT_EQ(text.find(squash(s.catalog.find(id)->name.text("en"))), std::string::npos) << id;
        HandoutRequest bad = requestFor({"osteoporosis"}, {allowed[0], id});
        auto refused = s.writer.renderPdf(bad, s.catalog.entries());
        ASSERT_FALSE(refused.ok()) << id;
        EXPECT_EQ(refused.error().kind, Error::Kind::Refused);
        EXPECT_NE(refused.error().message.find(id), std::string::npos) << refused.error().message;
    }
}

} // namespace
} // namespace hepdesk::handout
