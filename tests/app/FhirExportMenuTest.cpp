#include "FhirExportActions.h"
#include "MainWindow.h"
#include "PatientPage.h"
#include "SettingsDialog.h"
#include "WidgetTestSupport.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/visit/VisitWorkflow.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

// Session > Export for health record (FHIR)… and the patient's export, in the real window: the
// commands are where a clinician looks (the Session and File menus, the patient page's context
// menu), on only when there is something to export, and they write the Bundle the Qt-free
// exporter makes.
namespace hepdesk::gui {
namespace {

bool menuHas(QMenuBar* bar, const QString& title, QAction* action) {
    for (QAction* m : bar->actions()) {
        if (m->text() == title && m->menu() != nullptr && m->menu()->actions().contains(action)) {
            return true;
        }
    }
    return false;
}

TEST(FhirExportMenu, ExportsTheSelectedSessionAndThePatientFromTheMenus) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    auto patient = app.services->patients().add(
        Patient{0, "Ελένη Παπαδοπούλου", "1961-04-12", "GR-42", "", false});
    auto clinician = app.services->clinicians().add(Clinician{0, "Ana Gil", "PT", true});
    ASSERT_TRUE(patient.ok() && clinician.ok());
    visit::VisitWorkflow workflow(
        visit::Repositories{app.services->patients(), app.services->sessions(),
                            app.services->clinicians(), app.services->clinic()},
        app.services->catalog(), app.services->rules(), app.services->writer());
    auto started = workflow.start(*patient, {*clinician, {}, std::nullopt, {}});
    ASSERT_TRUE(started.ok()) << started.error().message;
    Session s = started->session;
    s.screening.regions = {Region::Neck};
    s.screening.pain.now = 4;
    s.program.items = {ProgramItem{"chin_tuck", Dosage{2, 10, 5, 3, false}, ""}};
    ASSERT_TRUE(workflow.saveDraft(s).ok());
    auto signedSession = workflow.sign(s.id, *clinician);
    ASSERT_TRUE(signedSession.ok()) << signedSession.error().message;

    MainWindow w(*app.services);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    FhirExportActions* fhir = w.fhirExport();
    ASSERT_NE(fhir, nullptr);
    EXPECT_TRUE(menuHas(w.menuBar(), QStringLiteral("&Session"), fhir->sessionAction()));
    EXPECT_TRUE(menuHas(w.menuBar(), QStringLiteral("&File"), fhir->patientAction()));
    auto* page = w.findChild<PatientPage*>();
    ASSERT_NE(page, nullptr);
    EXPECT_TRUE(page->actions().contains(fhir->sessionAction()));
    EXPECT_TRUE(page->actions().contains(fhir->patientAction()));
    EXPECT_EQ(fhir->sessionAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    EXPECT_EQ(fhir->patientAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    // Nothing selected: nothing to export.
    EXPECT_FALSE(fhir->sessionAction()->isEnabled());
    EXPECT_FALSE(fhir->patientAction()->isEnabled());

    w.patientView()->selectRow(0);
    QApplication::processEvents();
    EXPECT_TRUE(fhir->sessionAction()->isEnabled());
    EXPECT_TRUE(fhir->patientAction()->isEnabled());

    const QString path = QString::fromStdString((app.dir / "session.fhir.json").string());
    EXPECT_EQ(fhir->exportTo(false, s.id, path), QString());
    const auto bundle = nlohmann::json::parse(hepdesk::test::readFile(path.toStdString()));
    EXPECT_EQ(bundle.at("resourceType"), "Bundle");
    bool handout = false;
    for (const auto& e : bundle.at("entry")) {
        if (e.at("resource").at("resourceType") == "DocumentReference") {
            handout =
                e.at("resource").at("identifier")[0].at("value") == signedSession->handoutSha256;
        }
    }
    EXPECT_TRUE(handout) << "the signed handout's SHA-256 is in the export";

    const QString whole = QString::fromStdString((app.dir / "patient.fhir.json").string());
    EXPECT_EQ(fhir->exportTo(true, *patient, whole), QString());
    EXPECT_EQ(nlohmann::json::parse(hepdesk::test::readFile(whole.toStdString()))
                  .at("entry")[0]
                  .at("resource")
                  .at("name")[0]
                  .at("text"),
              "Ελένη Παπαδοπούλου");
    // A folder is never replaced: the message says why, for the clinician.
    std::filesystem::create_directory(app.dir / "folder");
    EXPECT_FALSE(fhir->exportTo(false, s.id, QString::fromStdString((app.dir / "folder").string()))
                     .isEmpty());
    EXPECT_TRUE(w.grab().save(test::artifact("h2-fhir-menu.png")));
}

// Settings > Clinic: the record number system the health record uses, typed by the clinician,
// refused with a plain message unless it is an absolute URI, then named by every export.
TEST(FhirExportMenu, TheRecordNumberSystemIsSetInSettingsAndNamedByTheExport) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    auto patient =
        app.services->patients().add(Patient{0, "Иван Смирнов", "1975-09-30", "RU-17", "", false});
    ASSERT_TRUE(patient.ok());

    SettingsDialog d(app.services->clinic(), app.services->clinicians());
    ASSERT_TRUE(d.load().ok());
    ASSERT_NE(d.recordSystemEdit(), nullptr);
    EXPECT_TRUE(d.recordSystemEdit()->text().isEmpty());
    d.clinicNameEdit()->setText(QStringLiteral("Riverside Physical Therapy"));
    d.backupFolderEdit()->setText(QString::fromStdString((app.dir / "backups").string()));
    QTest::keyClicks(d.recordSystemEdit(), QStringLiteral("clinic mrn"));
    auto refused = d.save();
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.starts_with("Record number system: type the full address"))
        << refused.error().message;
    EXPECT_EQ(app.services->clinic().load()->recordSystem, ""); // nothing saved

    d.recordSystemEdit()->clear();
    QTest::keyClicks(d.recordSystemEdit(), QStringLiteral("https://riverside.example/fhir/mrn"));
    ASSERT_TRUE(d.save().ok());
    EXPECT_EQ(app.services->clinic().load()->recordSystem, "https://riverside.example/fhir/mrn");
    d.show();
    EXPECT_TRUE(d.grab().save(test::artifact("h1-settings-record-system.png")));

    // Opened again, the field shows it; the patient's export names it.
    SettingsDialog again(app.services->clinic(), app.services->clinicians());
    ASSERT_TRUE(again.load().ok());
    EXPECT_EQ(again.recordSystemEdit()->text(),
              QStringLiteral("https://riverside.example/fhir/mrn"));
    MainWindow w(*app.services);
    const QString path = QString::fromStdString((app.dir / "patient.fhir.json").string());
    ASSERT_EQ(w.fhirExport()->exportTo(true, *patient, path), QString());
    const auto bundle = nlohmann::json::parse(hepdesk::test::readFile(path.toStdString()));
    EXPECT_EQ(bundle.at("entry")[0].at("resource").at("identifier")[0].at("system"),
              "https://riverside.example/fhir/mrn");
}

} // namespace
} // namespace hepdesk::gui
