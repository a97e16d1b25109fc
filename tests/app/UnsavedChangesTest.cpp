// Closing a dialog with changes (Esc, Cancel, the window's close button) asks "Discard
// changes?"; Cancel keeps the dialog open with the edits, Discard closes it and writes nothing.
#include "AppPreferences.h"
#include "CustomExerciseDialog.h"
#include "MainWindow.h"
#include "PatientDialog.h"
#include "SettingsDialog.h"
#include "WidgetTestSupport.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/CustomExerciseRepository.h"
#include "hepdesk/db/PatientRepository.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <functional>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

/// What the "Discard changes?" question said, and whether it was asked at all.
struct Question {
    bool asked = false;
    QString text;
    QString informative;
    QString details;
};

QMessageBox* visibleMessageBox() {
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* box = qobject_cast<QMessageBox*>(w); box != nullptr && box->isVisible()) {
            return box;
        }
    }
    return nullptr;
}

/// Runs `action` (which may close the dialog) and answers the question it raises with
/// `choice`, from the question's own event loop. The question's screenshot goes to `png`.
Question closeAndAnswer(const std::function<void()>& action, QMessageBox::StandardButton choice,
                        const char* png = nullptr) {
    Question q;
    QTimer::singleShot(0, qApp, [&q, choice, png] {
        QMessageBox* box = visibleMessageBox();
        if (box == nullptr) {
            return; // no question: q.asked stays false
        }
        q.asked = true;
        q.text = box->text();
        q.informative = box->informativeText();
        q.details = box->detailedText();
        if (png != nullptr) {
            EXPECT_TRUE(test::grabTo(*box, png));
        }
        if (choice == QMessageBox::Cancel) {
            QTest::keyClick(box, Qt::Key_Escape); // Esc answers Cancel
        } else {
            box->button(choice)->click();
        }
    });
    action();
    QCoreApplication::processEvents(); // a question never raised: the timer finds none
    return q;
}

QDialog* activeDialog() {
    return qobject_cast<QDialog*>(QApplication::activeModalWidget());
}

void pressEsc(QWidget* dialog) {
    QWidget* target = dialog->focusWidget() != nullptr ? dialog->focusWidget() : dialog;
    QTest::keyClick(target, Qt::Key_Escape);
}

TEST(UnsavedChanges, PatientDialogAsksOnEscKeepsEditsOnCancelAndWritesNothingOnDiscard) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow w(*app.services);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));

    bool driven = false;
    QTimer::singleShot(0, &w, [&] {
        auto* d = qobject_cast<PatientDialog*>(activeDialog());
        ASSERT_NE(d, nullptr);
        // Nothing typed: Esc closes at once, without a question... (checked after exec)
        QTest::keyClicks(d->nameEdit(), QStringLiteral("Ana"));
        QTest::keyClick(d->nameEdit(), Qt::Key_Backspace);
        QTest::keyClick(d->nameEdit(), Qt::Key_Backspace);
        QTest::keyClick(d->nameEdit(), Qt::Key_Backspace);
        EXPECT_TRUE(d->changedFields().isEmpty()) << "typed and deleted again: unchanged";

        test::typeText(d->nameEdit(), QStringLiteral("Zoë Ruiz"));
        QTest::keyClicks(d->contactEdit(), QStringLiteral("555-0100"));
        d->nameEdit()->setFocus();
        const Question cancel =
            closeAndAnswer([d] { pressEsc(d); }, QMessageBox::Cancel, "discard-changes-prompt.png");
        EXPECT_TRUE(cancel.asked) << "Esc with changes asks";
        EXPECT_EQ(cancel.text, QStringLiteral("Discard changes?"));
        EXPECT_TRUE(cancel.informative.contains(QStringLiteral("Full name")))
            << cancel.informative.toStdString();
        EXPECT_TRUE(cancel.informative.contains(QStringLiteral("Contact")))
            << cancel.informative.toStdString();
        EXPECT_TRUE(cancel.details.contains(QStringLiteral("Zoë Ruiz")))
            << cancel.details.toStdString();
        EXPECT_TRUE(d->isVisible()) << "Cancel keeps the dialog open";
        EXPECT_EQ(d->nameEdit()->text(), QStringLiteral("Zoë Ruiz")) << "with the edit";

        // The Cancel button asks too; Discard closes the dialog.
        auto* buttons = d->findChild<QDialogButtonBox*>();
        ASSERT_NE(buttons, nullptr);
        const Question discard =
            closeAndAnswer([buttons] { buttons->button(QDialogButtonBox::Cancel)->click(); },
                           QMessageBox::Discard);
        EXPECT_TRUE(discard.asked);
        EXPECT_FALSE(d->isVisible()) << "Discard closes the dialog";
        driven = true;
    });
    w.newPatientAction()->trigger();
    ASSERT_TRUE(driven);
    auto stored = app.services->patients().list({});
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored->empty()) << "nothing was written";

    // Unchanged: Esc closes without a question.
    bool untouched = false;
    QTimer::singleShot(0, &w, [&] {
        auto* d = qobject_cast<PatientDialog*>(activeDialog());
        ASSERT_NE(d, nullptr);
        const Question none = closeAndAnswer([d] { pressEsc(d); }, QMessageBox::Discard);
        EXPECT_FALSE(none.asked);
        EXPECT_FALSE(d->isVisible());
        untouched = true;
    });
    w.newPatientAction()->trigger();
    EXPECT_TRUE(untouched);
}

