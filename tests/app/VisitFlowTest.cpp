#include "AppPreferences.h"
#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "HandoutPreview.h"
#include "MainWindow.h"
#include "PatientPage.h"
#include "ProgramModel.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "SessionHistoryModel.h"
#include "SettingsDialog.h"
#include "SignPage.h"
#include "TrendChart.h"
#include "WidgetTestSupport.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSlider>
#include <QStringListModel>
#include <QTableView>
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>

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

void recordPain(ScreeningPage& s, int now) {
    s.findChild<QCheckBox*>(QStringLiteral("painRecorded0"))->setChecked(true);
    s.painSlider(0)->setValue(now);
}

void answerOdi(ScreeningPage& s, int each) {
    for (const char* id : {"pain_intensity", "personal_care", "lifting", "walking", "sitting",
                           "standing", "sleeping", "social_life", "travelling"}) {
        QComboBox* box = s.odiBox(id);
        ASSERT_NE(box, nullptr) << id;
        box->setCurrentIndex(box->findData(each));
    }
}

TEST(VisitFlow, ScreenBuildExportSignReopenWithHistoryAndTrend) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);

    // The clinician sets up the clinic and themself once.
    {
        SettingsDialog settings(app.services->clinic(), app.services->clinicians());
        ASSERT_TRUE(settings.load().ok());
        settings.clinicNameEdit()->setText(QStringLiteral("Clínica Norte"));
        settings.clinicianNameEdit()->setText(QStringLiteral("Ana Pérez"));
        settings.credentialsEdit()->setText(QStringLiteral("PT, DPT"));
        settings.backupFolderEdit()->setText(
            QString::fromStdString((app.dir / "backups").string()));
        auto saved = settings.save();
        ASSERT_TRUE(saved.ok()) << saved.error().message;
        ASSERT_NE(AppPreferences().clinicianId(), 0);
    }

    auto window = std::make_unique<MainWindow>(*app.services);
    window->show();
    const auto patientId =
        window->addPatient(Patient{0, "Łukasz Nowak", "1975-04-01", "A-17", "", false});
    ASSERT_NE(patientId, 0);

    // Visit 1: screen, build a program, export, sign.
    SessionEditor* e = window->openSession(0);
    ASSERT_NE(e, nullptr);
    ScreeningPage& screening = *e->screeningPage();
    screening.regionBox(Region::LowBack)->setChecked(true);
    recordPain(screening, 7);
    answerOdi(screening, 3);
    EXPECT_TRUE(screening.scoresText().contains(QStringLiteral("ODI: 60.0 %")))
        << screening.scoresText().toStdString();

    e->screeningPage()->findingBox("radiating_leg")->click();
    e->screeningPage()->startBackBox("leg_pain")->setCurrentIndex(2);
    EXPECT_TRUE(test::grabTo(*e, "session-screening.png"));

    ExercisesPage& exercises = *e->exercisesPage();
    for (const char* id : {"pelvic_tilt", "cat_cow", "bird_dog"}) {
        ASSERT_TRUE(exercises.addExercise(id))
            << id << ": " << exercises.messageLabel()->text().toStdString();
    }
    ProgramModel& program = *e->programModel();
    QAbstractItemModelTester tester(&program,
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Ctrl+Down moves the first exercise one place down, from the keyboard.
    e->showStep(SessionEditor::ExercisesStep);
    e->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(e));
    exercises.programView()->setCurrentIndex(program.index(0));
    exercises.programView()->setFocus();
    QTest::keyClick(exercises.programView(), Qt::Key_Down, Qt::ControlModifier);
    ASSERT_EQ(program.program().items.size(), 3U);
    EXPECT_EQ(program.program().items[0].exerciseId, "cat_cow");
    EXPECT_EQ(program.program().items[1].exerciseId, "pelvic_tilt");
    EXPECT_TRUE(program.setData(program.index(1), 12, ProgramModel::RepsRole));
    EXPECT_TRUE(program.setData(program.index(1), QStringLiteral("Go slowly in the morning"),
                                ProgramModel::NoteRole));
    EXPECT_TRUE(test::grabTo(*e, "session-program.png"));

    const auto pdf = app.dir / "handout.pdf";
    auto recordId = test::exportAndWait(*e, QString::fromStdString(pdf.string()));
    ASSERT_TRUE(recordId.ok()) << recordId.error().message;
    ASSERT_EQ(e->session().handouts.size(), 1U);
    const HandoutRecord record = e->session().handouts[0];
    EXPECT_EQ(record.id, *recordId);
    const std::string bytes = hepdesk::test::readFile(pdf);
    std::filesystem::copy_file(pdf, hepdesk::test::artifactsDir() / "visit-handout.pdf",
                               std::filesystem::copy_options::overwrite_existing);
    EXPECT_EQ(record.sha256,
              QCryptographicHash::hash(QByteArray::fromStdString(bytes), QCryptographicHash::Sha256)
                  .toHex()
                  .toStdString());
    const std::string text = pdfText(pdf);
    EXPECT_NE(text.find("Łukasz Nowak"), std::string::npos) << text;
    EXPECT_NE(text.find("Clínica Norte"), std::string::npos) << text;
    EXPECT_NE(text.find("Go slowly in the morning"), std::string::npos) << text;
    const CatalogEntry* catCow = app.services->catalog().find("cat_cow");
    ASSERT_NE(catCow, nullptr);
    EXPECT_NE(text.find(catCow->name.text("en")), std::string::npos) << text;

    e->showStep(SessionEditor::HandoutStep);
    HandoutPreview& preview = *e->handoutPage()->preview();
    ASSERT_FALSE(preview.pages().empty());
    EXPECT_TRUE(test::grabTo(*e, "session-handout-preview.png"));
    EXPECT_TRUE(preview.renderPage(0, 850).save(test::artifact("handout-page1-qt.png")));

    // Sign: read-only afterwards, in the window and in the database.
    ASSERT_TRUE(e->sign().ok());
    EXPECT_TRUE(e->isReadOnly());
    EXPECT_FALSE(e->programModel()->add("chin_tuck").ok());
    EXPECT_FALSE(e->save().ok());
    EXPECT_FALSE(screening.findingBox("osteoporosis")->isEnabled());
    EXPECT_FALSE(app.services->sessions().update(e->session()).ok()) << "the db refuses too";
    EXPECT_TRUE(
        e->signPage()->summaryText().contains(QStringLiteral("Signed by Ana Pérez, PT, DPT")))
        << e->signPage()->summaryText().toStdString();
    ASSERT_TRUE(e->addAddendum(QStringLiteral("Phoned on day 3: doing the exercises")).ok());
    EXPECT_EQ(e->signPage()->addendaModel()->rowCount(), 1);
    e->showStep(SessionEditor::SignStep);
    EXPECT_TRUE(test::grabTo(*e, "session-signed.png"));

    const std::int64_t firstSession = e->session().id;
    auto stored = app.services->sessions().get(firstSession);
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored->isSigned);
    ASSERT_EQ(stored->handouts.size(), 1U) << "signing recognised the exported handout";
    EXPECT_EQ(stored->handouts[0].sha256, record.sha256);
    e->close();

    // Visit 2: a follow-up starts from the last program; pain is better.
    SessionEditor* follow = window->openSession(0, firstSession);
    ASSERT_NE(follow, nullptr);
    EXPECT_EQ(follow->programModel()->program(), stored->program);
    recordPain(*follow->screeningPage(), 4);
    answerOdi(*follow->screeningPage(), 2);
    ASSERT_TRUE(follow->save().ok());
    follow->close();
    window.reset();

    // Reopen the app: history newest first, the trend, and the signed session read-only with
    // its handout re-exported byte for byte.
    app.open();
    ASSERT_TRUE(app.services);
    MainWindow again(*app.services);
    again.show();
    ASSERT_TRUE(again.selectPatient(patientId));
    SessionHistoryModel& history = *again.patientPage()->historyModel();
    QAbstractItemModelTester historyTester(&history,
                                           QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(history.rowCount(), 2);
    EXPECT_EQ(history.index(0, SessionHistoryModel::StatusColumn).data().toString(),
              QStringLiteral("Draft"));
    EXPECT_EQ(history.index(1, SessionHistoryModel::StatusColumn).data().toString(),
              QStringLiteral("Signed"));
    EXPECT_EQ(history.index(1, SessionHistoryModel::PainColumn).data().toString(),
              QStringLiteral("7/10"));
    EXPECT_EQ(history.index(1, SessionHistoryModel::ExercisesColumn).data().toInt(), 3);
    EXPECT_TRUE(history.index(1, SessionHistoryModel::ClinicianColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Ana Pérez")));
    const auto& series = again.patientPage()->trendChart()->series();
    ASSERT_GE(series.size(), 2U);
    EXPECT_EQ(series[0].points.size(), 2U);
    EXPECT_TRUE(TrendChart::isImportantChange(series[0], 1)) << "7 -> 4 is 3 NPRS points";
    EXPECT_TRUE(again.patientPage()->trendChart()->summary().contains(
        QStringLiteral("clinically important improvement")));
    again.resize(1300, 800);
    EXPECT_TRUE(test::grabTo(again, "main-window-history-trend.png"));

    SessionEditor* past = again.openSession(firstSession);
    ASSERT_NE(past, nullptr);
    EXPECT_TRUE(past->isReadOnly());
    EXPECT_EQ(past->signPage()->addendaModel()->rowCount(), 1);
    const auto again_pdf = app.dir / "handout-again.pdf";
    auto reexport = test::exportAndWait(*past, QString::fromStdString(again_pdf.string()));
    ASSERT_TRUE(reexport.ok()) << reexport.error().message;
    EXPECT_EQ(hepdesk::test::readFile(again_pdf), bytes) << "re-export is byte-identical";
    EXPECT_EQ(*reexport, stored->handouts[0].id) << "the same handout, not a new record";
    EXPECT_EQ(past->session().handouts.size(), 1U);
    past->close();
}

} // namespace
} // namespace hepdesk::gui
