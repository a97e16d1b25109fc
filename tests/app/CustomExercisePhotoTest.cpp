#include "CatalogFilterModel.h"
#include "CatalogModel.h"
#include "CustomExerciseDialog.h"
#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "HandoutPreview.h"
#include "MainWindow.h"
#include "SessionEditor.h"
#include "Translations.h"
#include "WidgetTestSupport.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStatusBar>
#include <QTableView>
#include <filesystem>
#include <gtest/gtest.h>
#include <sstream>

namespace hepdesk::gui {
namespace {

const QColor kWall(40, 110, 200);
const QColor kFloor(205, 140, 60);

/// A stand-in for a phone photo: a blue wall, an orange floor and a dark figure between.
QString writePhoto(const std::filesystem::path& file, const char* format, QSize size) {
    QImage img(size, QImage::Format_RGB32);
    img.fill(kWall);
    QPainter p(&img);
    const int floorY = size.height() * 7 / 10;
    p.fillRect(0, floorY, size.width(), size.height() - floorY, kFloor);
    p.setPen(QPen(QColor(30, 30, 30), size.width() / 40.0, Qt::SolidLine, Qt::RoundCap));
    const double cx = size.width() * 0.5;
    const double u = size.height() / 10.0;
    p.setBrush(QColor(30, 30, 30));
    p.drawEllipse(QPointF(cx, 2 * u), u * 0.7, u * 0.7);
    p.drawLine(QPointF(cx, 3 * u), QPointF(cx, 5.5 * u));
    p.drawLine(QPointF(cx, 5.5 * u), QPointF(cx - u, 7.5 * u));
    p.drawLine(QPointF(cx, 5.5 * u), QPointF(cx + u, 7.5 * u));
    p.drawLine(QPointF(cx, 3.6 * u), QPointF(cx - 1.6 * u, 2.2 * u));
    p.drawLine(QPointF(cx, 3.6 * u), QPointF(cx + 1.6 * u, 2.2 * u));
    p.end();
    const QString path = QString::fromStdString(file.string());
    EXPECT_TRUE(img.save(path, format, 90));
    return path;
}

bool near(QColor a, QColor b, int tolerance = 30) {
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

/// Fills the dialog with a valid two-language exercise.
void fillWallSlide(CustomExerciseDialog& d) {
    d.idEdit()->setText(QStringLiteral("clinic_wall_slide"));
    d.nameEdit("en")->setText(QStringLiteral("Wall slide"));
    d.nameEdit("es")->setText(QStringLiteral("Deslizamiento en la pared"));
    d.regionBox(Region::MidBack)->setChecked(true);
    d.movementBox(Movement::Extension)->setChecked(true);
    d.positionBox()->setCurrentText(QStringLiteral("standing"));
    d.stepsEdit("en")->setPlainText(
        QStringLiteral("Stand with your back to a wall.\nSlide your arms up the wall slowly."));
    d.stepsEdit("es")->setPlainText(QStringLiteral(
        "Párese de espaldas a una pared.\nDeslice los brazos por la pared despacio."));
    d.stopIfEdit("en")->setPlainText(QStringLiteral("Pain goes down your arm."));
    d.stopIfEdit("es")->setPlainText(QStringLiteral("El dolor baja por el brazo."));
    d.tipsEdit("en")->setPlainText(QStringLiteral("Keep your lower back against the wall."));
    d.tipsEdit("es")->setPlainText(QStringLiteral("Mantenga la zona lumbar contra la pared."));
    for (auto* e : d.findChildren<QLineEdit*>()) {
        if (e->accessibleName().startsWith(QStringLiteral("Picture description"))) {
            e->setText(QStringLiteral("A person slides the arms up a wall."));
        }
    }
}

/// The text of the message box the dialog opened about a photo; closes and removes it.
QString takePhotoProblem(CustomExerciseDialog& d) {
    const auto boxes = d.findChildren<QMessageBox*>(QStringLiteral("photoProblem"));
    if (boxes.size() != 1 || !boxes[0]->isVisible()) {
        ADD_FAILURE() << boxes.size() << " message boxes about the photo";
        return {};
    }
    QMessageBox* box = boxes[0];
    const QString all = box->text() + QLatin1Char('\n') + box->informativeText();
    box->close();
    delete box; // not left for the event loop: the next check must find only its own box
    return all;
}

TEST(CustomExercisePhoto, DialogTakesAPhotoRefusesBadFilesAndKeepsIt) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    const QString jpeg = writePhoto(app.dir / "wall slide.jpg", "JPEG", {640, 400});

    CustomExerciseDialog d(*app.services);
    d.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&d));
    fillWallSlide(d);
    EXPECT_FALSE(d.removePhotoButton()->isEnabled()) << "nothing to remove yet";
    EXPECT_TRUE(d.photoPreview()->pixmap().isNull());

