#include "CatalogModel.h"
#include "ExercisesPage.h"
#include "MainWindow.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "SignPage.h"
#include "TriageBanner.h"
#include "UiLanguage.h"
#include "WidgetTestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

/// Makes `locale` the default (as the translation loader does at start-up) for one test, and
/// puts the previous default back afterwards so other tests keep their language.
class DefaultLocale {
public:
    explicit DefaultLocale(const QLocale& locale) { QLocale::setDefault(locale); }
    DefaultLocale(const DefaultLocale&) = delete;
    DefaultLocale& operator=(const DefaultLocale&) = delete;
    ~DefaultLocale() { QLocale::setDefault(saved_); }

private:
    QLocale saved_;
};

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

TEST(SpanishInterface, UiLanguageFollowsTheDefaultLocale) {
    const std::string before = uiLanguage();
    {
        DefaultLocale es(QLocale(QLocale::Spanish, QLocale::Spain));
        EXPECT_EQ(uiLanguage(), "es");
    }
    EXPECT_EQ(uiLanguage(), before);
    DefaultLocale en(QLocale(QLocale::English, QLocale::UnitedKingdom));
    EXPECT_EQ(uiLanguage(), "en");
}

TEST(SpanishInterface, ScreeningAndTriageShowTheClinicianTextsInSpanish) {
    DefaultLocale es(QLocale(QLocale::Spanish, QLocale::Spain));
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    const ClinicalRules& rules = app.services->rules();
    MainWindow window(*app.services);
    window.show();
    window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    ScreeningPage& screening = *editor->screeningPage();

    // A red flag, its group, and a questionnaire item, as the templates say them in Spanish.
    QCheckBox* saddle = screening.findingBox("ces_saddle_numbness");
    ASSERT_NE(saddle, nullptr);
    EXPECT_EQ(saddle->text(), QStringLiteral("Hipoestesia en silla de montar (perianal o "
                                             "genital) nueva o que empeora"));
    EXPECT_EQ(saddle->text(),
              qs(rules.items().finding("ces_saddle_numbness")->clinicianLabel.text("es")));
    auto* group = screening.findChild<QGroupBox*>(QStringLiteral("group_cauda_equina"));
    ASSERT_NE(group, nullptr);
    EXPECT_EQ(group->title().remove(QLatin1Char('&')),
              QStringLiteral("Síndrome de cauda equina (signos de urgencia)"));
    QComboBox* worry = screening.startBackBox("worrying_thoughts");
    ASSERT_NE(worry, nullptr);
    EXPECT_EQ(worry->accessibleName(),
              QStringLiteral("Pensamientos de preocupación gran parte del tiempo"));
    QComboBox* driving = screening.ndiBox("driving");
    ASSERT_NE(driving, nullptr);
    EXPECT_EQ(driving->accessibleName(), QStringLiteral("Conducir"));

    saddle->click();
    TriageBanner& banner = *editor->banner();
    EXPECT_EQ(banner.level(), TriageLevel::Emergency);
    const QString findings = banner.findChild<QLabel*>(QStringLiteral("triageFindings"))->text();
    EXPECT_TRUE(findings.contains(
        QStringLiteral("Posible síndrome de cauda equina: derivación a urgencias hoy mismo")))
        << findings.toStdString();
    EXPECT_FALSE(findings.contains(QStringLiteral("Possible cauda equina")))
        << findings.toStdString();
    // What is stored stays English: saved sessions and signatures do not depend on the
    // language of the screen.
    ASSERT_FALSE(editor->session().findings.empty());
    EXPECT_EQ(editor->session().findings.front().reason,
              "Possible cauda equina syndrome: emergency referral today (MRI within 4 hours)");

    // Eligibility reasons, in the catalog and the details pane.
    screening.findingBox("osteoporosis")->click();
    CatalogModel& catalog = *editor->exercisesPage()->catalogModel();
    const QString why = catalog.index(catalog.rowOf("double_knee_to_chest"), 0)
                            .data(CatalogModel::ReasonsRole)
                            .toString();
    EXPECT_TRUE(why.startsWith(QStringLiteral("Hueso frágil: la flexión de columna con carga")))
        << why.toStdString();

    // The sign page lists the same reasons in Spanish.
    ASSERT_TRUE(editor->save().ok());
    const QString summary =
        editor->signPage()->findChild<QLabel*>(QStringLiteral("signSummary"))->text();
    EXPECT_TRUE(summary.contains(QStringLiteral("Posible síndrome de cauda equina")))
        << summary.toStdString();

    editor->showStep(SessionEditor::ScreeningStep);
    editor->resize(1200, 900);
    EXPECT_TRUE(test::grabTo(*editor, "session-spanish-clinician-texts.png"));
}

TEST(SpanishInterface, EnglishInterfaceShowsTheEnglishTexts) {
    DefaultLocale en(QLocale(QLocale::English, QLocale::UnitedStates));
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    ScreeningPage screening(app.services->rules().items());
    QCheckBox* saddle = screening.findingBox("ces_saddle_numbness");
    ASSERT_NE(saddle, nullptr);
    EXPECT_EQ(saddle->text(),
              QStringLiteral("New or worsening saddle (perianal or genital) numbness"));
    auto* group = screening.findChild<QGroupBox*>(QStringLiteral("group_cauda_equina"));
    ASSERT_NE(group, nullptr);
    EXPECT_EQ(group->title().remove(QLatin1Char('&')),
              QStringLiteral("Cauda equina syndrome (emergency signs)"));

    TriageBanner banner;
    banner.setRules(&app.services->rules().triage());
    const auto& rules = app.services->rules().triage();
    banner.setAssessment(
        TriageLevel::Emergency,
        {Finding{"ces_saddle_numbness", "cauda_equina_sign", TriageLevel::Emergency,
                 rules.reasonOf("cauda_equina_sign")->text("en")}});
    EXPECT_TRUE(banner.findChild<QLabel*>(QStringLiteral("triageFindings"))
                    ->text()
                    .contains(QStringLiteral("Possible cauda equina syndrome")));
}

} // namespace
} // namespace hepdesk::gui
