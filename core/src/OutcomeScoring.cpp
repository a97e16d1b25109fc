#include "hepdesk/core/OutcomeScoring.h"

namespace hepdesk {

PainBand painBandOf(int nprs, const ScreeningItems& items) {
    // The loader guarantees the bands tile 0-10 and use the four PainBand ids.
    const Band* b = bandOf(items.painBands(), nprs);
    return b != nullptr ? painBandFromId(b->id).value_or(PainBand::Severe) : PainBand::Severe;
}

std::optional<PainBand> painBandFromId(std::string_view id) {
    for (PainBand b : {PainBand::None, PainBand::Mild, PainBand::Moderate, PainBand::Severe}) {
        if (toId(b) == id) {
            return b;
        }
    }
    return std::nullopt;
}

std::string_view toId(PainBand b) {
    switch (b) {
    case PainBand::None:
        return "none";
    case PainBand::Mild:
        return "mild";
    case PainBand::Moderate:
        return "moderate";
    case PainBand::Severe:
        return "severe";
    }
    return "none";
}

std::string_view toId(StartBackRisk r) {
    switch (r) {
    case StartBackRisk::Low:
        return "low";
    case StartBackRisk::Medium:
        return "medium";
    case StartBackRisk::High:
        return "high";
    }
    return "low";
}

StartBackScore scoreStartBack(const std::map<std::string, int>& answers,
                              const ScreeningItems& items) {
    StartBackScore s;
    for (const QuestionItem& q : items.startBackItems()) {
        auto it = answers.find(q.id);
        if (it == answers.end()) {
            continue;
        }
        ++s.answered;
        const int point = it->second >= q.scoresOneFrom ? 1 : 0;
        s.total += point;
        if (q.psychosocial) {
            s.psychosocial += point;
        }
    }
    if (s.psychosocial >= items.startBackHighRiskMinPsychosocial()) {
        s.risk = StartBackRisk::High;
    } else if (s.total <= items.startBackLowRiskMaxTotal()) {
        s.risk = StartBackRisk::Low;
    } else {
        s.risk = StartBackRisk::Medium;
    }
    return s;
}

std::optional<DisabilityScore> scoreDisability(const std::map<std::string, int>& answers,
                                               const DisabilityInstrument& instrument) {
    DisabilityScore d;
    for (const QuestionItem& q : instrument.sections) {
        if (auto it = answers.find(q.id); it != answers.end()) {
            ++d.answered;
            d.total += it->second;
        }
    }
    if (d.answered == 0) {
        return std::nullopt;
    }
    d.percent = 100.0 * d.total / (5.0 * d.answered);
    d.reliable = d.answered >= instrument.minAnsweredReliable;
    const double bandValue = instrument.bandOnPercent ? d.percent : d.percent / 2.0;
    if (const Band* b = bandOf(instrument.bands, bandValue)) {
        d.band = b->id;
    }
    return d;
}

std::optional<PsfsScore> scorePsfs(const std::vector<PsfsActivity>& activities) {
    PsfsScore p;
    p.activities = static_cast<int>(activities.size());
    int sum = 0;
    for (const PsfsActivity& a : activities) {
        if (a.rating) {
            sum += *a.rating;
            ++p.rated;
        }
    }
    if (p.rated == 0) {
        return std::nullopt;
    }
    p.mean = static_cast<double>(sum) / p.rated;
    return p;
}

std::string_view toId(ScoreChange c) {
    switch (c) {
    case ScoreChange::Worse:
        return "worse";
    case ScoreChange::NoImportantChange:
        return "no_important_change";
    case ScoreChange::Better:
        return "better";
    }
    return "no_important_change";
}

ScoreChange psfsMeanChange(double before, double after) {
    // Means are sums of whole numbers over at most five: compare with a tolerance so 2.0
    // computed as 6.6 - 4.6 still counts.
    const double d = after - before;
    if (d >= kPsfsImportantChangeMean - 1e-9) {
        return ScoreChange::Better;
    }
    if (d <= -kPsfsImportantChangeMean + 1e-9) {
        return ScoreChange::Worse;
    }
    return ScoreChange::NoImportantChange;
}

ScoreChange psfsActivityChange(int before, int after) {
    const int d = after - before;
    if (d >= kPsfsImportantChangeActivity) {
        return ScoreChange::Better;
    }
    if (d <= -kPsfsImportantChangeActivity) {
        return ScoreChange::Worse;
    }
    return ScoreChange::NoImportantChange;
}

OutcomeScores scoreOutcomes(const Screening& s, const ScreeningItems& items) {
    OutcomeScores o;
    if (s.pain.now) {
        o.painNow = *s.pain.now;
        o.painBand = painBandOf(*s.pain.now, items);
    }
    if (!s.startBack.empty()) {
        o.startBack = scoreStartBack(s.startBack, items);
    }
    o.odi = scoreDisability(s.odi, items.odi());
    o.ndi = scoreDisability(s.ndi, items.ndi());
    o.psfs = scorePsfs(s.psfs);
    return o;
}

} // namespace hepdesk
