#include "hepdesk/core/handout/HandoutComposer.h"

#include "hepdesk/core/ProgramEligibility.h"
#include "hepdesk/core/TriageLevel.h"

#include <algorithm>

namespace hepdesk::handout {
namespace {

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) {
        return {};
    }
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

/// With an override, the patient's copy opens with what the triage means for them: go to an
/// emergency department now, or see a doctor within 24 hours, and why in plain words.
void addPatientAlert(HandoutDocument& doc, const HandoutStrings& strings, const Assessment& a,
                     TriageLevel level) {
    const bool emergency = level == TriageLevel::Emergency;
    doc.alertEmergency = emergency;
    doc.alertTitle = strings.text(emergency ? "alert_emergency_title" : "alert_urgent_title");
    doc.alertText = strings.text(emergency ? "alert_emergency_text" : "alert_urgent_text");
    for (const Finding& f : a.findings) {
        if (f.level != level) {
            continue;
        }
        const std::string* why = strings.triageWhy(f.ruleId);
        const std::string& text = why != nullptr ? *why : strings.text("triage_why_other");
        if (std::find(doc.alertWhy.begin(), doc.alertWhy.end(), text) == doc.alertWhy.end()) {
            doc.alertWhy.push_back(text);
        }
    }
    if (doc.alertWhy.empty()) {
        doc.alertWhy.push_back(strings.text("triage_why_other"));
    }
}

} // namespace

std::string HandoutComposer::dosageText(const Dosage& d) const {
    const HandoutStrings& s = strings_;
    std::vector<std::string> parts;
    if (d.reps > 0) {
        parts.push_back(d.sets > 1    ? s.format("sets_reps", {{"sets", std::to_string(d.sets)},
                                                               {"reps", std::to_string(d.reps)}})
                        : d.reps == 1 ? s.text("one_time")
                                      : s.format("reps_only", {{"reps", std::to_string(d.reps)}}));
    }
    if (d.holdSeconds > 0) {
        if (d.holdUnit == HoldUnit::Minutes) {
            // As the clinician gave it: "for 1 minute", "for 10 minutes".
            parts.push_back(
                d.holdSeconds == 60
                    ? s.text("for_one_minute")
                    : s.format("for_minutes", {{"n", std::to_string(d.holdSeconds / 60)}}));
        } else if (d.holdSeconds >= 120 && d.holdSeconds % 60 == 0) {
            // Whole minutes given in seconds read as minutes, as handouts always have (a signed
            // session reprints with the same words).
            parts.push_back(s.format("for_minutes", {{"n", std::to_string(d.holdSeconds / 60)}}));
        } else if (d.holdSeconds == 1) {
            parts.push_back(s.text("hold_one_second"));
        } else {
            parts.push_back(s.format("hold_seconds", {{"n", std::to_string(d.holdSeconds)}}));
        }
        if (d.reps == 0 && d.sets > 1) {
            parts.push_back(s.format("times", {{"n", std::to_string(d.sets)}}));
        }
    }
    if (d.timesPerDay == 1) {
        parts.push_back(s.text("once_a_day"));
    } else if (d.timesPerDay == 2) {
        parts.push_back(s.text("twice_a_day"));
    } else {
        parts.push_back(s.format("times_a_day", {{"n", std::to_string(d.timesPerDay)}}));
    }
    if (d.perSide) {
        parts.push_back(s.text("each_side"));
    }
    // Every day and "no end said" are the defaults and are not printed.
    if (d.daysPerWeek < kDaysPerWeekLimit.max) {
        parts.push_back(s.format("days_a_week", {{"n", std::to_string(d.daysPerWeek)}}));
    }
    if (d.weeks == 1) {
        parts.push_back(s.text("for_one_week"));
    } else if (d.weeks > 1) {
        parts.push_back(s.format("for_weeks", {{"n", std::to_string(d.weeks)}}));
    }
    std::string out;
    for (const std::string& p : parts) {
        out += out.empty() ? p : ", " + p;
    }
    // Capitalize an ASCII first letter ("Hold 30 seconds"); other scripts are left alone.
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    }
    return out;
}

std::string HandoutComposer::alternativeLine(const std::string& alternativeId, std::string_view key,
                                             const Assessment& assessment) const {
    if (alternativeId.empty()) {
        return {};
    }
    // Only a fully eligible version is suggested: the patient reads its name here without its
    // steps or any caution note, so a cautioned one waits for the clinician to add it.
    const Eligibility* el = assessment.eligibilityOf(alternativeId);
    if (el == nullptr || el->status != EligibilityStatus::Eligible) {
        return {};
    }
    const auto found = std::find_if(catalog_.begin(), catalog_.end(),
                                    [&](const CatalogEntry& c) { return c.id == alternativeId; });
    if (found == catalog_.end() || !found->isExercise()) {
        return {};
    }
    return strings_.format(key, {{"name", found->name.text(strings_.lang())}});
}

