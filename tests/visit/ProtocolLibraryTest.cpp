#include "hepdesk/visit/ProtocolLibrary.h"

#include "VisitFixture.h"
#include "hepdesk/db/ProtocolRepository.h"

namespace hepdesk::visit::test {
namespace {

class ProtocolLibraryTest : public VisitFixture {
protected:
    void SetUp() override {
        VisitFixture::SetUp();
        repo_ = std::make_unique<db::SqliteProtocolRepository>(*db_);
        auto lib = ProtocolLibrary::load(hepdesk::test::templatesDir(), *repo_,
                                         clinic_->data.catalog, clinic_->data.rules);
        ASSERT_TRUE(lib.ok()) << lib.error().message;
        lib_.emplace(std::move(*lib));
    }
    std::unique_ptr<db::SqliteProtocolRepository> repo_;
    std::optional<ProtocolLibrary> lib_;
};

Screening screening(std::set<std::string> findings) {
    Screening s;
    s.date = "2026-11-21";
    s.age = 60;
    s.regions = {Region::LowBack};
    s.findings = std::move(findings);
    return s;
}

TEST_F(ProtocolLibraryTest, SaveTheCurrentProgramApplyItElsewhereRenameAndDelete) {
    Session s = draft({}, {"cat_cow", "double_knee_to_chest", "seated_thoracic_twist"});
    s.program.items[0].note = "Slow, with your breath";
    s.program.items[0].dosage.reps = 12;
    ASSERT_TRUE(lib_->save("My low back", s.program, false).ok());

    // Another patient with osteoporosis: knee-to-chest is left out by name, the twist keeps
    // its caution, the cat-cow keeps the saved dosage and note.
    auto applied = lib_->apply("my low back", screening({"osteoporosis"}), Program{}, true);
    ASSERT_TRUE(applied.ok()) << applied.error().message;
    ASSERT_EQ(applied->program.items.size(), 2U);
    EXPECT_EQ(applied->program.items[0], s.program.items[0]);
    EXPECT_EQ(applied->program.items[1].exerciseId, "seated_thoracic_twist");
    ASSERT_EQ(applied->leftOutMessages().size(), 1U);
    const std::string msg = applied->leftOutMessages()[0];
    EXPECT_NE(msg.find("Both knees to chest"), std::string::npos) << msg;
    EXPECT_NE(msg.find("osteoporosis"), std::string::npos) << msg;
    ASSERT_FALSE(applied->cautions.empty());
    EXPECT_EQ(applied->cautions[0].rfind("seated_thoracic_twist: ", 0), 0U);

    // Added after what the program has; an exercise already there keeps its own dosage.
    Program current{{{"seated_thoracic_twist", {3, 5, 0, 1, false}, "mine"}}};
    auto added = lib_->apply("My low back", screening({}), current, false);
    ASSERT_TRUE(added.ok());
    ASSERT_EQ(added->program.items.size(), 3U);
    EXPECT_EQ(added->program.items[0], current.items[0]);
    EXPECT_EQ(added->alreadyThere, std::vector<std::string>{"seated_thoracic_twist"});
    EXPECT_EQ(added->added, (std::vector<std::string>{"cat_cow", "double_knee_to_chest"}));

    ASSERT_TRUE(lib_->rename("My low back", "Low back, week 2").ok());
    EXPECT_EQ(lib_->find("My low back").error().kind, Error::Kind::NotFound);
    ASSERT_TRUE(lib_->remove("Low back, week 2").ok());
    auto all = lib_->list();
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->size(), lib_->shipped().size());
}

TEST_F(ProtocolLibraryTest, ShippedProtocolsAreReadOnlyAndTheirNamesTaken) {
    ASSERT_GE(lib_->shipped().size(), 6U);
    const std::string shipped = lib_->shipped()[0].name;
    const Program p{{{"chin_tuck", {1, 10, 3, 3, false}, ""}}};
    auto save = lib_->save(shipped, p, true);
    ASSERT_FALSE(save.ok());
    EXPECT_EQ(save.error().kind, Error::Kind::Refused);
    EXPECT_NE(save.error().message.find("shipped"), std::string::npos);
    EXPECT_EQ(lib_->remove(shipped).error().kind, Error::Kind::Refused);
    EXPECT_EQ(lib_->rename(shipped, "Mine").error().kind, Error::Kind::Refused);
    ASSERT_TRUE(lib_->save("Mine", p, false).ok());
    EXPECT_EQ(lib_->rename("Mine", shipped).error().kind, Error::Kind::Refused);
    // A clinic saves its own copy of a shipped one under another name.
    auto copy = lib_->find(shipped);
    ASSERT_TRUE(copy.ok());
    EXPECT_TRUE(copy->shipped);
    ASSERT_TRUE(lib_->save(shipped + " (ours)", copy->program, false).ok());
    EXPECT_EQ(lib_->find(shipped + " (ours)")->program, copy->program);
}

TEST_F(ProtocolLibraryTest, SavingChecksTheExercisesAgainstTheCatalog) {
    auto bad = lib_->save("Typo", Program{{{"chin_tuk", {1, 10, 3, 3, false}, ""}}}, false);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("chin_tuk"), std::string::npos);
    EXPECT_FALSE(lib_->save("Empty", Program{}, false).ok());
    EXPECT_EQ(lib_->apply("No such protocol", screening({}), {}, true).error().kind,
              Error::Kind::NotFound);
}

} // namespace
} // namespace hepdesk::visit::test