    ASSERT_TRUE(d.setPhotoFile(jpeg));
    ASSERT_NE(d.photo(), nullptr);
    EXPECT_EQ(d.photo()->format, handout::ImageData::Format::Jpeg);
    EXPECT_EQ(d.photo()->pixelWidth, 640);
    EXPECT_TRUE(d.removePhotoButton()->isEnabled());
    const QImage preview = d.photoPreview()->pixmap().toImage();
    ASSERT_FALSE(preview.isNull());
    EXPECT_TRUE(near(preview.pixelColor(preview.width() / 8, preview.height() / 3), kWall))
        << "the thumbnail shows the photo";
    const auto chosen = d.photo();

    // Files that cannot be used: each named in a message, and the chosen photo stays.
    const auto notImage = app.dir / "notes.png";
    hepdesk::test::writeFile(notImage, "These are my notes, not a picture.");
    const auto damaged = app.dir / "damaged.png";
    {
        QFile f(QString::fromStdString(damaged.string()));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        QByteArray png;
        {
            QImage small(40, 30, QImage::Format_RGB32);
            small.fill(kFloor);
            QBuffer buf(&png);
            buf.open(QIODevice::WriteOnly);
            small.save(&buf, "PNG");
        }
        f.write(png.left(40) + QByteArray(200, 'Z')); // right header, broken picture data
    }
    const auto huge = app.dir / "huge.jpg";
    hepdesk::test::writeFile(huge, "\xFF\xD8\xFF" + std::string(6 * 1024 * 1024, '\0'));
    const auto missing = app.dir / "gone.jpg";
    const std::pair<std::filesystem::path, const char*> bad[] = {
        {notImage, "not a PNG or JPEG picture"},
        {damaged, "damaged"},
        {huge, "at most 5 MiB"},
        {missing, "No such file"}};
    for (const auto& [file, why] : bad) {
        SCOPED_TRACE(file.string());
        EXPECT_FALSE(d.setPhotoFile(QString::fromStdString(file.string())));
        const QString message = takePhotoProblem(d);
        EXPECT_TRUE(message.contains(QString::fromStdString(file.string()))) << "names the file";
        EXPECT_TRUE(message.contains(QString::fromLatin1(why))) << message.toStdString();
        EXPECT_TRUE(message.contains(QStringLiteral("keeps its current photo")));
        EXPECT_EQ(d.photo(), chosen) << "the previous photo stays";
    }

    d.removePhotoButton()->click();
    EXPECT_EQ(d.photo(), nullptr);
    EXPECT_FALSE(d.removePhotoButton()->isEnabled());
    EXPECT_FALSE(d.setPhotoFile(QString::fromStdString(notImage.string())));
    EXPECT_TRUE(takePhotoProblem(d).contains(QStringLiteral("still has no photo")));

    ASSERT_TRUE(d.setPhotoFile(jpeg));
    auto saved = d.save();
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    EXPECT_TRUE(test::grabTo(d, "custom-exercise-dialog-photo.png"));
    EXPECT_FALSE(d.setPhotoFile(QString::fromStdString(damaged.string())));
    {
        auto* box = d.findChild<QMessageBox*>(QStringLiteral("photoProblem"));
        ASSERT_NE(box, nullptr);
        EXPECT_TRUE(test::grabTo(*box, "custom-exercise-photo-refused.png"));
        EXPECT_FALSE(takePhotoProblem(d).isEmpty());
    }

