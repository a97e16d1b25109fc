// Issue 12, items 7 and 11: a late entry's visit time set in the session window (checked by
// the visit layer, audited, shown with the time in the history), and ODI/NDI answers that
// show their statements instead of bare numbers.
#include "MainWindow.h"
#include "PatientPage.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "SessionHistoryModel.h"
#include "Translations.h"
#include "WidgetTestSupport.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QTimeZone>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

/// Types a new date and time into the field and leaves it, as the clinician does.
void enterVisitTime(QDateTimeEdit* field, const QDateTime& local) {
    field->setFocus();
    field->setDateTime(local);
    emit field->editingFinished();
}

TEST(LateEntry, VisitTimeIsSetInTheScreeningStepAuditedAndShownInHistory) {
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    MainWindow window(*app.services);
    window.show();
    ASSERT_GT(window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false}), 0);
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    editor->showStep(SessionEditor::ScreeningStep);
    ScreeningPage& screening = *editor->screeningPage();
    QDateTimeEdit* field = screening.visitTimeEdit();
    ASSERT_NE(field, nullptr);
    EXPECT_TRUE(field->isVisible());
    EXPECT_TRUE(field->isEnabled());
    screening.regionBox(Region::LowBack)->click();
    ASSERT_TRUE(editor->save().ok());

    // Yesterday at 9:05 local time: stored in UTC, the screening day follows.
    const QDateTime yesterday(QDate::currentDate().addDays(-1), QTime(9, 5));
    enterVisitTime(field, yesterday);
    EXPECT_FALSE(screening.visitTimeProblem()->isVisible())
        << screening.visitTimeProblem()->text().toStdString();
    const std::string utc = yesterday.toUTC().toString(Qt::ISODate).toStdString();
    EXPECT_EQ(editor->session().startedAt, utc);
    EXPECT_EQ(editor->session().screening.date, utc.substr(0, 10));
    EXPECT_TRUE(test::grabTo(*editor, "h4-late-entry-screening-en.png"));
    ASSERT_TRUE(editor->save().ok());
    auto lines = db::SqliteAuditLog(*app.db).list({"session", "1", 5});
    ASSERT_TRUE(lines.ok());
    ASSERT_FALSE(lines->empty());
    EXPECT_NE(lines->front().detail.find("to " + utc + " (late entry)"), std::string::npos)
        << lines->front().detail;

    // Tomorrow is refused by the visit layer: the field goes back and says why.
    enterVisitTime(field, QDateTime(QDate::currentDate().addDays(1), QTime(9, 0)));
    EXPECT_TRUE(screening.visitTimeProblem()->isVisible());
    EXPECT_TRUE(screening.visitTimeProblem()->text().contains(QStringLiteral("in the future")))
        << screening.visitTimeProblem()->text().toStdString();
    EXPECT_EQ(field->dateTime().toUTC().toString(Qt::ISODate).toStdString(), utc);
    EXPECT_EQ(editor->session().startedAt, utc);
    EXPECT_TRUE(test::grabTo(*editor, "h4-late-entry-refused-en.png"));
    editor->close();

    // A second visit the same day, at 15:40: the history tells the two apart by their time.
    SessionEditor* second = window.openSession(0);
    ASSERT_NE(second, nullptr);
    second->screeningPage()->regionBox(Region::LowBack)->click();
    enterVisitTime(second->screeningPage()->visitTimeEdit(),
                   QDateTime(QDate::currentDate().addDays(-1), QTime(15, 40)));
    ASSERT_TRUE(second->save().ok());
    second->close();
    window.patientPage()->setFocus();
    SessionHistoryModel* history = window.patientPage()->historyModel();
    ASSERT_NE(history, nullptr);
    ASSERT_GE(history->rowCount(), 2);
    const QString newest = history->index(0, SessionHistoryModel::DateColumn).data().toString();
    const QString older = history->index(1, SessionHistoryModel::DateColumn).data().toString();
    EXPECT_NE(newest, older);
    EXPECT_TRUE(newest.contains(QLocale().toString(QTime(15, 40), QLocale::ShortFormat)))
        << newest.toStdString();
    EXPECT_TRUE(older.contains(QLocale().toString(QTime(9, 5), QLocale::ShortFormat)))
        << older.toStdString();
}

