#include "DateText.h"
#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "MainWindow.h"
#include "PatientPage.h"
#include "PsfsForm.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "SessionHistoryModel.h"
#include "SettingsDialog.h"
#include "SignPage.h"
#include "Translations.h"
#include "TrendChart.h"
#include "WidgetTestSupport.h"
#include "hepdesk/core/OutcomeScoring.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>

// Issue 15 on the patient page and the handout: the PSFS mean with its clinically important
// change as a band, the exercises done at home per session and over time, and the exercise
// log page and "Your goals" chosen at export and at signing.
namespace hepdesk::gui {
namespace {

std::string pdfText(const std::filesystem::path& file) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(file.string()));
    if (!doc) {
        return {};
    }
    std::string all;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        const auto bytes = page->text().to_utf8();
        all.append(bytes.begin(), bytes.end());
        all += '\n';
    }
    return all;
}

/// A visit stored through the real repository: PSFS ratings and the exercise log.
std::int64_t storeVisit(test::AppFixture& app, std::int64_t patientId, const char* when,
                        std::vector<std::optional<int>> ratings, std::vector<Adherence> log) {
    Session s;
    s.patientId = patientId;
    s.startedAt = when;
    s.screening.date = std::string(when).substr(0, 10);
    s.screening.regions = {Region::LowBack};
    const char* activities[] = {"Lifting my grandson", "Sitting through a film", "Gardening"};
    for (std::size_t i = 0; i < ratings.size(); ++i) {
        s.screening.psfs.push_back({activities[i], ratings[i]});
    }
    s.screening.adherence = std::move(log);
    auto id = app.services->sessions().add(s);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
}

const TrendSeries* seriesNamed(const TrendChart& chart, const QString& prefix, std::size_t* panel) {
    for (std::size_t i = 0; i < chart.series().size(); ++i) {
        if (chart.series()[i].name.startsWith(prefix)) {
            *panel = i;
            return &chart.series()[i];
        }
    }
    return nullptr;
}

bool isBase(const QColor& c) {
    return c.red() > 245 && c.green() > 245 && c.blue() > 245;
}