    // Stored with its photo, byte for byte, and in the catalog the sessions use.
    auto stored = app.services->customExercises().get("clinic_wall_slide");
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->photoMime, "image/jpeg");
    EXPECT_EQ(stored->photo, hepdesk::test::readFile(jpeg.toStdString()));
    const CatalogEntry* entry = app.services->catalog().find("clinic_wall_slide");
    ASSERT_NE(entry, nullptr);
    ASSERT_NE(entry->photo, nullptr);
    EXPECT_EQ(entry->photo->pixelHeight, 400);

    // Reopened, the dialog shows it; removing it and saving stores none.
    app.open();
    ASSERT_TRUE(app.services);
    CustomExerciseDialog again(*app.services);
    ASSERT_TRUE(again.load("clinic_wall_slide").ok());
    ASSERT_NE(again.photo(), nullptr);
    EXPECT_FALSE(again.photoPreview()->pixmap().isNull());
    again.removePhoto();
    ASSERT_TRUE(again.save().ok());
    EXPECT_TRUE(app.services->customExercises().get("clinic_wall_slide")->photo.empty());
    EXPECT_EQ(app.services->catalog().find("clinic_wall_slide")->photo, nullptr);
}

/// The catalog row, the preview and the exported PDF all show the clinic's photo.
/// A JPEG as a phone camera writes it when held upright: the sensor's landscape picture
/// (red left half, blue right half) plus an EXIF tag saying "rotate 90° clockwise to show".
QByteArray sidewaysPhoneJpeg() {
    QImage sensor(60, 30, QImage::Format_RGB32);
    sensor.fill(Qt::blue);
    QPainter(&sensor).fillRect(0, 0, 30, 30, Qt::red);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    EXPECT_TRUE(sensor.save(&buffer, "JPEG", 95));
    // APP1 "Exif": little-endian TIFF header, one IFD entry Orientation (0x0112) = 6.
    const QByteArray tiff = QByteArray::fromHex("49492a0008000000"
                                                "0100"
                                                "120103000100000006000000"
                                                "00000000");
    const QByteArray payload = QByteArray("Exif", 4) + QByteArray(2, '\0') + tiff;
    const auto length = static_cast<quint16>(payload.size() + 2);
    QByteArray app1 = QByteArray::fromHex("ffe1");
    app1.append(static_cast<char>(length >> 8)).append(static_cast<char>(length & 0xff));
    app1 += payload;
    return jpeg.left(2) + app1 + jpeg.mid(2); // right after the start-of-image marker
}

TEST(CustomExercisePhoto, APhoneJpegIsKeptAsTakenAndShownUpright) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    const QByteArray sideways = sidewaysPhoneJpeg();
    const QString path = QString::fromStdString((app.dir / "phone.jpg").string());
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        ASSERT_EQ(f.write(sideways), sideways.size());
    }
    CustomExerciseDialog d(*app.services);
    d.show();
    ASSERT_TRUE(d.setPhotoFile(path));
    ASSERT_NE(d.photo(), nullptr);
    EXPECT_EQ(d.photo()->format, handout::ImageData::Format::Jpeg);
    EXPECT_EQ(d.photo()->pixelWidth, 30) << "portrait, as the phone showed it";
    EXPECT_EQ(d.photo()->pixelHeight, 60);
    // Core's intake keeps the bytes and reads the orientation; the PDF and the preview turn it
    // (core's RotatedPhoneJpegStandsUprightInTheLayoutAndThePdf checks the PDF).
    EXPECT_EQ(d.photo()->orientation, 6);
    EXPECT_EQ(QByteArray::fromStdString(d.photo()->bytes), sideways);
    const QImage thumb = d.photoPreview()->pixmap().toImage();
    ASSERT_FALSE(thumb.isNull());
    // Portrait in a landscape box: the box's sides beside the picture stay empty.
    const QColor side = thumb.pixelColor(thumb.width() / 2 - 50, thumb.height() / 2);
    EXPECT_FALSE(near(side, Qt::red) || near(side, Qt::blue)) << "the thumbnail stands upright";
    EXPECT_TRUE(thumb.save(QStringLiteral("/tmp/h15-photo-phone-upright.png")));
    EXPECT_TRUE(near(thumb.pixelColor(thumb.width() / 2, thumb.height() / 5), Qt::red))
        << "the sensor's left is the top";
    EXPECT_TRUE(near(thumb.pixelColor(thumb.width() / 2, thumb.height() * 4 / 5), Qt::blue));

    // A picture without the tag is stored byte for byte too.
    const QString upright = writePhoto(app.dir / "upright.jpg", "JPEG", {64, 48});
    ASSERT_TRUE(d.setPhotoFile(upright));
    QFile f(upright);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(QByteArray::fromStdString(d.photo()->bytes), f.readAll());
}

