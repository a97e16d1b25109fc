// One contract for every repository, run on each backend (a SQLite file, a database on the
// PostgreSQL 15 test cluster): what a clinician sees must not depend on where the records are.

#include "EachBackend.h"
#include "TestImages.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/Migrations.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/PgSchema.h"
#include "hepdesk/db/Sqlite.h"

#include <gtest/gtest.h>

namespace hepdesk::db {
namespace {

using RepositoryContract = testing::EachBackend;
HEPDESK_ON_EACH_BACKEND(RepositoryContract);

std::vector<std::string> actions(AuditLog& log) {
    auto rows = log.list({});
    EXPECT_TRUE(rows) << rows.error().message;
    std::vector<std::string> out;
    for (const AuditEntry& e : *rows) {
        out.push_back(e.action + " " + e.entity + " " + e.entityId);
    }
    return out;
}

TEST_P(RepositoryContract, PatientsStoredEditedArchivedAndListedInNameOrder) {
    auto& patients = store().patients();
    auto b = patients.add(Patient{0, "bea Núñez", "1990-01-02", "R-2", "555 0101", false});
    auto a = patients.add(Patient{0, "Ana Ruiz", "", "", "", false});
    auto z = patients.add(Patient{0, "Zoë", "", "", "", false});
    ASSERT_TRUE(a && b && z);
    auto got = patients.get(*b);
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_EQ(got->name, "bea Núñez");
    EXPECT_EQ(got->birthDate, "1990-01-02");
    EXPECT_EQ(got->contact, "555 0101");

    std::vector<std::string> names;
    const auto listed = patients.list({});
    ASSERT_TRUE(listed);
    for (const Patient& p : *listed) {
        names.push_back(p.name);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"Ana Ruiz", "bea Núñez", "Zoë"}));
    EXPECT_EQ(patients.list({false, 1, 1})->at(0).name, "bea Núñez"); // one page

    got->contact = "555 0202";
    ASSERT_TRUE(patients.update(*got));
    EXPECT_EQ(patients.get(*b)->contact, "555 0202");
    ASSERT_TRUE(patients.setArchived(*b, true));
    EXPECT_EQ(patients.list({})->size(), 2U);
    EXPECT_EQ(patients.list({true})->size(), 3U);
    auto edit = patients.update(*patients.get(*b));
    ASSERT_FALSE(edit);
    EXPECT_EQ(edit.error().kind, Error::Kind::Refused);
    EXPECT_NE(edit.error().message.find("archived and read-only"), std::string::npos);

    auto missing = patients.get(999);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(missing.error().message, "no patient with id 999");
    auto blank = patients.add(Patient{0, "  ", "", "", "", false});
    ASSERT_FALSE(blank);
    EXPECT_EQ(blank.error().kind, Error::Kind::InvalidInput);

    const auto log = actions(store().audit());
    ASSERT_GE(log.size(), 5U);
    EXPECT_EQ(log[0], "patient.archive patient " + std::to_string(*b));
    EXPECT_EQ(log[1], "patient.edit patient " + std::to_string(*b));
    auto detail = store().audit().list({"patient", std::to_string(*b), 10});
    ASSERT_TRUE(detail);
    EXPECT_EQ(detail->at(1).detail, "contact: \"555 0101\" -> \"555 0202\"");
}

TEST_P(RepositoryContract, CliniciansInNameOrderInactiveOnlyWhenAsked) {
    auto& clinicians = store().clinicians();
    auto z = clinicians.add(Clinician{0, "zed Ortiz", "PT", true});
    auto a = clinicians.add(Clinician{0, "Ana Ruiz", "PT, DPT", true});
    ASSERT_TRUE(z && a);
    Clinician c = *clinicians.get(*z);
    c.active = false;
    ASSERT_TRUE(clinicians.update(c));
    EXPECT_EQ(clinicians.list(false)->size(), 1U);
    auto all = clinicians.list(true);
    ASSERT_EQ(all->size(), 2U);
    EXPECT_EQ(all->at(0).name, "Ana Ruiz");
    EXPECT_EQ(all->at(1), (Clinician{*z, "zed Ortiz", "PT", false}));
    EXPECT_EQ(clinicians.get(42).error().kind, Error::Kind::NotFound);
    auto detail = store().audit().list({"clinician", std::to_string(*z), 10});
    ASSERT_TRUE(detail);
    EXPECT_EQ(detail->at(0).detail, "active: yes -> no");
}

