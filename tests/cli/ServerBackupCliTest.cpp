// `hepdesk-cli --db postgresql://... db backup`: the real pg_dump against the real PostgreSQL 15
// test cluster, and the real pg_restore to prove the backup holds the records.

#include "../pg/PgTestServer.h"
#include "Cli.h"
#include "CliOnDatabase.h"
#include "TestSupport.h"
#include "hepdesk/db/Backup.h"
#include "hepdesk/db/Pg.h"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

namespace hepdesk::cli {
namespace {

namespace fs = std::filesystem;
using db::testing::ScratchDatabase;

/// Sets an environment variable for the programs a test starts, and unsets it afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        ::setenv(name, value.c_str(), 1);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;
    ~ScopedEnv() { ::unsetenv(name_); }

private:
    const char* name_;
};

/// A server database with HepDesk's schema and `patients` patients in it.
void fill(const std::string& conninfo, int patients) {
    ASSERT_EQ(test::runCliOn(conninfo, {"db", "migrate"}).exitCode, 0);
    for (int i = 0; i < patients; ++i) {
        auto r =
            test::runCliOn(conninfo, {"patient", "add", "--name", "Patient " + std::to_string(i)});
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }
}

std::string patientCount(const std::string& conninfo) {
    auto c = db::PgConnection::connect(conninfo);
    if (!c) {
        return c.error().message;
    }
    auto r = c->exec("SELECT count(*) FROM patient");
    return r ? r->text(0, 0) : r.error().message;
}

/// The real pg_restore beside the pg_dump HepDesk uses.
fs::path pgRestore() {
    auto dump = db::Backup::findPgDump();
    return dump ? dump->parent_path() / "pg_restore" : fs::path("pg_restore");
}

std::vector<std::string> dumpsIn(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder)) {
        names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

TEST(ServerBackupCli, PgDumpBackupRestoresIntoAFreshDatabaseWithEveryPatient) {
    HEPDESK_REQUIRE_PG();
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    fill(scratch.conninfo(), 3);
    test::TempDir dir;
    const fs::path file = dir / "clinic.dump";
    auto r = test::runCliOn(scratch.conninfo(), {"db", "backup", file.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("written: " + file.string()), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("pg_restore --exit-on-error --dbname=NEWDB"), std::string::npos);
    ASSERT_TRUE(fs::exists(file));
    EXPECT_FALSE(fs::exists(file.string() + ".partial"));
    EXPECT_EQ(test::readFile(file).substr(0, 5), "PGDMP"); // pg_dump's custom format
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600U); // a clinical record: the owner's only

    // An existing file is never overwritten.
    auto again = test::runCliOn(scratch.conninfo(), {"db", "backup", file.string()});
    EXPECT_EQ(again.exitCode, kUsage);
    EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.err;

    // The README's restore: pg_restore into a new, empty database.
    ScratchDatabase fresh;
    ASSERT_TRUE(fresh.ready());
    auto restored = test::runProcess(
        pgRestore().string(), {"--exit-on-error", "--dbname=" + fresh.conninfo(), file.string()});
    ASSERT_EQ(restored.exitCode, 0) << restored.err;
    EXPECT_EQ(patientCount(fresh.conninfo()), "3");
    auto info = test::runCliOn(fresh.conninfo(), {"patient", "list"}, true);
    ASSERT_EQ(info.exitCode, 0) << info.err;
    EXPECT_EQ(nlohmann::json::parse(info.out).size(), 3U);
    // The backup is in the server's audit log.
    auto c = db::PgConnection::connect(scratch.conninfo());
    ASSERT_TRUE(c);
    auto logged = c->exec("SELECT detail FROM audit_log WHERE action = 'db.backup'");
    ASSERT_TRUE(logged) << logged.error().message;
    ASSERT_EQ(logged->rows(), 1);
    EXPECT_EQ(logged->text(0, 0), "pg_dump file " + file.string());
}

TEST(ServerBackupCli, FolderBackupsRotateLikeFileBackupsAndTouchNothingElse) {
    HEPDESK_REQUIRE_PG();
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    fill(scratch.conninfo(), 1);
    test::TempDir dir;
    const fs::path folder = dir / "backups";
    fs::create_directories(folder);
    // Three older server backups, a file backup and two files of other shapes.
    for (const char* name : {"hepdesk-2026-01-01T000000Z.dump", "hepdesk-2026-01-02T000000Z.dump",
                             "hepdesk-2026-01-03T000000Z.dump", "hepdesk-2026-01-01T000000Z.sqlite",
                             "hepdesk-clinic.dump", "notes.txt"}) {
        test::writeFile(folder / name, "old");
    }
    auto r = test::runCliOn(scratch.conninfo(),
                            {"db", "backup", "--folder", folder.string(), "--keep", "2"}, true);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["written"], true);
    const std::string made = fs::path(j["file"].get<std::string>()).filename().string();
    EXPECT_TRUE(made.starts_with("hepdesk-") && made.ends_with("Z.dump")) << made;
    EXPECT_EQ(dumpsIn(folder), (std::vector<std::string>{"hepdesk-2026-01-01T000000Z.sqlite",
                                                         "hepdesk-2026-01-03T000000Z.dump", made,
                                                         "hepdesk-clinic.dump", "notes.txt"}));
    EXPECT_EQ(test::readFile(folder / made).substr(0, 5), "PGDMP");

    // Once a day, as for a database file.
    auto second = test::runCliOn(scratch.conninfo(),
                                 {"db", "backup", "--folder", folder.string(), "--keep", "2"});
    ASSERT_EQ(second.exitCode, 0) << second.err;
    EXPECT_NE(second.out.find("today's backup of"), std::string::npos) << second.out;
    EXPECT_EQ(dumpsIn(folder).size(), 5U);
    auto listed = db::Backup::listServer(folder);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 2U);
    EXPECT_EQ(listed->back().filename(), made);
}

