#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/Session.h"
#include "hepdesk/core/TriageLevel.h"
#include "hepdesk/core/handout/Handout.h"
#include "hepdesk/core/handout/HandoutStrings.h"
#include "hepdesk/core/handout/Painter.h"
#include "hepdesk/core/handout/TextWrap.h"

#include <string>
#include <vector>

namespace hepdesk::handout {

/// A one-page letter from the physical therapist to the patient's doctor (refer and monitor,
/// urgent referral) or to the emergency department (emergency): who, when, what was found and
/// why, the scores, and what the therapist advised. Every text already in the letter's language.
struct ReferralLetter {
    std::string lang = "en";
    HandoutOptions::Paper paper = HandoutOptions::Paper::A4;
    ClinicInfo clinic; ///< with the clinician who signs the letter
    std::string patientName;
    std::string patientBirthDate; ///< "YYYY-MM-DD" or empty
    std::string patientRecord;    ///< the clinic's record number, may be empty
    std::string sessionDate;      ///< "YYYY-MM-DD"
    TriageLevel level = TriageLevel::Routine;
    /// One line per finding, most serious first: the rule's reason and the finding, translated.
    std::vector<std::string> findings;
    SessionScores scores;
};

/// Lays out `letter` on one page with `strings` (the letter's language). Refused for a routine
/// triage (nothing to refer). Text that would run past the page is a refusal, never cut.
Result<LayoutPage> layoutReferral(const ReferralLetter& letter, const FontPair& fonts,
                                  const HandoutStrings& strings);

} // namespace hepdesk::handout
