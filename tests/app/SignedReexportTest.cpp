#include "AppPreferences.h"
#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "MainWindow.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "SettingsDialog.h"
#include "TestImages.h"
#include "WidgetTestSupport.h"
#include "hepdesk/core/Sha256.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <gtest/gtest.h>

// The app's side of issue 11's defect 3: a signed session re-exports from the snapshot stored
// at signing, byte-identical after the patient is renamed and the clinic's details change.
namespace hepdesk::gui {
namespace {

TEST(SignedReexport, IsByteIdenticalAfterThePatientIsRenamedAndTheClinicChanges) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    {
        SettingsDialog settings(app.services->clinic(), app.services->clinicians());
        ASSERT_TRUE(settings.load().ok());
        settings.clinicNameEdit()->setText(QStringLiteral("Clínica Norte"));
        settings.clinicianNameEdit()->setText(QStringLiteral("Ana Pérez"));
        settings.credentialsEdit()->setText(QStringLiteral("PT, DPT"));
        ASSERT_TRUE(settings.save().ok());
    }
    ClinicSettings clinic = *app.services->clinic().load();
    clinic.logo = hepdesk::test::pngImage(80, 40);
    clinic.logoMime = "image/png";
    ASSERT_TRUE(app.services->clinic().save(clinic).ok());

    auto window = std::make_unique<MainWindow>(*app.services);
    const auto patientId =
        window->addPatient(Patient{0, "Łukasz Nowak", "1975-04-01", "A-17", "", false});
    ASSERT_NE(patientId, 0);
    SessionEditor* e = window->openSession(0);
    ASSERT_NE(e, nullptr);
    test::recordPainNow(*e); // screen first: a routine screening
    e->screeningPage()->regionBox(Region::LowBack)->setChecked(true);
    for (const char* id : {"pelvic_tilt", "cat_cow"}) {
        ASSERT_TRUE(e->exercisesPage()->addExercise(id)) << id;
    }
    HandoutPage& page = *e->handoutPage();
    page.languageBox()->setCurrentIndex(page.languageBox()->findData(QStringLiteral("es")));
    page.largePrintBox()->setChecked(true);
    ASSERT_TRUE(page.canExport()) << page.blockedReason().toStdString();
    auto atSigning =
        app.services->writer().renderPdf(page.request(), app.services->catalog().entries());
    ASSERT_TRUE(atSigning.ok()) << atSigning.error().message;

    ASSERT_TRUE(e->sign().ok());
    const std::int64_t sessionId = e->session().id;
    ASSERT_EQ(e->session().handouts.size(), 1U) << "signing records the fingerprint";
    EXPECT_EQ(e->session().handouts[0].sha256, sha256Hex(*atSigning));
    e->close();
    window.reset();

    // After signing: the patient renamed, the clinic renamed with another logo, the clinician
    // renamed; the app restarted.
    Patient p = *app.services->patients().get(patientId);
    p.name = "Someone Else";
    ASSERT_TRUE(app.services->patients().update(p).ok());
    clinic.name = "Another Clinic";
    clinic.logo = hepdesk::test::pngImage(20, 20);
    ASSERT_TRUE(app.services->clinic().save(clinic).ok());
    Clinician c = *app.services->clinicians().get(AppPreferences().clinicianId());
    c.name = "Dr Nobody";
    ASSERT_TRUE(app.services->clinicians().update(c).ok());
    app.open();
    ASSERT_TRUE(app.services);

    MainWindow again(*app.services);
    ASSERT_TRUE(again.selectPatient(patientId));
    SessionEditor* past = again.openSession(sessionId);
    ASSERT_NE(past, nullptr);
    ASSERT_TRUE(past->isReadOnly());
    EXPECT_EQ(past->handoutPage()->request().patientName, "Łukasz Nowak");
    EXPECT_EQ(past->handoutPage()->languageBox()->currentData().toString(), QStringLiteral("es"));
    const auto pdf = app.dir / "reexport.pdf";
    auto record = test::exportAndWait(*past, QString::fromStdString(pdf.string()));
    ASSERT_TRUE(record.ok()) << record.error().message;
    EXPECT_EQ(hepdesk::test::readFile(pdf), *atSigning) << "byte-identical to the signed handout";
    EXPECT_EQ(*record, past->session().handouts[0].id) << "the same handout, not a new record";
    EXPECT_EQ(app.services->sessions().get(sessionId)->handouts.size(), 1U);
    past->close();
}

} // namespace
} // namespace hepdesk::gui
