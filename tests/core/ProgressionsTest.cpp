#include "hepdesk/core/Progressions.h"

#include "ClinicalFixture.h"
#include "HandoutTestData.h"
#include "TestSupport.h"
#include "hepdesk/core/TriageLevel.h"
#include "hepdesk/core/handout/HandoutComposer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hepdesk {
namespace {

using test::Shipped;

Catalog shippedWithout() {
    auto c = Catalog::loadDir(test::templatesDir() / "catalog");
    EXPECT_TRUE(c.ok());
    return std::move(*c);
}

/// The error applying `doc` to the shipped catalog (empty message when it loads).
std::string errorOf(const nlohmann::json& doc) {
    Catalog c = shippedWithout();
    const Catalog before = c;
    auto st = applyProgressions(doc, "progressions.json", c);
    if (st.ok()) {
        return {};
    }
    // A refused file leaves the catalog as it was.
    for (std::size_t i = 0; i < c.entries().size(); ++i) {
        EXPECT_EQ(c.entries()[i].easier, before.entries()[i].easier);
        EXPECT_EQ(c.entries()[i].harder, before.entries()[i].harder);
    }
    return st.error().message;
}

TEST(Progressions, ShippedFileGivesAtLeastFifteenExercisesAnEasierOrHarderVersion) {
    int withOne = 0;
    for (const CatalogEntry& e : Shipped::get().catalog.entries()) {
        if (e.easier.empty() && e.harder.empty()) {
            continue;
        }
        ++withOne;
        for (const std::string* alt : {&e.easier, &e.harder}) {
            if (!alt->empty()) {
                const CatalogEntry* a = Shipped::get().catalog.find(*alt);
                ASSERT_NE(a, nullptr) << e.id << " -> " << *alt;
                EXPECT_TRUE(a->isExercise());
                EXPECT_NE(*alt, e.id);
            }
        }
    }
    EXPECT_GE(withOne, 15);
    const CatalogEntry* tilt = Shipped::get().catalog.find("pelvic_tilt");
    ASSERT_NE(tilt, nullptr);
    EXPECT_EQ(tilt->easier, "hook_lying_rest");
    EXPECT_EQ(tilt->harder, "glute_bridge");
    // The default loader of the installation applies them too.
    auto def = Catalog::loadDefault();
    ASSERT_TRUE(def.ok()) << def.error().message;
    EXPECT_EQ(def->find("pelvic_tilt")->harder, "glute_bridge");
}

TEST(Progressions, UnknownExerciseIsRefusedNamingFileFieldAndValue) {
    const std::string m =
        errorOf({{"progressions", {{{"exercise", "pelvic_tilt"}, {"harder", "glute_brige"}}}}});
    EXPECT_NE(m.find("progressions.json"), std::string::npos) << m;
    EXPECT_NE(m.find("/progressions/0/harder"), std::string::npos) << m;
    EXPECT_NE(m.find("glute_brige"), std::string::npos) << m;
    const std::string m2 =
        errorOf({{"progressions", {{{"exercise", "no_such"}, {"easier", "pelvic_tilt"}}}}});
    EXPECT_NE(m2.find("/progressions/0/exercise"), std::string::npos) << m2;
    // An "avoid" entry is not an exercise anyone could try instead.
    const std::string m3 = errorOf(
        {{"progressions", {{{"exercise", "pelvic_tilt"}, {"easier", "avoid_walking_on_back"}}}}});
    EXPECT_NE(m3.find("avoid_walking_on_back"), std::string::npos) << m3;
}

TEST(Progressions, AnExerciseIsNotItsOwnAlternative) {
    const std::string m =
        errorOf({{"progressions", {{{"exercise", "cat_cow"}, {"easier", "cat_cow"}}}}});
    EXPECT_NE(m.find("/progressions/0/easier"), std::string::npos) << m;
    EXPECT_NE(m.find("its own easier"), std::string::npos) << m;
    const std::string both = errorOf(
        {{"progressions",
          {{{"exercise", "cat_cow"}, {"easier", "pelvic_tilt"}, {"harder", "pelvic_tilt"}}}}});
    EXPECT_NE(both.find("both the easier and the harder"), std::string::npos) << both;
}

TEST(Progressions, CyclesOfEasierOrOfHarderAreRefused) {
    const std::string easier =
        errorOf({{"progressions",
                  {{{"exercise", "pelvic_tilt"}, {"easier", "hook_lying_rest"}},
                   {{"exercise", "hook_lying_rest"}, {"easier", "glute_bridge"}},
                   {{"exercise", "glute_bridge"}, {"easier", "pelvic_tilt"}}}}});
    EXPECT_NE(easier.find("following \"easier\""), std::string::npos) << easier;
    EXPECT_NE(easier.find("glute_bridge -> pelvic_tilt -> hook_lying_rest -> glute_bridge"),
              std::string::npos)
        << easier;
    const std::string harder = errorOf({{"progressions",
                                         {{{"exercise", "cat_cow"}, {"harder", "bird_dog"}},
                                          {{"exercise", "bird_dog"}, {"harder", "cat_cow"}}}}});
    EXPECT_NE(harder.find("following \"harder\""), std::string::npos) << harder;
    EXPECT_NE(harder.find("/harder"), std::string::npos) << harder;
}

TEST(Progressions, DuplicatesEmptyEntriesAndUnknownFieldsAreRefused) {
    EXPECT_NE(errorOf({{"progressions",
                        {{{"exercise", "cat_cow"}, {"easier", "pelvic_tilt"}},
                         {{"exercise", "cat_cow"}, {"harder", "bird_dog"}}}}})
                  .find("listed twice"),
              std::string::npos);
    EXPECT_NE(errorOf({{"progressions", {{{"exercise", "cat_cow"}}}}}).find("neither"),
              std::string::npos);
    EXPECT_NE(errorOf({{"progressions", {{{"exercise", "cat_cow"}, {"easer", "pelvic_tilt"}}}}})
                  .find("easer"),
              std::string::npos);
    EXPECT_NE(errorOf(nlohmann::json::object()).find("progressions"), std::string::npos);
    EXPECT_EQ(errorOf({{"progressions", {{{"exercise", "cat_cow"}, {"easier", "pelvic_tilt"}}}}}),
              "");
}

TEST(Progressions, MissingFileIsAnErrorNamingIt) {
    Catalog c = shippedWithout();
    auto st = loadProgressions("/nonexistent/progressions.json", c);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("/nonexistent/progressions.json"), std::string::npos);
}