Result<HandoutDocument> HandoutComposer::compose(const HandoutRequest& req) const {
    const std::string& lang = strings_.lang();
    if (trimmed(req.patientName).empty()) {
        return Error::invalid("the handout needs the patient's name");
    }
    if (req.program.items.empty()) {
        return Error::invalid("the handout needs at least one exercise");
    }
    HandoutDocument doc;
    const TriageLevel level = req.assessment.level;
    if (!handoutAllowedWithoutOverride(level)) {
        if (trimmed(req.overrideReason).empty()) {
            return Error::refused(
                "the screening's triage is '" + std::string(label(level)) +
                "': refer the patient first; a handout needs an override reason from the "
                "clinician (--override-reason)");
        }
        const bool emergency = level == TriageLevel::Emergency;
        doc.overrideLevel = strings_.text(emergency ? "level_emergency" : "level_urgent_referral");
        if (req.options.layoutVersion < 2) {
            // A handout signed with layout version 1 printed the override page on the
            // patient's copy and had no alert box: its reprint stays byte-identical.
            doc.overrideReason = trimmed(req.overrideReason);
        } else {
            // The reason is the clinician's record: never on the patient's copy.
            if (req.options.clinicianCopy) {
                doc.overrideReason = trimmed(req.overrideReason);
            }
            addPatientAlert(doc, strings_, req.assessment, level);
        }
    }
    doc.lang = lang;
    doc.clinicianCopy = req.options.clinicianCopy;
    doc.largePrint = req.options.largePrint;
    doc.paper = req.options.paper;
    doc.layoutVersion = req.options.layoutVersion;
    doc.exerciseLog = req.options.exerciseLog;
    for (const std::string& g : req.goals) {
        if (!trimmed(g).empty()) {
            doc.goals.push_back(trimmed(g));
        }
    }
    doc.clinic = req.clinic;
    doc.patientName = trimmed(req.patientName);
    doc.dateText = strings_.longDate(req.sessionDate);

    std::set<std::string> seen;
    for (const ProgramItem& item : req.program.items) {
        const auto found =
            std::find_if(catalog_.begin(), catalog_.end(),
                         [&](const CatalogEntry& c) { return c.id == item.exerciseId; });
        const CatalogEntry* e = found == catalog_.end() ? nullptr : &*found;
        if (e == nullptr || !e->isExercise()) {
            return Error::notFound("no exercise '" + item.exerciseId + "' in the catalog");
        }
        if (!seen.insert(item.exerciseId).second) {
            return Error::invalid("exercise '" + item.exerciseId + "' is listed twice");
        }
        if (auto st = validate(item.dosage, "exercise " + item.exerciseId); !st) {
            return st.error();
        }
        const Eligibility* el = req.assessment.eligibilityOf(item.exerciseId);
        if (el == nullptr && !req.assessment.eligibility.empty()) {
            return Error::refused("exercise '" + item.exerciseId +
                                  "' has no eligibility decision for this screening");
        }
        ExerciseSection sec;
        // The one program rule of core: excluded exercises never print, whatever the override.
        const ProgramDecision decision =
            checkProgramItem(req.assessment, item.exerciseId, !trimmed(req.overrideReason).empty());
        if (!decision.allowed()) {
            return Error::refused(refusalMessage(decision, item.exerciseId, e->name.text("en")));
        }
        if (decision.verdict == ProgramVerdict::Caution) {
            for (const auto& r : decision.reasons) {
                const std::string& note = r.patientNote.text(lang);
                if (!note.empty()) {
                    sec.cautions.push_back(note);
                }
            }
        }
        sec.id = e->id;
        sec.name = e->name.text(lang);
        if (e->photo) {
            sec.photo = e->photo;
        } else if (figures_.contains(e->id)) {
            sec.figureId = e->id;
        }
        for (const auto& st : e->steps) {
            sec.steps.push_back(st.text(lang));
        }
        sec.dosage = dosageText(item.dosage);
        sec.note = trimmed(item.note);
        sec.tooHard = alternativeLine(e->easier, "too_hard", req.assessment);
        sec.tooEasy = alternativeLine(e->harder, "too_easy", req.assessment);
        doc.exercises.push_back(std::move(sec));
    }

    std::set<std::string> findings = req.findingIds;
    for (const Finding& f : req.assessment.findings) {
        findings.insert(f.itemId);
    }
    for (const CatalogEntry& e : catalog_) {
        if (e.isExercise()) {
            continue;
        }
        const bool relevant =
            e.alwaysOnHandout ||
            std::any_of(e.relevantFindings.begin(), e.relevantFindings.end(),
                        [&](const std::string& f) { return findings.contains(f); });
        if (relevant) {
            doc.avoid.push_back({e.name.text(lang), e.why.text(lang)});
        }
    }
    return doc;
}

} // namespace hepdesk::handout
