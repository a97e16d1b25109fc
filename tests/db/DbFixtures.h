#pragma once

#include "hepdesk/core/Session.h"

#include <cstdint>
#include <string>

namespace hepdesk::test {

/// A complete session as the app would store it after assess(): every field filled, values
/// varied by `n` so sessions differ. Not clinically derived: the db stores what it is given.
inline Session sampleSession(std::int64_t patientId, int n) {
    Session s;
    s.patientId = patientId;
    s.startedAt = "2026-0" + std::to_string(1 + n % 9) + "-1" + std::to_string(n % 10) +
                  "T09:" + std::to_string(10 + n % 50) + ":00Z";
    s.screening.date = s.startedAt.substr(0, 10);
    s.screening.age = 30 + n % 50;
    s.screening.sex = Sex::Female;
    s.screening.regions = {Region::LowBack};
    s.screening.pain = PainScores{n % 11, n % 4, 4 + n % 7};
    s.screening.durationDays = 10 + n;
    s.screening.findings = {"night_pain"};
    s.screening.startBack = {{"sb_1", 1}, {"sb_9", 2}};
    s.screening.odi = {{"odi_pain", 2}, {"odi_walking", 1}};
    s.screening.notes = "visit " + std::to_string(n);
    s.triage = n % 3 == 0 ? TriageLevel::ReferAndMonitor : TriageLevel::Routine;
    s.findings = {Finding{"night_pain", "refer.night_pain", TriageLevel::ReferAndMonitor,
                          "Night pain: follow up"}};
    s.scores.painNow = n % 11;
    s.scores.painBest = n % 4;
    s.scores.painWorst = 4 + n % 7;
    s.scores.odiPercent = 10.0 + n % 60;
    s.scores.startBackTotal = n % 10;
    s.scores.startBackPsychosocial = n % 6;
    s.scores.startBackRisk = StartBackRisk::Medium;
    s.program.items = {
        ProgramItem{"cat_cow", Dosage{2, 10, 0, 2, false}, "slowly"},
        ProgramItem{"pelvic_tilt", Dosage{1, 0, 20, 1, true}, ""},
        ProgramItem{"walking", Dosage{1, 0, 600, 1, false, HoldUnit::Minutes, 5, 6}, "daily"}};
    s.handoutOptions = HandoutOptions{"es", n % 2 == 0, "", "", std::nullopt, ""};
    return s;
}

/// The session the crash-safety writer commits as number `n`: a sample session with a long
/// note and two handout records, so a torn write would show in several tables.
inline Session crashSession(std::int64_t patientId, int n) {
    Session s = sampleSession(patientId, n);
    s.screening.notes = "session " + std::to_string(n) + " " +
                        std::string(static_cast<std::size_t>(2000 + n % 500), 'w');
    std::string hex = std::to_string(n);
    hex = std::string(64 - hex.size(), '0') + hex;
    s.handouts = {
        HandoutRecord{0, hex, 1000 + n, "2026-01-01T00:00:00Z", "en", false},
        HandoutRecord{0, std::string(64, 'f'), 2000 + n, "2026-01-01T00:00:01Z", "es", true}};
    return s;
}

/// Field-by-field equality (Finding, a clinical-core type, has no operator==).
inline bool sameSession(const Session& a, const Session& b) {
    if (a.findings.size() != b.findings.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.findings.size(); ++i) {
        const Finding& x = a.findings[i];
        const Finding& y = b.findings[i];
        if (x.itemId != y.itemId || x.ruleId != y.ruleId || x.level != y.level ||
            x.reason != y.reason) {
            return false;
        }
    }
    return a.id == b.id && a.patientId == b.patientId && a.clinicianId == b.clinicianId &&
           a.startedAt == b.startedAt && a.screening == b.screening && a.triage == b.triage &&
           a.scores == b.scores && a.program == b.program && a.handoutOptions == b.handoutOptions &&
           a.handouts == b.handouts && a.isSigned == b.isSigned && a.signedAt == b.signedAt &&
           a.signedBy == b.signedBy && a.addenda == b.addenda;
}

} // namespace hepdesk::test
