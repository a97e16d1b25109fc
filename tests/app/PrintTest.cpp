// Print and Print preview (Qt PrintSupport): the printed sheets carry the exported PDF's pages
// and text, the preview shows as many pages as the handout, and a triage emergency blocks both
// exactly like it blocks the export.
#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "HandoutPreview.h"
#include "MainWindow.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "WidgetTestSupport.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/db/ClinicRepository.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <filesystem>
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>

namespace hepdesk::gui {
namespace {

/// One PDF read back with Poppler: each page's text and size in points.
struct PdfPages {
    std::vector<std::string> text;
    std::vector<std::pair<double, double>> size;
};

PdfPages readPdf(const std::filesystem::path& file) {
    PdfPages out;
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(file.string()));
    if (!doc) {
        ADD_FAILURE() << "Poppler cannot read " << file;
        return out;
    }
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        const auto bytes = page->text().to_utf8();
        out.text.emplace_back(bytes.begin(), bytes.end());
        const poppler::rectf r = page->page_rect();
        out.size.emplace_back(r.width(), r.height());
    }
    return out;
}

/// The pages of `pdf` whose text holds `needle`.
std::vector<std::size_t> pagesWith(const PdfPages& pdf, const std::string& needle) {
    std::vector<std::size_t> pages;
    for (std::size_t i = 0; i < pdf.text.size(); ++i) {
        if (pdf.text[i].find(needle) != std::string::npos) {
            pages.push_back(i);
        }
    }
    return pages;
}

template <class T> T* visibleTopLevel() {
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* t = qobject_cast<T*>(w); t != nullptr && t->isVisible()) {
            return t;
        }
    }
    return nullptr;
}

/// A session window for a fresh patient with a clinic and a four-exercise program.
/// Sets `printer` up as the print dialog gets it for `handout`, but writing a PDF file `file`
/// instead of to a queue.
void toPdfFile(QPrinter& printer, const HandoutPage& handout, const std::filesystem::path& file) {
    handout.preparePrinter(printer);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(QString::fromStdString(file.string()));
}

struct PrintVisit {
    test::AppFixture app;
    std::unique_ptr<MainWindow> window;
    SessionEditor* editor = nullptr;
    std::vector<std::string> exercises{"pelvic_tilt", "cat_cow", "bird_dog", "chin_tuck"};

    PrintVisit() {
        ClinicSettings clinic;
        clinic.name = "Clínica Norte";
        clinic.phone = "555-0199";
        EXPECT_TRUE(app.services->clinic().save(clinic).ok());
        window = std::make_unique<MainWindow>(*app.services);
        window->show();
        window->addPatient(Patient{0, "Marta Vidal Ortega", "1962-09-14", "V-3", "", false});
        editor = window->openSession(0);
        if (editor == nullptr) {
            return;
        }
        test::recordPainNow(*editor); // screen first: a routine screening
        for (const auto& id : exercises) {
            EXPECT_TRUE(editor->exercisesPage()->addExercise(id)) << id;
        }
        editor->showStep(SessionEditor::HandoutStep);
        editor->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(editor));
    }
    ~PrintVisit() {
        if (editor != nullptr) {
            (void)editor->save(); // stored, so closing does not ask
        }
    }
    [[nodiscard]] std::string title(const std::string& id) const {
        const CatalogEntry* e = app.services->catalog().find(id);
        return e != nullptr ? e->name.text("en") : id;
    }
};

TEST(Print, PrintedSheetsHaveTheExportedPdfsPagesAndText) {
    PrintVisit v;
    ASSERT_NE(v.editor, nullptr);
    HandoutPage& handout = *v.editor->handoutPage();
    ASSERT_TRUE(handout.canExport()) << handout.blockedReason().toStdString();

    const auto exported = v.app.dir / "exported.pdf";
    QSignalSpy written(v.editor, &SessionEditor::handoutExported);
    auto started = v.editor->startExport(QString::fromStdString(exported.string()));
    ASSERT_TRUE(started.ok()) << started.error().message;
    for (int i = 0; i < 120 && written.isEmpty(); ++i) {
        (void)written.wait(500);
    }
    ASSERT_EQ(written.size(), 1) << "the export on the worker thread finished";

    // The printer as the print dialog would get it, writing a PDF file instead of a queue.
    const auto printed = v.app.dir / "printed.pdf";
    QPrinter printer(QPrinter::HighResolution);
    toPdfFile(printer, handout, printed);
    auto s = v.editor->printHandout(printer);
    ASSERT_TRUE(s.ok()) << s.error().message;
    std::filesystem::copy_file(printed, hepdesk::test::artifactsDir() / "printed-handout.pdf",
                               std::filesystem::copy_options::overwrite_existing);

    const PdfPages pdf = readPdf(exported);
    const PdfPages paper = readPdf(printed);
    ASSERT_GE(pdf.text.size(), 2U) << "four exercises take more than one page";
    ASSERT_EQ(paper.text.size(), pdf.text.size()) << "one printed sheet per handout page";
    EXPECT_EQ(paper.text.size(), handout.preview()->pages().size());
    for (std::size_t i = 0; i < pdf.size.size(); ++i) {
        EXPECT_NEAR(paper.size[i].first, pdf.size[i].first, 1.0) << "page " << i;
        EXPECT_NEAR(paper.size[i].second, pdf.size[i].second, 1.0) << "page " << i;
    }
    std::vector<std::string> keys{"Marta Vidal Ortega", "Clínica Norte",
                                  "When to stop and get help"};
    for (const auto& id : v.exercises) {
        keys.push_back(v.title(id));
    }
    for (const auto& key : keys) {
        const auto where = pagesWith(pdf, key);
        EXPECT_FALSE(where.empty()) << key << " is in the exported PDF";
        EXPECT_EQ(pagesWith(paper, key), where) << key << ": on the same printed pages";
    }
}

