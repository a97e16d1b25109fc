#include "hepdesk/core/handout/ReferralLetter.h"

#include "HandoutTestData.h"
#include "TestSupport.h"
#include "hepdesk/core/handout/HandoutWriter.h"

#include <gtest/gtest.h>

namespace hepdesk::handout {
namespace {
using test::squash;

ReferralLetter emergencyLetter(const char* lang) {
    ReferralLetter l;
    l.lang = lang;
    l.clinic.name = "Riverside Physical Therapy";
    l.clinic.address = "12 Mill Street\nSpringfield";
    l.clinic.phone = "555-0100";
    l.clinic.clinicianName = "Dana Ortiz";
    l.clinic.clinicianCredentials = "PT, DPT";
    l.patientName = "Maria Lopez";
    l.patientBirthDate = "1961-04-09";
    l.patientRecord = "R-2231";
    l.sessionDate = "2026-11-20";
    l.level = TriageLevel::Emergency;
    l.findings = {"Possible cauda equina syndrome: emergency referral today (New or worsening "
                  "saddle numbness)"};
    l.scores.painNow = 7;
    l.scores.painBest = 4;
    l.scores.painWorst = 9;
    l.scores.odiPercent = 46;
    return l;
}

std::string render(const ReferralLetter& l, const std::string& artifact) {
    auto r = test::shippedWriter().renderReferral(l);
    if (!r) {
        ADD_FAILURE() << r.error().message;
        return {};
    }
    EXPECT_EQ(r->pages, 1);
    hepdesk::test::writeFile(hepdesk::test::artifactsDir() / artifact, r->pdf);
    return r->pdf;
}

// Issue 12, safety 2: a one-page letter to the emergency department or the doctor: clinic,
// patient, date, findings with their reasons, scores, what the PT advised, a signature line.
TEST(ReferralLetter, AnEmergencyLetterHasEveryPartOnOnePageInEnglish) {
    const auto pages = test::pdfPageTexts(render(emergencyLetter("en"), "h5-referral-en.pdf"));
    ASSERT_EQ(pages.size(), 1U);
    const std::string t = squash(pages[0]);
    for (const char* part :
         {"Riverside Physical Therapy", "12 Mill Street", "Referral letter",
          "To: the emergency department", "November 20, 2026", "Maria Lopez", "April 9, 1961",
          "R-2231", "Possible cauda equina syndrome", "saddle numbness",
          "Pain (0-10): now 7, best 4, worst 9", "Oswestry Disability Index: 46%", "What I advised",
          "Go to an emergency department now", "Clinician signature", "Dana Ortiz, PT, DPT"}) {
        EXPECT_NE(t.find(part), std::string::npos) << part << " in: " << t;
    }
}

TEST(ReferralLetter, SpanishAndUrgentAndReferAndMonitorSayTheirOwnAdvice) {
    ReferralLetter l = emergencyLetter("es");
    std::string t = squash(test::pdfPageTexts(render(l, "h5-referral-es.pdf")).at(0));
    for (const char* part :
         {"Carta de derivación", "Para: el servicio de urgencias", "20 de noviembre de 2026",
          "Lo que he indicado", "Acudir a urgencias ahora", "Firma del profesional",
          "Dolor (0-10): ahora 7"}) {
        EXPECT_NE(t.find(part), std::string::npos) << part << " in: " << t;
    }
    l.lang = "en";
    l.level = TriageLevel::UrgentReferral;
    t = squash(test::pdfPageTexts(render(l, "h5-referral-urgent.pdf")).at(0));
    EXPECT_NE(t.find("See a doctor within 24 hours"), std::string::npos) << t;
    l.level = TriageLevel::ReferAndMonitor;
    l.scores = {};
    t = squash(test::pdfPageTexts(render(l, "h5-referral-monitor.pdf")).at(0));
    EXPECT_NE(t.find("To: the patient's doctor (for review)"), std::string::npos) << t;
    EXPECT_NE(t.find("No scores were recorded"), std::string::npos) << t;
}

TEST(ReferralLetter, ARoutineTriageIsRefusedAndOverflowIsNeverCut) {
    ReferralLetter l = emergencyLetter("en");
    l.level = TriageLevel::Routine;
    auto r = test::shippedWriter().renderReferral(l);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::Refused);
    EXPECT_NE(r.error().message.find("Routine"), std::string::npos) << r.error().message;

    l = emergencyLetter("en");
    l.findings.assign(80, "A finding with a long reason that takes most of one line of the page");
    r = test::shippedWriter().renderReferral(l);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("one page"), std::string::npos) << r.error().message;
}

} // namespace
} // namespace hepdesk::handout