// --- the handout's "Too hard? / Too easy?" lines ----------------------------------------------

handout::HandoutDocument composeFor(const Screening& s, std::vector<std::string> ids,
                                    std::string_view lang = "en") {
    const auto& writer = handout::test::shippedWriter();
    const handout::HandoutComposer composer(Shipped::get().catalog.entries(), writer.figures(),
                                            *writer.strings(lang));
    handout::HandoutRequest req;
    req.patientName = "Ana Test";
    req.sessionDate = "2026-11-22";
    for (const auto& id : ids) {
        req.program.items.push_back({id, Shipped::get().catalog.find(id)->defaultDosage, ""});
    }
    req.assessment = test::assessOk(s);
    auto doc = composer.compose(req);
    EXPECT_TRUE(doc.ok()) << doc.error().message;
    return doc.ok() ? std::move(*doc) : handout::HandoutDocument{};
}

TEST(ProgressionsHandout, NamesTheEasierAndHarderVersionsInBothLanguages) {
    const auto doc = composeFor(test::screeningWith({}), {"pelvic_tilt"});
    ASSERT_EQ(doc.exercises.size(), 1U);
    const auto& cat = Shipped::get().catalog;
    EXPECT_EQ(doc.exercises[0].tooHard,
              "Too hard? Try " + cat.find("hook_lying_rest")->name.text("en") + " instead.");
    EXPECT_EQ(doc.exercises[0].tooEasy,
              "Too easy? Try " + cat.find("glute_bridge")->name.text("en") + " instead.");
    const auto es = composeFor(test::screeningWith({}), {"pelvic_tilt"}, "es");
    EXPECT_NE(es.exercises[0].tooEasy.find(cat.find("glute_bridge")->name.text("es")),
              std::string::npos);
    EXPECT_NE(es.exercises[0].tooEasy.find("Pruebe"), std::string::npos);
    // An exercise with no versions prints neither line.
    const auto none = composeFor(test::screeningWith({}), {"chin_tuck"});
    EXPECT_TRUE(none.exercises[0].tooHard.empty());
    EXPECT_TRUE(none.exercises[0].tooEasy.empty());
}

