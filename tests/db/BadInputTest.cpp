#include "DbFixtures.h"
#include "TestImages.h"
#include "TestSupport.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/CustomExerciseRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <gtest/gtest.h>

namespace hepdesk::db {
namespace {
using namespace std::string_literals;

/// Text that has broken other programs' databases: every value must come back byte for byte.
const std::vector<std::string> kNastyText = {
    "O'Brien",
    "\"Doc\" Holliday",
    "Robert'); DROP TABLE patient;--",
    "1 OR 1=1; DELETE FROM session WHERE 1 --",
    "zoe\" OR \"",
    "Ana 👩🏽‍⚕️ 🦴 Núñez",
    "NUL\0inside"s,
    "\0"s + "leading NUL",
    "tab\tand\nnewline",
    "مريم العلي",
    "山田 太郎",
    std::string(10'000, 'n'),
};

class BadInputTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto d = Database::open(dir_ / "bad.sqlite");
        ASSERT_TRUE(d.ok()) << d.error().message;
        db_.emplace(std::move(*d));
    }
    void TearDown() override {
        ASSERT_TRUE(db_->integrityCheck()->empty());
        EXPECT_EQ(*db_->connection().queryInt("SELECT count(*) FROM sqlite_schema WHERE "
                                              "name IN ('patient', 'session', 'audit_log')"),
                  3);
    }
    test::TempDir dir_;
    std::optional<Database> db_;
};

TEST_F(BadInputTest, PatientFieldsAreStoredVerbatim) {
    SqlitePatientRepository repo(*db_);
    for (const std::string& text : kNastyText) {
        if (text[0] == '\0') {
            auto r = repo.add(Patient{0, text, "", "", "", false});
            ASSERT_FALSE(r.ok());
            EXPECT_EQ(r.error().message,
                      "patient name must start with visible text, not a NUL byte");
            continue;
        }
        const std::string name = text.size() > 1000 ? text.substr(0, 1000) : text;
        auto id = repo.add(Patient{0, name, "", text.substr(0, 100), text.substr(0, 4000), false});
        ASSERT_TRUE(id.ok()) << id.error().message;
        auto back = repo.get(*id);
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(back->name, name);
        EXPECT_EQ(back->recordNumber, text.substr(0, 100));
        EXPECT_EQ(back->contact, text.substr(0, 4000));
        EXPECT_TRUE(repo.search(name, {}).ok());
    }
    EXPECT_EQ(repo.list({})->size(), kNastyText.size() - 1);
}

TEST_F(BadInputTest, SessionTextIncluding10000CharacterNotesIsStoredVerbatim) {
    SqlitePatientRepository patients(*db_);
    const auto pid = *patients.add(Patient{0, "Ann", "", "", "", false});
    SqliteSessionRepository repo(*db_);
    for (const std::string& text : kNastyText) {
        Session s = test::sampleSession(pid, 1);
        s.screening.notes = text;
        s.program.items[0].note = text;
        s.findings[0].reason = text;
        s.handoutOptions.overrideReason = text;
        auto id = repo.add(s);
        ASSERT_TRUE(id.ok()) << id.error().message;
        auto back = repo.get(*id);
        ASSERT_TRUE(back.ok()) << back.error().message;
        EXPECT_EQ(back->screening.notes, text);
        EXPECT_EQ(back->program.items[0].note, text);
        EXPECT_EQ(back->findings[0].reason, text);
        EXPECT_EQ(back->handoutOptions.overrideReason, text);
    }
    const std::string longNote(10'000, 'x');
    SqliteClinicianRepository clinicians(*db_);
    const auto cid = *clinicians.add(Clinician{0, "Dr 'Quote' \"Marks\"", "", true});
    const auto sid = *repo.add(test::sampleSession(pid, 2));
    ASSERT_TRUE(repo.sign(sid, cid).ok());
    ASSERT_TRUE(repo.addAddendum(sid, Addendum{0, cid, "", longNote}).ok());
    EXPECT_EQ(repo.get(sid)->addenda.at(0).text, longNote);
}

TEST_F(BadInputTest, InvalidUtf8AndOversizedValuesAreRefusedNamingTheField) {
    SqlitePatientRepository patients(*db_);
    auto bad = patients.add(Patient{0, "Ann \xC3(", "", "", "", false});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(bad.error().message.find("patient name is not valid UTF-8"), std::string::npos)
        << bad.error().message;
    EXPECT_NE(bad.error().message.find("offset 4"), std::string::npos) << bad.error().message;
    auto empty = patients.add(Patient{0, " \t", "", "", "", false});
    EXPECT_NE(empty.error().message.find("must not be empty"), std::string::npos);
    auto longName = patients.add(Patient{0, std::string(1001, 'a'), "", "", "", false});
    EXPECT_NE(longName.error().message.find("too long"), std::string::npos);
    auto badDate = patients.add(Patient{0, "Ann", "1980-02-30", "", "", false});
    EXPECT_NE(badDate.error().message.find("date of birth"), std::string::npos);
    EXPECT_NE(badDate.error().message.find("1980-02-30"), std::string::npos);
    EXPECT_EQ(patients.add(Patient{0, "Ann", "31/12/1980", "", "", false}).error().kind,
              Error::Kind::InvalidInput);
    EXPECT_TRUE(patients.list({true})->empty());

    const auto pid = *patients.add(Patient{0, "Ann", "", "", "", false});
    SqliteSessionRepository sessions(*db_);
    Session s = test::sampleSession(pid, 1);
    s.screening.findings.insert("bad\xFFid");
    auto r = sessions.add(s);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("UTF-8"), std::string::npos) << r.error().message;
    s = test::sampleSession(pid, 1);
    s.program.items[0].note = "\xE2\x82";
    EXPECT_NE(sessions.add(s).error().message.find("program item 1 ('cat_cow') note"),
              std::string::npos);
    EXPECT_EQ(*db_->connection().queryInt("SELECT count(*) FROM session"), 0);
}

TEST_F(BadInputTest, ClinicCliniciansAndCustomExercises) {
    SqliteClinicRepository clinic(*db_);
    EXPECT_EQ(clinic.load()->name, "");
    ClinicSettings s{"Clinic \"Ørsted\" & Søn", "1 Main St\nSpringfield", "+1 555 0100",
                     test::pngImage(4, 4), "image/png"};
    ASSERT_TRUE(clinic.save(s).ok());
    EXPECT_EQ(*clinic.load(), s);
    ClinicSettings fake = s;
    fake.logo = "GIF89a....";
    EXPECT_NE(clinic.save(fake).error().message.find("clinic logo is not a PNG or JPEG picture"),
              std::string::npos);
    fake.logoMime = "image/gif";
    EXPECT_NE(clinic.save(fake).error().message.find("image/png or image/jpeg"), std::string::npos);
    ClinicSettings noLogo = s;
    noLogo.logo.clear();
    noLogo.logoMime.clear();
    ASSERT_TRUE(clinic.save(noLogo).ok());
    EXPECT_EQ(*clinic.load(), noLogo);

    SqliteClinicianRepository clinicians(*db_);
    auto id = clinicians.add(Clinician{0, "Dr Ngọc Ánh", "PT, DPT", true});
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(clinicians.update(Clinician{*id, "Dr Ngọc Ánh", "PT", false}).ok());
    EXPECT_TRUE(clinicians.list(false)->empty());
    EXPECT_EQ(clinicians.list(true)->at(0).credentials, "PT");
    EXPECT_EQ(clinicians.update(Clinician{99, "X", "", true}).error().kind, Error::Kind::NotFound);

    SqliteCustomExerciseRepository exercises(*db_);
    const std::string json =
        R"({"id": "wall_slide", "kind": "exercise", "name": {"en": "Wall slide"}})";
    ASSERT_TRUE(exercises.put(CustomExercise{"wall_slide", "Wall slide", json, "", ""}).ok());
    EXPECT_EQ(exercises.get("wall_slide")->json, json);
    auto notJson = exercises.put(CustomExercise{"x", "X", "{nope", "", ""});
    ASSERT_FALSE(notJson.ok());
    EXPECT_NE(notJson.error().message.find("custom exercise x"), std::string::npos);
    auto wrongId = exercises.put(CustomExercise{"a_b", "X", R"({"id": "other"})", "", ""});
    EXPECT_NE(wrongId.error().message.find("/id"), std::string::npos);
    EXPECT_NE(
        exercises.put(CustomExercise{"Bad Id", "X", "{}", "", ""}).error().message.find("a-z"),
        std::string::npos);
    EXPECT_EQ(exercises.put(CustomExercise{"arr", "X", "[1]", "", ""}).error().kind,
              Error::Kind::InvalidInput);
    ASSERT_TRUE(exercises.remove("wall_slide").ok());
    EXPECT_EQ(exercises.remove("wall_slide").error().kind, Error::Kind::NotFound);
    EXPECT_TRUE(exercises.list()->empty());
}

} // namespace
} // namespace hepdesk::db