TEST(LateEntry, ASignedSessionsVisitTimeCannotBeChanged) {
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    MainWindow window(*app.services);
    window.show();
    ASSERT_GT(window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false}), 0);
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    editor->screeningPage()->regionBox(Region::LowBack)->click();
    ASSERT_TRUE(editor->save().ok());
    const std::int64_t id = editor->session().id;
    const std::string startedAt = editor->session().startedAt;
    editor->close();
    auto clinician = app.services->clinicians().add(Clinician{0, "Ana Gil", "PT", true});
    ASSERT_TRUE(clinician.ok());
    db::SqliteSessionRepository sessions(*app.db);
    ASSERT_TRUE(sessions.sign(id, *clinician).ok());

    // Opened afresh (the first window still holds its draft editor), as after a restart.
    MainWindow reopened(*app.services);
    reopened.show();
    SessionEditor* signedEditor = reopened.openSession(id);
    ASSERT_NE(signedEditor, nullptr);
    QDateTimeEdit* field = signedEditor->screeningPage()->visitTimeEdit();
    EXPECT_FALSE(field->isEnabled());
    enterVisitTime(field, QDateTime(QDate::currentDate().addDays(-3), QTime(8, 0)));
    EXPECT_TRUE(signedEditor->screeningPage()->visitTimeProblem()->text().contains(
        QStringLiteral("is signed")))
        << signedEditor->screeningPage()->visitTimeProblem()->text().toStdString();
    EXPECT_EQ(signedEditor->session().startedAt, startedAt);
    auto stored = sessions.get(id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->startedAt, startedAt);
}

/// Installs `language` for one test and always goes back to plain English.
struct Interface {
    Translations translations;
    explicit Interface(const char* language) {
        QString why;
        EXPECT_TRUE(translations.install(QString::fromLatin1(language), &why)) << why.toStdString();
    }
    Interface(const Interface&) = delete;
    Interface& operator=(const Interface&) = delete;
    ~Interface() { translations.uninstall(); }
};

TEST(Questionnaires, OdiAndNdiAnswersShowTheirStatementsInEnglishAndSpanish) {
    for (const char* lang : {"en", "es"}) {
        Interface ui(lang);
        test::AppFixture app;
        ASSERT_NE(app.services, nullptr);
        MainWindow window(*app.services);
        window.show();
        ASSERT_GT(window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false}), 0);
        SessionEditor* editor = window.openSession(0);
        ASSERT_NE(editor, nullptr);
        editor->showStep(SessionEditor::ScreeningStep);
        ScreeningPage& screening = *editor->screeningPage();
        screening.regionBox(Region::Neck)->click();
        QComboBox* lifting = screening.odiBox("lifting");
        QComboBox* headaches = screening.ndiBox("headaches");
        ASSERT_NE(lifting, nullptr);
        ASSERT_NE(headaches, nullptr);
        ASSERT_EQ(lifting->count(), 7); // unanswered, then 0-5
        const bool en = std::string(lang) == "en";
        EXPECT_EQ(lifting->itemText(lifting->findData(2)),
                  en ? QStringLiteral("2 – Heavy things only from table height, not the floor")
                     : QStringLiteral("2 – Cosas pesadas solo desde una mesa, no del suelo"));
        EXPECT_EQ(headaches->itemText(headaches->findData(0)),
                  en ? QStringLiteral("0 – No headaches")
                     : QStringLiteral("0 – Sin dolores de cabeza"));
        for (QComboBox* box : {lifting, headaches}) {
            for (int v = 0; v <= 5; ++v) {
                const QString text = box->itemText(box->findData(v));
                EXPECT_GT(text.size(), 6) << "not a bare number: " << text.toStdString();
            }
        }
        lifting->setCurrentIndex(lifting->findData(2));
        EXPECT_EQ(lifting->toolTip(), lifting->itemText(lifting->findData(2)));
        EXPECT_EQ(editor->session().screening.odi.at("lifting"), 2);
        EXPECT_TRUE(screening.ndiForm()->isVisible());
        EXPECT_TRUE(test::grabTo(*editor, en ? "h4-odi-ndi-statements-en.png"
                                             : "h4-odi-ndi-statements-es.png"));
        (void)editor->save();
    }
}

} // namespace
} // namespace hepdesk::gui