TEST(ProgressionsHandout, AnExcludedAlternativeIsNeverPrinted) {
    // Child's pose with a side reach is the harder version of the standing overhead reach;
    // osteoporosis excludes it (end-range flexion).
    const auto& cat = Shipped::get().catalog;
    ASSERT_EQ(cat.find("standing_overhead_reach")->harder, "child_pose_side_reach");
    const Assessment bone = test::assessOk(test::screeningWith({"osteoporosis"}));
    ASSERT_EQ(bone.eligibilityOf("child_pose_side_reach")->status, EligibilityStatus::Excluded);
    const std::string childName = cat.find("child_pose_side_reach")->name.text("en");

    const auto routine = composeFor(test::screeningWith({}), {"standing_overhead_reach"});
    EXPECT_NE(routine.exercises[0].tooEasy.find(childName), std::string::npos);

    const auto doc = composeFor(test::screeningWith({"osteoporosis"}), {"standing_overhead_reach"});
    EXPECT_TRUE(doc.exercises[0].tooEasy.empty()) << doc.exercises[0].tooEasy;
    // ...and not anywhere on the printed pages either.
    const auto& writer = handout::test::shippedWriter();
    handout::HandoutRequest req;
    req.patientName = "Ana Test";
    req.sessionDate = "2026-11-22";
    req.program.items.push_back(
        {"standing_overhead_reach", cat.find("standing_overhead_reach")->defaultDosage, ""});
    req.assessment = bone;
    auto pdf = writer.renderPdf(req, cat.entries());
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    std::string all;
    for (const auto& t : handout::test::pdfPageTexts(*pdf)) {
        all += handout::test::squash(t) + " ";
    }
    EXPECT_EQ(all.find("Too easy?"), std::string::npos) << all;
    EXPECT_EQ(all.find(childName), std::string::npos) << all;

    // Every program of every single shipped finding: a suggested version is never excluded.
    for (const auto& f : Shipped::get().rules.items().findings()) {
        const Screening s = test::screeningWith({f.id.c_str()});
        const Assessment a = test::assessOk(s);
        std::vector<std::string> eligible;
        for (const auto& el : a.eligibility) {
            if (el.status != EligibilityStatus::Excluded) {
                eligible.push_back(el.exerciseId);
            }
        }
        if (eligible.empty() || !handoutAllowedWithoutOverride(a.level)) {
            continue;
        }
        const auto d = composeFor(s, eligible);
        for (std::size_t i = 0; i < d.exercises.size(); ++i) {
            const CatalogEntry* e = cat.find(d.exercises[i].id);
            if (!d.exercises[i].tooHard.empty()) {
                EXPECT_EQ(a.eligibilityOf(e->easier)->status, EligibilityStatus::Eligible)
                    << f.id << " " << e->id;
            }
            if (!d.exercises[i].tooEasy.empty()) {
                EXPECT_EQ(a.eligibilityOf(e->harder)->status, EligibilityStatus::Eligible)
                    << f.id << " " << e->id;
            }
        }
    }
}

TEST(ProgressionsHandout, PrintedUnderTheExerciseOnThePdf) {
    const auto& cat = Shipped::get().catalog;
    const auto& writer = handout::test::shippedWriter();
    handout::HandoutRequest req;
    req.patientName = "Ana Test";
    req.sessionDate = "2026-11-22";
    req.program.items.push_back({"pelvic_tilt", cat.find("pelvic_tilt")->defaultDosage, ""});
    req.assessment = test::assessOk(test::screeningWith({}));
    auto pdf = writer.renderPdf(req, cat.entries());
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    std::string all;
    for (const auto& t : handout::test::pdfPageTexts(*pdf)) {
        all += handout::test::squash(t) + " ";
    }
    EXPECT_NE(all.find("Too hard? Try " + cat.find("hook_lying_rest")->name.text("en")),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("Too easy? Try " + cat.find("glute_bridge")->name.text("en")),
              std::string::npos)
        << all;
}

} // namespace
} // namespace hepdesk

