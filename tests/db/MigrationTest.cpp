#include "TestSupport.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/CustomExerciseRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/Migrations.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/ProtocolRepository.h"
#include "hepdesk/db/SessionRepository.h"
#include "hepdesk/db/TamperCheck.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hepdesk::db {
namespace {

/// Rows as a HepDesk of schema `version` would have written them, in that version's SQL
/// (never through today's repositories, which speak only the latest schema).
void writeDataOfVersion(Connection& c, int version) {
    switch (version) {
    case 1:
        ASSERT_TRUE(c.exec("INSERT INTO patient(id, name, birth_date, record_number, contact, "
                           "archived, created_at) VALUES "
                           "(1, 'Zoë Ørsted', '1980-02-29', 'R-1', 'zoe@example.org', 0, "
                           "'2025-01-01T10:00:00Z'), "
                           "(2, 'Łukasz O''Brien', '', '', '', 1, '2025-01-02T10:00:00Z')")
                        .ok());
        break;
    case 2:
        ASSERT_TRUE(
            c.exec("INSERT INTO clinician(id, name, credentials, created_at) VALUES "
                   "(1, 'Dr Αλέξανδρος', 'PT', '2025-02-01T00:00:00Z'); "
                   "INSERT INTO clinic_settings(id, name, address, phone, updated_at) "
                   "VALUES (1, 'Spine Clinic', '1 Main St', '555', '2025-02-01T00:00:00Z'); "
                   "INSERT INTO patient(id, name, created_at, updated_at) VALUES "
                   "(3, 'Юлия Сергеевна', '2025-02-02T00:00:00Z', '2025-02-02T00:00:00Z')")
                .ok());
        break;
    case 3: {
        const auto r = c.exec(
            "INSERT INTO session(id, patient_id, clinician_id, started_at, screening_json, "
            "triage, pain_now, odi_percent, start_back_total, start_back_psychosocial, "
            "start_back_risk, created_at) VALUES (1, 1, 1, '2025-03-01T09:00:00Z', "
            "'{\"date\":\"2025-03-01\",\"regions\":[\"low_back\"],\"pain\":{\"now\":6}}', "
            "'refer_and_monitor', 6, 42.0, 5, 3, 'medium', '2025-03-01T09:00:00Z'); "
            "INSERT INTO session_finding VALUES (1, 0, 'night_pain', 'r1', 'refer_and_monitor', "
            "'Night pain'); "
            "INSERT INTO program_item(session_id, position, exercise_id, sets, reps, "
            "hold_seconds, times_per_day, per_side, note) VALUES (1, 0, 'cat_cow', 2, 10, 0, 2, 0, "
            "'slow'); "
            "INSERT INTO handout(session_id, sha256, byte_size, language, large_print, "
            "created_at) VALUES (1, '" +
            std::string(64, 'c') +
            "', 5000, 'en', 0, '2025-03-01T09:30:00Z'); "
            "UPDATE session SET signed_at = '2025-03-01T09:40:00Z', signed_by = 1 WHERE id = 1; "
            "INSERT INTO addendum(session_id, clinician_id, created_at, text) VALUES "
            "(1, 1, '2025-03-02T00:00:00Z', 'Correction: ODI was 40%.')");
        ASSERT_TRUE(r.ok()) << r.error().message;
        break;
    }
    case 4:
        ASSERT_TRUE(c.exec("INSERT INTO custom_exercise(id, name, json, created_at, updated_at) "
                           "VALUES ('clinic_wall_slide', 'Wall slide', "
                           "'{\"id\": \"clinic_wall_slide\", \"kind\": \"exercise\"}', "
                           "'2025-04-01T00:00:00Z', '2025-04-01T00:00:00Z')")
                        .ok());
        break;
    case 9: {
        const auto r =
            c.exec("INSERT INTO protocol(id, name, created_at, updated_at) VALUES "
                   "(1, 'Neck, office', '2025-09-01T00:00:00Z', '2025-09-01T00:00:00Z'); "
                   "INSERT INTO protocol_exercise(protocol_id, position, exercise_id, sets, reps, "
                   "hold_seconds, times_per_day, per_side, note) VALUES (1, 0, 'chin_tuck', 2, 10, "
                   "3, 3, 0, 'Sit tall'), "
                   "(1, 1, 'short_walk', 1, 0, 600, 2, 0, '')");
        ASSERT_TRUE(r.ok()) << r.error().message;
        break;
    }
    case 11: {
        // A session signed and sealed at schema 11 (its seal made from the session as HepDesk
        // reads it, as signing does), with a program of the longest hold schema 11 stores.
        Session s;
        s.id = 2;
        s.patientId = 3;
        s.clinicianId = 1;
        s.startedAt = "2025-11-01T09:00:00Z";
        s.screening.date = "2025-11-01";
        s.triage = TriageLevel::Routine;
        s.handoutOptions.language = "en";
        s.program.items = {ProgramItem{"short_walk", Dosage{1, 0, 600, 2, false}, "easy pace"},
                           ProgramItem{"cat_cow", Dosage{2, 10, 0, 1, true}, ""}};
        s.isSigned = true;
        s.signedAt = "2025-11-01T09:40:00Z";
        s.signedBy = 1;
        s.signedSnapshot = R"({"program":"as printed at signing"})";
        auto seal = sessionSeal(s, 0);
        ASSERT_TRUE(seal.ok()) << seal.error().message;
        auto r = c.exec(
            "INSERT INTO session(id, patient_id, clinician_id, started_at, screening_json, triage, "
            "handout_language, created_at) VALUES (2, 3, 1, '2025-11-01T09:00:00Z', '" +
            toJson(s.screening).dump() +
            "', 'routine', 'en', '2025-11-01T09:00:00Z'); "
            "INSERT INTO program_item(session_id, position, exercise_id, sets, reps, "
            "hold_seconds, times_per_day, per_side, note) VALUES (2, 0, 'short_walk', 1, 0, 600, "
            "2, 0, 'easy pace'), "
            "(2, 1, 'cat_cow', 2, 10, 0, 1, 1, ''); "
            "UPDATE session SET signed_snapshot = '" +
            s.signedSnapshot +
            "' WHERE id = 2; "
            "UPDATE session SET signed_at = '2025-11-01T09:40:00Z', signed_by = 1, seal = '" +
            *seal + "', seal_handouts = 0 WHERE id = 2");
        ASSERT_TRUE(r.ok()) << r.error().message;
        ASSERT_TRUE(appendChained(c, AuditEntry{0, s.signedAt, "ana", "session.sign", "session",
                                                "2", "clinician 1, seal " + *seal})
                        .ok());
        break;
    }
    default:
        break;
    }
}

/// Checks that everything written at `fromVersion` (and before) survived, readable through
/// today's repositories, and that today's rules apply to it.
void expectDataOfVersion(Database& db, int fromVersion) {
    SqlitePatientRepository patients(db);
    auto zoe = patients.get(1);
    ASSERT_TRUE(zoe.ok()) << zoe.error().message;
    EXPECT_EQ(zoe->name, "Zoë Ørsted");
    EXPECT_EQ(zoe->contact, "zoe@example.org");
    EXPECT_TRUE(patients.get(2)->archived);
    // Patients written before search existed are searchable after the migration.
    EXPECT_EQ(patients.search("orsted", {})->size(), 1U);
    EXPECT_EQ(patients.search("lukasz", {50, true})->size(), 1U);
    if (fromVersion >= 2) {
        SqliteClinicianRepository clinicians(db);
        EXPECT_EQ(clinicians.get(1)->name, "Dr Αλέξανδρος");
        SqliteClinicRepository clinic(db);
        EXPECT_EQ(clinic.load()->name, "Spine Clinic");
        EXPECT_EQ(patients.search("sergeevna", {})->size(), 1U);
    }
    if (fromVersion >= 3) {
        SqliteSessionRepository sessions(db);
        auto s = sessions.get(1);
        ASSERT_TRUE(s.ok()) << s.error().message;
        EXPECT_TRUE(s->isSigned);
        EXPECT_EQ(s->triage, TriageLevel::ReferAndMonitor);
        EXPECT_EQ(s->scores.odiPercent, 42.0);
        EXPECT_EQ(s->screening.pain.now, 6);
        ASSERT_EQ(s->program.items.size(), 1U);
        EXPECT_EQ(s->program.items[0].dosage.reps, 10);
        ASSERT_EQ(s->addenda.size(), 1U);
        ASSERT_EQ(s->handouts.size(), 1U);
        EXPECT_EQ(s->handouts[0].byteSize, 5000);
        EXPECT_FALSE(db.connection().exec("UPDATE session SET pain_now = 0").ok());
        EXPECT_EQ(sessions.history(1, {})->size(), 1U);
    }
    if (fromVersion >= 4) {
        SqliteCustomExerciseRepository custom(db);
        auto c = custom.get("clinic_wall_slide");
        ASSERT_TRUE(c.ok()) << c.error().message;
        EXPECT_EQ(c->name, "Wall slide");
        EXPECT_EQ(c->json, R"({"id": "clinic_wall_slide", "kind": "exercise"})");
        EXPECT_TRUE(c->photo.empty()) << "exercises from before photos have none";
        EXPECT_TRUE(c->photoMime.empty());
    }
    if (fromVersion >= 9) {
        SqliteProtocolRepository protocols(db);
        auto p = protocols.get("neck, office");
        ASSERT_TRUE(p.ok()) << p.error().message;
        ASSERT_EQ(p->program.items.size(), 2U);
        EXPECT_EQ(p->program.items[0].note, "Sit tall");
        EXPECT_EQ(p->program.items[1].dosage, (Dosage{1, 0, 600, 2, false}))
            << "seconds, every day, no weeks: as it was";
    }
    if (fromVersion >= 11) {
        // Signed at 11: reads back as signed, its seal holds and its rows are still guarded.
        SqliteSessionRepository sessions(db);
        auto s = sessions.get(2);
        ASSERT_TRUE(s.ok()) << s.error().message;
        ASSERT_EQ(s->program.items.size(), 2U);
        EXPECT_EQ(s->program.items[0].dosage, (Dosage{1, 0, 600, 2, false}));
        EXPECT_EQ(s->program.items[1].dosage, (Dosage{2, 10, 0, 1, true}));
        EXPECT_EQ(s->signedSnapshot, R"({"program":"as printed at signing"})");
        EXPECT_FALSE(db.connection().exec("UPDATE program_item SET hold_seconds = 900").ok());
        EXPECT_FALSE(db.connection().exec("DELETE FROM program_item WHERE session_id = 2").ok());
        auto problems = verifyRecords(db);
        ASSERT_TRUE(problems.ok()) << problems.error().message;
        for (const std::string& p : *problems) {
            EXPECT_EQ(p.find("session 2"), std::string::npos) << p;
        }
    }

    // Tables of later versions work on the migrated file.
    SqliteSessionRepository sessions(db);
    Session fresh;
    fresh.patientId = 1;
    fresh.program.items = {
        ProgramItem{"walking", Dosage{1, 0, 600, 1, false}, ""},
        ProgramItem{"short_walk", Dosage{1, 0, 10 * 60, 2, false, HoldUnit::Minutes, 5, 6}, ""}};
    auto id = sessions.add(fresh);
    ASSERT_TRUE(id.ok()) << id.error().message;
    EXPECT_EQ(sessions.get(*id)->program, fresh.program) << "schema 12 keeps minutes and weeks";
    EXPECT_FALSE(db.connection().exec("DELETE FROM audit_log").ok());
    EXPECT_TRUE(db.integrityCheck()->empty());
}

std::string schemaOf(Connection& c) {
    auto st = Statement::prepare(c, "SELECT type, name, tbl_name, coalesce(sql, '') "
                                    "FROM sqlite_schema ORDER BY type, name");
    std::string out;
    while (*st->step()) {
        out += st->columnText(0) + " " + st->columnText(1) + " " + st->columnText(2) + "\n" +
               st->columnText(3) + "\n";
    }
    return out;
}

/// The schema versions the migrations build, in order.
std::vector<int> versions() {
    std::vector<int> out;
    for (const Migration& m : migrations()) {
        out.push_back(m.version);
    }
    return out;
}

TEST(Migrations, VersionsAreConsecutiveFromOne) {
    int expected = 1;
    for (const Migration& m : migrations()) {
        EXPECT_EQ(m.version, expected++);
    }
    EXPECT_EQ(Database::latestSchemaVersion(),
              17); // 16: server search speed; 17: server-filled clinician
}

TEST(Migrations, EveryEarlierVersionWithDataMigratesToLatest) {
    const int latest = Database::latestSchemaVersion();
    for (const int from : versions()) {
        if (from == latest) {
            continue;
        }
        SCOPED_TRACE("from schema " + std::to_string(from));
        test::TempDir dir;
        const auto path = dir / "old.sqlite";
        {
            Database::Options o;
            o.targetVersion = from;
            auto db = Database::open(path, o);
            ASSERT_TRUE(db.ok()) << db.error().message;
            ASSERT_EQ(db->schemaVersion(), from);
            for (const int v : versions()) {
                if (v <= from) {
                    writeDataOfVersion(db->connection(), v);
                }
            }
        }
        Database::Options noMigrate;
        noMigrate.migrate = false;
        auto untouched = Database::open(path, noMigrate);
        ASSERT_TRUE(untouched.ok());
        EXPECT_EQ(untouched->schemaVersion(), from) << "opening without migrate changes nothing";
        untouched = Error::internal("closed");

        auto db = Database::open(path);
        ASSERT_TRUE(db.ok()) << db.error().message;
        EXPECT_EQ(db->schemaVersion(), latest);
        expectDataOfVersion(*db, from);
    }
}

TEST(Migrations, StepByStepEqualsDirectAndEqualsFresh) {
    test::TempDir dir;
    {
        Database::Options o;
        o.targetVersion = 1;
        auto db = Database::open(dir / "steps.sqlite", o);
        ASSERT_TRUE(db.ok());
        writeDataOfVersion(db->connection(), 1);
        for (const int v : versions()) {
            if (v == 1) {
                continue;
            }
            ASSERT_TRUE(db->migrate(v).ok());
            EXPECT_EQ(db->schemaVersion(), v);
            writeDataOfVersion(db->connection(), v);
        }
        expectDataOfVersion(*db, versions()[versions().size() - 2]);
    }
    auto stepped = Database::open(dir / "steps.sqlite");
    auto fresh = Database::open(dir / "fresh.sqlite");
    ASSERT_TRUE(stepped.ok() && fresh.ok());
    EXPECT_EQ(schemaOf(stepped->connection()), schemaOf(fresh->connection()));
}

TEST(Migrations, AFailedMigrationLeavesTheFileAtItsVersion) {
    test::TempDir dir;
    const auto path = dir / "m.sqlite";
    {
        Database::Options o;
        o.targetVersion = 1;
        auto db = Database::open(path, o);
        ASSERT_TRUE(db.ok());
        writeDataOfVersion(db->connection(), 1);
        // A table in the way of migration 2 makes it fail half-way.
        ASSERT_TRUE(db->connection().exec("CREATE TABLE clinician(x)").ok());
    }
    // The table is not HepDesk's: a normal open refuses the file before migrating it.
    auto refused = Database::open(path);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("table clinician is not HepDesk's"), std::string::npos)
        << refused.error().message;
    // Without the checks at open (as `db check` and the app open), the migration runs and fails.
    auto db = Database::open(path, {.quickCheck = false});
    ASSERT_FALSE(db.ok());
    EXPECT_NE(db.error().message.find("migration to schema 2"), std::string::npos)
        << db.error().message;
    Database::Options noMigrate;
    noMigrate.migrate = false;
    noMigrate.quickCheck = false;
    auto again = Database::open(path, noMigrate);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(again->schemaVersion(), 1);
    EXPECT_EQ(*again->connection().queryInt("SELECT count(*) FROM patient"), 2);
    EXPECT_EQ(*again->connection().queryInt(
                  "SELECT count(*) FROM sqlite_schema WHERE name = 'clinic_settings'"),
              0);
}

} // namespace
} // namespace hepdesk::db
