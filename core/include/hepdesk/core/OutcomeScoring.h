#pragma once

#include "hepdesk/core/OutcomeScores.h"
#include "hepdesk/core/ScreeningItems.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hepdesk {

/// NPRS band from the data (0 none, 1-3 mild, 4-6 moderate, 7-10 severe).
PainBand painBandOf(int nprs, const ScreeningItems& items);
std::optional<PainBand> painBandFromId(std::string_view id);
std::string_view toId(PainBand b);      ///< "none", "mild", "moderate", "severe"
std::string_view toId(StartBackRisk r); ///< "low", "medium", "high"

/// STarT Back (Hill 2008): items 1-8 agree = 1; bothersomeness very much/extremely = 1.
/// Total = items 1-9, psychosocial = items 5-9; high if psychosocial >= 4, else low if
/// total <= 3, else medium. Unanswered items count 0 and `answered` says how many were given.
StartBackScore scoreStartBack(const std::map<std::string, int>& answers,
                              const ScreeningItems& items);

/// ODI or NDI: percent = total / (5 x answered) x 100, each skipped section lowering the
/// denominator by 5; unreliable below the instrument's minimum answered. The band is taken on
/// the percent (ODI) or on the 0-50 total scaled to all 10 items, percent / 2 (NDI).
/// nullopt when nothing was answered.
std::optional<DisabilityScore> scoreDisability(const std::map<std::string, int>& answers,
                                               const DisabilityInstrument& instrument);

/// PSFS (Stratford 1995): the mean of the rated activities; unrated ones are left out of the
/// mean. nullopt when no activity is rated.
std::optional<PsfsScore> scorePsfs(const std::vector<PsfsActivity>& activities);

/// The change in PSFS that counts (clinical-reference: minimal detectable change, Stratford
/// 1995): 2 points for the mean, 3 points for a single activity.
inline constexpr double kPsfsImportantChangeMean = 2.0;
inline constexpr int kPsfsImportantChangeActivity = 3;

enum class ScoreChange { Worse, NoImportantChange, Better };
std::string_view toId(ScoreChange c); ///< "worse", "no_important_change", "better"
/// PSFS mean from `before` to `after` (higher is better): Better or Worse at 2 points or more.
ScoreChange psfsMeanChange(double before, double after);
/// One activity from `before` to `after`: Better or Worse at 3 points or more.
ScoreChange psfsActivityChange(int before, int after);

/// Every score of a screening whose ids were validated.
OutcomeScores scoreOutcomes(const Screening& s, const ScreeningItems& items);

} // namespace hepdesk