namespace hepdesk {
namespace {

TEST(ProgressionsSwap, KeepsTheDosageWhereItFitsAndTheNote) {
    // Bridge 2 x 12, hold 4 -> bird-dog (8 reps, hold 5, each side): all within reach.
    EXPECT_EQ(dosageForAlternative({2, 12, 4, 1, false}, {1, 8, 5, 1, true}),
              (Dosage{2, 12, 4, 1, true}));
    // Pelvic tilt 10 x hold 3 -> resting 180 s: no repetitions, the rest's own hold.
    EXPECT_EQ(dosageForAlternative({1, 10, 3, 2, false}, {1, 0, 180, 3, false}),
              (Dosage{1, 0, 180, 2, false}));
    // Pelvic tilt -> resting given in minutes (the shipped catalog's 3 min): the rest's hold
    // comes with its unit, so the program list and the handout say minutes.
    Dosage threeMinutes{1, 0, 180, 3, false};
    threeMinutes.holdUnit = HoldUnit::Minutes;
    Dosage swapped = dosageForAlternative({1, 10, 3, 2, false}, threeMinutes);
    EXPECT_EQ(swapped.holdSeconds, 180);
    EXPECT_EQ(swapped.holdUnit, HoldUnit::Minutes);
    EXPECT_EQ(swapped.timesPerDay, 2);
    // A hold carried from the current exercise keeps its own unit.
    Dosage twentySeconds{1, 0, 20, 2, false};
    EXPECT_EQ(dosageForAlternative(twentySeconds, {1, 0, 30, 1, false}).holdUnit,
              HoldUnit::Seconds);
    // Knee to chest 3 x hold 20 -> pelvic tilt (10, hold 3): both too far, its defaults.
    EXPECT_EQ(dosageForAlternative({1, 3, 20, 2, false}, {1, 10, 3, 2, false}),
              (Dosage{1, 10, 3, 2, false}));

    const Catalog& cat = test::Shipped::get().catalog;
    const Assessment routine = test::assessOk(test::screeningWith({}));
    Program p{{{"glute_bridge", {2, 12, 4, 1, false}, "Squeeze first"},
               {"chin_tuck", {1, 10, 3, 3, false}, ""}}};
    ASSERT_TRUE(swapForAlternative(p, 0, Alternative::Harder, cat, routine).ok());
    EXPECT_EQ(p.items[0], (ProgramItem{"bird_dog", {2, 12, 4, 1, true}, "Squeeze first"}));
    ASSERT_TRUE(swapForAlternative(p, 0, Alternative::Easier, cat, routine).ok());
    EXPECT_EQ(p.items[0].exerciseId, "glute_bridge");
    EXPECT_EQ(p.items[1].exerciseId, "chin_tuck") << "in place: the order is kept";
    auto none = swapForAlternative(p, 1, Alternative::Harder, cat, routine);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().kind, Error::Kind::NotFound);
}

TEST(ProgressionsSwap, NeverOffersAnExcludedOrRepeatedVersion) {
    const Catalog& cat = test::Shipped::get().catalog;
    const Assessment bone = test::assessOk(test::screeningWith({"osteoporosis"}));
    Program p{{{"standing_overhead_reach", {1, 8, 3, 2, true}, ""}}};
    const AlternativeOffer harder = alternativeFor(cat, p, 0, Alternative::Harder, bone);
    EXPECT_EQ(harder.id, "child_pose_side_reach");
    EXPECT_EQ(harder.status, EligibilityStatus::Excluded);
    EXPECT_FALSE(harder.usable());
    ASSERT_FALSE(harder.reasons.empty());
    EXPECT_EQ(harder.reasons[0].findingId, "osteoporosis");
    auto refused = swapForAlternative(p, 0, Alternative::Harder, cat, bone);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, Error::Kind::Refused);
    EXPECT_NE(refused.error().message.find("osteoporosis"), std::string::npos);
    EXPECT_EQ(p.items[0].exerciseId, "standing_overhead_reach") << "unchanged";

    // Every exercise of the catalog, for every single finding: a usable offer is never excluded.
    for (const auto& f : test::Shipped::get().rules.items().findings()) {
        const Assessment a = test::assessOk(test::screeningWith({f.id.c_str()}));
        for (const CatalogEntry& e : cat.entries()) {
            if (!e.isExercise()) {
                continue;
            }
            const Program one{{{e.id, e.defaultDosage, ""}}};
            for (Alternative w : {Alternative::Easier, Alternative::Harder}) {
                const AlternativeOffer o = alternativeFor(cat, one, 0, w, a);
                if (o.usable()) {
                    EXPECT_NE(a.eligibilityOf(o.id)->status, EligibilityStatus::Excluded)
                        << f.id << " " << e.id;
                }
            }
        }
    }

    // Already in the program: not offered.
    const Assessment routine = test::assessOk(test::screeningWith({}));
    Program two{
        {{"pelvic_tilt", {1, 10, 3, 2, false}, ""}, {"glute_bridge", {2, 10, 3, 1, false}, ""}}};
    EXPECT_TRUE(alternativeFor(cat, two, 0, Alternative::Harder, routine).inProgram);
    EXPECT_FALSE(swapForAlternative(two, 0, Alternative::Harder, cat, routine).ok());
}

} // namespace
} // namespace hepdesk
