#include "TrendChart.h"

#include "WidgetTestSupport.h"

#include <QTest>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

TrendSeries nprs(std::initializer_list<std::pair<QDate, double>> pts) {
    TrendSeries s;
    s.name = QStringLiteral("Pain now (NPRS 0-10)");
    s.minimum = 0;
    s.maximum = 10;
    s.importantChange = 2; // Childs et al. 2005: 2 points
    for (const auto& [d, v] : pts) {
        s.points.push_back({d, v});
    }
    return s;
}

TEST(TrendChart, MarksChangesOfTwoPainPointsFromTheFirstSession) {
    const TrendSeries s = nprs({{QDate(2026, 1, 5), 7},
                                {QDate(2026, 1, 19), 6},
                                {QDate(2026, 2, 2), 5},
                                {QDate(2026, 2, 16), 3}});
    EXPECT_FALSE(TrendChart::isImportantChange(s, 0));
    EXPECT_FALSE(TrendChart::isImportantChange(s, 1)) << "1 point is within the noise";
    EXPECT_TRUE(TrendChart::isImportantChange(s, 2)) << "exactly 2 points counts";
    EXPECT_TRUE(TrendChart::isImportantChange(s, 3));
    EXPECT_FALSE(TrendChart::isImportantChange(s, 99));
}

TEST(TrendChart, DrawsOnePanelPerMeasureAndSummarisesInWords) {
    TrendChart chart;
    EXPECT_EQ(chart.summary(), QStringLiteral("No scores recorded yet."));

    TrendSeries odi;
    odi.name = QStringLiteral("Disability (ODI %)");
    odi.maximum = 100;
    odi.importantChange = 10;
    odi.format = QStringLiteral("%1 %");
    odi.points = {{QDate(2026, 1, 5), 44}, {QDate(2026, 1, 19), 40}, {QDate(2026, 2, 16), 56}};
    TrendSeries empty; // a measure never recorded: takes no panel
    empty.name = QStringLiteral("STarT Back total (0-9)");

    chart.setSeries({nprs({{QDate(2026, 1, 5), 7},
                           {QDate(2026, 1, 19), 6},
                           {QDate(2026, 2, 2), 5},
                           {QDate(2026, 2, 16), 3}}),
                     odi, empty});
    ASSERT_EQ(chart.series().size(), 2U);
    const QString words = chart.summary();
    EXPECT_TRUE(words.contains(QStringLiteral("clinically important improvement")))
        << words.toStdString();
    EXPECT_TRUE(words.contains(QStringLiteral("clinically important worsening")))
        << words.toStdString();
    EXPECT_EQ(chart.accessibleDescription(), words);

    chart.resize(560, 300);
    chart.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
    const QImage img = chart.grab().toImage();
    // Somewhere in the picture the improvement ring is green and the worsening ring red.
    bool green = false;
    bool red = false;
    for (int y = 0; y < img.height(); ++y) {
        for (int x = 0; x < img.width(); ++x) {
            const QColor c = img.pixelColor(x, y);
            green = green || (c.green() > 100 && c.red() < 60 && c.blue() < 90);
            red = red || (c.red() > 150 && c.green() < 60 && c.blue() < 60);
        }
    }
    EXPECT_TRUE(green);
    EXPECT_TRUE(red);
    EXPECT_TRUE(test::grabTo(chart, "trend-chart.png"));
}

TEST(TrendChart, LegendSaysWhatTheBandMeansAndFitsAtTheSmallestSize) {
    TrendChart chart;
    TrendSeries startBack; // no published threshold: no band
    startBack.name = QStringLiteral("STarT Back total (0-9)");
    startBack.maximum = 9;
    startBack.importantChange = 0;
    startBack.points = {{QDate(2026, 1, 5), 6}, {QDate(2026, 1, 19), 4}};
    chart.setSeries({startBack});
    EXPECT_EQ(chart.legendTexts().size(), 3) << "no band drawn, none explained";
    EXPECT_TRUE(chart.bandRect(0).isEmpty());

    chart.setSeries({nprs({{QDate(2026, 1, 5), 7}, {QDate(2026, 1, 19), 4}}), startBack});
    EXPECT_TRUE(chart.legendTexts().contains(
        QStringLiteral("Shaded: change too small to matter, around the first session")));
    chart.resize(chart.minimumSizeHint());
    chart.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
    const QRect legend = chart.legendRect();
    ASSERT_FALSE(legend.isEmpty());
    EXPECT_LE(legend.bottom(), chart.height() - 1);
    EXPECT_GT(legend.top(), static_cast<int>(chart.pointPosition(1, 0).y()))
        << "under the last panel, not over it";
    const QRectF band = chart.bandRect(0);
    EXPECT_GT(band.height(), 0.0);
    EXPECT_LT(band.bottom(), chart.pointPosition(1, 0).y()) << "the band stays in its panel";
    EXPECT_TRUE(test::grabTo(chart, "h2-trend-chart-narrow.png"));
}

} // namespace
} // namespace hepdesk::gui
