#include "HandoutTestData.h"
#include "hepdesk/core/handout/HandoutLayout.h"

#include <gtest/gtest.h>

namespace hepdesk::handout {
namespace {
using namespace hepdesk::handout::test;

struct LogCase {
    const char* lang;
    bool largePrint;
    const char* heading;
    const char* day;
    const char* pain;
    const char* notes;
    const char* goalsHeading;
    std::vector<const char*> exercises;
};

class ExerciseLog : public ::testing::TestWithParam<LogCase> {};

/// The log page read back with Poppler: the heading, a column for each of the 14 days, one
/// row per exercise, the pain row, the note and the patient's goals in their own words.
TEST_P(ExerciseLog, IsTheLastPageAndReadsBack) {
    const LogCase& c = GetParam();
    HandoutRequest r = routineRequest();
    r.options.lang = c.lang;
    r.options.largePrint = c.largePrint;
    auto without = shippedWriter().render(r, smallCatalog());
    ASSERT_TRUE(without.ok()) << without.error().message;

    r.options.exerciseLog = true;
    r.goals = {"Lifting my grandson", "  ", "Caminar al mercado"};
    auto with = shippedWriter().render(r, smallCatalog());
    ASSERT_TRUE(with.ok()) << with.error().message;
    EXPECT_GT(with->pages, without->pages) << "the log starts a page of its own";

    const auto pages = pdfPageTexts(with->pdf);
    ASSERT_EQ(static_cast<int>(pages.size()), with->pages);
    // Large print sets the two weeks one below the other: the log takes the pages from its
    // heading to the end, and nothing of the program follows it.
    std::size_t first = pages.size();
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (squash(pages[i]).find(c.heading) != std::string::npos) {
            first = i;
            break;
        }
    }
    ASSERT_LT(first, pages.size()) << "no log heading " << c.heading;
    EXPECT_GE(static_cast<int>(first), without->pages - 1);
    std::string log;
    for (std::size_t i = first; i < pages.size(); ++i) {
        log += squash(pages[i]) + " ";
    }
    for (int day = 1; day <= 14; ++day) {
        EXPECT_NE(log.find(" " + std::to_string(day) + " "), std::string::npos) << day;
    }
    EXPECT_EQ(log.find(" 15 "), std::string::npos) << "two weeks, no more";
    for (const char* e : c.exercises) {
        EXPECT_NE(log.find(e), std::string::npos) << e << " in " << log;
    }
    for (const char* t :
         {c.day, c.pain, c.notes, c.goalsHeading, "Lifting my grandson", "Caminar al mercado"}) {
        EXPECT_NE(log.find(t), std::string::npos) << t << " in " << log;
    }
    if (c.largePrint) {
        EXPECT_NE(log.find(std::string(c.lang) == "es" ? "Semana 2" : "Week 2"), std::string::npos);
    }
    EXPECT_EQ(squash(pages[first - 1]).find(c.heading), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Languages, ExerciseLog,
    ::testing::Values(LogCase{"en",
                              false,
                              "Your exercise log",
                              "Day",
                              "Pain (0-10)",
                              "Notes for your next visit:",
                              "Your goals",
                              {"1. Cat-cow", "2. Bird dog", "3. Chin tuck"}},
                      LogCase{"en",
                              true,
                              "Your exercise log",
                              "Day",
                              "Pain (0-10)",
                              "Notes for your next visit:",
                              "Your goals",
                              {"1. Cat-cow", "2. Bird dog", "3. Chin tuck"}},
                      LogCase{"es",
                              false,
                              "Su registro de ejercicios",
                              "Día",
                              "Dolor (0-10)",
                              "Notas para su próxima cita:",
                              "Sus metas",
                              {"1. Gato-vaca", "2. Perro de caza", "3. Retracción de barbilla"}},
                      LogCase{"es",
                              true,
                              "Su registro de ejercicios",
                              "Día",
                              "Dolor (0-10)",
                              "Notas para su próxima cita:",
                              "Sus metas",
                              {"1. Gato-vaca", "2. Perro de caza", "3. Retracción de barbilla"}}),
    [](const ::testing::TestParamInfo<LogCase>& p) {
        return std::string(p.param.lang) + (p.param.largePrint ? "Large" : "Standard");
    });

TEST(ExerciseLogLayout, HasATickBoxPerExercisePerDayAndStaysInsideThePage) {
    for (bool large : {false, true}) {
        HandoutRequest r = routineRequest();
        r.options.largePrint = large;
        auto plainOr = shippedWriter().layout(r, smallCatalog());
        r.options.exerciseLog = true;
        auto laidOr = shippedWriter().layout(r, smallCatalog());
        ASSERT_TRUE(plainOr.ok() && laidOr.ok());
        const HandoutLayoutResult& plain = *plainOr;
        const HandoutLayoutResult& laid = *laidOr;
        // Tick boxes: small squares outlined in the text colour, one per exercise and day.
        const auto boxes = [](const HandoutLayoutResult& res) {
            int n = 0;
            for (const LayoutPage& p : res.pages) {
                for (const DrawCommand& c : p.commands) {
                    if (const auto* rect = std::get_if<Rect>(&c);
                        rect != nullptr && rect->stroke && !rect->fill &&
                        rect->width == rect->height && rect->width < 30) {
                        ++n;
                        EXPECT_GE(rect->topLeft.x, 0);
                        EXPECT_LE(rect->topLeft.x + rect->width, p.width);
                        EXPECT_LE(rect->topLeft.y + rect->height, p.height);
                    }
                }
            }
            return n;
        };
        EXPECT_EQ(boxes(laid) - boxes(plain), 3 * 14) << (large ? "large" : "standard");
    }
}

TEST(ExerciseLogLayout, GoalsWithoutTheLogPrintBeforeTheSignature) {
    HandoutRequest r = routineRequest();
    r.goals = {"Sleeping through the night"};
    auto rendered = shippedWriter().render(r, smallCatalog());
    ASSERT_TRUE(rendered.ok());
    const auto pages = pdfPageTexts(rendered->pdf);
    const std::string last = squash(pages.back());
    const auto goals = last.find("Your goals");
    ASSERT_NE(goals, std::string::npos) << last;
    EXPECT_NE(last.find("Sleeping through the night"), std::string::npos);
    EXPECT_LT(goals, last.find("Clinician signature"));
    EXPECT_EQ(last.find("Your exercise log"), std::string::npos);
}

} // namespace
} // namespace hepdesk::handout
