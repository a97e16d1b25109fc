// hepdesk-cli with --db naming a clinic server: the real binary against the real PostgreSQL 15
// test cluster.

#include "../pg/PgTestServer.h"
#include "Cli.h"
#include "CliOnDatabase.h"
#include "TestSupport.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/PgSchema.h"
#include "hepdesk/db/Store.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hepdesk::cli {
namespace {

using db::testing::ScratchDatabase;

test::ProcessResult onServer(const std::string& conninfo, const std::vector<std::string>& args,
                             bool json = false) {
    return test::runCliOn(conninfo, args, json);
}

TEST(ServerCli, MigrateBuildsTheSchemaThenHasNothingToDo) {
    HEPDESK_REQUIRE_PG();
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    auto info = onServer(scratch.conninfo(), {"db", "info"}, true);
    ASSERT_EQ(info.exitCode, 0) << info.err;
    EXPECT_EQ(nlohmann::json::parse(info.out)["schema_version"], 0);

    auto first = onServer(scratch.conninfo(), {"db", "migrate"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_NE(first.out.find("migrated schema 0 -> " +
                             std::to_string(db::Database::latestSchemaVersion())),
              std::string::npos)
        << first.out;
    EXPECT_NE(first.out.find(scratch.name()), std::string::npos) << first.out;

    auto again = onServer(scratch.conninfo(), {"db", "migrate"}, true);
    ASSERT_EQ(again.exitCode, 0) << again.err;
    auto j = nlohmann::json::parse(again.out);
    EXPECT_EQ(j["from"], db::Database::latestSchemaVersion());
    EXPECT_EQ(j["to"], db::Database::latestSchemaVersion());

    auto conn = db::PgConnection::connect(scratch.conninfo());
    ASSERT_TRUE(conn);
    EXPECT_EQ(*db::pgSchemaVersion(*conn), db::Database::latestSchemaVersion());
}

TEST(ServerCli, RefusesAnotherProgramsDatabaseAndANewerOne) {
    HEPDESK_REQUIRE_PG();
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    auto conn = db::PgConnection::connect(scratch.conninfo());
    ASSERT_TRUE(conn);
    ASSERT_TRUE(conn->execScript("CREATE TABLE stock (sku text)"));
    auto foreign = onServer(scratch.conninfo(), {"db", "migrate"});
    EXPECT_EQ(foreign.exitCode, kRefused);
    EXPECT_NE(foreign.err.find("not a HepDesk database"), std::string::npos) << foreign.err;

    ScratchDatabase newer;
    auto c2 = db::PgConnection::connect(newer.conninfo());
    ASSERT_TRUE(c2);
    ASSERT_TRUE(db::pgMigrate(*c2));
    ASSERT_TRUE(c2->exec("UPDATE hepdesk_schema SET version = version + 1"));
    auto r = onServer(newer.conninfo(), {"db", "info"});
    EXPECT_EQ(r.exitCode, kRefused);
    EXPECT_NE(r.err.find("newer HepDesk"), std::string::npos) << r.err;
}

TEST(ServerCli, FileOnlyCommandsSayWhatToDoOnAServer) {
    HEPDESK_REQUIRE_PG();
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    auto restore = onServer(scratch.conninfo(), {"db", "restore", "x.dump"});
    EXPECT_EQ(restore.exitCode, kUsage);
    EXPECT_NE(restore.err.find("pg_restore --exit-on-error --dbname=NEWDB"), std::string::npos)
        << restore.err;
    auto check = onServer(scratch.conninfo(), {"db", "check"});
    EXPECT_EQ(check.exitCode, kUsage);
    EXPECT_NE(check.err.find("the server checks its own data"), std::string::npos) << check.err;
}

TEST(ServerCli, UnreachableServerIsAFailureNamingItWithoutThePassword) {
    // No cluster needed: nothing listens on port 1.
    auto r =
        onServer("postgresql://ana:s3cret-pw@127.0.0.1:1/clinic?connect_timeout=3", {"db", "info"});
    EXPECT_EQ(r.exitCode, kFailure);
    EXPECT_NE(r.err.find("server 127.0.0.1:1/clinic"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("s3cret-pw"), std::string::npos) << r.err;
}

TEST(ServerCli, KeyValueStringIsAServerAndAPathWithAnEqualsSignIsAFile) {
    auto r = onServer("host=127.0.0.1 port=1 dbname=clinic connect_timeout=3", {"db", "info"});
    EXPECT_EQ(r.exitCode, kFailure);
    EXPECT_NE(r.err.find("server 127.0.0.1:1/clinic"), std::string::npos) << r.err;
    test::TempDir dir;
    auto file = test::runCliOn(dir / "a=b.sqlite", {"patient", "add", "--name", "Ana"});
    EXPECT_EQ(file.exitCode, 0) << file.err;
}

/// Drops a login role when the test ends (roles outlive databases); declared before the
/// database, so it runs after the database (and the role's privileges in it) is gone.
struct DropRoleAtEnd {
    std::string role;
    ~DropRoleAtEnd() {
        if (auto c = db::PgConnection::connect(*db::testing::testServer())) {
            (void)c->exec("DROP ROLE IF EXISTS " + role);
        }
    }
};

TEST(ServerCli, ClinicianAddLoginMakesARoleThatLogsInAsThatClinician) {
    HEPDESK_REQUIRE_PG();
    DropRoleAtEnd dropAna;
    DropRoleAtEnd dropEve;
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    ASSERT_EQ(onServer(scratch.conninfo(), {"db", "migrate"}).exitCode, 0);
    const std::string login = "ana_" + scratch.name().substr(10);
    dropAna.role = login;
    dropEve.role = "eve_" + scratch.name().substr(10);
    // The password comes on standard input (a terminal would be asked twice, without echo).
    auto add = test::runProcess(HEPDESK_CLI_EXE,
                                {"--db", scratch.conninfo(), "--format", "json", "clinician", "add",
                                 "--name", "Ana Ruiz", "--login", login},
                                "a long secret 123\n");
    ASSERT_EQ(add.exitCode, 0) << add.err;
    EXPECT_EQ(nlohmann::json::parse(add.out)["login"], login);

    const std::string asAna =
        scratch.conninfo() + " user=" + login + " password='a long secret 123'";
    auto info = onServer(asAna, {"db", "info"}, true);
    ASSERT_EQ(info.exitCode, 0) << info.err;
    EXPECT_EQ(nlohmann::json::parse(info.out)["user"], login);
    auto list = onServer(asAna, {"clinician", "list"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    EXPECT_NE(list.out.find("Ana Ruiz"), std::string::npos);

    // A clinician is no admin: adding a login is refused by the server.
    auto notAdmin = test::runProcess(
        HEPDESK_CLI_EXE,
        {"--db", asAna, "clinician", "add", "--name", "Eve", "--login", dropEve.role},
        "another secret 1\n");
    EXPECT_EQ(notAdmin.exitCode, kRefused) << notAdmin.err;
    EXPECT_NE(notAdmin.err.find("permission denied"), std::string::npos) << notAdmin.err;

    auto wrong =
        onServer(scratch.conninfo() + " user=" + login + " password=wrong", {"db", "info"});
    EXPECT_EQ(wrong.exitCode, kFailure);
    EXPECT_NE(wrong.err.find("password authentication failed"), std::string::npos) << wrong.err;
}

TEST(ServerCli, DbCopyMovesAPracticeAndSaysEveryTableMatches) {
    HEPDESK_REQUIRE_PG();
    test::TempDir dir;
    const auto file = dir / "clinic.sqlite";
    ASSERT_EQ(test::runCliOn(file, {"patient", "add", "--name", "Zoë Ørsted"}).exitCode, 0);
    ASSERT_EQ(test::runCliOn(file, {"clinician", "add", "--name", "Ana Ruiz"}).exitCode, 0);
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    auto copy = test::runCliOn(file, {"db", "copy", "--to", scratch.conninfo()});
    ASSERT_EQ(copy.exitCode, 0) << copy.err;
    EXPECT_NE(copy.out.find("patient: 1 rows"), std::string::npos) << copy.out;
    EXPECT_NE(copy.out.find("counts and contents match in every table"), std::string::npos);
    EXPECT_EQ(copy.out.find("hepdesk_test:"), std::string::npos); // no password printed

    auto again = test::runCliOn(file, {"db", "copy", "--to", scratch.conninfo()}, true);
    EXPECT_EQ(again.exitCode, kRefused);
    EXPECT_NE(again.err.find("already holds records"), std::string::npos) << again.err;
    auto toFile = test::runCliOn(file, {"db", "copy", "--to", (dir / "b.sqlite").string()});
    EXPECT_EQ(toFile.exitCode, kUsage);
}

TEST(ServerCli, PatientCommandsWorkOnAServerAsOnAFile) {
    HEPDESK_REQUIRE_PG();
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    const std::string db = scratch.conninfo();
    auto json = [&](const std::vector<std::string>& args) {
        auto r = onServer(db, args, true);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return r.exitCode == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
    };
    // The first command on an empty server database builds its schema, as for a new file.
    EXPECT_EQ(json({"patient", "add", "--name", "Zoë Ørsted", "--birth-date", "1980-02-29",
                    "--record", "R-7"})["id"],
              1);
    EXPECT_EQ(json({"patient", "add", "--name", "Αλέξανδρος Π."})["id"], 2);
    EXPECT_EQ(json({"patient", "search", "alex"})[0]["name"], "Αλέξανδρος Π.");
    EXPECT_EQ(json({"patient", "search", "1980-02-29"})[0]["id"], 1);
    EXPECT_EQ(json({"patient", "search", "r-7"})[0]["id"], 1);
    EXPECT_EQ(json({"patient", "edit", "1", "--contact", "+45 1234"})["contact"], "+45 1234");
    ASSERT_EQ(onServer(db, {"patient", "archive", "2"}).exitCode, 0);
    EXPECT_EQ(json({"patient", "list"}).size(), 1U);
    EXPECT_EQ(json({"patient", "list", "--all"}).size(), 2U);
    auto edit = onServer(db, {"patient", "edit", "2", "--name", "X"});
    EXPECT_EQ(edit.exitCode, kRefused);
    EXPECT_NE(edit.err.find("archived and read-only"), std::string::npos) << edit.err;
    auto missing = onServer(db, {"patient", "show", "99"});
    EXPECT_EQ(missing.exitCode, kUsage);
    EXPECT_NE(missing.err.find("no patient with id 99"), std::string::npos) << missing.err;
}

TEST(ServerCli, SessionHistoryShowAndTrendReadFromAServer) {
    HEPDESK_REQUIRE_PG();
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    std::int64_t last = 0;
    {
        auto store = db::Store::open(scratch.conninfo());
        ASSERT_TRUE(store);
        const auto p = *(*store)->patients().add(Patient{0, "Ann Lee", "", "", "", false});
        for (int pain : {7, 4, 2}) {
            Session s;
            s.patientId = p;
            s.startedAt = "2026-03-0" + std::to_string(9 - pain) + "T09:00:00Z";
            s.screening.date = s.startedAt.substr(0, 10);
            s.screening.regions = {Region::Neck};
            s.scores.painNow = pain;
            s.program.items = {ProgramItem{"chin_tuck", Dosage{2, 10, 5, 3, false}, ""}};
            auto id = (*store)->sessions().add(s);
            ASSERT_TRUE(id) << id.error().message;
            last = *id;
        }
    }
    auto list = onServer(scratch.conninfo(), {"session", "list", "--patient", "1"}, true);
    ASSERT_EQ(list.exitCode, 0) << list.err;
    auto history = nlohmann::json::parse(list.out);
    ASSERT_EQ(history.size(), 3U);
    EXPECT_EQ(history[0]["id"], last); // newest first
    auto trend = onServer(scratch.conninfo(), {"session", "trend", "--patient", "1"}, true);
    ASSERT_EQ(trend.exitCode, 0) << trend.err;
    EXPECT_EQ(nlohmann::json::parse(trend.out)[0]["pain_now"], 7);
    auto show = onServer(scratch.conninfo(), {"session", "show", std::to_string(last)});
    ASSERT_EQ(show.exitCode, 0) << show.err;
    EXPECT_NE(show.out.find("chin_tuck"), std::string::npos) << show.out;
}

TEST(ServerCli, CatalogAndAssessIncludeTheClinicsOwnExercisesOnAServer) {
    HEPDESK_REQUIRE_PG();
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    auto shipped = Catalog::loadDir(test::templatesDir() / "catalog");
    ASSERT_TRUE(shipped) << shipped.error().message;
    nlohmann::json j = toJson(*shipped->find("chin_tuck"));
    j["id"] = "clinic_towel_glide";
    j["name"]["en"] = "Towel neck glide";
    j["name"]["es"] = "Deslizamiento del cuello con toalla";
    {
        auto store = db::Store::open(scratch.conninfo());
        ASSERT_TRUE(store) << store.error().message;
        ASSERT_TRUE((*store)->customExercises().put(
            {"clinic_towel_glide", "Towel neck glide", j.dump(2), "", ""}));
    }
    auto list = onServer(scratch.conninfo(), {"catalog", "list"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    EXPECT_NE(list.out.find("clinic_towel_glide\texercise\tTowel neck glide\tclinic\n"),
              std::string::npos)
        << list.out;
    auto show = onServer(scratch.conninfo(), {"catalog", "show", "clinic_towel_glide"});
    ASSERT_EQ(show.exitCode, 0) << show.err;
    EXPECT_NE(show.out.find("Towel neck glide"), std::string::npos) << show.out;

    test::TempDir dir;
    const auto screening = dir / "screening.json";
    test::writeFile(screening, R"({"date": "2026-11-20", "age": 52, "sex": "female",
        "regions": ["neck"], "pain": {"now": 3, "best": 1, "worst": 5}, "findings": []})");
    auto a = onServer(scratch.conninfo(), {"assess", screening.string()});
    ASSERT_EQ(a.exitCode, 0) << a.err;
    bool judged = false;
    const auto assessment = nlohmann::json::parse(a.out);
    for (const auto& e : assessment["eligibility"]) {
        if (e["exercise"] == "clinic_towel_glide") {
            judged = true;
            EXPECT_EQ(e["status"], "eligible") << e.dump();
        }
    }
    EXPECT_TRUE(judged) << a.out;
}

TEST(ServerCli, ClinicianOptionIsRefusedOnAServer) {
    // No connection is made: the command line itself is refused.
    auto r = onServer("postgresql://ana@127.0.0.1:1/clinic",
                      {"session", "sign", "1", "--clinician", "2"});
    EXPECT_EQ(r.exitCode, kRefused);
    EXPECT_NE(r.err.find("as the clinician you logged in as"), std::string::npos) << r.err;
}

} // namespace
} // namespace hepdesk::cli
