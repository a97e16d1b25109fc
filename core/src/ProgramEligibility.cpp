#include "hepdesk/core/ProgramEligibility.h"

#include "hepdesk/core/TriageLevel.h"

namespace hepdesk {
namespace {

void append(std::string& out, const std::string& part) {
    if (!part.empty() && out.find(part) == std::string::npos) {
        out += (out.empty() ? "" : "; ") + part;
    }
}

std::string triageText(const ProgramDecision& d) {
    std::string why;
    for (const Finding& f : d.triageFindings) {
        append(why, f.reason);
    }
    return why;
}

std::string eligibilityText(const ProgramDecision& d) {
    std::string why;
    for (const EligibilityReason& r : d.reasons) {
        append(why, r.clinicianReason);
    }
    return why;
}

} // namespace

ProgramDecision checkProgramItem(const Assessment& assessment, std::string_view exerciseId,
                                 bool overridden) {
    ProgramDecision d;
    if (!handoutAllowedWithoutOverride(assessment.level) && !overridden) {
        d.triageBlock = assessment.level;
        for (const Finding& f : assessment.findings) {
            if (f.level == assessment.level) {
                d.triageFindings.push_back(f);
            }
        }
    }
    const Eligibility* e = assessment.eligibilityOf(exerciseId);
    if (e != nullptr && e->status == EligibilityStatus::Excluded) {
        d.verdict = ProgramVerdict::Excluded;
        d.reasons = e->reasons;
    } else if (d.triageBlock) {
        d.verdict = ProgramVerdict::BlockedByTriage;
        if (e != nullptr) {
            d.reasons = e->reasons;
        }
    } else if (e != nullptr && e->status == EligibilityStatus::Caution) {
        d.verdict = ProgramVerdict::Caution;
        d.reasons = e->reasons;
    }
    return d;
}

std::string reasonsText(const ProgramDecision& d) {
    std::string why = triageText(d);
    append(why, eligibilityText(d));
    return why;
}

std::string refusalMessage(const ProgramDecision& d, std::string_view exerciseId,
                           std::string_view name) {
    const std::string what = "exercise '" + std::string(exerciseId) + "'" +
                             (name.empty() ? std::string() : " (" + std::string(name) + ")");
    if (d.verdict == ProgramVerdict::Excluded) {
        const std::string why = eligibilityText(d);
        return what + " is excluded for this patient" + (why.empty() ? "" : ": " + why) +
               "; remove it from the program";
    }
    if (d.verdict == ProgramVerdict::BlockedByTriage && d.triageBlock) {
        const std::string why = triageText(d);
        return what + " cannot be in the program: the screening's triage is '" +
               std::string(label(*d.triageBlock)) + "'" + (why.empty() ? "" : " (" + why + ")") +
               ": refer the patient first, or record an override reason";
    }
    return {};
}

} // namespace hepdesk
