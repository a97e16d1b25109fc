#include "TestImages.h"
#include "TestSupport.h"
#include "hepdesk/db/CustomExerciseRepository.h"
#include "hepdesk/db/Database.h"

#include <gtest/gtest.h>

namespace hepdesk::db {
namespace {

const std::string kJson = R"({"id": "wall_slide", "kind": "exercise"})";

CustomExercise withPhoto(std::string photo, std::string mime) {
    return CustomExercise{"wall_slide", "Wall slide", kJson, std::move(photo), std::move(mime)};
}

class CustomExercisePhotoTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto d = Database::open(dir_ / "photo.sqlite");
        ASSERT_TRUE(d.ok()) << d.error().message;
        db_.emplace(std::move(*d));
    }
    test::TempDir dir_;
    std::optional<Database> db_;
};

TEST_F(CustomExercisePhotoTest, PngAndJpegRoundTripAndAnEmptyPhotoRemovesIt) {
    SqliteCustomExerciseRepository repo(*db_);
    const std::string png = test::pngImage(120, 80);
    ASSERT_TRUE(repo.put(withPhoto(png, "image/png")).ok());
    auto got = repo.get("wall_slide");
    ASSERT_TRUE(got.ok()) << got.error().message;
    EXPECT_EQ(got->photo, png) << "byte for byte";
    EXPECT_EQ(got->photoMime, "image/png");
    EXPECT_EQ(*got, withPhoto(png, "image/png"));

    const std::string jpeg = test::greyJpeg(64, 48);
    ASSERT_TRUE(repo.put(withPhoto(jpeg, "image/jpeg")).ok());
    auto listed = repo.list();
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1U);
    EXPECT_EQ(listed->front().photo, jpeg);
    EXPECT_EQ(listed->front().photoMime, "image/jpeg");

    ASSERT_TRUE(repo.put(withPhoto("", "")).ok());
    got = repo.get("wall_slide");
    EXPECT_TRUE(got->photo.empty());
    EXPECT_TRUE(got->photoMime.empty());
    EXPECT_EQ(*db_->connection().queryInt("SELECT count(*) FROM custom_exercise "
                                          "WHERE photo IS NULL AND photo_mime = ''"),
              1);
}

TEST_F(CustomExercisePhotoTest, TooLargeOrNotAnImageIsRefusedNamingTheExercise) {
    SqliteCustomExerciseRepository repo(*db_);
    ASSERT_TRUE(repo.put(withPhoto(test::pngImage(10, 10), "image/png")).ok());
    const std::string kept = repo.get("wall_slide")->photo;

    // A PNG just over 5 MiB: a real image, but too much to embed in every handout.
    std::string big = test::pngImage(1030, 1700);
    ASSERT_GT(big.size(), kMaxCustomExercisePhotoBytes);
    auto r = repo.put(withPhoto(big, "image/png"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(r.error().message.find("photo of custom exercise wall_slide is too large"),
              std::string::npos)
        << r.error().message;
    EXPECT_NE(r.error().message.find("at most 5 MiB"), std::string::npos) << r.error().message;

    r = repo.put(withPhoto("GIF89a" + std::string(100, 'x'), "image/png"));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("wall_slide is not a PNG or JPEG picture"), std::string::npos)
        << r.error().message;
    r = repo.put(withPhoto("%PDF-1.7 not a picture", "image/jpeg"));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("not a PNG or JPEG picture"), std::string::npos);

    r = repo.put(withPhoto(test::greyJpeg(8, 8), "image/png"));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("is a JPEG image but its type says 'image/png'"),
              std::string::npos)
        << r.error().message;
    r = repo.put(withPhoto(test::pngImage(8, 8), "image/gif"));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("image/png or image/jpeg"), std::string::npos);
    r = repo.put(withPhoto(test::pngImage(8, 8), ""));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("both the image and its type"), std::string::npos);

    // The signature alone is not enough: the header must give a size...
    r = repo.put(withPhoto(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(40, '\0'),
                           "image/png"));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("no readable size"), std::string::npos) << r.error().message;
    // ... and the picture data must decode (libharu would abort the app on it later).
    std::string damaged = test::pngImage(50, 40);
    damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x55);
    r = repo.put(withPhoto(damaged, "image/png"));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("photo of custom exercise wall_slide is a damaged PNG"),
              std::string::npos)
        << r.error().message;

    EXPECT_EQ(repo.get("wall_slide")->photo, kept) << "a refused put changes nothing";

    // The table itself keeps the columns consistent, whatever writes to it.
    EXPECT_FALSE(
        db_->connection().exec("UPDATE custom_exercise SET photo_mime = 'image/gif'").ok());
    EXPECT_FALSE(db_->connection().exec("UPDATE custom_exercise SET photo = NULL").ok());
}

TEST_F(CustomExercisePhotoTest, MigrationFromSchema4KeepsExercisesAndAddsNoPhoto) {
    const auto path = dir_ / "v4.sqlite";
    {
        Database::Options o;
        o.targetVersion = 4;
        auto db = Database::open(path, o);
        ASSERT_TRUE(db.ok()) << db.error().message;
        ASSERT_EQ(db->schemaVersion(), 4);
        // Written in schema 4's own SQL, as that version's HepDesk did.
        ASSERT_TRUE(db->connection()
                        .exec("INSERT INTO custom_exercise(id, name, json, created_at, updated_at) "
                              "VALUES ('wall_slide', 'Wall slide', '" +
                              kJson +
                              "', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), "
                              "('chair_twist', 'Chair twist', '{\"id\": \"chair_twist\"}', "
                              "'2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z')")
                        .ok());
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_EQ(db->schemaVersion(), Database::latestSchemaVersion());
    SqliteCustomExerciseRepository repo(*db);
    auto all = repo.list();
    ASSERT_TRUE(all.ok()) << all.error().message;
    ASSERT_EQ(all->size(), 2U);
    EXPECT_EQ(all->at(0),
              (CustomExercise{"chair_twist", "Chair twist", R"({"id": "chair_twist"})", "", ""}));
    EXPECT_EQ(all->at(1), withPhoto("", ""));
    EXPECT_EQ(*db->connection().queryText(
                  "SELECT created_at FROM custom_exercise WHERE id = 'wall_slide'"),
              "2026-01-01T00:00:00Z");

    // An old exercise can get a photo now.
    const std::string jpeg = test::greyJpeg(40, 30);
    ASSERT_TRUE(repo.put(withPhoto(jpeg, "image/jpeg")).ok());
    EXPECT_EQ(repo.get("wall_slide")->photo, jpeg);
    EXPECT_TRUE(db->integrityCheck()->empty());
}

} // namespace
} // namespace hepdesk::db