TEST(ServerBackupCli, ThePasswordReachesPgDumpOutsideItsCommandLine) {
    HEPDESK_REQUIRE_PG();
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    fill(scratch.conninfo(), 2);
    auto real = db::Backup::findPgDump();
    ASSERT_TRUE(real) << real.error().message;
    test::TempDir dir;
    // The real pg_dump, started through a script that notes what it was given.
    const fs::path script = dir / "pg_dump";
    test::writeFile(script, "#!/bin/sh\n"
                            "printf '%s\\n' \"$@\" > '" +
                                (dir / "args.txt").string() +
                                "'\n"
                                "[ -n \"$PGPASSWORD\" ] && echo set > '" +
                                (dir / "env.txt").string() + "'\n" + "exec '" + real->string() +
                                "' \"$@\"\n");
    fs::permissions(script, fs::perms::owner_all);
    ScopedEnv useIt("HEPDESK_PG_DUMP", script.string());
    const fs::path file = dir / "b.dump";
    // The test cluster's connection string carries its password (postgresql://user:pw@...).
    const std::string conninfo = scratch.conninfo();
    auto r = test::runCliOn(conninfo, {"db", "backup", file.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string args = test::readFile(dir / "args.txt");
    EXPECT_NE(args.find("--format=custom"), std::string::npos) << args;
    EXPECT_NE(args.find("--no-password"), std::string::npos) << args;
    EXPECT_NE(args.find("dbname='" + scratch.name() + "'"), std::string::npos) << args;
    std::string withoutFlag = args;
    withoutFlag.erase(withoutFlag.find("--no-password"), 13);
    EXPECT_EQ(withoutFlag.find("password"), std::string::npos) << args; // no password=...
    const std::string admin = *db::testing::testServer();
    const std::string secret =
        admin.substr(admin.find(':', 13) + 1, admin.find('@') - admin.find(':', 13) - 1);
    ASSERT_GT(secret.size(), 8U);
    EXPECT_EQ(args.find(secret), std::string::npos) << "the password was on the command line";
    EXPECT_EQ(test::readFile(dir / "env.txt"), "set\n");
    EXPECT_EQ(test::readFile(file).substr(0, 5), "PGDMP");
}

TEST(ServerBackupCli, AMissingOrFailingPgDumpIsAFailureSayingWhatToDo) {
    HEPDESK_REQUIRE_PG();
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    fill(scratch.conninfo(), 1);
    test::TempDir dir;
    const fs::path file = dir / "b.dump";
    {
        ScopedEnv missing("HEPDESK_PG_DUMP", (dir / "no-such-pg_dump").string());
        auto r = test::runCliOn(scratch.conninfo(), {"db", "backup", file.string()});
        EXPECT_EQ(r.exitCode, kFailure);
        EXPECT_NE(r.err.find("pg_dump was not found at"), std::string::npos) << r.err;
    }
    {
        // A pg_dump that fails (here: one that only fails).
        ScopedEnv failing("HEPDESK_PG_DUMP", "/bin/false");
        auto r = test::runCliOn(scratch.conninfo(), {"db", "backup", file.string()});
        EXPECT_EQ(r.exitCode, kFailure);
        EXPECT_NE(r.err.find("could not back up server 127.0.0.1:"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("(exit status 1)"), std::string::npos) << r.err;
    }
    EXPECT_FALSE(fs::exists(file));
    EXPECT_FALSE(fs::exists(file.string() + ".partial"));
    // Nothing was logged as backed up.
    auto c = db::PgConnection::connect(scratch.conninfo());
    ASSERT_TRUE(c);
    auto logged = c->exec("SELECT count(*) FROM audit_log WHERE action = 'db.backup'");
    ASSERT_TRUE(logged);
    EXPECT_EQ(logged->text(0, 0), "0");
}

} // namespace
} // namespace hepdesk::cli