TEST_P(RepositoryContract, ClinicSettingsWithLogoRoundTrip) {
    auto& clinic = store().clinic();
    EXPECT_EQ(*clinic.load(), ClinicSettings{});
    const ClinicSettings s{"Clínica Sol", "Calle 1\n28001 Madrid", "+34 600", test::pngImage(8, 8),
                           "image/png"};
    ASSERT_TRUE(clinic.save(s));
    EXPECT_EQ(*clinic.load(), s);
    auto bad = clinic.save(ClinicSettings{"x", "", "", "GIF89a", "image/png"});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message,
              "clinic logo is not a PNG or JPEG picture (its first bytes are not an image's): "
              "save it as PNG or JPEG and use the new file");
    EXPECT_EQ(*clinic.load(), s); // nothing half-written
}

TEST_P(RepositoryContract, ClinicRecordNumberSystemStoredOnlyAsAnAbsoluteUri) {
    auto& clinic = store().clinic();
    EXPECT_EQ(clinic.load()->recordSystem, ""); // HepDesk's default until the clinic sets one
    ClinicSettings s{"Clínica Sol", "", "", "", ""};
    s.recordSystem = "https://clinica-sol.example/fhir/mrn";
    ASSERT_TRUE(clinic.save(s));
    EXPECT_EQ(clinic.load()->recordSystem, "https://clinica-sol.example/fhir/mrn");
    for (const char* bad : {"clinic mrn", "mrn", "1urn:x", "urn:", "urn:oid:1.2 3"}) {
        ClinicSettings b = s;
        b.recordSystem = bad;
        auto refused = clinic.save(b);
        ASSERT_FALSE(refused) << bad;
        EXPECT_EQ(refused.error().kind, Error::Kind::InvalidInput);
        EXPECT_NE(refused.error().message.find("clinic record number system must be an "
                                               "absolute URI"),
                  std::string::npos)
            << refused.error().message;
    }
    EXPECT_EQ(clinic.load()->recordSystem, "https://clinica-sol.example/fhir/mrn");
    s.recordSystem = "urn:oid:1.2.840.99";
    ASSERT_TRUE(clinic.save(s));
    EXPECT_EQ(clinic.load()->recordSystem, "urn:oid:1.2.840.99");
    s.recordSystem.clear(); // back to the default
    ASSERT_TRUE(clinic.save(s));
    EXPECT_EQ(clinic.load()->recordSystem, "");

    // The database itself refuses what is not an absolute URI, whoever writes it.
    store_.reset();
    const std::string bad = "UPDATE clinic_settings SET record_system = 'clinic mrn'";
    const std::string good = "UPDATE clinic_settings SET record_system = 'urn:oid:1.2.3'";
    if (GetParam() == Store::Backend::Server) {
        auto c = PgConnection::connect(target());
        ASSERT_TRUE(c);
        EXPECT_FALSE(c->execScript(bad));
        EXPECT_TRUE(c->execScript(good));
    } else {
        auto d = Database::open(dir_ / "clinic.sqlite");
        ASSERT_TRUE(d) << d.error().message;
        EXPECT_FALSE(d->connection().exec(bad));
        EXPECT_TRUE(d->connection().exec(good));
    }
}

TEST_P(RepositoryContract, ClinicExercisesWithPhotosPutListRemove) {
    auto& custom = store().customExercises();
    const CustomExercise withPhoto{"wall_slide", "Wall slide", R"({"id":"wall_slide"})",
                                   test::greyJpeg(16, 16), "image/jpeg"};
    const CustomExercise plain{"bird_dog", "Bird dog", R"({"id":"bird_dog"})", "", ""};
    ASSERT_TRUE(custom.put(withPhoto));
    ASSERT_TRUE(custom.put(plain));
    EXPECT_EQ(*custom.get("wall_slide"), withPhoto);
    auto list = custom.list();
    ASSERT_EQ(list->size(), 2U);
    EXPECT_EQ(list->at(0).id, "bird_dog");
    CustomExercise replaced = withPhoto;
    replaced.photo.clear();
    replaced.photoMime.clear();
    ASSERT_TRUE(custom.put(replaced)); // an empty photo removes the stored one
    EXPECT_EQ(*custom.get("wall_slide"), replaced);
    auto wrongType =
        custom.put(CustomExercise{"x", "X", R"({"id":"x"})", test::pngImage(4, 4), "image/jpeg"});
    ASSERT_FALSE(wrongType);
    EXPECT_NE(wrongType.error().message.find("is a PNG image but its type says"),
              std::string::npos);
    ASSERT_TRUE(custom.remove("bird_dog"));
    EXPECT_EQ(custom.get("bird_dog").error().kind, Error::Kind::NotFound);
    EXPECT_EQ(custom.remove("bird_dog").error().kind, Error::Kind::NotFound);
}

