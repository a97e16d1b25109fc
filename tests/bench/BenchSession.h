#pragma once

// The made-up sessions both clinic-scale benchmarks (db_bench on a file, pg_bench on a server)
// store: the same shape, so their numbers compare.

#include "hepdesk/core/Session.h"

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace hepdesk::bench {

inline const std::vector<std::string> kExercises = {
    "cat_cow",    "pelvic_tilt",    "bird_dog",        "glute_bridge",    "chin_tuck",
    "short_walk", "prone_press_up", "hook_lying_rest", "belly_breathing", "shoulder_blade_squeeze"};

/// A routine follow-up of patient `patientId`, `dayOffset` days into the made-up years.
inline Session makeSession(std::int64_t patientId, std::mt19937& rng, int dayOffset) {
    std::uniform_int_distribution<int> pain(0, 10);
    std::uniform_int_distribution<int> pick(0, static_cast<int>(kExercises.size()) - 1);
    Session s;
    s.patientId = patientId;
    const int day = dayOffset % 28 + 1;
    const int month = dayOffset / 28 % 12 + 1;
    const int year = 2020 + dayOffset / 336;
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:00Z", year, month, day,
                  8 + dayOffset % 10, dayOffset % 60);
    s.startedAt = date;
    s.screening.date = s.startedAt.substr(0, 10);
    s.screening.age = 20 + pain(rng) * 6;
    s.screening.sex = Sex::Female;
    s.screening.regions = {Region::LowBack};
    s.screening.pain = PainScores{pain(rng), 1, 9};
    s.screening.findings = {"night_pain"};
    s.screening.startBack = {{"sb_1", 1}, {"sb_2", 0}, {"sb_5", 1}, {"sb_9", 2}};
    s.screening.odi = {{"odi_pain", 2}, {"odi_walking", 1}, {"odi_sitting", 3}};
    s.screening.notes = "Routine follow-up.";
    s.triage = TriageLevel::ReferAndMonitor;
    s.findings = {Finding{"night_pain", "malignancy_single_flag", TriageLevel::ReferAndMonitor,
                          "Single malignancy flag: safety-net and review"}};
    s.scores.painNow = s.screening.pain.now;
    s.scores.painBest = 1;
    s.scores.painWorst = 9;
    s.scores.odiPercent = 20.0 + pain(rng) * 4;
    s.scores.startBackTotal = pain(rng) % 10;
    s.scores.startBackPsychosocial = pain(rng) % 6;
    s.scores.startBackRisk = StartBackRisk::Medium;
    for (int i = 0; i < 3; ++i) {
        s.program.items.push_back(ProgramItem{kExercises[static_cast<std::size_t>(pick(rng))],
                                              Dosage{2, 10, 0, 2, false}, i == 0 ? "slowly" : ""});
    }
    return s;
}

} // namespace hepdesk::bench
