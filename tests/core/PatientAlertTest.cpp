#include "HandoutTestData.h"
#include "TestSupport.h"
#include "hepdesk/core/Readability.h"
#include "hepdesk/core/handout/HandoutStrings.h"
#include "hepdesk/core/handout/HandoutWriter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hepdesk::handout {
namespace {
using test::squash;

struct Case {
    const char* lang;
    TriageLevel level;
    const char* ruleId;
    const char* title;    ///< the box's first words
    const char* why;      ///< the rule's plain words
    const char* heading;  ///< the first heading after the box
    const char* override; ///< the clinician's override page heading
};

HandoutRequest overridden(const Case& c) {
    HandoutRequest req = test::routineRequest();
    req.options.lang = c.lang;
    req.assessment.level = c.level;
    req.assessment.findings.push_back(
        Finding{"ces_saddle_numbness", c.ruleId, c.level, "Possible cauda equina syndrome"});
    req.overrideReason = "Patient declines the referral today; told of the risk in full";
    return req;
}

std::string renderTo(const HandoutRequest& req, const std::string& artifact) {
    auto pdf = test::shippedWriter().renderPdf(req, test::smallCatalog());
    if (!pdf) {
        ADD_FAILURE() << pdf.error().message;
        return {};
    }
    hepdesk::test::writeFile(hepdesk::test::artifactsDir() / artifact, *pdf);
    return *pdf;
}

// Issue 12, safety 2: the clinician's override page was printed on the patient's copy and
// nothing told the patient to go to hospital today. With an override the patient's copy opens
// with a box in their language; the reason and the override page only on the clinician's copy.
TEST(PatientAlert, ThePatientCopyOpensWithWhatTheTriageMeansAndNeverTheOverride) {
    const Case cases[] = {
        {"en", TriageLevel::Emergency, "cauda_equina_sign", "Go to an emergency department now",
         "pressure on the nerves at the bottom of your back", "How to use this program",
         "For the clinician"},
        {"es", TriageLevel::Emergency, "cauda_equina_sign", "Vaya a urgencias ahora",
         "presión sobre los nervios de la parte baja de la espalda", "Cómo usar este programa",
         "Para el profesional"},
        {"en", TriageLevel::UrgentReferral, "fracture_significant_trauma",
         "See a doctor within 24 hours", "A bone in your back may be broken",
         "How to use this program", "For the clinician"},
        {"es", TriageLevel::UrgentReferral, "fracture_significant_trauma",
         "Vea a un médico en las próximas 24 horas", "Puede tener un hueso roto en la espalda",
         "Cómo usar este programa", "Para el profesional"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(std::string(c.lang) + " " + c.ruleId);
        HandoutRequest req = overridden(c);
        const std::string name = std::string("h5-alert-") + c.lang + "-" + c.ruleId;
        const auto pages = test::pdfPageTexts(renderTo(req, name + ".pdf"));
        ASSERT_FALSE(pages.empty());
        const std::string first = squash(pages.front());
        const auto box = first.find(c.title);
        ASSERT_NE(box, std::string::npos) << first;
        EXPECT_LT(box, first.find(c.heading)) << "the box opens the handout: " << first;
        EXPECT_NE(first.find(c.why), std::string::npos) << first;
        for (const std::string& p : pages) {
            EXPECT_EQ(squash(p).find("declines the referral"), std::string::npos) << p;
            EXPECT_EQ(squash(p).find(c.override), std::string::npos) << p;
        }

        // The clinician's copy, on request: the same box, and the override page with the reason.
        req.options.clinicianCopy = true;
        const auto copy = test::pdfPageTexts(renderTo(req, name + "-clinician.pdf"));
        ASSERT_FALSE(copy.empty());
        EXPECT_NE(squash(copy.front()).find(c.title), std::string::npos);
        const std::string last = squash(copy.back());
        EXPECT_NE(last.find(c.override), std::string::npos) << last;
        EXPECT_NE(last.find("declines the referral"), std::string::npos) << last;
    }
}

TEST(PatientAlert, ARoutineHandoutHasNoBox) {
    const auto pages = test::pdfPageTexts(renderTo(test::routineRequest(), "h5-routine.pdf"));
    ASSERT_FALSE(pages.empty());
    EXPECT_EQ(squash(pages.front()).find("Why:"), std::string::npos);
    EXPECT_EQ(squash(pages.front()).find("within 24 hours"), std::string::npos);
}

// Every urgent or emergency rule has the patient's words for why, in both languages, at or
// below grade 8 in English: none falls back to the generic sentence unnoticed.
TEST(PatientAlert, EveryReferralRuleHasPlainWordsInBothLanguages) {
    const auto triage = nlohmann::json::parse(
        hepdesk::test::readFile(hepdesk::test::templatesDir() / "rules/triage.json"));
    for (const char* lang : {"en", "es"}) {
        auto strings = HandoutStrings::load(hepdesk::test::templatesDir() / "strings", lang);
        ASSERT_TRUE(strings.ok()) << strings.error().message;
        int rules = 0;
        for (const auto& r : triage.at("rules")) {
            const std::string level = r.at("level").get<std::string>();
            if (level != "emergency" && level != "urgent_referral") {
                continue;
            }
            ++rules;
            const std::string id = r.at("id").get<std::string>();
            const std::string* why = strings->triageWhy(id);
            ASSERT_NE(why, nullptr) << lang << ": no triage_why for " << id;
            if (std::string(lang) == "en") {
                const double g = fleschKincaidGrade(textStats({*why}));
                EXPECT_LE(g, kMaxReadingGrade) << id << " reads at grade " << g;
            }
        }
        EXPECT_GE(rules, 18);
        for (const char* key : {"alert_emergency_text", "alert_urgent_text"}) {
            if (std::string(lang) == "en") {
                const double g = fleschKincaidGrade(textStats({strings->text(key)}));
                EXPECT_LE(g, kMaxReadingGrade) << key << " reads at grade " << g;
            }
        }
    }
}

} // namespace
} // namespace hepdesk::handout
