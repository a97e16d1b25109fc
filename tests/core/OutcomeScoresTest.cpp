#include "ClinicalFixture.h"
#include "hepdesk/core/OutcomeScoring.h"

#include <gtest/gtest.h>

namespace hepdesk {
namespace {

const ScreeningItems& items() {
    return test::Shipped::get().rules.items();
}

TEST(Nprs, BandsAtEveryEdge) {
    const std::vector<std::pair<int, PainBand>> cases = {
        {0, PainBand::None},     {1, PainBand::Mild},     {3, PainBand::Mild},
        {4, PainBand::Moderate}, {6, PainBand::Moderate}, {7, PainBand::Severe},
        {10, PainBand::Severe}};
    for (const auto& [nprs, band] : cases) {
        EXPECT_EQ(painBandOf(nprs, items()), band) << nprs;
    }
    Screening s;
    s.pain.now = 4;
    const auto o = scoreOutcomes(s, items());
    EXPECT_EQ(o.painNow, 4);
    EXPECT_EQ(o.painBand, PainBand::Moderate);
    EXPECT_FALSE(scoreOutcomes(Screening{}, items()).painBand.has_value());
}

/// Answers for STarT Back items by Keele number (1..9), each "agree"; item 9 given as `b9`.
std::map<std::string, int> startBack(std::initializer_list<int> agreeItems, int b9 = -1) {
    std::map<std::string, int> m;
    const auto& list = items().startBackItems();
    for (const auto& q : list) {
        m[q.id] = 0;
    }
    for (int n : agreeItems) {
        m[list.at(static_cast<std::size_t>(n - 1)).id] = 1;
    }
    if (b9 >= 0) {
        m["bothersomeness"] = b9;
    }
    return m;
}

struct SbCase {
    std::map<std::string, int> answers;
    int total;
    int psychosocial;
    StartBackRisk risk;
};

TEST(StartBack, TotalsSubscaleAndRiskAtEveryEdge) {
    const std::vector<SbCase> cases = {
        {startBack({}), 0, 0, StartBackRisk::Low},
        {startBack({1, 2, 3}), 3, 0, StartBackRisk::Low},       // total 3: low
        {startBack({1, 2, 3, 4}), 4, 0, StartBackRisk::Medium}, // total 4: medium
        {startBack({5, 6, 7}), 3, 3, StartBackRisk::Low},       // subscale 3, total 3: low
        {startBack({1, 5, 6, 7}), 4, 3, StartBackRisk::Medium}, // subscale 3, total 4
        {startBack({1, 2, 3, 4, 5, 6, 7}), 7, 3, StartBackRisk::Medium},
        {startBack({5, 6, 7, 8}), 4, 4, StartBackRisk::High}, // subscale 4: high
        {startBack({1, 2, 3, 4, 5, 6, 7, 8}, 4), 9, 5, StartBackRisk::High},
        // Bothersomeness: 0-2 (not at all, slightly, moderately) score 0; 3-4 score 1.
        {startBack({5, 6, 7}, 2), 3, 3, StartBackRisk::Low},
        {startBack({5, 6, 7}, 3), 4, 4, StartBackRisk::High},
        {startBack({1}, 4), 2, 1, StartBackRisk::Low},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto s = scoreStartBack(cases[i].answers, items());
        EXPECT_EQ(s.total, cases[i].total) << "case " << i;
        EXPECT_EQ(s.psychosocial, cases[i].psychosocial) << "case " << i;
        EXPECT_EQ(s.risk, cases[i].risk) << "case " << i;
        EXPECT_TRUE(s.complete());
    }
}

TEST(StartBack, SkippedItemsCountZeroAndMarkIncomplete) {
    const auto s = scoreStartBack({{"leg_pain", 1}, {"worrying_thoughts", 1}}, items());
    EXPECT_EQ(s.answered, 2);
    EXPECT_FALSE(s.complete());
    EXPECT_EQ(s.total, 2);
    EXPECT_EQ(s.psychosocial, 1);
}

/// `total` spread over the first `answered` sections of an instrument, each 0..5.
std::map<std::string, int> sections(const DisabilityInstrument& inst, int total, int answered,
                                    std::string_view skip = {}) {
    std::map<std::string, int> m;
    int left = total;
    int given = 0;
    for (const auto& q : inst.sections) {
        if (given == answered || q.id == skip) {
            continue;
        }
        const int v = std::min(5, left);
        m[q.id] = v;
        left -= v;
        ++given;
    }
    EXPECT_EQ(left, 0) << "total does not fit";
    return m;
}

struct DisCase {
    int total;
    int answered;
    double percent;
    const char* band;
    bool reliable;
};

TEST(Odi, PercentBandsAndSkipRuleAtEveryEdge) {
    const auto& odi = items().odi();
    const std::vector<DisCase> cases = {
        {0, 10, 0.0, "minimal", true},
        {10, 10, 20.0, "minimal", true},
        {11, 10, 22.0, "moderate", true},
        {16, 10, 32.0, "moderate", true},
        {20, 10, 40.0, "moderate", true},
        {21, 10, 42.0, "severe", true},
        {30, 10, 60.0, "severe", true},
        {31, 10, 62.0, "crippling", true},
        {40, 10, 80.0, "crippling", true},
        {41, 10, 82.0, "bed_bound", true},
        {50, 10, 100.0, "bed_bound", true},
        // One section skipped: the denominator shrinks by 5 (16/45 = 35.6 %).
        {16, 9, 100.0 * 16 / 45, "moderate", true},
        {9, 9, 20.0, "minimal", true},
        {10, 9, 100.0 * 10 / 45, "moderate", true},
        // Fewer than 8 answered: shown, but unreliable.
        {8, 8, 20.0, "minimal", true},
        {7, 7, 20.0, "minimal", false},
        {35, 7, 100.0, "bed_bound", false},
        {1, 1, 20.0, "minimal", false}};
    for (const auto& c : cases) {
        const auto d = scoreDisability(sections(odi, c.total, c.answered), odi);
        ASSERT_TRUE(d.has_value());
        EXPECT_EQ(d->total, c.total);
        EXPECT_EQ(d->answered, c.answered);
        EXPECT_NEAR(d->percent, c.percent, 1e-9) << c.total << "/" << c.answered;
        EXPECT_EQ(d->band, c.band) << c.total << "/" << c.answered;
        EXPECT_EQ(d->reliable, c.reliable) << c.total << "/" << c.answered;
    }
    EXPECT_FALSE(scoreDisability({}, odi).has_value());
}

TEST(Odi, SkippingTheSexLifeSectionGivesTheReferenceExample) {
    const auto& odi = items().odi();
    const auto d = scoreDisability(sections(odi, 16, 9, "sex_life"), odi);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->answered, 9);
    EXPECT_NEAR(d->percent, 35.555555, 1e-5);
    Assessment a;
    a.scores.odi = d;
    EXPECT_DOUBLE_EQ(toJson(a)["scores"]["odi"]["percent"].get<double>(), 35.6);
}

TEST(Ndi, TotalPercentAndBandsOnZeroToFiftyAtEveryEdge) {
    const auto& ndi = items().ndi();
    const std::vector<DisCase> cases = {
        {0, 10, 0.0, "none", true},
        {4, 10, 8.0, "none", true},
        {5, 10, 10.0, "mild", true},
        {14, 10, 28.0, "mild", true},
        {15, 10, 30.0, "moderate", true},
        {24, 10, 48.0, "moderate", true},
        {25, 10, 50.0, "severe", true},
        {34, 10, 68.0, "severe", true},
        {35, 10, 70.0, "complete", true},
        {50, 10, 100.0, "complete", true},
        // Skipped items: the ODI rule. 4/45 = 8.9 % = 4.4 of 50, past "none" (0-4).
        {4, 9, 100.0 * 4 / 45, "mild", true},
        {18, 9, 40.0, "moderate", true},
        {6, 7, 100.0 * 6 / 35, "mild", false}};
    for (const auto& c : cases) {
        const auto d = scoreDisability(sections(ndi, c.total, c.answered), ndi);
        ASSERT_TRUE(d.has_value());
        EXPECT_NEAR(d->percent, c.percent, 1e-9) << c.total << "/" << c.answered;
        EXPECT_EQ(d->band, c.band) << c.total << "/" << c.answered;
        EXPECT_EQ(d->reliable, c.reliable) << c.total << "/" << c.answered;
    }
}

TEST(OutcomeScores, AssessFillsEveryRecordedMeasure) {
    Screening s = test::screeningWith({});
    s.pain.now = 7;
    s.startBack = startBack({5, 6, 7, 8});
    s.odi = sections(items().odi(), 16, 10);
    const auto a = test::assessOk(s);
    EXPECT_EQ(a.scores.painBand, PainBand::Severe);
    ASSERT_TRUE(a.scores.startBack.has_value());
    EXPECT_EQ(a.scores.startBack->risk, StartBackRisk::High);
    ASSERT_TRUE(a.scores.odi.has_value());
    EXPECT_EQ(a.scores.odi->band, "moderate");
    EXPECT_FALSE(a.scores.ndi.has_value());
}

} // namespace
} // namespace hepdesk