TEST_P(RepositoryContract, AuditLogNamesTheActorNewestFirstAndChainsEveryRow) {
    store().setActor("Ana Ruiz");
    ASSERT_TRUE(store().patients().add(Patient{0, "P", "", "", "", false}));
    auto id = store().audit().append(
        AuditEntry{0, "", "", "session.export", "session", "7", "to a file\nwith a line break"});
    ASSERT_TRUE(id) << id.error().message;
    auto rows = store().audit().list({});
    ASSERT_EQ(rows->size(), 2U);
    EXPECT_EQ(rows->at(0).id, *id);
    EXPECT_EQ(rows->at(0).actor, actorFor("Ana Ruiz"));
    EXPECT_EQ(rows->at(0).detail, "to a file\\nwith a line break"); // one line, escaped
    EXPECT_EQ(rows->at(1).action, "patient.add");
    EXPECT_EQ(rows->at(1).actor, actorFor("Ana Ruiz"));
    EXPECT_EQ(rows->at(1).at.size(), 20U); // "YYYY-MM-DDTHH:MM:SSZ"
}

/// A database at `version` of the test's backend holding one patient written then.
class MigrationContract : public testing::EachBackend {};
HEPDESK_ON_EACH_BACKEND(MigrationContract);

TEST_P(MigrationContract, EveryEarlierVersionWithDataOpensUpToDateAndFindsIt) {
    for (int from = 1; from < Database::latestSchemaVersion(); ++from) {
        SCOPED_TRACE("from schema " + std::to_string(from));
        std::string target;
        std::optional<testing::ScratchDatabase> scratch;
        const std::string insert = "INSERT INTO patient(name, record_number, created_at) "
                                   "VALUES ('Łukasz Żółć', 'MRN-9', '2026-01-01T00:00:00Z')";
        if (GetParam() == Store::Backend::Server) {
            scratch.emplace();
            auto c = PgConnection::connect(scratch->conninfo());
            ASSERT_TRUE(c);
            ASSERT_TRUE(pgMigrate(*c, from));
            ASSERT_TRUE(c->execScript(insert));
            if (from >= 16) { // from 16 on, with each word's chain and reaches
                ASSERT_TRUE(c->execScript(
                    "INSERT INTO patient_search(patient_id, field, position, term, chain, reach0, "
                    "reach1, reach2) VALUES "
                    "(1, 'name', 0, 'lukasz', 'lukaszzolc', 6, 10, 10), "
                    "(1, 'name', 1, 'zolc', 'zolc', 4, 4, 4), "
                    "(1, 'record', 0, 'mrn', 'mrn9', 3, 4, 4), (1, 'record', 1, '9', '9', 1, 1, "
                    "1)"));
            } else if (from >= 8) { // from 8 on, the workstation that writes a patient indexes it
                ASSERT_TRUE(c->execScript(
                    "INSERT INTO patient_search(patient_id, field, position, term) VALUES "
                    "(1, 'name', 0, 'lukasz'), (1, 'name', 1, 'zolc'), "
                    "(1, 'record', 0, 'mrn'), (1, 'record', 1, '9')"));
            }
            target = scratch->conninfo();
        } else {
            const auto path = dir_ / ("v" + std::to_string(from) + ".sqlite");
            Database::Options o;
            o.targetVersion = from;
            auto d = Database::open(path, o);
            ASSERT_TRUE(d) << d.error().message;
            ASSERT_TRUE(d->connection().exec(insert));
            target = path.string();
        }
        auto s = Store::open(target);
        ASSERT_TRUE(s) << s.error().message;
        auto found = (*s)->patients().search("lukasz zol", {});
        ASSERT_TRUE(found) << found.error().message;
        ASSERT_EQ(found->size(), 1U);
        EXPECT_EQ(found->at(0).name, "Łukasz Żółć");
        EXPECT_EQ((*s)->patients().search("mrn-9", {})->size(), 1U);
        // Words typed run together are found in what the workstation of that version indexed.
        EXPECT_EQ((*s)->patients().search("lukaszzol", {})->size(), 1U);
        // And it takes new records at the latest version.
        EXPECT_TRUE((*s)->clinicians().add(Clinician{0, "Ana", "", true}));
    }
}

} // namespace
} // namespace hepdesk::db