TEST(FollowUpProgress, PatientPageShowsThePsfsBandAndTheExercisesDoneFromStoredSessions) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    auto patient =
        app.services->patients().add(Patient{0, "Rosa Díaz", "1960-03-02", "R-1", "", false});
    ASSERT_TRUE(patient.ok()) << patient.error().message;
    // First visit: mean 4.5, nothing logged yet but asked about nothing ("not asked").
    storeVisit(app, *patient, "2026-01-05T09:00:00Z", {3, 6}, {{"pelvic_tilt", std::nullopt}});
    // Second: mean 5.0 (within 2 points), one exercise done 10 of 14 days.
    storeVisit(app, *patient, "2026-01-19T09:00:00Z", {4, 6}, {{"pelvic_tilt", 10}});
    // Third: mean 7.5 (+3: a clinically important improvement), two exercises, 21 of 28 days.
    storeVisit(app, *patient, "2026-02-02T09:00:00Z", {7, 8, std::nullopt},
               {{"pelvic_tilt", 14}, {"cat_cow", 7}});

    PatientPage page(app.services->patients(), app.services->sessions(),
                     app.services->clinicians());
    ASSERT_TRUE(page.showPatient(*patient)) << page.lastError().toStdString();
    QAbstractItemModelTester tester(page.historyModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);

    // The session history, newest first: what the patient did at home, in words (English
    // plural forms from the interface catalogue, as the app installs them).
    Translations english;
    ASSERT_TRUE(english.install(QStringLiteral("en")));
    SessionHistoryModel& history = *page.historyModel();
    ASSERT_EQ(history.rowCount(), 3);
    const int col = SessionHistoryModel::AdherenceColumn;
    EXPECT_EQ(history.headerData(col, Qt::Horizontal, Qt::DisplayRole).toString(),
              QStringLiteral("Done at home"));
    EXPECT_EQ(history.index(0, col).data().toString(), QStringLiteral("75 % of days, 2 exercises"));
    EXPECT_EQ(history.index(1, col).data().toString(), QStringLiteral("10 of 14 days"));
    EXPECT_EQ(history.index(2, col).data().toString(), QStringLiteral("not asked"))
        << "'not asked' is never shown as 0";
    EXPECT_EQ(history.index(0, SessionHistoryModel::ScoresColumn).data().toString(),
              QStringLiteral("PSFS 7.5"));

    TrendChart& chart = *page.trendChart();
    std::size_t psfsPanel = 0;
    const TrendSeries* psfs = seriesNamed(chart, QStringLiteral("Patient's goals"), &psfsPanel);
    ASSERT_NE(psfs, nullptr) << chart.summary().toStdString();
    ASSERT_EQ(psfs->points.size(), 3U);
    EXPECT_DOUBLE_EQ(psfs->points[0].value, 4.5);
    EXPECT_DOUBLE_EQ(psfs->points[1].value, 5.0);
    EXPECT_DOUBLE_EQ(psfs->points[2].value, 7.5);
    EXPECT_DOUBLE_EQ(psfs->importantChange, 2.0) << "clinical-reference: 2 points for the mean";
    EXPECT_FALSE(psfs->lowerIsBetter);
    EXPECT_FALSE(TrendChart::isImportantChange(*psfs, 1));
    EXPECT_TRUE(TrendChart::isImportantChange(*psfs, 2));
    EXPECT_TRUE(chart.summary().contains(
        QStringLiteral("Patient's goals (PSFS mean 0–10): 4.5 on %1, now 7.5 on %2 (clinically "
                       "important improvement)")
            .arg(dateText(QDate(2026, 1, 5)), dateText(QDate(2026, 2, 2)))))
        << chart.summary().toStdString();

    std::size_t donePanel = 0;
    const TrendSeries* done = seriesNamed(chart, QStringLiteral("Exercises done"), &donePanel);
    ASSERT_NE(done, nullptr) << chart.summary().toStdString();
    ASSERT_EQ(done->points.size(), 2U) << "the first visit asked about nothing: no point";
    EXPECT_NEAR(done->points[0].value, 100.0 * 10 / 14, 1e-9);
    EXPECT_DOUBLE_EQ(done->points[1].value, 75.0);
    EXPECT_EQ(done->points[0].session, 1) << "on the second visit's date";

    page.resize(900, 1000);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    EXPECT_TRUE(page.grab().save(QStringLiteral("/tmp/h2-patient-page-adherence.png")));
    const QImage img = chart.grab().toImage();
    EXPECT_TRUE(img.save(QStringLiteral("/tmp/h2-trend-psfs-band.png")));

    // The band: 2 points either side of the first mean (2.5 to 6.5 on the 0-10 scale).
    const QRectF band = chart.bandRect(psfsPanel);
    ASSERT_FALSE(band.isEmpty());
    const QPointF first = chart.pointPosition(psfsPanel, 0);
    const double perPoint = band.height() / 4.0;
    EXPECT_NEAR(band.center().y(), first.y(), 1.0) << "centred on the first session's mean";
    EXPECT_NEAR(chart.pointPosition(psfsPanel, 2).y(), first.y() - 3 * perPoint, 1.0)
        << "the third mean, 3 points up, is drawn outside the band";
    // Shaded inside (near its top and bottom edges), not outside, at the left of the plot
    // where the line does not pass.
    const int x = static_cast<int>(band.left()) + 3;
    EXPECT_FALSE(isBase(img.pixelColor(x, static_cast<int>(band.top()) + 3)));
    EXPECT_FALSE(isBase(img.pixelColor(x, static_cast<int>(band.bottom()) - 3)));
    EXPECT_TRUE(isBase(img.pixelColor(x, static_cast<int>(band.top()) - 3)));
    EXPECT_TRUE(isBase(img.pixelColor(x, static_cast<int>(band.bottom()) + 3)));
    // The series: the second mean is a blue dot (no important change), the third a green one.
    const QColor second = img.pixelColor(chart.pointPosition(psfsPanel, 1).toPoint());
    EXPECT_GT(second.blue(), 120);
    EXPECT_LT(second.red(), 80);
    const QColor third = img.pixelColor(chart.pointPosition(psfsPanel, 2).toPoint());
    EXPECT_GT(third.green(), 100);
    EXPECT_LT(third.red(), 60);
    EXPECT_LT(third.blue(), 90);
    // The exercises-done panel has no published threshold: no band.
    EXPECT_TRUE(chart.bandRect(donePanel).isEmpty());

    // The legend says what the shading means, under the dates, inside the widget.
    EXPECT_TRUE(chart.legendTexts().contains(
        QStringLiteral("Shaded: change too small to matter, around the first session")));
    const QRect legend = chart.legendRect();
    ASSERT_FALSE(legend.isEmpty());
    EXPECT_LE(legend.bottom(), chart.height());
    EXPECT_GT(legend.top(), chart.pointPosition(donePanel, 0).y());
}