TEST(Print, PreviewShowsTheHandoutsPagesAndCloses) {
    PrintVisit v;
    ASSERT_NE(v.editor, nullptr);
    const std::size_t pages = v.editor->handoutPage()->preview()->pages().size();
    ASSERT_GE(pages, 2U);

    int shown = -1;
    QTimer::singleShot(0, v.editor, [&shown] {
        auto* dialog = visibleTopLevel<QPrintPreviewDialog>();
        ASSERT_NE(dialog, nullptr) << "Ctrl+Shift+P opens the print preview";
        auto* preview = dialog->findChild<QPrintPreviewWidget*>();
        ASSERT_NE(preview, nullptr);
        shown = preview->pageCount();
        dialog->resize(900, 700);
        EXPECT_TRUE(test::grabTo(*dialog, "handout-print-preview.png"));
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    QTest::keyClick(v.editor, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(shown, static_cast<int>(pages));
    EXPECT_EQ(visibleTopLevel<QPrintPreviewDialog>(), nullptr) << "closed";
}

TEST(Print, CtrlPOpensThePrintDialogWhenTheHandoutIsAllowed) {
    PrintVisit v;
    ASSERT_NE(v.editor, nullptr);
    bool opened = false;
    QTimer::singleShot(0, v.editor, [&opened] {
        auto* dialog = visibleTopLevel<QPrintDialog>();
        ASSERT_NE(dialog, nullptr);
        opened = true;
        EXPECT_EQ(dialog->printer()->pageLayout().pageSize().id(), QPageSize::A4)
            << "set up for the handout's paper";
        dialog->reject();
    });
    QTest::keyClick(v.editor, Qt::Key_P, Qt::ControlModifier);
    EXPECT_TRUE(opened);
}

TEST(Print, EmergencyBlocksPrintAndPreviewLikeExport) {
    PrintVisit v;
    ASSERT_NE(v.editor, nullptr);
    v.editor->screeningPage()->findingBox("ces_saddle_numbness")->click();
    HandoutPage& handout = *v.editor->handoutPage();
    ASSERT_FALSE(handout.canExport());
    EXPECT_FALSE(handout.printButton()->isEnabled());
    EXPECT_FALSE(handout.printPreviewButton()->isEnabled());

    // Called directly: refused with the reason, and no file.
    const auto printed = v.app.dir / "blocked-print.pdf";
    QPrinter printer(QPrinter::HighResolution);
    toPdfFile(printer, handout, printed);
    auto refused = v.editor->printHandout(printer);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, Error::Kind::Refused);
    EXPECT_NE(refused.error().message.find("referral"), std::string::npos)
        << refused.error().message;
    EXPECT_FALSE(std::filesystem::exists(printed));

    // By the shortcuts: a message says why; neither the print dialog nor the preview opens.
    for (const auto& [key, name] :
         {std::pair{QKeySequence(QKeySequence::Print), "print"},
          std::pair{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), "preview"}}) {
        v.editor->activateWindow(); // back from the last message
        ASSERT_TRUE(QTest::qWaitForWindowActive(v.editor));
        v.editor->showStep(SessionEditor::ScreeningStep);
        QTest::keySequence(v.editor, key);
        // Issue 12 item 9: no dialog repeats the reason; the Handout step shows it, once.
        EXPECT_EQ(visibleTopLevel<QPrintDialog>(), nullptr) << name;
        EXPECT_EQ(visibleTopLevel<QPrintPreviewDialog>(), nullptr) << name;
        EXPECT_EQ(visibleTopLevel<QMessageBox>(), nullptr) << name;
        EXPECT_EQ(v.editor->steps()->currentWidget(), v.editor->handoutPage()) << name;
        EXPECT_TRUE(v.editor->statusBar()->currentMessage().startsWith(
            QStringLiteral("The handout cannot be printed yet.")))
            << v.editor->statusBar()->currentMessage().toStdString();
        EXPECT_TRUE(handout.blockedReason().contains(QStringLiteral("referral")))
            << handout.blockedReason().toStdString();
        if (std::string(name) == "print") {
            EXPECT_TRUE(test::grabTo(*v.editor, "print-blocked-emergency.png"));
        }
    }

    // With the override reason written, printing is allowed again.
    handout.overrideKindBox()->setCurrentIndex(
        handout.overrideKindBox()->findData(QStringLiteral("referral_arranged")));
    handout.overrideEdit()->setFocus();
    QTest::keyClicks(handout.overrideEdit(), QStringLiteral("Sent to ED; exercises for after"));
    ASSERT_TRUE(handout.canExport());
    auto s = v.editor->printHandout(printer);
    EXPECT_TRUE(s.ok()) << s.error().message;
    EXPECT_TRUE(std::filesystem::exists(printed));
}

} // namespace
} // namespace hepdesk::gui
