// Issue 12, items 12 and 13: the catalog in the interface language, plural texts, fields that
// show their whole hint, and a session window that fits the screen and remembers being
// maximized.
#include "AppSettings.h"
#include "CatalogFilterModel.h"
#include "CatalogModel.h"
#include "ExercisesPage.h"
#include "MainWindow.h"
#include "PatientDialog.h"
#include "PatientListModel.h"
#include "ProgramModel.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "SignPage.h"
#include "Translations.h"
#include "WidgetTestSupport.h"
#include "WindowPlacement.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QTextBrowser>
#include <QWheelEvent>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

namespace hepdesk::gui {
namespace {

/// Installs `language` ("en" or "es") for one test and always goes back to plain English.
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

/// The catalog row's text for `exerciseId` in the Exercises step's list, as shown.
QString shownName(const ExercisesPage& page, const char* exerciseId) {
    const int row = page.catalogModel()->rowOf(exerciseId);
    EXPECT_GE(row, 0) << exerciseId;
    return page.catalogModel()->index(row, CatalogModel::NameColumn).data().toString();
}

void selectExercise(ExercisesPage& page, const char* exerciseId) {
    const int row = page.catalogModel()->rowOf(exerciseId);
    ASSERT_GE(row, 0);
    const QModelIndex proxy = page.filterModel()->mapFromSource(page.catalogModel()->index(row, 0));
    ASSERT_TRUE(proxy.isValid());
    page.catalogView()->setCurrentIndex(proxy);
}

TEST(SpanishCatalog, ExerciseListAndDetailsSpeakTheInterfaceLanguage) {
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    Interface spanish("es");
    MainWindow window(*app.services);
    window.show();
    window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    ExercisesPage& page = *editor->exercisesPage();
    EXPECT_EQ(shownName(page, "cat_cow"), QStringLiteral("Gato-vaca"));

    selectExercise(page, "cat_cow");
    const QString details = page.detailsPane()->toPlainText();
    EXPECT_TRUE(details.contains(QStringLiteral("Gato-vaca"))) << details.toStdString();
    EXPECT_TRUE(details.contains(
        QStringLiteral("Póngase en cuatro patas, con las manos y las rodillas en el suelo.")))
        << details.toStdString();
    EXPECT_FALSE(details.contains(QStringLiteral("Get on your hands and knees.")));
    editor->showStep(SessionEditor::ExercisesStep);
    EXPECT_TRUE(test::grabTo(*editor, "h9-exercises-es.png"));
    (void)editor->save();
}

TEST(SpanishCatalog, ExerciseListIsEnglishInTheEnglishInterface) {
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    Interface english("en");
    MainWindow window(*app.services);
    window.show();
    window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(shownName(*editor->exercisesPage(), "cat_cow"), QStringLiteral("Cat-cow"));
    editor->showStep(SessionEditor::ExercisesStep);
    EXPECT_TRUE(test::grabTo(*editor, "h9-exercises-en.png"));
    (void)editor->save();
}

Session withExercises(std::initializer_list<const char*> ids) {
    Session s;
    for (const char* id : ids) {
        s.program.items.push_back(ProgramItem{id, Dosage{}, ""});
    }
    return s;
}

TEST(PluralTexts, ProgramCountUsesSingularAndPluralForms) {
    {
        Interface spanish("es");
        SignPage page;
        page.showSession(withExercises({"cat_cow"}), QString());
        EXPECT_TRUE(page.summaryText().contains(QStringLiteral("Programa: 1 ejercicio\n")) ||
                    page.summaryText().endsWith(QStringLiteral("Programa: 1 ejercicio")))
            << page.summaryText().toStdString();
        page.showSession(withExercises({"cat_cow", "bird_dog"}), QString());
        EXPECT_TRUE(page.summaryText().contains(QStringLiteral("Programa: 2 ejercicios")))
            << page.summaryText().toStdString();
    }
    Interface english("en");
    SignPage page;
    page.showSession(withExercises({"cat_cow"}), QString());
    EXPECT_TRUE(page.summaryText().contains(QStringLiteral("Program: 1 exercise\n")) ||
                page.summaryText().endsWith(QStringLiteral("Program: 1 exercise")))
        << page.summaryText().toStdString();
    EXPECT_FALSE(page.summaryText().contains(QStringLiteral("exercise(s)")));
    page.showSession(withExercises({"cat_cow", "bird_dog"}), QString());
    EXPECT_TRUE(page.summaryText().contains(QStringLiteral("Program: 2 exercises")))
        << page.summaryText().toStdString();
}

TEST(PluralTexts, EveryCountedTextReadsWithoutParenthesesInEnglish) {
    // Every counted text the Spanish catalogue knows (numerus="yes", with its class), read in
    // the English interface for 1 and for 2: never "exercise(s)" or "caution(s)".
    QFile es(QStringLiteral(HEPDESK_TRANSLATIONS_DIR "/hepdesk_es.ts"));
    ASSERT_TRUE(es.open(QIODevice::ReadOnly)) << es.fileName().toStdString();
    Interface english("en");
    QXmlStreamReader xml(&es);
    QByteArray context;
    int counted = 0;
    bool numerus = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        if (xml.name() == u"name") {
            context = xml.readElementText().toUtf8();
        } else if (xml.name() == u"message") {
            numerus = xml.attributes().value(QStringLiteral("numerus")) == QStringLiteral("yes");
        } else if (xml.name() == u"source" && numerus) {
            const QByteArray source = xml.readElementText().toUtf8();
            if (!source.contains("(s)")) {
                continue;
            }
            ++counted;
            for (const int n : {1, 2}) {
                const QString text = QCoreApplication::translate(context.constData(),
                                                                 source.constData(), nullptr, n);
                EXPECT_FALSE(text.contains(QStringLiteral("(s)")))
                    << context.toStdString() << ": " << text.toStdString();
            }
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_GE(counted, 5) << "the counted texts were found in the catalogue";
}

/// True when the field shows its whole placeholder (inside its frame and text margins).
bool showsWholeHint(const QLineEdit& edit) {
    return edit.width() >= edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 12;
}

void expectWholeHints(const char* language, const char* shot) {
    Interface ui(language);
    PatientDialog dialog;
    dialog.show();
    for (const char* name : {"patientBirthDate", "patientRecord", "patientContact"}) {
        auto* edit = dialog.findChild<QLineEdit*>(QString::fromLatin1(name));
        ASSERT_NE(edit, nullptr) << name;
        EXPECT_TRUE(showsWholeHint(*edit))
            << language << " " << name << ": " << edit->placeholderText().toStdString();
    }
    EXPECT_TRUE(test::grabTo(dialog, shot));
}

TEST(ClippedTexts, PatientDialogShowsWholeHintsInBothLanguages) {
    expectWholeHints("en", "h9-patient-dialog-en.png");
    expectWholeHints("es", "h9-patient-dialog-es.png");
    Interface spanish("es");
    PatientDialog dialog;
    auto* record = dialog.findChild<QLineEdit*>(QStringLiteral("patientRecord"));
    ASSERT_NE(record, nullptr);
    EXPECT_EQ(record->placeholderText(), QStringLiteral("Nº de historia clínica (opcional)"));
}

void expectWholeSearchAndNames(const char* language, const char* shot) {
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    Interface ui(language);
    MainWindow window(*app.services);
    window.show();
    const QString longName = QStringLiteral("María Fernanda García-López Hernández");
    window.addPatient(Patient{0, longName.toStdString(), "1958-03-14", "H-2041", "", false});
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("patientSearch"));
    ASSERT_NE(search, nullptr);
    EXPECT_TRUE(showsWholeHint(*search)) << language;
    auto* list = window.findChild<QTableView*>(QStringLiteral("patientList"));
    ASSERT_NE(list, nullptr);
    EXPECT_GE(list->columnWidth(PatientListModel::NameColumn),
              list->fontMetrics().horizontalAdvance(longName) + 8)
        << language;
    EXPECT_TRUE(test::grabTo(window, shot));
}

TEST(ClippedTexts, PatientSearchHintAndLongNamesFitInBothLanguages) {
    expectWholeSearchAndNames("en", "h9-main-window-en.png");
    expectWholeSearchAndNames("es", "h9-main-window-es.png");
}

TEST(ClippedTexts, ExerciseSearchShowsItsWholeHint) {
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    Interface spanish("es");
    MainWindow window(*app.services);
    window.show();
    window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    editor->showStep(SessionEditor::ExercisesStep);
    ExercisesPage& page = *editor->exercisesPage();
    EXPECT_TRUE(showsWholeHint(*page.searchEdit()));
    // Every exercise's name is whole in its column (beside its picture).
    QTableView* view = page.catalogView();
    for (int row = 0; row < page.filterModel()->rowCount(); ++row) {
        const QString name =
            page.filterModel()->index(row, CatalogModel::NameColumn).data().toString();
        EXPECT_GE(view->columnWidth(CatalogModel::NameColumn),
                  view->fontMetrics().horizontalAdvance(name) + CatalogModel::kPictureSize.width())
            << name.toStdString();
    }
    (void)editor->save();
}

bool listed(const ExercisesPage& page, const char* exerciseId) {
    const int row = page.catalogModel()->rowOf(exerciseId);
    return row >= 0 &&
           page.filterModel()->mapFromSource(page.catalogModel()->index(row, 0)).isValid();
}

TEST(RegionFilter, ALowBackPatientSeesNoNeckExercisesUntilTheFilterIsWidened) {
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    MainWindow window(*app.services);
    window.show();
    window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    ExercisesPage& page = *editor->exercisesPage();
    // Nothing recorded yet: every region.
    EXPECT_TRUE(listed(page, "chin_tuck"));
    QCheckBox* lowBack = editor->screeningPage()->regionBox(Region::LowBack);
    ASSERT_NE(lowBack, nullptr);
    lowBack->click();
    EXPECT_FALSE(listed(page, "chin_tuck"));              // neck only
    EXPECT_FALSE(listed(page, "neck_side_bend_stretch")); // neck only
    EXPECT_TRUE(listed(page, "cat_cow"));                 // low and mid back
    EXPECT_TRUE(listed(page, "belly_breathing"));         // every region
    EXPECT_TRUE(page.regionFilter()->currentText().contains(QStringLiteral("Low back")))
        << page.regionFilter()->currentText().toStdString();
    editor->showStep(SessionEditor::ExercisesStep);
    EXPECT_TRUE(test::grabTo(*editor, "h9-exercises-low-back-en.png"));

    page.regionFilter()->setCurrentIndex(page.regionFilter()->findData(QString()));
    EXPECT_TRUE(listed(page, "chin_tuck"));
    page.regionFilter()->setCurrentIndex(page.regionFilter()->findData(QStringLiteral("neck")));
    EXPECT_TRUE(listed(page, "chin_tuck"));
    EXPECT_FALSE(listed(page, "cat_cow"));
    (void)editor->save();
}

TEST(SessionWindow, FitsASmallScreen) {
    // A 1366 x 1000 laptop screen, and a smaller one, with a task bar taking some of it.
    const QSize wanted(1200, 820);
    const QSize onLaptop = WindowPlacement::fitInto(wanted, QRect(0, 0, 1366, 1000));
    EXPECT_EQ(onLaptop, wanted);
    const QSize onSmall = WindowPlacement::fitInto(QSize(1200, 1400), QRect(0, 40, 1024, 700));
    EXPECT_LE(onSmall.width(), 1024);
    EXPECT_LE(onSmall.height(), 700 - 40); // the title bar stays on the screen too
    EXPECT_GT(onSmall.height(), 600);
}

TEST(SessionWindow, OpensWithinTheScreenAndRemembersBeingMaximized) {
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    appSettings().remove(QStringLiteral("sessionWindow"));
    MainWindow window(*app.services);
    window.show();
    window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    const QRect available = editor->screen()->availableGeometry();
    EXPECT_LE(editor->height(), available.height());
    EXPECT_LE(editor->width(), available.width());
    // The window can shrink to a 1000-pixel-high screen: its content does not force it taller.
    EXPECT_LE(editor->minimumSizeHint().height(), 1000 - 48);
    ASSERT_TRUE(editor->save().ok());
    const std::int64_t id = editor->session().id;
    editor->showMaximized();
    EXPECT_TRUE(editor->isMaximized());
    ASSERT_TRUE(editor->close());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the window is gone

    SessionEditor* again = window.openSession(id);
    ASSERT_NE(again, nullptr);
    EXPECT_TRUE(again->windowState().testFlag(Qt::WindowMaximized));
    again->showNormal();
    EXPECT_LE(again->height(), available.height());
    ASSERT_TRUE(again->close());
    appSettings().remove(QStringLiteral("sessionWindow"));
}

TEST(ExerciseDetails, FollowTheSelectedProgramItem) {
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    MainWindow window(*app.services);
    window.show();
    window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    editor->screeningPage()->regionBox(Region::LowBack)->click();
    ExercisesPage& page = *editor->exercisesPage();
    ASSERT_TRUE(page.addExercise("cat_cow")) << page.messageLabel()->text().toStdString();
    ASSERT_TRUE(page.addExercise("bird_dog")) << page.messageLabel()->text().toStdString();
    page.programView()->setCurrentIndex(editor->programModel()->index(0));
    EXPECT_TRUE(page.detailsPane()->toPlainText().startsWith(QStringLiteral("Cat-cow")))
        << page.detailsPane()->toPlainText().toStdString();
    page.programView()->setCurrentIndex(editor->programModel()->index(1));
    EXPECT_TRUE(page.detailsPane()->toPlainText().startsWith(QStringLiteral("Bird-dog")))
        << page.detailsPane()->toPlainText().toStdString();
    editor->showStep(SessionEditor::ExercisesStep);
    EXPECT_TRUE(test::grabTo(*editor, "h9-exercises-program-details-en.png"));
    (void)editor->save();
}

TEST(Questionnaires, NdiShowsForNeckPainOrWhenAnswered) {
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    MainWindow window(*app.services);
    window.show();
    window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    ScreeningPage& screening = *editor->screeningPage();
    editor->showStep(SessionEditor::ScreeningStep);
    EXPECT_FALSE(screening.ndiForm()->isVisible());
    screening.regionBox(Region::LowBack)->click();
    EXPECT_FALSE(screening.ndiForm()->isVisible());
    EXPECT_TRUE(screening.odiBox("walking")->isVisible());
    screening.regionBox(Region::Neck)->click();
    EXPECT_TRUE(screening.ndiForm()->isVisible());
    EXPECT_TRUE(test::grabTo(*editor, "h9-screening-neck-en.png"));
    // An answered NDI stays in view even when the neck is unticked.
    QComboBox* driving = screening.ndiBox("driving");
    driving->setCurrentIndex(driving->findData(2));
    screening.regionBox(Region::Neck)->click();
    EXPECT_TRUE(screening.ndiForm()->isVisible());
    driving->setCurrentIndex(0);
    EXPECT_FALSE(screening.ndiForm()->isVisible());
    (void)editor->save();
}

TEST(Questionnaires, ClinicianNotesAreNearTheTop) {
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    MainWindow window(*app.services);
    window.show();
    window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    editor->showStep(SessionEditor::ScreeningStep);
    ScreeningPage& screening = *editor->screeningPage();
    auto* notes = screening.findChild<QWidget*>(QStringLiteral("screeningNotes"));
    ASSERT_NE(notes, nullptr);
    EXPECT_TRUE(notes->isVisible());
    const int notesTop = notes->mapTo(&screening, QPoint(0, 0)).y();
    EXPECT_LT(notesTop,
              screening.findingBox("ces_saddle_numbness")->mapTo(&screening, QPoint(0, 0)).y());
    EXPECT_GT(notesTop, screening.regionBox(Region::Neck)->mapTo(&screening, QPoint(0, 0)).y());
    (void)editor->save();
}

TEST(Questionnaires, MouseWheelScrollsTheColumnAndLeavesAnswersAlone) {
    test::AppFixture app;
    ASSERT_NE(app.services, nullptr);
    MainWindow window(*app.services);
    window.show();
    window.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    SessionEditor* editor = window.openSession(0);
    ASSERT_NE(editor, nullptr);
    editor->showStep(SessionEditor::ScreeningStep);
    editor->resize(900, 500); // the form is taller than the window
    ScreeningPage& screening = *editor->screeningPage();
    auto* scroll = screening.findChild<QScrollArea*>();
    ASSERT_NE(scroll, nullptr);
    QScrollBar* bar = scroll->verticalScrollBar();
    ASSERT_GT(bar->maximum(), 0);
    QComboBox* answer = screening.odiBox("pain_intensity");
    ASSERT_NE(answer, nullptr);
    const int before = bar->value();
    const int answerBefore = answer->currentIndex();
    // Over an answer that the clinician has not clicked into: the answer stays and passes the
    // wheel on (Qt carries an ignored wheel from the mouse on to the parents, up to the scroll
    // area; a test's synthesized event is not carried on, so it is given to the area below).
    const QPointF at(answer->width() / 2.0, answer->height() / 2.0);
    QWheelEvent wheel(at, answer->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(answer, &wheel);
    EXPECT_EQ(answer->currentIndex(), answerBefore);
    EXPECT_FALSE(wheel.isAccepted());
    const QPointF inArea(scroll->viewport()->width() / 2.0, scroll->viewport()->height() / 2.0);
    QWheelEvent onArea(inArea, scroll->viewport()->mapToGlobal(inArea), QPoint(), QPoint(0, -120),
                       Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(scroll->viewport(), &onArea);
    EXPECT_GT(bar->value(), before);
    (void)editor->save();
}

} // namespace
} // namespace hepdesk::gui