TEST(UnsavedChanges, EditingAPatientAndClosingTheWindowAsksAndKeepsTheStoredDetails) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow w(*app.services);
    w.show();
    const auto id = w.addPatient(Patient{0, "Iker Sanz", "1980-02-03", "S-9", "", false});
    ASSERT_NE(id, 0);
    w.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));

    bool driven = false;
    QTimer::singleShot(0, &w, [&] {
        auto* d = qobject_cast<PatientDialog*>(activeDialog());
        ASSERT_NE(d, nullptr);
        EXPECT_TRUE(d->changedFields().isEmpty()) << "filled from the database: unchanged";
        d->recordEdit()->selectAll();
        QTest::keyClicks(d->recordEdit(), QStringLiteral("S-10"));
        EXPECT_EQ(d->changedFields(), QStringList{QStringLiteral("Record number")});
        const Question cancel = closeAndAnswer([d] { d->close(); }, QMessageBox::Cancel);
        EXPECT_TRUE(cancel.asked) << "the window's close button asks";
        EXPECT_TRUE(d->isVisible());
        EXPECT_EQ(d->recordEdit()->text(), QStringLiteral("S-10"));
        // Reverting by hand: no question any more.
        d->recordEdit()->selectAll();
        QTest::keyClicks(d->recordEdit(), QStringLiteral("S-9"));
        const Question none = closeAndAnswer([d] { pressEsc(d); }, QMessageBox::Discard);
        EXPECT_FALSE(none.asked) << "reverted: nothing to lose";
        EXPECT_FALSE(d->isVisible());
        driven = true;
    });
    QTest::keySequence(&w, w.findChild<QAction*>(QStringLiteral("actionEditPatient"))->shortcut());
    ASSERT_TRUE(driven);
    auto p = app.services->patients().get(id);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->recordNumber, "S-9");
}

TEST(UnsavedChanges, SettingsDialogAsksAndDiscardLeavesTheDatabaseAndPreferencesAlone) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow w(*app.services);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    const QString languageBefore = AppPreferences().handoutLanguage();

    bool driven = false;
    QTimer::singleShot(0, &w, [&] {
        auto* d = qobject_cast<SettingsDialog*>(activeDialog());
        ASSERT_NE(d, nullptr);
        EXPECT_TRUE(d->changedFields().isEmpty()) << "just loaded: unchanged";
        d->clinicNameEdit()->setFocus();
        test::typeText(d->clinicNameEdit(), QStringLiteral("Fisio Sur"));
        d->clinicAddressEdit()->setFocus();
        QTest::keyClicks(d->clinicAddressEdit(), QStringLiteral("Calle 1"));
        d->languageBox()->setFocus();
        QTest::keyClick(d->languageBox(), Qt::Key_Down); // English -> Spanish
        const Question cancel = closeAndAnswer([d] { pressEsc(d); }, QMessageBox::Cancel);
        EXPECT_TRUE(cancel.asked);
        for (const char* field : {"Clinic name", "Clinic address", "Default handout language"}) {
            EXPECT_TRUE(cancel.informative.contains(QString::fromLatin1(field)))
                << field << ": " << cancel.informative.toStdString();
        }
        EXPECT_TRUE(d->isVisible());
        EXPECT_EQ(d->clinicNameEdit()->text(), QStringLiteral("Fisio Sur"));
        EXPECT_TRUE(test::grabTo(*d, "settings-dialog-unsaved.png"));

        const Question discard = closeAndAnswer([d] { pressEsc(d); }, QMessageBox::Discard);
        EXPECT_TRUE(discard.asked);
        EXPECT_FALSE(d->isVisible());
        driven = true;
    });
    w.settingsAction()->trigger();
    ASSERT_TRUE(driven);
    auto clinic = app.services->clinic().load();
    ASSERT_TRUE(clinic.ok());
    EXPECT_EQ(clinic->name, "") << "nothing was written";
    EXPECT_EQ(clinic->address, "");
    EXPECT_EQ(AppPreferences().handoutLanguage(), languageBefore) << "no preference either";
}

TEST(UnsavedChanges, SettingsDialogTracksTheLogoHeldInMemory) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    SettingsDialog d(app.services->clinic(), app.services->clinicians());
    ASSERT_TRUE(d.load().ok());
    QImage logo(8, 8, QImage::Format_RGB32);
    logo.fill(Qt::darkGreen);
    const QString file = QString::fromStdString((app.dir / "logo.png").string());
    ASSERT_TRUE(logo.save(file, "PNG"));
    ASSERT_TRUE(d.setLogoFile(file).ok());
    EXPECT_EQ(d.changedFields(), QStringList{QStringLiteral("Logo")});
    d.backupFolderEdit()->setText(QString::fromStdString((app.dir / "backups").string()));
    ASSERT_TRUE(d.save().ok());
    EXPECT_TRUE(d.changedFields().isEmpty()) << "saved: unchanged again";
}

