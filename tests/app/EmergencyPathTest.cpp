#include "CatalogFilterModel.h"
#include "CatalogModel.h"
#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "MainWindow.h"
#include "ProgramModel.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "SignPage.h"
#include "WidgetTestSupport.h"
#include "hepdesk/core/ProgramEligibility.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <filesystem>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

/// The PDF's text with every run of white space as one space (lines break anywhere).
std::string pdfText(const std::filesystem::path& file) {
    std::string out;
    for (const char c :
         hepdesk::test::runProcess("/usr/bin/pdftotext", {"-q", file.string(), "-"}).out) {
        if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '\r') {
            out += c;
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    return out;
}

QString eligibilityText(const CatalogModel& m, const char* id) {
    const int row = m.rowOf(id);
    EXPECT_GE(row, 0) << id;
    return m.index(row, CatalogModel::EligibilityColumn).data().toString();
}

/// A new session window for a fresh patient.
struct EmergencyVisit {
    test::AppFixture app;
    std::unique_ptr<MainWindow> window;
    SessionEditor* editor = nullptr;

    EmergencyVisit() {
        window = std::make_unique<MainWindow>(*app.services);
        window->show();
        window->addPatient(Patient{0, "Rosa Díaz", "1960-03-02", "R-1", "", false});
        editor = window->openSession(0);
    }
    ~EmergencyVisit() {
        if (editor != nullptr) {
            (void)editor->save();
        }
    }
};

// Issue 12, safety 2: with an emergency the Exercises step listed everything as "Eligible" and
// added Bird-dog. Each row now says the triage blocks it, and adding is refused with the reason.
TEST(EmergencyPath, AnEmergencyBlocksAddingBirdDog) {
    EmergencyVisit v;
    ASSERT_NE(v.editor, nullptr);
    ExercisesPage& page = *v.editor->exercisesPage();
    CatalogModel& catalog = *page.catalogModel();
    QAbstractItemModelTester tester(&catalog,
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    v.editor->screeningPage()->findingBox("ces_saddle_numbness")->click();
    v.editor->showStep(SessionEditor::ExercisesStep);

    for (int row = 0; row < catalog.rowCount(); ++row) {
        const QString shown = catalog.index(row, CatalogModel::EligibilityColumn).data().toString();
        EXPECT_NE(shown, QStringLiteral("Eligible")) << row;
        const auto verdict = static_cast<ProgramVerdict>(
            catalog.index(row, 0).data(CatalogModel::VerdictRole).toInt());
        EXPECT_TRUE(verdict == ProgramVerdict::BlockedByTriage ||
                    verdict == ProgramVerdict::Excluded)
            << row;
    }
    EXPECT_EQ(eligibilityText(catalog, "bird_dog"), QStringLiteral("Blocked: Emergency"));
    const int row = catalog.rowOf("bird_dog");
    EXPECT_TRUE(catalog.index(row, 0)
                    .data(CatalogModel::ReasonsRole)
                    .toString()
                    .contains(QStringLiteral("Possible cauda equina syndrome")));

    // Selecting the row: the details say why and the Add button stays off.
    const QModelIndex proxy = page.filterModel()->mapFromSource(catalog.index(row, 0));
    page.catalogView()->setCurrentIndex(proxy);
    EXPECT_FALSE(page.addButton()->isEnabled());
    EXPECT_TRUE(
        page.detailsPane()->toPlainText().contains(QStringLiteral("Blocked by the triage")));

    EXPECT_FALSE(page.addExercise("bird_dog"));
    const QString why = page.messageLabel()->text();
    EXPECT_TRUE(why.startsWith(QStringLiteral("Bird-dog cannot be added: Emergency")))
        << why.toStdString();
    EXPECT_TRUE(why.contains(QStringLiteral("Possible cauda equina syndrome")))
        << why.toStdString();
    EXPECT_EQ(v.editor->exercisesPage()->programView()->model()->rowCount(), 0);
    EXPECT_TRUE(test::grabTo(*v.editor, "h5-emergency-exercises.png"));

    // "x" lifts nothing; a real override reason lets the clinician plan the exercises.
    QLineEdit* reason = v.editor->handoutPage()->overrideEdit();
    QComboBox* kind = v.editor->handoutPage()->overrideKindBox();
    kind->setCurrentIndex(kind->findData(QStringLiteral("seen_by_doctor_today")));
    reason->setFocus();
    QTest::keyClicks(reason, QStringLiteral("x"));
    EXPECT_FALSE(page.addExercise("bird_dog"));
    reason->clear();
    QTest::keyClicks(reason, QStringLiteral("Seen by her doctor today, exercises agreed"));
    EXPECT_NE(eligibilityText(catalog, "bird_dog"), QStringLiteral("Blocked: Emergency"));
    EXPECT_TRUE(page.addExercise("bird_dog")) << page.messageLabel()->text().toStdString();
}

// Urgent referral blocks as the emergency does, naming its own level.
TEST(EmergencyPath, AnUrgentReferralBlocksEveryRow) {
    EmergencyVisit v;
    ASSERT_NE(v.editor, nullptr);
    ExercisesPage& page = *v.editor->exercisesPage();
    CatalogModel& catalog = *page.catalogModel();
    v.editor->screeningPage()->findingBox("significant_trauma")->click();
    int blocked = 0;
    std::string id; // the first exercise only the triage blocks
    for (int row = 0; row < catalog.rowCount(); ++row) {
        const auto verdict = static_cast<ProgramVerdict>(
            catalog.index(row, 0).data(CatalogModel::VerdictRole).toInt());
        EXPECT_NE(verdict, ProgramVerdict::Allowed) << row;
        if (verdict == ProgramVerdict::BlockedByTriage) {
            ++blocked;
            if (id.empty()) {
                id = catalog.index(row, 0)
                         .data(CatalogModel::ExerciseIdRole)
                         .toString()
                         .toStdString();
            }
            EXPECT_EQ(catalog.index(row, CatalogModel::EligibilityColumn).data().toString(),
                      QStringLiteral("Blocked: Urgent referral"));
        }
    }
    ASSERT_GT(blocked, 0);
    EXPECT_FALSE(page.addExercise(id));
    EXPECT_TRUE(page.messageLabel()->text().contains(QStringLiteral("significant recent trauma")))
        << page.messageLabel()->text().toStdString();
    // Taking the finding back: the exercise may be added again.
    v.editor->screeningPage()->findingBox("significant_trauma")->click();
    EXPECT_TRUE(page.addExercise(id)) << id << ": " << page.messageLabel()->text().toStdString();
}

// The patient's copy opens with the go-to-hospital box and never shows the override; the
// clinician's copy, asked for on the Handout step, adds the override page with the reason.
TEST(EmergencyPath, ThePatientCopyHasTheBoxTheClinicianCopyTheReason) {
    EmergencyVisit v;
    ASSERT_NE(v.editor, nullptr);
    v.editor->screeningPage()->findingBox("ces_saddle_numbness")->click();
    HandoutPage& page = *v.editor->handoutPage();
    EXPECT_TRUE(page.overrideKindBox()->isVisibleTo(&page));
    EXPECT_TRUE(page.clinicianCopyBox()->isVisibleTo(&page));
    page.overrideEdit()->setFocus();
    QTest::keyClicks(page.overrideEdit(), QStringLiteral("Patient declines the ambulance today"));
    EXPECT_FALSE(v.editor->exercisesPage()->addExercise("belly_breathing"))
        << "a kind from the list is required too";
    const int declines = page.overrideKindBox()->findData(QStringLiteral("declines_referral"));
    page.overrideKindBox()->setCurrentIndex(declines);
    ASSERT_TRUE(v.editor->exercisesPage()->addExercise("belly_breathing"));
    ASSERT_TRUE(page.canExport()) << page.blockedReason().toStdString();
    page.overrideKindBox()->setCurrentIndex(0);
    EXPECT_FALSE(page.canExport());
    EXPECT_TRUE(page.blockedReason().contains(QStringLiteral("declines_referral")))
        << page.blockedReason().toStdString();
    page.overrideKindBox()->setCurrentIndex(declines);
    ASSERT_TRUE(page.canExport()) << page.blockedReason().toStdString();

    const auto render = [&](const char* name) {
        auto pdf =
            v.app.services->writer().renderPdf(page.request(), v.app.services->catalog().entries());
        EXPECT_TRUE(pdf.ok()) << pdf.error().message;
        const auto file = v.app.dir / name;
        hepdesk::test::writeFile(file, pdf.ok() ? *pdf : std::string());
        return pdfText(file);
    };
    const std::string patient = render("patient.pdf");
    EXPECT_NE(patient.find("Go to an emergency department now"), std::string::npos) << patient;
    EXPECT_EQ(patient.find("declines the ambulance"), std::string::npos) << patient;
    EXPECT_EQ(patient.find("For the clinician"), std::string::npos) << patient;

    page.clinicianCopyBox()->setChecked(true);
    const std::string clinician = render("clinician.pdf");
    EXPECT_NE(clinician.find("Patient declines referral and was told the risk: Patient declines "
                             "the ambulance today"),
              std::string::npos)
        << clinician;
    EXPECT_NE(clinician.find("For the clinician"), std::string::npos) << clinician;
    v.editor->showStep(SessionEditor::HandoutStep);
    EXPECT_TRUE(test::grabTo(*v.editor, "h5-override-kind.png"));

    // The draft stores the kind and the sentence with who and when.
    ASSERT_TRUE(v.editor->save().ok());
    const HandoutOptions& o = v.editor->session().handoutOptions;
    EXPECT_EQ(o.overrideKind, "declines_referral");
    EXPECT_EQ(o.overrideReason, "Patient declines the ambulance today");
    EXPECT_EQ(o.overrideAt.size(), 20U);
}

// The Sign step's Referral letter…: only for a referral; the letter names the findings.
TEST(EmergencyPath, TheSignStepWritesTheReferralLetter) {
    EmergencyVisit v;
    ASSERT_NE(v.editor, nullptr);
    v.editor->screeningPage()->findingBox("radiating_leg")->click(); // refer and monitor
    QPushButton* button = v.editor->signPage()->referralButton();
    EXPECT_TRUE(button->isEnabled());
    v.editor->screeningPage()->findingBox("radiating_leg")->click();
    EXPECT_FALSE(button->isEnabled()) << "routine: nothing to refer";
    const auto none = v.app.dir / "none.pdf";
    const Status refused = v.editor->exportReferral(QString::fromStdString(none.string()));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, Error::Kind::Refused);
    EXPECT_FALSE(std::filesystem::exists(none));

    v.editor->screeningPage()->findingBox("ces_saddle_numbness")->click();
    EXPECT_TRUE(button->isEnabled());
    const auto letter = v.app.dir / "letter.pdf";
    ASSERT_TRUE(v.editor->exportReferral(QString::fromStdString(letter.string())).ok());
    const std::string t = pdfText(letter);
    for (const char* part : {"Referral letter", "To: the emergency department", "Rosa Díaz",
                             "March 2, 1960", "Possible cauda equina syndrome",
                             "Go to an emergency department now", "Clinician signature"}) {
        EXPECT_NE(t.find(part), std::string::npos) << part << " in: " << t;
    }
    v.editor->showStep(SessionEditor::SignStep);
    EXPECT_TRUE(test::grabTo(*v.editor, "h5-sign-referral.png"));
}

} // namespace
} // namespace hepdesk::gui