TEST(FollowUpProgress, ThePatientPageAndThePsfsFormSpeakSpanish) {
    Translations spanish;
    QString why;
    ASSERT_TRUE(spanish.install(QStringLiteral("es"), &why)) << why.toStdString();
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    auto patient =
        app.services->patients().add(Patient{0, "Rosa Díaz", "1960-03-02", "R-1", "", false});
    ASSERT_TRUE(patient.ok());
    storeVisit(app, *patient, "2026-01-05T09:00:00Z", {3, 6}, {{"pelvic_tilt", std::nullopt}});
    storeVisit(app, *patient, "2026-01-19T09:00:00Z", {4, 6}, {{"pelvic_tilt", 10}});
    storeVisit(app, *patient, "2026-02-02T09:00:00Z", {7, 8},
               {{"pelvic_tilt", 14}, {"cat_cow", 7}});
    PatientPage page(app.services->patients(), app.services->sessions(),
                     app.services->clinicians());
    ASSERT_TRUE(page.showPatient(*patient));
    SessionHistoryModel& history = *page.historyModel();
    const int col = SessionHistoryModel::AdherenceColumn;
    EXPECT_EQ(history.headerData(col, Qt::Horizontal, Qt::DisplayRole).toString(),
              QStringLiteral("Hecho en casa"));
    EXPECT_EQ(history.index(0, col).data().toString(),
              QStringLiteral("75 % de los días, 2 ejercicios"));
    EXPECT_EQ(history.index(1, col).data().toString(), QStringLiteral("10 de 14 días"));
    EXPECT_EQ(history.index(2, col).data().toString(), QStringLiteral("no preguntado"));
    EXPECT_TRUE(page.trendChart()->summary().contains(
        QStringLiteral("Objetivos del paciente (media PSFS 0–10)")))
        << page.trendChart()->summary().toStdString();
    EXPECT_TRUE(page.trendChart()->legendTexts().contains(
        QStringLiteral("Mejoría clínicamente importante")));
    page.resize(900, 1000);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    EXPECT_TRUE(page.grab().save(QStringLiteral("/tmp/h2-patient-page-es.png")));

    PsfsForm form;
    EXPECT_EQ(form.title(), QStringLiteral("Escala Funcional Específica del Paciente (PSFS)"));
    Screening s;
    s.psfs = {{"Levantar a mi nieto", 3}, {"Ver una película sentada", std::nullopt}};
    s.adherence = {{"pelvic_tilt", std::nullopt}};
    form.setExerciseNames([](const std::string&) { return QStringLiteral("Basculación pélvica"); });
    form.set(s);
    form.showScore(scorePsfs(s.psfs));
    EXPECT_EQ(form.ratingBox(1)->text(), QStringLiteral("sin puntuar"));
    EXPECT_EQ(form.adherenceBox("pelvic_tilt")->text(), QStringLiteral("no preguntado"));
    EXPECT_EQ(form.scoreLabel()->text(),
              QStringLiteral("Media PSFS: 3,0 de 10 (1 de 2 actividades puntuadas)"));
    form.resize(form.sizeHint().expandedTo(QSize(640, 0)));
    form.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&form));
    EXPECT_TRUE(form.grab().save(QStringLiteral("/tmp/h2-psfs-form-es.png")));
}

