// The server schema's versioned migrations on the real PostgreSQL 15 test cluster.

#include "hepdesk/db/PgSchema.h"

#include "../pg/PgTestServer.h"
#include "DbFixtures.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/Migrations.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/Store.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <thread>

namespace hepdesk::db {
namespace {

using testing::ScratchDatabase;

class PgSchemaTest : public ::testing::Test {
protected:
    void SetUp() override {
        HEPDESK_REQUIRE_PG();
        scratch_.emplace();
        ASSERT_TRUE(scratch_->ready());
        auto c = PgConnection::connect(scratch_->conninfo());
        ASSERT_TRUE(c) << c.error().message;
        conn_.emplace(std::move(*c));
    }
    std::int64_t scalar(const std::string& sql) {
        auto r = conn_->exec(sql);
        EXPECT_TRUE(r) << sql << ": " << (r ? "" : r.error().message);
        return r && r->rows() > 0 ? r->int64(0, 0) : -1;
    }
    std::optional<ScratchDatabase> scratch_;
    std::optional<PgConnection> conn_;
};

TEST_F(PgSchemaTest, SameVersionsAsTheSqliteSchema) {
    ASSERT_EQ(pgMigrations().size(), migrations().size());
    for (std::size_t i = 0; i < pgMigrations().size(); ++i) {
        EXPECT_EQ(pgMigrations()[i].version, migrations()[i].version);
    }
    EXPECT_EQ(pgLatestSchemaVersion(), Database::latestSchemaVersion());
}

TEST_F(PgSchemaTest, EmptyDatabaseMigratesToLatestOnceAndAgainIsNothing) {
    auto v = pgSchemaVersion(*conn_);
    ASSERT_TRUE(v) << v.error().message;
    EXPECT_EQ(*v, 0);
    ASSERT_TRUE(pgMigrate(*conn_));
    EXPECT_EQ(*pgSchemaVersion(*conn_), pgLatestSchemaVersion());
    const auto tables = scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
    ASSERT_TRUE(pgMigrate(*conn_));
    EXPECT_EQ(scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), tables);
    for (const char* t :
         {"patient", "patient_search", "clinician", "clinic_settings", "session", "session_finding",
          "program_item", "handout", "addendum", "custom_exercise", "audit_log", "session_override",
          "protocol", "protocol_exercise"}) {
        EXPECT_EQ(
            scalar(std::string("SELECT count(*) FROM pg_tables WHERE tablename = '") + t + "'"), 1)
            << t;
    }
}

/// Rows that are valid at `version` (and only need that version's tables), as a workstation
/// of that version would have written them.
void seed(PgConnection& c, int version) {
    auto ok = [](Result<PgResult> r) { ASSERT_TRUE(r) << r.error().message; };
    if (version >= 1) {
        ok(c.exec("INSERT INTO patient(name, birth_date, record_number, created_at) "
                  "VALUES ($1, '1970-03-04', $2, '2026-01-01T00:00:00Z')",
                  {"Łukasz Żółć-Østergård", "MRN-77"}));
    }
    if (version >= 2) {
        ok(c.exec("INSERT INTO clinician(name, credentials, created_at) "
                  "VALUES ('Ana Ruiz', 'PT', '2026-01-01T00:00:00Z')"));
        ok(c.exec("INSERT INTO clinic_settings(id, name, logo, logo_mime, updated_at) "
                  "VALUES (1, 'Clínica', $1, 'image/png', '2026-01-01T00:00:00Z')",
                  {PgParam::bytes(std::string("\x89PNG\r\n\x1a\n\0\0", 10))}));
    }
    if (version >= 3) {
        ok(c.exec("INSERT INTO session(patient_id, clinician_id, started_at, screening_json, "
                  "triage, created_at) SELECT min(id), 1, '2026-01-02T09:00:00Z', $1, "
                  "'routine', '2026-01-02T09:00:00Z' FROM patient",
                  {toJson(test::sampleSession(1, 1).screening).dump()}));
        ok(c.exec("INSERT INTO program_item VALUES (1, 0, 'cat_cow', 2, 10, 0, 1, false, '')"));
        ok(c.exec("UPDATE session SET signed_at = '2026-01-02T10:00:00Z', signed_by = 1"));
        ok(c.exec("INSERT INTO addendum(session_id, clinician_id, created_at, text) "
                  "VALUES (1, 1, '2026-01-03T00:00:00Z', 'pain now 3')"));
    }
    if (version >= 4) {
        ok(c.exec("INSERT INTO custom_exercise(id, name, json, created_at, updated_at) VALUES "
                  "('wall_slide', 'Wall slide', '{\"id\":\"wall_slide\"}', 'x', 'x')"));
        ok(c.exec("INSERT INTO audit_log(at, actor, action, entity, entity_id) VALUES "
                  "('2026-01-02T10:00:00Z', 'Ana Ruiz', 'session.sign', 'session', '1')"));
        ok(c.exec("INSERT INTO audit_log(at, actor, action, entity, entity_id) VALUES "
                  "('2026-01-02T10:01:00Z', 'Ana Ruiz', 'patient.edit', 'patient', '1')"));
    }
    if (version >= 16) { // from 16 on, each word with its chain and reaches
        ok(c.exec("INSERT INTO patient_search(patient_id, field, position, term, chain, reach0, "
                  "reach1, reach2) "
                  "SELECT min(id), 'name', 0, 'lukasz', 'lukaszzolcostergard', 6, 10, 19 "
                  "FROM patient "
                  "UNION ALL SELECT min(id), 'name', 1, 'zolc', 'zolcostergard', 4, 13, 13 "
                  "FROM patient "
                  "UNION ALL SELECT min(id), 'name', 2, 'ostergard', 'ostergard', 9, 9, 9 "
                  "FROM patient "
                  "UNION ALL SELECT min(id), 'record', 0, 'mrn', 'mrn77', 3, 5, 5 FROM patient "
                  "UNION ALL SELECT min(id), 'record', 1, '77', '77', 2, 2, 2 FROM patient"));
    } else if (version >= 8) { // a workstation at 8 indexes the patient it writes (today's key)
        ok(c.exec("INSERT INTO patient_search(patient_id, field, position, term) "
                  "SELECT min(id), 'name', 0, 'lukasz' FROM patient "
                  "UNION ALL SELECT min(id), 'name', 1, 'zolc' FROM patient "
                  "UNION ALL SELECT min(id), 'name', 2, 'ostergard' FROM patient "
                  "UNION ALL SELECT min(id), 'record', 0, 'mrn' FROM patient "
                  "UNION ALL SELECT min(id), 'record', 1, '77' FROM patient"));
    }
    if (version >= 10) { // the signed session's PSFS and adherence
        ok(c.exec("ALTER TABLE session_psfs DISABLE TRIGGER USER"));
        ok(c.exec("INSERT INTO session_psfs VALUES (1, 0, 'Walking to work', 5)"));
        ok(c.exec("ALTER TABLE session_psfs ENABLE TRIGGER USER"));
        ok(c.exec("ALTER TABLE session_adherence DISABLE TRIGGER USER"));
        ok(c.exec("INSERT INTO session_adherence VALUES (1, 0, 'cat_cow', 12)"));
        ok(c.exec("ALTER TABLE session_adherence ENABLE TRIGGER USER"));
    }
    if (version >= 9) {
        ok(c.exec("INSERT INTO protocol(name, created_at, updated_at) "
                  "VALUES ('Neck, office', '2026-01-04T00:00:00Z', '2026-01-04T00:00:00Z')"));
        ok(c.exec("INSERT INTO protocol_exercise SELECT id, 0, 'chin_tuck', 2, 10, 3, 3, false, "
                  "'Sit tall' FROM protocol"));
    }
}

TEST_F(PgSchemaTest, MigratesFromEveryEarlierVersionWithItsData) {
    for (int from = 1; from < pgLatestSchemaVersion(); ++from) {
        SCOPED_TRACE("from schema " + std::to_string(from));
        ScratchDatabase db;
        auto c = PgConnection::connect(db.conninfo());
        ASSERT_TRUE(c);
        ASSERT_TRUE(pgMigrate(*c, from));
        ASSERT_EQ(*pgSchemaVersion(*c), from);
        seed(*c, from);
        if (::testing::Test::HasFatalFailure()) {
            return;
        }
        Status s = pgMigrate(*c);
        ASSERT_TRUE(s) << s.error().message;
        EXPECT_EQ(*pgSchemaVersion(*c), pgLatestSchemaVersion());
        auto one = [&](const std::string& sql) {
            auto r = c->exec(sql);
            EXPECT_TRUE(r) << sql;
            return r && r->rows() > 0 ? r->text(0, 0) : std::string("<none>");
        };
        EXPECT_EQ(one("SELECT name FROM patient"), "Łukasz Żółć-Østergård");
        // The name and record number were indexed with today's search key by the steps that
        // build (2) and rebuild (8) the index, whatever version the patient was written at
        // (from 8 on, seed() writes the index as that version's workstation does).
        EXPECT_EQ(one("SELECT string_agg(term, ' ' ORDER BY position) FROM patient_search "
                      "WHERE field = 'name'"),
                  "lukasz zolc ostergard");
        EXPECT_EQ(one("SELECT string_agg(term, ' ' ORDER BY position) FROM patient_search "
                      "WHERE field = 'record'"),
                  "mrn 77");
        // Step 16 ran each word together with the next two of its field (the chains), and
        // says how long a typed word may be to match with no, one or two splits.
        EXPECT_EQ(one("SELECT string_agg(chain || ' ' || reach0 || '/' || reach1 || '/' || "
                      "reach2, ', ' ORDER BY field, position) FROM patient_search"),
                  "lukaszzolcostergard 6/10/19, zolcostergard 4/13/13, ostergard 9/9/9, "
                  "mrn77 3/5/5, 77 2/2/2");
        if (from >= 9) { // the saved protocol is kept
            EXPECT_EQ(one("SELECT name || ': ' || string_agg(exercise_id, ',') FROM protocol "
                          "JOIN protocol_exercise ON protocol_id = id GROUP BY name"),
                      "Neck, office: chin_tuck");
        }
        if (from == 1) { // step 2 gave the existing patient its "updated" time
            EXPECT_EQ(one("SELECT updated_at FROM patient"), "2026-01-01T00:00:00Z");
        }
        if (from >= 2) {
            EXPECT_EQ(one("SELECT octet_length(logo) FROM clinic_settings"), "10");
        }
        if (from >= 3) {
            EXPECT_EQ(one("SELECT signed_by FROM session"), "1");
            // Signed before seals existed: sealed as stored at the upgrade, as in SQLite.
            if (from < 6) {
                EXPECT_EQ(one("SELECT count(*) FROM session_seal_pending"), "0");
                EXPECT_EQ(one("SELECT length(seal) FROM session"), "64");
                EXPECT_EQ(one("SELECT count(*) FROM audit_log WHERE action = 'session.seal'"), "1");
            }
        }
        if (from >= 4 && from < 6) {
            // Audit rows written before the chain got their hashes in step 6.
            EXPECT_EQ(one("SELECT count(*) FROM audit_log WHERE hash ~ '^[0-9a-f]{64}$'"), "3");
            EXPECT_EQ(one("SELECT count(*) FROM audit_log a JOIN audit_log b ON b.id = a.id + 1 "
                          "WHERE b.prev_hash = a.hash"),
                      "2"); // the two old rows and the seal's line, one chain
            auto del = c->exec("DELETE FROM audit_log");
            ASSERT_FALSE(del);
            EXPECT_EQ(del.error().kind, Error::Kind::Refused); // the rule is back on
        }
    }
}

/// Step 16 fills the chains of the words already stored (in SQL); a workstation writes them
/// for each patient it saves (in C++): both give the same rows, also where a word ends or
/// starts with a letter that is not ASCII (no split there).
TEST_F(PgSchemaTest, ChainsFilledByTheMigrationAreThoseAWorkstationWrites) {
    ASSERT_TRUE(pgMigrate(*conn_, 15));
    struct Case {
        const char* name;
        const char* record;
        std::vector<std::string> nameWords;
        std::vector<std::string> recordWords;
    };
    const std::vector<Case> cases = {
        {"Ana Mo\u0294 Lee", "AB-12-\u02947", {"ana", "mo\u0294", "lee"}, {"ab", "12", "\u02947"}},
        {"Bo O'Neil-Smith Jr", "", {"bo", "o", "neil", "smith", "jr"}, {}},
        {"\u0294a", "7", {"\u0294a"}, {"7"}},
    };
    for (std::size_t k = 0; k < cases.size(); ++k) {
        const Case& c = cases[k];
        ASSERT_TRUE(conn_->exec("INSERT INTO patient(id, name, record_number, created_at, "
                                "updated_at) VALUES ($1, $2, $3, 'x', 'x')",
                                {static_cast<std::int64_t>(k + 1), c.name, c.record}));
        for (const auto& [field, words] :
             {std::pair{"name", c.nameWords}, std::pair{"record", c.recordWords}}) {
            for (std::size_t i = 0; i < words.size(); ++i) {
                ASSERT_TRUE(
                    conn_->exec("INSERT INTO patient_search(patient_id, field, position, term) "
                                "VALUES ($1, $2, $3, $4)",
                                {static_cast<std::int64_t>(k + 1), field,
                                 static_cast<std::int64_t>(i), words[i]}));
            }
        }
    }
    ASSERT_TRUE(pgMigrate(*conn_));
    const std::string rows = "SELECT string_agg(concat_ws(' ', patient_id, field, position, term, "
                             "chain, reach0, reach1, reach2), '; ' ORDER BY patient_id, field, "
                             "position) FROM patient_search";
    auto migrated = conn_->exec(rows);
    ASSERT_TRUE(migrated);
    EXPECT_NE(migrated->text(0, 0).find("2 name 1 o oneilsmith 1 5 10"), std::string::npos)
        << migrated->text(0, 0);
    EXPECT_NE(migrated->text(0, 0).find("1 name 0 ana anamo\u0294lee 3 7 7"), std::string::npos)
        << migrated->text(0, 0);
    {
        auto store = Store::open(scratch_->conninfo());
        ASSERT_TRUE(store) << store.error().message;
        for (std::int64_t k = 1; k <= static_cast<std::int64_t>(cases.size()); ++k) {
            auto p = (*store)->patients().get(k);
            ASSERT_TRUE(p) << p.error().message;
            ASSERT_TRUE((*store)->patients().update(*p)); // written again by the workstation
        }
    }
    auto written = conn_->exec(rows);
    ASSERT_TRUE(written);
    EXPECT_EQ(written->text(0, 0), migrated->text(0, 0));
}

TEST_F(PgSchemaTest, RulesOfTheRecordHoldOnTheServer) {
    ASSERT_TRUE(pgMigrate(*conn_));
    seed(*conn_, pgLatestSchemaVersion());
    struct Case {
        const char* sql;
        const char* message;
    };
    for (const Case& k : {
             Case{"UPDATE session SET triage = 'emergency'", "a signed session cannot be changed"},
             Case{"DELETE FROM session", "a signed session cannot be deleted"},
             Case{"DELETE FROM program_item", "a signed session cannot be changed"},
             Case{"UPDATE session_psfs SET rating = 9", "a signed session cannot be changed"},
             Case{"DELETE FROM session_psfs", "a signed session cannot be changed"},
             Case{"INSERT INTO session_psfs VALUES (1, 1, 'Running', 2)",
                  "a signed session cannot be changed"},
             Case{"UPDATE session_adherence SET days_done = 14",
                  "a signed session cannot be changed"},
             Case{"DELETE FROM session_adherence", "a signed session cannot be changed"},
             Case{"UPDATE addendum SET text = 'x'", "an addendum cannot be changed"},
             Case{"DELETE FROM audit_log", "the audit log is append-only"},
             Case{"UPDATE audit_log SET actor = 'someone else'", "the audit log is append-only"},
             Case{"TRUNCATE audit_log", "the audit log is append-only"},
         }) {
        auto r = conn_->exec(k.sql);
        ASSERT_FALSE(r) << k.sql;
        EXPECT_EQ(r.error().kind, Error::Kind::Refused) << k.sql;
        EXPECT_NE(r.error().message.find(k.message), std::string::npos) << r.error().message;
    }
    auto bad = conn_->exec("INSERT INTO session(patient_id, started_at, screening_json, triage, "
                           "created_at) VALUES (1, 'x', 'not json', 'routine', 'x')");
    EXPECT_FALSE(bad);
}

TEST_F(PgSchemaTest, RefusesADatabaseOfAnotherProgramUntouched) {
    ASSERT_TRUE(
        conn_->execScript("CREATE TABLE invoices (id int); INSERT INTO invoices VALUES (1)"));
    Status s = pgMigrate(*conn_);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().kind, Error::Kind::Refused);
    EXPECT_NE(s.error().message.find("not a HepDesk database"), std::string::npos);
    EXPECT_NE(s.error().message.find("'invoices'"), std::string::npos) << s.error().message;
    EXPECT_EQ(scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM invoices"), 1);
}

TEST_F(PgSchemaTest, RefusesAMarkerOfAnotherProgram) {
    ASSERT_TRUE(conn_->execScript("CREATE TABLE hepdesk_schema (singleton boolean PRIMARY KEY, "
                                  "application text, version integer);"
                                  "INSERT INTO hepdesk_schema VALUES (true, 'OtherDesk', 3)"));
    auto v = pgSchemaVersion(*conn_);
    ASSERT_FALSE(v);
    EXPECT_EQ(v.error().kind, Error::Kind::Refused);
    EXPECT_NE(v.error().message.find("'OtherDesk'"), std::string::npos) << v.error().message;
}

TEST_F(PgSchemaTest, RefusesADatabaseOfANewerHepDeskUntouched) {
    ASSERT_TRUE(pgMigrate(*conn_));
    ASSERT_TRUE(
        conn_->exec("UPDATE hepdesk_schema SET version = $1", {pgLatestSchemaVersion() + 1}));
    Status s = pgMigrate(*conn_);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().kind, Error::Kind::Refused);
    EXPECT_NE(s.error().message.find("newer HepDesk"), std::string::npos) << s.error().message;
    EXPECT_EQ(scalar("SELECT version FROM hepdesk_schema"), pgLatestSchemaVersion() + 1);
}

TEST_F(PgSchemaTest, TwoWorkstationsMigratingAtOnceBothSucceed) {
    Status a;
    Status b;
    const std::string info = scratch_->conninfo();
    auto migrateFrom = [&info](Status& out) {
        auto c = PgConnection::connect(info);
        out = c ? pgMigrate(*c) : Status{c.error()};
    };
    std::thread ta(migrateFrom, std::ref(a));
    std::thread tb(migrateFrom, std::ref(b));
    ta.join();
    tb.join();
    ASSERT_TRUE(a) << a.error().message;
    ASSERT_TRUE(b) << b.error().message;
    EXPECT_EQ(*pgSchemaVersion(*conn_), pgLatestSchemaVersion());
}

} // namespace
} // namespace hepdesk::db
