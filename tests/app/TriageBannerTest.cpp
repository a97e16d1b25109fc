#include "TriageBanner.h"

#include "WidgetTestSupport.h"

#include <QLabel>
#include <QTest>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

QString labelText(const TriageBanner& b, const char* name) {
    auto* l = b.findChild<QLabel*>(QString::fromLatin1(name));
    return l ? l->text() : QString();
}

TEST(TriageBanner, EmergencyIsUnmistakableAndSaysWhatToDo) {
    TriageBanner banner;
    banner.resize(640, 10);
    banner.setAssessment(TriageLevel::Emergency,
                         {Finding{"saddle_numbness", "ces_saddle", TriageLevel::Emergency,
                                  "New saddle numbness: possible cauda equina syndrome"}});
    banner.resize(640, banner.sizeHint().height());
    banner.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&banner));
    EXPECT_TRUE(labelText(banner, "triageTitle").contains(QStringLiteral("EMERGENCY")));
    EXPECT_TRUE(labelText(banner, "triageAction").contains(QStringLiteral("emergency care")));
    EXPECT_TRUE(labelText(banner, "triageFindings").contains(QStringLiteral("saddle numbness")));
    auto* icon = banner.findChild<QLabel*>(QStringLiteral("triageIcon"));
    ASSERT_NE(icon, nullptr);
    EXPECT_FALSE(icon->pixmap().isNull());
    EXPECT_EQ(banner.palette().color(QPalette::Window),
              TriageBanner::background(TriageLevel::Emergency));
    EXPECT_TRUE(banner.accessibleDescription().contains(QStringLiteral("EMERGENCY")));
    // Sampled from the rendered pixels: the banner really is red, not just told to be.
    const QImage img = banner.grab().toImage();
    const QColor px = img.pixelColor(img.width() - 4, img.height() / 2);
    EXPECT_GT(px.red(), 120);
    EXPECT_LT(px.green(), 40);
    EXPECT_TRUE(test::grabTo(banner, "triage-banner-emergency.png"));
}

TEST(TriageBanner, EachLevelHasItsOwnWordsAndColour) {
    TriageBanner banner;
    banner.resize(640, 120);
    QStringList titles;
    for (TriageLevel level : {TriageLevel::Routine, TriageLevel::ReferAndMonitor,
                              TriageLevel::UrgentReferral, TriageLevel::Emergency}) {
        banner.setAssessment(level, {});
        EXPECT_EQ(banner.level(), level);
        titles << banner.headline();
        EXPECT_TRUE(labelText(banner, "triageFindings").isEmpty());
    }
    titles.removeDuplicates();
    EXPECT_EQ(titles.size(), 4);
    EXPECT_NE(TriageBanner::background(TriageLevel::Routine),
              TriageBanner::background(TriageLevel::UrgentReferral));

    banner.setAssessment(TriageLevel::UrgentReferral,
                         {Finding{"cancer_history", "malignancy", TriageLevel::UrgentReferral,
                                  "Past cancer with night pain: rule out malignancy"}});
    banner.resize(640, banner.sizeHint().height());
    banner.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&banner));
    EXPECT_TRUE(labelText(banner, "triageTitle").contains(QStringLiteral("URGENT")));
    EXPECT_TRUE(test::grabTo(banner, "triage-banner-urgent.png"));
    banner.setAssessment(TriageLevel::Routine, {});
    EXPECT_TRUE(test::grabTo(banner, "triage-banner-routine.png"));
}

} // namespace
} // namespace hepdesk::gui
