#include "HandoutTestData.h"
#include "TestImages.h"
#include "TestSupport.h"
#include "hepdesk/core/ReadFile.h"
#include "hepdesk/core/handout/HandoutWriter.h"
#include "hepdesk/core/handout/ImageIntake.h"

#include <array>
#include <cmath>
#include <gtest/gtest.h>
#include <sstream>

namespace hepdesk::handout {
namespace {

const HandoutWriter& writer() {
    return test::shippedWriter();
}

std::shared_ptr<const ImageData> photo(std::string bytes) {
    auto img = imageFromBytes(std::move(bytes), "photo of custom exercise clinic_wall_slide");
    EXPECT_TRUE(img.ok()) << img.error().message;
    return img.ok() ? *img : nullptr;
}

/// The small catalog plus a clinic exercise with `picture`, and a request that includes it.
struct PhotoCase {
    std::vector<CatalogEntry> catalog = test::smallCatalog();
    HandoutRequest request = test::routineRequest();
    explicit PhotoCase(std::shared_ptr<const ImageData> picture) {
        CatalogEntry e = catalog[2]; // chin_tuck's words
        e.id = "clinic_wall_slide";
        e.name.byLang["en"] = "Wall slide";
        e.name.byLang["es"] = "Deslizamiento en la pared";
        e.photo = std::move(picture);
        catalog.push_back(e);
        request.program.items.push_back({e.id, Dosage{1, 10, 0, 2, false}, ""});
        request.assessment.eligibility.push_back({e.id, EligibilityStatus::Eligible, {}});
    }
};

/// The commands drawn inside one exercise's block.
std::vector<const DrawCommand*> blockCommands(const HandoutLayoutResult& laid,
                                              const std::string& id) {
    std::vector<const DrawCommand*> out;
    for (const BlockPlacement& b : laid.blocks) {
        if (b.id != id) {
            continue;
        }
        const auto top = [](const DrawCommand& c) {
            return std::visit(
                [](const auto& x) -> double {
                    using T = std::decay_t<decltype(x)>;
                    if constexpr (std::is_same_v<T, TextRun>) {
                        return x.origin.y;
                    } else if constexpr (std::is_same_v<T, Line>) {
                        return x.from.y;
                    } else if constexpr (std::is_same_v<T, Polyline>) {
                        return x.points.empty() ? -1 : x.points.front().y;
                    } else if constexpr (std::is_same_v<T, Circle>) {
                        return x.center.y;
                    } else {
                        return x.topLeft.y;
                    }
                },
                c);
        };
        for (const DrawCommand& c : laid.pages[static_cast<std::size_t>(b.firstPage)].commands) {
            if (top(c) >= b.top && top(c) <= b.bottom) {
                out.push_back(&c);
            }
        }
    }
    return out;
}

int countOf(const std::vector<const DrawCommand*>& cmds, auto pred) {
    int n = 0;
    for (const DrawCommand* c : cmds) {
        n += pred(*c) ? 1 : 0;
    }
    return n;
}

bool isFigureStroke(const DrawCommand& c) {
    return std::holds_alternative<Polyline>(c) || std::holds_alternative<Circle>(c);
}

struct ListedImage {
    int page = 0, width = 0, height = 0;
    std::string encoding;
};

/// `pdfimages -list` of the PDF bytes: one row per image drawn.
std::vector<ListedImage> listImages(const std::string& pdf) {
    hepdesk::test::TempDir dir;
    hepdesk::test::writeFile(dir / "h.pdf", pdf);
    const auto r =
        hepdesk::test::runProcess("/usr/bin/pdfimages", {"-list", (dir / "h.pdf").string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    std::vector<ListedImage> out;
    std::istringstream in(r.out);
    std::string line;
    std::getline(in, line); // header
    std::getline(in, line); // rule
    while (std::getline(in, line)) {
        std::istringstream row(line);
        ListedImage im;
        int num = 0;
        std::string type, color, comp, bpc;
        row >> im.page >> num >> type >> im.width >> im.height >> color >> comp >> bpc >>
            im.encoding;
        if (row && type == "image") {
            out.push_back(im);
        }
    }
    return out;
}

TEST(HandoutPhoto, PhotoReplacesTheFigureCentredWithItsAspectKept) {
    PhotoCase c(photo(hepdesk::test::pngImage(320, 200)));
    for (bool large : {false, true}) {
        SCOPED_TRACE(large ? "large print" : "standard");
        c.request.options.largePrint = large;
        auto laid = writer().layout(c.request, c.catalog);
        ASSERT_TRUE(laid.ok()) << laid.error().message;
        const auto mine = blockCommands(*laid, "clinic_wall_slide");
        ASSERT_FALSE(mine.empty());
        EXPECT_EQ(countOf(mine, isFigureStroke), 0) << "no drawn figure beside the photo";
        const Image* image = nullptr;
        const Rect* box = nullptr;
        for (const DrawCommand* cmd : mine) {
            if (const auto* im = std::get_if<Image>(cmd)) {
                EXPECT_EQ(image, nullptr) << "one photo";
                image = im;
            }
            if (const auto* r = std::get_if<Rect>(cmd); r != nullptr && r->stroke && !r->fill) {
                box = r;
            }
        }
        ASSERT_NE(image, nullptr);
        ASSERT_NE(box, nullptr) << "the photo sits in the picture box";
        EXPECT_EQ(image->data, c.catalog.back().photo);
        EXPECT_NEAR(image->width / image->height, 320.0 / 200.0, 1e-9) << "aspect kept";
        EXPECT_NEAR(image->topLeft.x + image->width / 2, box->topLeft.x + box->width / 2, 1e-9);
        EXPECT_NEAR(image->topLeft.y + image->height / 2, box->topLeft.y + box->height / 2, 1e-9);
        EXPECT_LE(image->width, box->width);
        EXPECT_LE(image->height, box->height);

        // A shipped exercise in the same handout keeps its drawn figure.
        EXPECT_GT(countOf(blockCommands(*laid, "cat_cow"), isFigureStroke), 3);
    }
}

TEST(HandoutPhoto, TallPhotoIsCentredAcrossTheBox) {
    PhotoCase c(photo(hepdesk::test::greyJpeg(90, 160)));
    auto laid = writer().layout(c.request, c.catalog);
    ASSERT_TRUE(laid.ok()) << laid.error().message;
    const Image* image = nullptr;
    const Rect* box = nullptr;
    for (const DrawCommand* cmd : blockCommands(*laid, "clinic_wall_slide")) {
        if (const auto* im = std::get_if<Image>(cmd)) {
            image = im;
        }
        if (const auto* r = std::get_if<Rect>(cmd); r != nullptr && r->stroke && !r->fill) {
            box = r;
        }
    }
    ASSERT_TRUE(image != nullptr && box != nullptr);
    EXPECT_NEAR(image->width / image->height, 90.0 / 160.0, 1e-9);
    EXPECT_NEAR(image->height, box->height - 6, 1e-9) << "as tall as the box allows";
    EXPECT_GT(image->topLeft.x - box->topLeft.x, 20) << "centred, not at the left edge";
    EXPECT_NEAR(image->topLeft.x + image->width / 2, box->topLeft.x + box->width / 2, 1e-9);
}

TEST(HandoutPhoto, PdfEmbedsThePhotoOnceWhereTheLayoutPutIt) {
    PhotoCase c(photo(hepdesk::test::pngImage(320, 200)));
    auto pdf = writer().renderPdf(c.request, c.catalog);
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    hepdesk::test::writeFile(hepdesk::test::artifactsDir() / "handout-photo.pdf", *pdf);
    const auto images = listImages(*pdf);
    ASSERT_EQ(images.size(), 1U) << "the photo, and no other picture (no clinic logo here)";
    EXPECT_EQ(images[0].width, 320);
    EXPECT_EQ(images[0].height, 200);
    EXPECT_EQ(images[0].encoding, "image") << "a PNG is embedded as Flate image data";

    // The pixels at the photo's centre are its sky, on the page the layout put it on.
    auto laid = writer().layout(c.request, c.catalog);
    ASSERT_TRUE(laid.ok());
    const Image* image = nullptr;
    for (const DrawCommand* cmd : blockCommands(*laid, "clinic_wall_slide")) {
        if (const auto* im = std::get_if<Image>(cmd)) {
            image = im;
        }
    }
    ASSERT_NE(image, nullptr);
    int page = 0;
    for (const BlockPlacement& b : laid->blocks) {
        page = b.id == "clinic_wall_slide" ? b.firstPage : page;
    }
    EXPECT_EQ(images[0].page, page + 1);
    const auto raster = test::rasterize(*pdf, page, 72);
    const auto px = [&](double x, double y) {
        const auto i =
            (static_cast<std::size_t>(std::lround(y)) * static_cast<std::size_t>(raster.width) +
             static_cast<std::size_t>(std::lround(x))) *
            4;
        return std::array<int, 3>{raster.pixels[i + 2], raster.pixels[i + 1], raster.pixels[i]};
    };
    const auto sky =
        px(image->topLeft.x + image->width * 0.3, image->topLeft.y + image->height * 0.5);
    EXPECT_NEAR(sky[0], 140, 12);
    EXPECT_NEAR(sky[1], 195, 12);
    EXPECT_NEAR(sky[2], 235, 12);
    const auto grass =
        px(image->topLeft.x + image->width * 0.5, image->topLeft.y + image->height * 0.9);
    EXPECT_LT(grass[0], 90);
    EXPECT_GT(grass[1], grass[2]) << "green below the horizon";

    auto again = writer().renderPdf(c.request, c.catalog);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, *pdf) << "deterministic with a photo too";
}

TEST(HandoutPhoto, JpegPhotoIsEmbeddedAsJpeg) {
    PhotoCase c(photo(hepdesk::test::greyJpeg(64, 48)));
    c.request.options.lang = "es";
    c.request.options.largePrint = true;
    auto pdf = writer().renderPdf(c.request, c.catalog);
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    const auto images = listImages(*pdf);
    ASSERT_EQ(images.size(), 1U);
    EXPECT_EQ(images[0].encoding, "jpeg") << "DCT data embedded as is";
    EXPECT_EQ(images[0].width, 64);
    EXPECT_EQ(test::qpdfCheck(*pdf).first, 0);
}

TEST(HandoutPhoto, UnreadablePhotoDataIsAnErrorNamingTheExercise) {
    // A valid PNG header (so it is accepted as a PNG of 320 x 200) over damaged pixel data.
    std::string bytes = hepdesk::test::pngImage(320, 200).substr(0, 33);
    bytes += std::string("\0\0\0\x10IDAT", 8) + std::string(16, '\x5A') + "\0\0\0\0";
    PhotoCase c(photo(bytes));
    auto pdf = writer().renderPdf(c.request, c.catalog);
    ASSERT_FALSE(pdf.ok());
    EXPECT_NE(pdf.error().message.find("photo of custom exercise clinic_wall_slide"),
              std::string::npos)
        << pdf.error().message;
}

/// `jpeg` with an EXIF APP1 segment saying `orientation` (big-endian TIFF, one IFD entry), as
/// a phone writes it: the pixels as the sensor saw them, the turn in the tag.
std::string withExifOrientation(const std::string& jpeg, int orientation) {
    std::string app1("\xFF\xE1\x00\x22"
                     "Exif\0\0"
                     "MM\x00\x2A\x00\x00\x00\x08"
                     "\x00\x01"
                     "\x01\x12\x00\x03\x00\x00\x00\x01",
                     28);
    app1 += static_cast<char>(0);
    app1 += static_cast<char>(orientation);
    app1 += std::string(2 + 4, '\0'); // value padding, no next IFD
    return jpeg.substr(0, 2) + app1 + jpeg.substr(2);
}

TEST(ImageIntake, RotatedPhoneJpegStandsUprightInTheLayoutAndThePdf) {
    // 40 x 20 pixels as stored, turned a quarter by its tag (6): upright it is 20 x 40.
    const std::string bytes = withExifOrientation(hepdesk::test::greyJpeg(40, 20), 6);
    auto image = intakeImage(bytes, ImageUse::ExercisePhoto, "photo of clinic_wall_slide");
    ASSERT_TRUE(image.ok()) << image.error().message;
    EXPECT_EQ((*image)->orientation, 6);
    EXPECT_EQ((*image)->pixelWidth, 20);
    EXPECT_EQ((*image)->pixelHeight, 40);
    EXPECT_EQ(mimeTypeOf(**image), "image/jpeg");
    EXPECT_EQ((*image)->bytes, bytes) << "the bytes stay as the clinic gave them";

    PhotoCase c(*image);
    auto laid = writer().layout(c.request, c.catalog);
    ASSERT_TRUE(laid.ok()) << laid.error().message;
    const Image* drawn = nullptr;
    for (const DrawCommand* cmd : blockCommands(*laid, "clinic_wall_slide")) {
        if (const auto* im = std::get_if<Image>(cmd)) {
            drawn = im;
        }
    }
    ASSERT_NE(drawn, nullptr);
    EXPECT_NEAR(drawn->width / drawn->height, 20.0 / 40.0, 1e-9) << "upright: taller than wide";
    auto pdf = writer().render(c.request, c.catalog);
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    const auto listed = listImages(pdf->pdf);
    ASSERT_EQ(listed.size(), 1U);
    EXPECT_EQ(listed[0].width, 40) << "embedded as stored; the page turns it";
    EXPECT_EQ(listed[0].encoding, "jpeg");

    // Unknown or damaged tags read as upright.
    auto odd = intakeImage(withExifOrientation(hepdesk::test::greyJpeg(40, 20), 9),
                           ImageUse::ExercisePhoto, "photo");
    ASSERT_TRUE(odd.ok()) << odd.error().message;
    EXPECT_EQ((*odd)->orientation, 1);
    EXPECT_EQ((*odd)->pixelWidth, 40);
}

TEST(ImageIntake, RefusesWhatIsNotAPictureNamingTheFileAndTheProblem) {
    hepdesk::test::TempDir dir;
    const auto logoFile = [&](const std::string& name, const std::string& bytes) {
        hepdesk::test::writeFile(dir / name, bytes);
        return dir / name;
    };
    const auto refused = [](const std::filesystem::path& file, ImageUse use,
                            std::initializer_list<std::string> words) {
        auto r = intakeImageFile(file, use);
        ASSERT_FALSE(r.ok()) << file;
        EXPECT_EQ(r.error().kind, Error::Kind::InvalidInput) << r.error().message;
        EXPECT_NE(r.error().message.find(file.string()), std::string::npos) << r.error().message;
        for (const std::string& w : words) {
            EXPECT_NE(r.error().message.find(w), std::string::npos) << r.error().message;
        }
    };
    // A text file renamed .png: the first bytes decide, not the name.
    refused(logoFile("notes.png", "Clinic notes, not a picture\n"), ImageUse::ClinicLogo,
            {"logo '", "not a PNG or JPEG picture"});
    // Over the logo's limit (a real picture), and over the photo's.
    std::string big = hepdesk::test::pngImage(1030, 1700);
    ASSERT_GT(big.size(), maxImageBytes(ImageUse::ExercisePhoto));
    refused(logoFile("big.png", big), ImageUse::ClinicLogo, {"too large", "at most 2 MiB"});
    refused(dir / "big.png", ImageUse::ExercisePhoto, {"photo '", "at most 5 MiB"});
    EXPECT_EQ(maxImageBytes(ImageUse::ClinicLogo), kMaxLogoFileBytes);
    EXPECT_EQ(maxImageBytes(ImageUse::ExercisePhoto), kMaxPhotoFileBytes);
    // A device and a folder: refused before a byte is read.
    refused("/dev/zero", ImageUse::ClinicLogo, {"logo '/dev/zero'", "character device"});
    refused(dir.path(), ImageUse::ClinicLogo, {"folder"});
    // A PNG whose data is damaged after a good header.
    std::string damaged = hepdesk::test::pngImage(16, 16);
    damaged.resize(damaged.size() - 30);
    refused(logoFile("damaged.png", damaged), ImageUse::ClinicLogo, {"damaged"});
    // And a real one passes, its type from its bytes.
    auto ok =
        intakeImageFile(logoFile("fine.jpg", hepdesk::test::pngImage(8, 8)), ImageUse::ClinicLogo);
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(mimeTypeOf(**ok), "image/png");
}

} // namespace
} // namespace hepdesk::handout