/// What core's intake refuses reaches the dialog as core's words (file and problem), and the
/// exercise is stored without any of it.
TEST(CustomExercisePhoto, CoreIntakeRefusalsAreShownAndNothingIsSaved) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    const auto renamedText = app.dir / "notes.png";
    hepdesk::test::writeFile(renamedText, "These are my notes, not a picture.");
    const auto oversize = app.dir / "big photo.png";
    hepdesk::test::writeFile(oversize, "\x89PNG\r\n\x1a\n" + std::string(6 * 1024 * 1024, 'x'));
    const auto folder = app.dir / "photos.jpg";
    std::filesystem::create_directory(folder);
    const std::pair<std::filesystem::path, const char*> bad[] = {
        {renamedText, "is not a PNG or JPEG picture"},
        {oversize, "is too large"},
        {"/dev/zero", "is a character device, not a regular file"},
        {folder, "is a folder, not a regular file"}};

    CustomExerciseDialog d(*app.services);
    d.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&d));
    fillWallSlide(d);
    for (const auto& [file, why] : bad) {
        SCOPED_TRACE(file.string());
        EXPECT_FALSE(d.setPhotoFile(QString::fromStdString(file.string())));
        auto* box = d.findChild<QMessageBox*>(QStringLiteral("photoProblem"));
        ASSERT_NE(box, nullptr);
        if (file == folder) {
            EXPECT_TRUE(box->grab().save(QStringLiteral("/tmp/h15-photo-folder-refused.png")));
        }
        const QString message = takePhotoProblem(d);
        EXPECT_TRUE(message.contains(QStringLiteral("Photo '") +
                                     QString::fromStdString(file.string()) + QLatin1Char('\'')))
            << "core's message names the file: " << message.toStdString();
        EXPECT_TRUE(message.contains(QString::fromLatin1(why))) << message.toStdString();
        EXPECT_TRUE(message.contains(QStringLiteral("still has no photo")));
        EXPECT_EQ(d.photo(), nullptr);
        EXPECT_TRUE(d.photoPreview()->pixmap().isNull());
        EXPECT_FALSE(d.removePhotoButton()->isEnabled());
        EXPECT_FALSE(app.services->customExercises().get("clinic_wall_slide").ok())
            << "a refused photo stores nothing";
    }
    ASSERT_TRUE(d.save().ok());
    auto stored = app.services->customExercises().get("clinic_wall_slide");
    ASSERT_TRUE(stored.ok());
    EXPECT_TRUE(stored->photo.empty()) << "saved without any of the refused files";
    EXPECT_TRUE(stored->photoMime.empty());
}

/// In the Spanish interface the dialog's own words are Spanish around core's message, which
/// still names the file and the problem.
TEST(CustomExercisePhoto, ARefusalInSpanishKeepsCoresMessageWithTheFile) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    Translations translations;
    QString why;
    ASSERT_TRUE(translations.install(QStringLiteral("es"), &why)) << why.toStdString();
    const auto folder = app.dir / "fotos";
    std::filesystem::create_directory(folder);
    {
        CustomExerciseDialog d(*app.services);
        d.show();
        EXPECT_FALSE(d.setPhotoFile(QString::fromStdString(folder.string())));
        auto* box = d.findChild<QMessageBox*>(QStringLiteral("photoProblem"));
        ASSERT_NE(box, nullptr);
        EXPECT_TRUE(box->grab().save(QStringLiteral("/tmp/h15-photo-folder-refused-es.png")));
        const QString message = takePhotoProblem(d);
        EXPECT_TRUE(message.contains(QStringLiteral("No se puede usar la foto ") +
                                     QString::fromStdString(folder.string())))
            << message.toStdString();
        EXPECT_TRUE(message.contains(QStringLiteral("is a folder, not a regular file")));
        EXPECT_TRUE(message.contains(QStringLiteral("El ejercicio sigue sin foto.")));
        EXPECT_EQ(d.photo(), nullptr);
    }
    translations.uninstall();
}