TEST(FollowUpProgress, ExportWithTheLogPageTickedHasTheLogPageAndYourGoals) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow window(*app.services);
    ASSERT_GT(window.addPatient(Patient{0, "Rosa Díaz", "1960-03-02", "R-1", "", false}), 0);
    SessionEditor* e = window.openSession(0);
    ASSERT_NE(e, nullptr);
    test::recordPainNow(*e); // screen first: a routine screening
    e->screeningPage()->regionBox(Region::LowBack)->setChecked(true);
    QTest::keyClicks(e->screeningPage()->psfsForm()->activityEdit(0),
                     QStringLiteral("Lifting my grandson"));
    ASSERT_TRUE(e->exercisesPage()->addExercise("pelvic_tilt"));
    HandoutPage& page = *e->handoutPage();
    ASSERT_TRUE(page.canExport()) << page.blockedReason().toStdString();

    const auto plain = app.dir / "plain.pdf";
    ASSERT_TRUE(test::exportAndWait(*e, QString::fromStdString(plain.string())).ok());
    const std::string without = pdfText(plain);
    EXPECT_EQ(without.find("Your exercise log"), std::string::npos);
    EXPECT_EQ(without.find("Your goals"), std::string::npos);

    // Ticked on step 3: the visit layer builds the page in (as `handout --log --goals`).
    page.exerciseLogBox()->setChecked(true);
    page.goalsBox()->setChecked(true);
    EXPECT_TRUE(e->signPage()->exerciseLogBox()->isChecked()) << "one choice on steps 3 and 4";
    EXPECT_TRUE(e->signPage()->goalsBox()->isChecked());
    EXPECT_TRUE(page.request().options.exerciseLog);
    const auto withLog = app.dir / "with-log.pdf";
    auto rec = test::exportAndWait(*e, QString::fromStdString(withLog.string()));
    ASSERT_TRUE(rec.ok()) << rec.error().message;
    const std::string text = pdfText(withLog);
    EXPECT_NE(text.find("Your exercise log"), std::string::npos) << text;
    EXPECT_NE(text.find("Pain (0-10)"), std::string::npos) << text;
    EXPECT_NE(text.find("Your goals"), std::string::npos) << text;
    EXPECT_NE(text.find("Lifting my grandson"), std::string::npos) << text;
    std::filesystem::copy_file(withLog, "/tmp/h2-handout-with-log.pdf",
                               std::filesystem::copy_options::overwrite_existing);
    e->resize(1100, 800);
    e->show();
    e->showStep(SessionEditor::HandoutStep);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(e));
    EXPECT_TRUE(e->grab().save(QStringLiteral("/tmp/h2-handout-page-extras.png")));
}

TEST(FollowUpProgress, SigningWithTheLogPageKeepsItForEveryReprint) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    {
        SettingsDialog settings(app.services->clinic(), app.services->clinicians());
        ASSERT_TRUE(settings.load().ok());
        settings.clinicianNameEdit()->setText(QStringLiteral("Ana Pérez"));
        settings.credentialsEdit()->setText(QStringLiteral("PT, DPT"));
        ASSERT_TRUE(settings.save().ok());
    }
    auto window = std::make_unique<MainWindow>(*app.services);
    const auto patientId =
        window->addPatient(Patient{0, "Rosa Díaz", "1960-03-02", "R-1", "", false});
    ASSERT_GT(patientId, 0);
    SessionEditor* e = window->openSession(0);
    ASSERT_NE(e, nullptr);
    test::recordPainNow(*e); // screen first: a routine screening
    e->screeningPage()->regionBox(Region::LowBack)->setChecked(true);
    ASSERT_TRUE(e->exercisesPage()->addExercise("pelvic_tilt"));
    EXPECT_TRUE(e->signPage()->summaryText().contains(QStringLiteral("Program: 1 exercise")))
        << "step 4 follows the program before saving";
    // Chosen on the sign step this time.
    e->signPage()->exerciseLogBox()->setChecked(true);
    EXPECT_TRUE(e->handoutPage()->exerciseLogBox()->isChecked());
    EXPECT_FALSE(e->handoutPage()->goalsBox()->isChecked());
    e->resize(1000, 700);
    e->show();
    e->showStep(SessionEditor::SignStep);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(e));
    EXPECT_TRUE(e->grab().save(QStringLiteral("/tmp/h2-sign-page-extras.png")));
    ASSERT_TRUE(e->sign().ok());
    const std::int64_t sessionId = e->session().id;
    e->close();
    window.reset();

    MainWindow again(*app.services);
    ASSERT_TRUE(again.selectPatient(patientId));
    SessionEditor* past = again.openSession(sessionId);
    ASSERT_NE(past, nullptr);
    ASSERT_TRUE(past->isReadOnly());
    EXPECT_TRUE(past->handoutPage()->exerciseLogBox()->isChecked()) << "as signed";
    EXPECT_FALSE(past->handoutPage()->exerciseLogBox()->isEnabled());
    EXPECT_TRUE(past->signPage()->exerciseLogBox()->isChecked());
    EXPECT_FALSE(past->signPage()->exerciseLogBox()->isEnabled());
    const auto pdf = app.dir / "reprint.pdf";
    auto rec = test::exportAndWait(*past, QString::fromStdString(pdf.string()));
    ASSERT_TRUE(rec.ok()) << rec.error().message;
    EXPECT_NE(pdfText(pdf).find("Your exercise log"), std::string::npos);
    std::filesystem::copy_file(pdf, "/tmp/h2-signed-with-log.pdf",
                               std::filesystem::copy_options::overwrite_existing);
}

} // namespace
} // namespace hepdesk::gui
