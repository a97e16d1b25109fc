#include "MainWindow.h"
#include "PatientPage.h"
#include "SessionEditor.h"
#include "WidgetTestSupport.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <gtest/gtest.h>

// Issue 12, item 4: an archived patient's record is read-only. The app offered "start
// session", "follow-up" and "edit" for them, and the database's refusal then read "check the
// disk".
namespace hepdesk::gui {
namespace {

/// Closes the next message box once it is shown and keeps its texts.
struct MessageCatcher {
    QString text;
    QString informative;
    void arm() {
        QTimer::singleShot(0, [this] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                text = box->text();
                informative = box->informativeText();
                box->accept();
            }
        });
    }
};

TEST(ArchivedPatient, NoNewSessionFollowUpOrEditAndASayWhy) {
    test::AppFixture app;
    MainWindow window(*app.services);
    window.show();
    const std::int64_t id =
        window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    ASSERT_GT(id, 0);
    SessionEditor* first = window.openSession(0);
    ASSERT_NE(first, nullptr);
    ASSERT_TRUE(first->save().ok());
    first->close();
    ASSERT_TRUE(window.followUpAction()->isEnabled());

    // Archived elsewhere (hepdesk-cli, another computer) while this window shows the patient.
    ASSERT_TRUE(app.services->patients().setArchived(id, true).ok());
    const std::size_t windows = window.sessionEditors().size();
    MessageCatcher message;
    message.arm();
    window.followUpAction()->trigger();
    EXPECT_EQ(window.sessionEditors().size(), windows) << "no window for an archived patient";
    EXPECT_EQ(message.text, QStringLiteral("No session was started."));
    EXPECT_TRUE(message.informative.contains(QStringLiteral("Rosa Díaz is archived")))
        << message.informative.toStdString();
    EXPECT_FALSE(message.informative.contains(QStringLiteral("disk")))
        << message.informative.toStdString();

    // The page now knows: what would change the record is off, the history stays open.
    EXPECT_FALSE(window.startSessionAction()->isEnabled());
    EXPECT_FALSE(window.followUpAction()->isEnabled());
    EXPECT_FALSE(window.editPatientAction()->isEnabled());
    EXPECT_FALSE(window.archiveAction()->isEnabled());
    EXPECT_TRUE(window.openSessionAction()->isEnabled());
    PatientPage& page = *window.patientPage();
    for (const char* button : {"startSession", "followUp", "editPatient"}) {
        auto* b = page.findChild<QPushButton*>(QString::fromLatin1(button));
        ASSERT_NE(b, nullptr) << button;
        EXPECT_FALSE(b->isEnabled()) << button;
    }
    EXPECT_TRUE(page.findChild<QPushButton*>(QStringLiteral("openSession"))->isEnabled());
    EXPECT_TRUE(test::grabTo(window, "archived-patient.png"));
    SessionEditor* old = window.openSession(page.currentSessionId());
    ASSERT_NE(old, nullptr) << "the history stays readable";
    old->close();
}

TEST(ArchivedPatient, AnOpenSessionSaysTheRecordIsReadOnlyNotCheckTheDisk) {
    test::AppFixture app;
    MainWindow window(*app.services);
    window.show();
    const std::int64_t id = window.addPatient(Patient{0, "Ana Ruiz", "", "", "", false});
    ASSERT_GT(id, 0);
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    ASSERT_TRUE(app.services->patients().setArchived(id, true).ok());
    MessageCatcher message;
    message.arm();
    auto* save = editor->findChild<QPushButton*>(QStringLiteral("saveSession"));
    ASSERT_NE(save, nullptr);
    save->click();
    EXPECT_EQ(message.text, QStringLiteral("The session was not saved."));
    EXPECT_TRUE(message.informative.contains(QStringLiteral("archived and read-only")))
        << message.informative.toStdString();
    EXPECT_FALSE(message.informative.contains(QStringLiteral("disk")))
        << message.informative.toStdString();
    EXPECT_TRUE(editor->isModified());
    ASSERT_TRUE(app.services->patients().setArchived(id, false).ok());
    ASSERT_TRUE(editor->save().ok());
}

} // namespace
} // namespace hepdesk::gui