TEST(CustomExercisePhoto, CatalogPreviewAndExportedPdfShowThePhoto) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    const QString png = writePhoto(app.dir / "wall.png", "PNG", {480, 360});
    {
        CustomExerciseDialog d(*app.services);
        fillWallSlide(d);
        ASSERT_TRUE(d.setPhotoFile(png));
        auto saved = d.save();
        ASSERT_TRUE(saved.ok()) << saved.error().message;
    }

    MainWindow window(*app.services);
    window.show();
    ASSERT_NE(window.addPatient(Patient{0, "Inés Moreau", "1961-07-14", "R-9", "", false}), 0);
    SessionEditor* e = window.openSession(0);
    ASSERT_NE(e, nullptr);
    test::recordPainNow(*e); // screen first: a routine screening

    CatalogModel& catalog = *e->exercisesPage()->catalogModel();
    QAbstractItemModelTester tester(&catalog,
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int row = catalog.rowOf("clinic_wall_slide");
    ASSERT_GE(row, 0);
    const QImage thumb = catalog.index(row, CatalogModel::NameColumn)
                             .data(Qt::DecorationRole)
                             .value<QPixmap>()
                             .toImage();
    ASSERT_FALSE(thumb.isNull()) << "the row shows a picture";
    EXPECT_TRUE(near(thumb.pixelColor(thumb.width() / 8, thumb.height() / 4), kWall));
    EXPECT_TRUE(near(thumb.pixelColor(thumb.width() / 8, thumb.height() * 15 / 16), kFloor));

    ASSERT_TRUE(e->exercisesPage()->addExercise("clinic_wall_slide"))
        << e->exercisesPage()->messageLabel()->text().toStdString();
    ASSERT_TRUE(e->exercisesPage()->addExercise("pelvic_tilt"));
    e->showStep(SessionEditor::ExercisesStep);
    QTableView* view = e->exercisesPage()->catalogView();
    const QModelIndex shown = e->exercisesPage()->filterModel()->mapFromSource(
        catalog.index(row, CatalogModel::NameColumn));
    view->setCurrentIndex(shown);
    view->scrollTo(shown, QAbstractItemView::PositionAtCenter);
    EXPECT_TRUE(test::grabTo(*e, "session-program-photo.png"));

    // The preview: the layout's picture box holds the photo, drawn by the Qt painter.
    e->showStep(SessionEditor::HandoutStep);
    HandoutPreview& preview = *e->handoutPage()->preview();
    std::size_t page = 0;
    const handout::Image* image = nullptr;
    for (std::size_t p = 0; p < preview.pages().size() && image == nullptr; ++p) {
        for (const auto& cmd : preview.pages()[p].commands) {
            if (const auto* im = std::get_if<handout::Image>(&cmd)) {
                page = p;
                image = im;
            }
        }
    }
    ASSERT_NE(image, nullptr) << "the handout has the photo";
    EXPECT_NEAR(image->width / image->height, 480.0 / 360.0, 1e-9);
    const int widthPx = 850;
    const QImage qtPage = preview.renderPage(page, widthPx);
    EXPECT_TRUE(qtPage.save(test::artifact("handout-photo-page-qt.png")));
    const double k = widthPx / preview.pages()[page].width;
    const auto at = [&](const QImage& img, double fx, double fy, double scale) {
        return img.pixelColor(static_cast<int>((image->topLeft.x + image->width * fx) * scale),
                              static_cast<int>((image->topLeft.y + image->height * fy) * scale));
    };
    EXPECT_TRUE(near(at(qtPage, 0.1, 0.2, k), kWall));
    EXPECT_TRUE(near(at(qtPage, 0.1, 0.9, k), kFloor));
    // Scrolled to the photo (the preview stacks the pages at the widget's width).
    auto* scroll = e->handoutPage()->findChild<QScrollArea*>();
    ASSERT_NE(scroll, nullptr);
    const double shownScale = (preview.width() - 24) / preview.pages()[page].width;
    scroll->verticalScrollBar()->setValue(static_cast<int>((image->topLeft.y - 60) * shownScale));
    EXPECT_TRUE(test::grabTo(*e, "session-handout-photo-preview.png"));

    // Export through the window's asynchronous path: the button is off until it is written.
    const auto pdf = app.dir / "photo-handout.pdf";
    QSignalSpy done(e, &SessionEditor::handoutExported);
    ASSERT_TRUE(e->startExport(QString::fromStdString(pdf.string())).ok());
    EXPECT_TRUE(e->isExporting());
    EXPECT_FALSE(e->handoutPage()->exportButton()->isEnabled()) << "no second export meanwhile";
    EXPECT_TRUE(e->statusBar()->currentMessage().contains(QStringLiteral("Writing the handout")));
    EXPECT_EQ(e->startExport(QString::fromStdString(pdf.string())).error().kind,
              Error::Kind::Refused);
    for (int i = 0; i < 120 && done.isEmpty(); ++i) {
        (void)done.wait(500);
    }
    ASSERT_EQ(done.size(), 1);
    EXPECT_FALSE(e->isExporting());
    EXPECT_TRUE(e->handoutPage()->exportButton()->isEnabled());
    EXPECT_TRUE(e->statusBar()->currentMessage().contains(QStringLiteral("Handout saved to")));
    ASSERT_EQ(e->session().handouts.size(), 1U);
    EXPECT_EQ(e->session().handouts[0].id, done[0][1].value<qint64>());
    EXPECT_EQ(e->session().handouts[0].byteSize,
              static_cast<std::int64_t>(std::filesystem::file_size(pdf)));
    std::filesystem::copy_file(pdf, hepdesk::test::artifactsDir() / "handout-photo-app.pdf",
                               std::filesystem::copy_options::overwrite_existing);

    const auto images = hepdesk::test::runProcess("/usr/bin/pdfimages", {"-list", pdf.string()});
    ASSERT_EQ(images.exitCode, 0) << images.err;
    int photos = 0;
    std::istringstream rows(images.out);
    for (std::string line; std::getline(rows, line);) {
        std::istringstream cols(line);
        std::string pageCol, num, type, w, h;
        cols >> pageCol >> num >> type >> w >> h;
        photos += type == "image" && w == "480" && h == "360" ? 1 : 0;
    }
    EXPECT_EQ(photos, 1) << images.out;
    // The page as a person sees it (pdftoppm at 60 dpi), with the photo where the layout put it.
    const auto raster = hepdesk::test::artifactsDir() / "handout-photo-page";
    const std::string pageNo = std::to_string(page + 1);
    const auto r = hepdesk::test::runProcess("/usr/bin/pdftoppm",
                                             {"-png", "-r", "60", "-singlefile", "-f", pageNo, "-l",
                                              pageNo, pdf.string(), raster.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const QImage pdfPage(QString::fromStdString(raster.string() + ".png"));
    ASSERT_FALSE(pdfPage.isNull());
    EXPECT_TRUE(near(at(pdfPage, 0.1, 0.2, 60.0 / 72.0), kWall));
    EXPECT_TRUE(near(at(pdfPage, 0.1, 0.9, 60.0 / 72.0), kFloor));
}

TEST(CustomExercisePhoto, AFailedExportNamesTheFileAndLeavesExportOn) {
    test::AppFixture app;
    ASSERT_TRUE(app.services);
    MainWindow window(*app.services);
    window.show();
    ASSERT_NE(window.addPatient(Patient{0, "Tom Berg", "", "", "", false}), 0);
    SessionEditor* e = window.openSession(0);
    ASSERT_NE(e, nullptr);
    test::recordPainNow(*e); // screen first: a routine screening
    ASSERT_TRUE(e->exercisesPage()->addExercise("pelvic_tilt"));
    const QString target =
        QString::fromStdString((app.dir / "no such folder" / "handout.pdf").string());
    auto r = test::exportAndWait(*e, target);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(e->handoutPage()->exportButton()->isEnabled());
    EXPECT_TRUE(e->session().handouts.empty()) << "nothing recorded";
    auto* box = e->findChild<QMessageBox*>(QStringLiteral("exportFailedBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_TRUE(box->text().contains(target)) << box->text().toStdString();
    EXPECT_FALSE(box->informativeText().isEmpty());
    EXPECT_TRUE(e->statusBar()->currentMessage().contains(QStringLiteral("not exported")));
    e->showStep(SessionEditor::HandoutStep);
    EXPECT_TRUE(test::grabTo(*e, "session-export-failed.png"));
    EXPECT_TRUE(test::grabTo(*box, "session-export-failed-box.png"));
    box->close();
    (void)e->save();
}

} // namespace
} // namespace hepdesk::gui
