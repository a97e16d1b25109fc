#include "hepdesk/db/ClinicCatalog.h"

#include "TestImages.h"
#include "TestSupport.h"
#include "hepdesk/core/handout/Painter.h"
#include "hepdesk/db/CustomExerciseRepository.h"
#include "hepdesk/db/Database.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

// mergeCustomExercises: the one place the shipped catalog and the clinic's own exercises
// become the catalog the app and the command line both assess, choose and print from.
namespace hepdesk::db {
namespace {

class ClinicCatalogTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto d = Database::open(dir_ / "clinic.sqlite");
        ASSERT_TRUE(d.ok()) << d.error().message;
        db_.emplace(std::move(*d));
        auto c = Catalog::loadDir(test::templatesDir() / "catalog");
        ASSERT_TRUE(c.ok()) << c.error().message;
        shipped_ = std::move(*c);
    }
    /// A valid entry: a shipped exercise's JSON under a new id and English name.
    std::string entryJson(const std::string& id, const std::string& name) const {
        nlohmann::json j = toJson(*shipped_.find("chin_tuck"));
        j["id"] = id;
        j["name"]["en"] = name;
        return j.dump(2);
    }
    test::TempDir dir_;
    std::optional<Database> db_;
    Catalog shipped_;
};

TEST_F(ClinicCatalogTest, MergesTheClinicsExerciseWithItsPhotoAndSkipsABrokenOneByName) {
    SqliteCustomExerciseRepository repo(*db_);
    const std::string png = test::pngImage(90, 60);
    ASSERT_TRUE(repo.put({"clinic_chin_glide", "Chin glide",
                          entryJson("clinic_chin_glide", "Chin glide"), png, "image/png"})
                    .ok());
    // Stored JSON the catalog parser no longer accepts (the db only checks it is an object).
    ASSERT_TRUE(repo.put({"clinic_broken", "Broken",
                          R"({"id": "clinic_broken", "kind": "exercise"})", "", ""})
                    .ok());
    ASSERT_TRUE(
        repo.put({"clinic_plain", "Plain", entryJson("clinic_plain", "Plain"), "", ""}).ok());

    auto merged = mergeCustomExercises(shipped_, repo);
    ASSERT_TRUE(merged.ok()) << merged.error().message;
    EXPECT_EQ(merged->catalog.entries().size(), shipped_.entries().size() + 2);
    EXPECT_EQ(merged->customIds, (std::vector<std::string>{"clinic_chin_glide", "clinic_plain"}));
    EXPECT_TRUE(merged->isCustom("clinic_plain"));
    EXPECT_FALSE(merged->isCustom("chin_tuck"));
    EXPECT_FALSE(merged->isCustom("clinic_broken"));

    const CatalogEntry* glide = merged->catalog.find("clinic_chin_glide");
    ASSERT_NE(glide, nullptr);
    EXPECT_EQ(glide->name.text("en"), "Chin glide");
    ASSERT_NE(glide->photo, nullptr);
    EXPECT_EQ(glide->photo->bytes, png) << "the stored photo, byte for byte";
    EXPECT_EQ(glide->photo->format, handout::ImageData::Format::Png);
    EXPECT_EQ(glide->photo->pixelWidth, 90);
    EXPECT_EQ(glide->photo->pixelHeight, 60);
    ASSERT_NE(merged->catalog.find("clinic_plain"), nullptr);
    EXPECT_EQ(merged->catalog.find("clinic_plain")->photo, nullptr);

    EXPECT_EQ(merged->catalog.find("clinic_broken"), nullptr);
    ASSERT_EQ(merged->skipped.size(), 1U);
    EXPECT_NE(merged->skipped[0].find("custom exercise clinic_broken"), std::string::npos)
        << merged->skipped[0];

    for (const CatalogEntry& e : shipped_.entries()) {
        const CatalogEntry* m = merged->catalog.find(e.id);
        ASSERT_NE(m, nullptr) << e.id;
        EXPECT_EQ(toJson(*m), toJson(e)) << e.id;
        EXPECT_EQ(m->photo, nullptr) << e.id;
    }
}

TEST_F(ClinicCatalogTest, AStoredExerciseUnderAShippedIdDoesNotReplaceTheShippedOne) {
    SqliteCustomExerciseRepository repo(*db_);
    ASSERT_TRUE(
        repo.put({"cat_cow", "Cat cow", entryJson("cat_cow", "My own cat cow"), "", ""}).ok());
    auto merged = mergeCustomExercises(shipped_, repo);
    ASSERT_TRUE(merged.ok()) << merged.error().message;
    EXPECT_EQ(toJson(*merged->catalog.find("cat_cow")), toJson(*shipped_.find("cat_cow")));
    EXPECT_TRUE(merged->customIds.empty());
    ASSERT_EQ(merged->skipped.size(), 1U);
    EXPECT_NE(merged->skipped[0].find("custom exercise cat_cow"), std::string::npos);
    EXPECT_NE(merged->skipped[0].find("shipped"), std::string::npos) << merged->skipped[0];
}

/// A repository whose storage fails: the merge must report that, not an empty clinic list.
class FailingRepository final : public CustomExerciseRepository {
public:
    Status put(const CustomExercise&) override { return fail(); }
    Result<CustomExercise> get(std::string_view) override { return fail(); }
    Status remove(std::string_view) override { return fail(); }
    Result<std::vector<CustomExercise>> list() override { return fail(); }

private:
    static Error fail() { return Error::database("custom_exercise: disk I/O error"); }
};

TEST_F(ClinicCatalogTest, ADatabaseErrorFailsTheMerge) {
    FailingRepository repo;
    auto merged = mergeCustomExercises(shipped_, repo);
    ASSERT_FALSE(merged.ok());
    EXPECT_EQ(merged.error().kind, Error::Kind::Database);
    EXPECT_NE(merged.error().message.find("disk I/O error"), std::string::npos);
}

} // namespace
} // namespace hepdesk::db
