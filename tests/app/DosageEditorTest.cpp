#include "DosageEditor.h"

#include "CatalogFilterModel.h"
#include "CatalogModel.h"
#include "CustomExerciseDialog.h"
#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "MainWindow.h"
#include "ProgramModel.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "WidgetTestSupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>

// Issue 12 item 4 and issue 13: one dosage editor for the program step and the clinic-exercise
// dialog that never changes what was typed without saying so.
namespace hepdesk::gui {
namespace {

std::string pdfText(const std::filesystem::path& file) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(file.string()));
    std::string all;
    for (int i = 0; doc && i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        const auto bytes = page->text().to_utf8();
        all.append(bytes.begin(), bytes.end());
        all += ' ';
    }
    std::string flat; // line breaks fall anywhere
    for (char c : all) {
        if ((c == '\n' || c == ' ') && (flat.empty() || flat.back() == ' ')) {
            continue;
        }
        flat.push_back(c == '\n' ? ' ' : c);
    }
    return flat;
}

void typeInto(QSpinBox* box, const QString& text) {
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return); // typing ends: the value is taken or refused
}

TEST(DosageEditor, NineHundredSecondsStayNineHundredAndTooLongIsRefusedWithAMessage) {
    DosageEditor editor;
    editor.setDosage(Dosage{1, 0, 30, 1, false});
    editor.show();
    QList<Dosage> edited;
    QObject::connect(&editor, &DosageEditor::dosageEdited, &editor,
                     [&](const Dosage& d) { edited << d; });

    typeInto(editor.holdBox(), QStringLiteral("900"));
    EXPECT_EQ(editor.holdBox()->value(), 900) << "not cut to 90";
    EXPECT_EQ(editor.dosage().holdSeconds, 900);
    EXPECT_TRUE(editor.messageLabel()->isHidden());
    ASSERT_FALSE(edited.isEmpty());
    EXPECT_EQ(edited.back().holdSeconds, 900);

    typeInto(editor.holdBox(), QStringLiteral("5000"));
    EXPECT_EQ(editor.holdBox()->value(), 5000) << "what was typed stays in the box";
    EXPECT_FALSE(editor.isAcceptable());
    EXPECT_TRUE(editor.messageLabel()->isVisible());
    EXPECT_TRUE(editor.messageLabel()->text().contains(QStringLiteral("0 to 3600, got 5000")))
        << editor.messageLabel()->text().toStdString();
    EXPECT_EQ(editor.dosage().holdSeconds, 900) << "the refused value is not kept";
    EXPECT_EQ(edited.back().holdSeconds, 900);
    EXPECT_TRUE(test::grabTo(editor, "h6-dosage-refused.png"));
}

TEST(DosageEditor, UnitChangesOnlyWhenTheTimeConvertsExactly) {
    DosageEditor editor;
    editor.setDosage(Dosage{1, 0, 600, 2, false});
    QComboBox* unit = editor.holdUnitBox();
    unit->setCurrentIndex(unit->findData(static_cast<int>(HoldUnit::Minutes)));
    EXPECT_EQ(editor.holdBox()->value(), 10);
    EXPECT_EQ(editor.dosage().holdUnit, HoldUnit::Minutes);
    EXPECT_EQ(editor.dosage().holdSeconds, 600);

    typeInto(editor.holdBox(), QStringLiteral("61"));
    EXPECT_TRUE(editor.messageLabel()->text().contains(QStringLiteral("0 to 60, got 61")))
        << editor.messageLabel()->text().toStdString();
    typeInto(editor.holdBox(), QStringLiteral("45"));
    EXPECT_TRUE(editor.isAcceptable());
    EXPECT_EQ(editor.dosage().holdSeconds, 45 * 60);

    editor.setDosage(Dosage{1, 0, 90, 1, false});
    unit->setCurrentIndex(unit->findData(static_cast<int>(HoldUnit::Minutes)));
    EXPECT_EQ(unit->currentData().toInt(), static_cast<int>(HoldUnit::Seconds));
    EXPECT_EQ(editor.holdBox()->value(), 90);
    EXPECT_TRUE(editor.messageLabel()->text().contains(QStringLiteral("not a whole number")))
        << editor.messageLabel()->text().toStdString();

    editor.setDosage(Dosage{1, 10, 0, 1, false});
    typeInto(editor.daysPerWeekBox(), QStringLiteral("5"));
    typeInto(editor.weeksBox(), QStringLiteral("6"));
    EXPECT_EQ(editor.dosage().daysPerWeek, 5);
    EXPECT_EQ(editor.dosage().weeks, 6);
    typeInto(editor.daysPerWeekBox(), QStringLiteral("8"));
    EXPECT_TRUE(editor.messageLabel()->text().contains(QStringLiteral("days per week")));
    EXPECT_EQ(editor.dosage().daysPerWeek, 5);
}

