// Issue 12 item 3, screen first: while the screening records nothing, the Exercises step says
// "Screening not done yet" instead of "Eligible" (the program can still be planned), and the
// handout (Export, Print, Print preview) and the signature wait, with the reason said once,
// beside the buttons. Recording a finding or a pain score makes them available.
#include "CatalogFilterModel.h"
#include "CatalogModel.h"
#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "MainWindow.h"
#include "ProgramModel.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "SettingsDialog.h"
#include "SignPage.h"
#include "WidgetTestSupport.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

constexpr const char* kNotDone = "Screening not done yet";

QString eligibilityText(const CatalogModel& m, const char* id) {
    return m.index(m.rowOf(id), CatalogModel::EligibilityColumn).data().toString();
}

/// How many visible labels of `w` hold `text`.
int shownIn(const QWidget& w, const QString& text) {
    int n = 0;
    for (const QLabel* label : w.findChildren<QLabel*>()) {
        n += label->isVisible() && label->text().contains(text) ? 1 : 0;
    }
    return n;
}

struct SignableVisit {
    test::AppFixture app;
    std::unique_ptr<MainWindow> window;
    SessionEditor* editor = nullptr;

    SignableVisit() {
        SettingsDialog settings(app.services->clinic(), app.services->clinicians());
        EXPECT_TRUE(settings.load().ok());
        settings.clinicNameEdit()->setText(QStringLiteral("Riverside Physical Therapy"));
        settings.clinicianNameEdit()->setText(QStringLiteral("Dana Whitfield"));
        settings.backupFolderEdit()->setText(QString::fromStdString((app.dir / "b").string()));
        EXPECT_TRUE(settings.save().ok());
        window = std::make_unique<MainWindow>(*app.services);
        window->show();
        window->addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
        editor = window->openSession(0);
    }
    ~SignableVisit() {
        if (editor != nullptr) {
            (void)editor->save(); // stored, so closing does not ask
        }
    }
};

TEST(ScreenFirst, NothingRecordedPlansExercisesButSaysScreeningNotDoneNotEligible) {
    SignableVisit v;
    ASSERT_NE(v.editor, nullptr);
    ExercisesPage& page = *v.editor->exercisesPage();
    const CatalogModel& catalog = *page.catalogModel();
    v.editor->showStep(SessionEditor::ExercisesStep);
    v.editor->screeningPage()->regionBox(Region::LowBack)->setChecked(true);

    int eligible = 0;
    for (int row = 0; row < catalog.rowCount(); ++row) {
        eligible += catalog.index(row, CatalogModel::EligibilityColumn).data().toString() ==
                            QStringLiteral("Eligible")
                        ? 1
                        : 0;
    }
    EXPECT_EQ(eligible, 0) << "no row is \"Eligible\" before anything is recorded";
    EXPECT_EQ(eligibilityText(catalog, "pelvic_tilt"), QString::fromLatin1(kNotDone));

    page.searchEdit()->setText(QStringLiteral("pelvic tilt"));
    ASSERT_GE(page.filterModel()->rowCount(), 1);
    page.catalogView()->setCurrentIndex(page.filterModel()->index(0, 0));
    const QString details = page.detailsPane()->toPlainText();
    EXPECT_TRUE(details.contains(QString::fromLatin1(kNotDone))) << details.toStdString();
    EXPECT_FALSE(details.contains(QStringLiteral("Eligible."))) << details.toStdString();
    EXPECT_TRUE(page.addButton()->isEnabled()) << "a draft can be planned while talking";
    EXPECT_TRUE(page.addExercise("pelvic_tilt"));
    EXPECT_TRUE(page.addExercise("cat_cow"));
    EXPECT_EQ(v.editor->programModel()->rowCount(), 2);
    EXPECT_TRUE(test::grabTo(*v.editor, "screen-first-exercises.png"));

    // The pain now recorded: the rules' verdict shows.
    test::recordPainNow(*v.editor);
    EXPECT_EQ(eligibilityText(catalog, "pelvic_tilt"), QStringLiteral("Eligible"));
    EXPECT_TRUE(page.detailsPane()->toPlainText().contains(QStringLiteral("Eligible.")))
        << page.detailsPane()->toPlainText().toStdString();
    page.searchEdit()->clear();
}