TEST(UnsavedChanges, CustomExerciseDialogAsksAndDiscardStoresNoExercise) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow w(*app.services);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));

    bool driven = false;
    QTimer::singleShot(0, &w, [&] {
        auto* d = qobject_cast<CustomExerciseDialog*>(activeDialog());
        ASSERT_NE(d, nullptr);
        d->idEdit()->setFocus();
        QTest::keyClicks(d->idEdit(), QStringLiteral("clinic_wall_slide"));
        d->nameEdit("en")->setFocus();
        QTest::keyClicks(d->nameEdit("en"), QStringLiteral("Wall slide"));
        d->stepsEdit("en")->setFocus();
        QTest::keyClicks(d->stepsEdit("en"), QStringLiteral("Stand with your back to a wall."));

        const Question cancel = closeAndAnswer([d] { pressEsc(d); }, QMessageBox::Cancel);
        EXPECT_TRUE(cancel.asked);
        EXPECT_TRUE(cancel.informative.contains(QStringLiteral("Identifier")))
            << cancel.informative.toStdString();
        EXPECT_TRUE(cancel.informative.contains(QStringLiteral("Name (en)")));
        EXPECT_TRUE(cancel.informative.contains(QStringLiteral("Steps (en)")));
        EXPECT_TRUE(d->isVisible());
        EXPECT_EQ(d->nameEdit("en")->text(), QStringLiteral("Wall slide"));

        auto* buttons = d->findChild<QDialogButtonBox*>();
        ASSERT_NE(buttons, nullptr);
        const Question discard =
            closeAndAnswer([buttons] { buttons->button(QDialogButtonBox::Cancel)->click(); },
                           QMessageBox::Discard);
        EXPECT_TRUE(discard.asked);
        EXPECT_FALSE(d->isVisible());
        driven = true;
    });
    w.findChild<QAction*>(QStringLiteral("actionCustomExercises"))->trigger();
    ASSERT_TRUE(driven);
    auto stored = app.services->customExercises().list();
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored->empty()) << "nothing was written";
    EXPECT_EQ(app.services->catalog().find("clinic_wall_slide"), nullptr);
}

TEST(UnsavedChanges, CustomExerciseDialogAsksBeforeLoadingAnotherExerciseOverEdits) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    {
        CustomExerciseDialog first(*app.services);
        first.idEdit()->setText(QStringLiteral("clinic_wall_slide"));
        for (const char* lang : {"en", "es"}) {
            first.nameEdit(lang)->setText(QStringLiteral("Wall slide"));
            first.stepsEdit(lang)->setPlainText(
                QStringLiteral("Stand with your back to a wall.\nSlide up the wall."));
            first.stopIfEdit(lang)->setPlainText(QStringLiteral("Sharp pain."));
            first.tipsEdit(lang)->setPlainText(QStringLiteral("Go slowly."));
        }
        for (auto* e : first.findChildren<QLineEdit*>()) {
            if (e->accessibleName().startsWith(QStringLiteral("Picture description"))) {
                e->setText(QStringLiteral("A person slides up a wall."));
            }
        }
        first.regionBox(Region::Neck)->setChecked(true);
        first.positionBox()->setCurrentText(QStringLiteral("standing"));
        auto saved = first.save();
        ASSERT_TRUE(saved.ok()) << saved.error().message;
        EXPECT_TRUE(first.changedFields().isEmpty()) << "saved: unchanged";
    }
    CustomExerciseDialog d(*app.services);
    d.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&d));
    auto* chooser = d.findChild<QComboBox*>();
    ASSERT_NE(chooser, nullptr);
    ASSERT_EQ(chooser->count(), 2) << "New exercise, Wall slide";
    QTest::keyClicks(d.nameEdit("en"), QStringLiteral("Neck glide"));

    const Question cancel =
        closeAndAnswer([chooser] { QTest::keyClick(chooser, Qt::Key_Down); }, QMessageBox::Cancel);
    EXPECT_TRUE(cancel.asked) << "loading Wall slide would replace the typed name";
    EXPECT_EQ(chooser->currentIndex(), 0) << "Cancel stays on the form being edited";
    EXPECT_EQ(d.nameEdit("en")->text(), QStringLiteral("Neck glide"));

    const Question discard =
        closeAndAnswer([chooser] { QTest::keyClick(chooser, Qt::Key_Down); }, QMessageBox::Discard);
    EXPECT_TRUE(discard.asked);
    EXPECT_EQ(chooser->currentIndex(), 1);
    EXPECT_EQ(d.nameEdit("en")->text(), QStringLiteral("Wall slide")) << "loaded";
    EXPECT_TRUE(d.changedFields().isEmpty()) << "just loaded: unchanged";
}

} // namespace
} // namespace hepdesk::gui