struct Visit {
    test::AppFixture app;
    std::unique_ptr<MainWindow> window;
    SessionEditor* editor = nullptr;
    Visit() {
        window = std::make_unique<MainWindow>(*app.services);
        window->show();
        window->addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
        editor = window->openSession(0);
        if (editor != nullptr) {
            test::recordPainNow(*editor); // screen first: a routine screening
        }
    }
};

TEST(DosageEditor, TenMinutesOfWalkingStayTenMinutesInTheHandout) {
    Visit v;
    ASSERT_NE(v.editor, nullptr);
    ExercisesPage& page = *v.editor->exercisesPage();
    v.editor->showStep(SessionEditor::ExercisesStep);
    ASSERT_TRUE(page.addExercise("short_walk")) << page.messageLabel()->text().toStdString();
    ASSERT_TRUE(page.addExercise("chin_tuck"));
    ProgramModel& program = *v.editor->programModel();
    page.programView()->setCurrentIndex(program.index(0));
    DosageEditor& dosage = *page.dosageEditor();
    dosage.holdUnitBox()->setCurrentIndex(
        dosage.holdUnitBox()->findData(static_cast<int>(HoldUnit::Minutes)));
    typeInto(dosage.holdBox(), QStringLiteral("10"));
    typeInto(dosage.daysPerWeekBox(), QStringLiteral("5"));
    typeInto(dosage.weeksBox(), QStringLiteral("6"));
    page.programView()->setCurrentIndex(program.index(1));
    typeInto(page.dosageEditor()->holdBox(), QStringLiteral("900"));
    EXPECT_EQ(program.program().items[1].dosage.holdSeconds, 900);

    const Dosage walk = program.program().items[0].dosage;
    EXPECT_EQ(walk.holdUnit, HoldUnit::Minutes);
    EXPECT_EQ(walk.holdSeconds, 600);
    const QString listed = program.index(0).data(Qt::DisplayRole).toString();
    EXPECT_TRUE(listed.contains(QStringLiteral("10 min, twice a day, 5 days a week, 6 weeks")))
        << listed.toStdString();
    EXPECT_TRUE(test::grabTo(*v.editor, "h6-program-dosage.png"));

    // The handout as the Handout step lays it out and would export it, read back from the PDF.
    const auto pdf = v.app.dir / "walk.pdf";
    ASSERT_TRUE(
        v.app.services->writer()
            .writePdf(v.editor->handoutPage()->request(), v.app.services->catalog().entries(), pdf)
            .ok());
    const std::string text = pdfText(pdf);
    EXPECT_NE(text.find("For 10 minutes, twice a day, 5 days a week, for 6 weeks"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("for 15 minutes"), std::string::npos) << "900 s, not 90 s: " << text;
    EXPECT_EQ(text.find("90 seconds"), std::string::npos) << text;

    // Schema 12 stores minutes, days a week and weeks: the exported session keeps them as typed.
    auto id =
        test::exportAndWait(*v.editor, QString::fromStdString((v.app.dir / "x.pdf").string()));
    ASSERT_TRUE(id.ok()) << id.error().message;
    auto rosa = v.app.services->patients().search("Rosa Diaz", {});
    ASSERT_TRUE(rosa.ok() && rosa->size() == 1U);
    auto stored = v.app.services->sessions().history(rosa->front().id, {});
    ASSERT_TRUE(stored.ok() && stored->size() == 1U);
    const auto& items = stored->front().program.items;
    ASSERT_EQ(items.size(), 2U);
    EXPECT_EQ(items[0].dosage, walk) << "nothing changed";
    EXPECT_EQ(items[1].dosage.holdSeconds, 900);
}

TEST(DosageEditor, CautionIsMarkedInTheProgramAndAskedOnceWhenAdded) {
    Visit v;
    ASSERT_NE(v.editor, nullptr);
    v.editor->screeningPage()->findingBox("osteoporosis")->click();
    ExercisesPage& page = *v.editor->exercisesPage();
    v.editor->showStep(SessionEditor::ExercisesStep);
    page.searchEdit()->setText(QStringLiteral("seated thoracic"));
    ASSERT_GE(page.filterModel()->rowCount(), 1);
    page.catalogView()->setCurrentIndex(page.filterModel()->index(0, CatalogModel::NameColumn));

    int asked = 0;
    QString shown;
    const auto answer = [&](bool add) {
        QTimer::singleShot(0, qApp, [&, add] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            ASSERT_NE(box, nullptr) << "a question is shown";
            ++asked;
            shown = box->text() + QLatin1Char('\n') + box->informativeText();
            EXPECT_TRUE(test::grabTo(*box, "h6-caution-question.png"));
            for (QAbstractButton* b : box->buttons()) {
                if (box->buttonRole(b) ==
                    (add ? QMessageBox::AcceptRole : QMessageBox::RejectRole)) {
                    b->click();
                }
            }
        });
    };
    answer(false);
    page.addButton()->click();
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(v.editor->programModel()->rowCount(), 0) << "declined";
    EXPECT_TRUE(shown.contains(QStringLiteral("rotation"), Qt::CaseInsensitive))
        << shown.toStdString();

    answer(true);
    page.addButton()->click();
    EXPECT_EQ(asked, 2) << "one question per add";
    ASSERT_EQ(v.editor->programModel()->rowCount(), 1);
    const QModelIndex row = v.editor->programModel()->index(0);
    EXPECT_TRUE(row.data(Qt::DisplayRole).toString().contains(QStringLiteral("caution")))
        << row.data(Qt::DisplayRole).toString().toStdString();
    EXPECT_TRUE(row.data(Qt::ForegroundRole).isValid());

    // An eligible exercise is added without a question.
    page.searchEdit()->setText(QStringLiteral("pelvic tilt"));
    page.catalogView()->setCurrentIndex(page.filterModel()->index(0, CatalogModel::NameColumn));
    page.addButton()->click();
    EXPECT_EQ(asked, 2);
    EXPECT_EQ(v.editor->programModel()->rowCount(), 2);
    EXPECT_TRUE(test::grabTo(*v.editor, "h6-program-caution.png"));
}

TEST(DosageEditor, TheClinicExerciseDialogUsesTheSameEditorAndSavesNoRefusedValue) {
    test::AppFixture app;
    CustomExerciseDialog dialog(*app.services);
    DosageEditor* editor = dialog.dosageEditor();
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(dialog.findChildren<DosageEditor*>().size(), 1);
    EXPECT_EQ(dialog.repsBox(), editor->repsBox());
    typeInto(editor->holdBox(), QStringLiteral("7000"));
    EXPECT_FALSE(editor->isAcceptable());
    auto saved = dialog.save();
    ASSERT_FALSE(saved.ok());
    EXPECT_NE(saved.error().message.find("got 7000"), std::string::npos) << saved.error().message;
}

} // namespace
} // namespace hepdesk::gui