TEST(ScreenFirst, NothingRecordedBlocksExportPrintAndSignWithTheReasonOnceBesideTheButtons) {
    SignableVisit v;
    ASSERT_NE(v.editor, nullptr);
    ASSERT_TRUE(v.editor->exercisesPage()->addExercise("pelvic_tilt"));
    HandoutPage& handout = *v.editor->handoutPage();
    SignPage& sign = *v.editor->signPage();

    v.editor->showStep(SessionEditor::HandoutStep);
    EXPECT_FALSE(handout.canExport());
    EXPECT_FALSE(handout.exportButton()->isEnabled());
    EXPECT_FALSE(handout.printButton()->isEnabled());
    EXPECT_FALSE(handout.printPreviewButton()->isEnabled());
    const QString reason = handout.blockedReason();
    EXPECT_TRUE(reason.startsWith(QString::fromLatin1(kNotDone))) << reason.toStdString();
    EXPECT_TRUE(reason.contains(QStringLiteral("pain scores"))) << "says what to record";
    EXPECT_EQ(shownIn(*v.editor, reason), 1) << "said once: " << reason.toStdString();
    auto* blocked = handout.findChild<QLabel*>(QStringLiteral("handoutBlocked"));
    ASSERT_NE(blocked, nullptr);
    EXPECT_TRUE(blocked->isVisible());
    EXPECT_LT(std::abs(blocked->geometry().bottom() - handout.exportButton()->geometry().top()),
              handout.height() / 4)
        << "beside the buttons";
    EXPECT_TRUE(test::grabTo(*v.editor, "screen-first-handout.png"));
    const auto target = v.app.dir / "h.pdf";
    auto refused = v.editor->startExport(QString::fromStdString(target.string()));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, Error::Kind::Refused);
    EXPECT_FALSE(std::filesystem::exists(target)) << "no file when refused";

    v.editor->showStep(SessionEditor::SignStep);
    EXPECT_FALSE(sign.signButton()->isEnabled());
    EXPECT_TRUE(sign.summaryText().contains(reason)) << sign.summaryText().toStdString();
    EXPECT_EQ(shownIn(*v.editor, reason), 1) << "said once on the Sign step too";
    EXPECT_TRUE(sign.summaryText().contains(QStringLiteral("Triage: none yet")))
        << "not \"Routine\" before anything is recorded: " << sign.summaryText().toStdString();
    EXPECT_TRUE(test::grabTo(*v.editor, "screen-first-sign.png"));
    // Signing anyway (a script, a shortcut) is refused by the visit layer, naming the session.
    auto signedAnyway = v.editor->sign();
    ASSERT_FALSE(signedAnyway.ok());
    EXPECT_NE(signedAnyway.error().message.find("the screening is not recorded yet"),
              std::string::npos)
        << signedAnyway.error().message;
    EXPECT_FALSE(v.editor->session().isSigned);

    // A finding ticked (a condition that changes nothing for this exercise): all available.
    QCheckBox* finding = v.editor->screeningPage()->findingBox("osteoporosis");
    ASSERT_NE(finding, nullptr);
    finding->click();
    EXPECT_TRUE(handout.canExport()) << handout.blockedReason().toStdString();
    EXPECT_TRUE(handout.exportButton()->isEnabled());
    EXPECT_TRUE(handout.printButton()->isEnabled());
    EXPECT_TRUE(sign.signButton()->isEnabled()) << sign.summaryText().toStdString();
    EXPECT_FALSE(sign.summaryText().contains(QString::fromLatin1(kNotDone)));
    EXPECT_TRUE(sign.summaryText().contains(QStringLiteral("Triage: Routine")))
        << sign.summaryText().toStdString();
    // Unticked again: nothing recorded, blocked again; the pain now records the screening.
    finding->click();
    EXPECT_FALSE(handout.canExport());
    EXPECT_FALSE(sign.signButton()->isEnabled());
    test::recordPainNow(*v.editor, 2);
    EXPECT_TRUE(handout.canExport()) << handout.blockedReason().toStdString();
    EXPECT_TRUE(sign.signButton()->isEnabled());
    auto exported = test::exportAndWait(*v.editor, QString::fromStdString(target.string()));
    ASSERT_TRUE(exported.ok()) << exported.error().message;
    EXPECT_TRUE(std::filesystem::exists(target));
    ASSERT_TRUE(v.editor->sign().ok());
    EXPECT_TRUE(v.editor->session().isSigned);
}

} // namespace
} // namespace hepdesk::gui
