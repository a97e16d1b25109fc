// Issue 12 item 6: the Sign step says in words whether a reprint matches the signed handout;
// fingerprints, byte counts and UTC times wait behind "Details"; addenda name their author.
#include "ExercisesPage.h"
#include "MainWindow.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "SettingsDialog.h"
#include "SignPage.h"
#include "WidgetTestSupport.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QToolButton>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

TEST(SignStepWords, ReprintVerdictInWordsDetailsHiddenAddendaWithAuthor) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    {
        SettingsDialog settings(app.services->clinic(), app.services->clinicians());
        ASSERT_TRUE(settings.load().ok());
        settings.clinicNameEdit()->setText(QStringLiteral("Riverside Physical Therapy"));
        settings.clinicianNameEdit()->setText(QStringLiteral("Dana Whitfield"));
        settings.backupFolderEdit()->setText(QString::fromStdString((app.dir / "b").string()));
        ASSERT_TRUE(settings.save().ok());
    }
    MainWindow window(*app.services);
    ASSERT_NE(window.addPatient(Patient{0, "Łukasz Nowak", "1975-04-01", "", "", false}), 0);
    SessionEditor* e = window.openSession(0);
    ASSERT_NE(e, nullptr);
    test::recordPainNow(*e); // screen first: a routine screening
    e->screeningPage()->regionBox(Region::LowBack)->setChecked(true);
    ASSERT_TRUE(e->exercisesPage()->addExercise("cat_cow"));
    ASSERT_TRUE(e->sign().ok());
    SignPage& page = *e->signPage();
    e->showStep(SessionEditor::SignStep);
    e->show();

    // A reprint from the app: the page says it matches, without a hash in sight.
    auto reprint = test::exportAndWait(*e, QString::fromStdString((app.dir / "r.pdf").string()));
    ASSERT_TRUE(reprint.ok()) << reprint.error().message;
    EXPECT_TRUE(page.reprintText().contains(QStringLiteral("matches the signed handout")))
        << page.reprintText().toStdString();
    const QString sha = QString::fromStdString(e->session().handouts.back().sha256);
    EXPECT_FALSE(page.summaryText().contains(sha)) << "the fingerprint waits behind Details";
    EXPECT_FALSE(page.summaryText().contains(QStringLiteral("bytes")));
    EXPECT_FALSE(page.detailsLabel()->isVisible());
    page.detailsButton()->click();
    EXPECT_TRUE(page.detailsLabel()->isVisible());
    EXPECT_TRUE(page.detailsLabel()->text().contains(sha));
    EXPECT_TRUE(page.detailsLabel()->text().contains(QStringLiteral("bytes")));
    EXPECT_TRUE(page.detailsLabel()->text().contains(QStringLiteral("UTC")));

    // A copy that differs from what was signed (made elsewhere) is called out in words.
    HandoutRecord other = e->session().handouts.back();
    other.id = 0;
    other.sha256 = std::string(64, 'a');
    other.createdAt = "2099-01-01T00:00:00Z";
    ASSERT_TRUE(app.services->sessions().addHandout(e->session().id, other).ok());

    // An addendum names its author.
    page.addendumEdit()->setPlainText(QStringLiteral("Patient called: pain eased."));
    page.addAddendumButton()->click();
    ASSERT_EQ(page.addendaModel()->rowCount(), 1);
    EXPECT_TRUE(
        page.addendaModel()->stringList().front().contains(QStringLiteral("Dana Whitfield")))
        << page.addendaModel()->stringList().front().toStdString();
    EXPECT_TRUE(page.reprintText().contains(QStringLiteral("do NOT match")))
        << page.reprintText().toStdString();
    EXPECT_TRUE(test::grabTo(*e, "sign-step-words.png"));
    e->close();
}

} // namespace
} // namespace hepdesk::gui
