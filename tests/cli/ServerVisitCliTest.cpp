// A whole visit through hepdesk-cli on a clinic server (the real PostgreSQL 15 test cluster)
// and the same visit on a database file: the same stored records, the same handout bytes.

#include "../pg/PgTestServer.h"
#include "Cli.h"
#include "CliOnDatabase.h"
#include "TestSupport.h"
#include "hepdesk/db/Pg.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>

namespace hepdesk::cli {
namespace {

using db::testing::ScratchDatabase;

/// Drops a login role when the test ends (roles outlive databases); declared before the
/// database, so it runs after the database (and the role's privileges in it) is gone.
struct DropRoleAtEnd {
    std::string role;
    ~DropRoleAtEnd() {
        if (auto c = db::PgConnection::connect(*db::testing::testServer()); c && !role.empty()) {
            (void)c->exec("DROP ROLE IF EXISTS " + role);
        }
    }
};

/// Every time of day replaced: the two visits run seconds apart, everything else must match.
std::string withoutTimes(std::string text) {
    static const std::regex kTime(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d))");
    return std::regex_replace(text, kTime, "<time>");
}

/// One visit's commands on one database: a file (with --clinician) or a clinic server (as the
/// clinician logged in, no --clinician).
class Visit {
public:
    Visit(std::string db, const test::TempDir& dir, std::string tag, bool server)
        : db_(std::move(db)), dir_(dir), tag_(std::move(tag)), server_(server) {}

    test::ProcessResult run(std::vector<std::string> args, bool json = true) const {
        std::vector<std::string> all = {"--db", db_};
        if (json) {
            all.insert(all.end(), {"--format", "json"});
        }
        all.insert(all.end(), args.begin(), args.end());
        return test::runProcess(HEPDESK_CLI_EXE, all);
    }
    /// `args`, then --clinician 1 on a file (the server knows who is logged in).
    test::ProcessResult asClinician(std::vector<std::string> args) const {
        if (!server_) {
            args.insert(args.end(), {"--clinician", "1"});
        }
        return run(std::move(args));
    }
    nlohmann::json ok(const test::ProcessResult& r) const {
        EXPECT_EQ(r.exitCode, 0) << tag_ << ": " << r.err;
        return r.exitCode == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
    }
    /// The same paths for both visits (the records name where each handout went).
    [[nodiscard]] std::filesystem::path file(const std::string& name) const { return dir_ / name; }

    /// The whole visit; what a comparison needs from it.
    struct Outcome {
        nlohmann::json signedSession;
        std::string signedSha;
        std::string pdf;
        std::string exportJson;
        std::string exportFhir;
        nlohmann::json protocol;
        nlohmann::json applied;
        nlohmann::json protocols;
        std::string draftPdf;
        std::string plainPdf;
    };
    Outcome visit() const {
        Outcome o;
        EXPECT_EQ(ok(run({"patient", "add", "--name", "Zoë Ørsted", "--birth-date", "1980-02-29",
                          "--record", "R-7"}))["id"],
                  1);
        test::writeFile(dir_ / "screening.json",
                        R"({"date": "2026-11-20", "sex": "female", "regions": ["neck"],
                            "pain": {"now": 5}, "findings": ["osteoporosis"]})");
        auto started = ok(asClinician({"session", "new", "--patient", "1", "--screening",
                                       (dir_ / "screening.json").string(), "--exercise",
                                       "chin_tuck:2x10", "--language", "es"}));
        EXPECT_EQ(started["id"], 1);
        EXPECT_EQ(started["clinician"], 1); // on a server: the clinician logged in
        auto signedNow = ok(asClinician({"session", "sign", "1", "--log"}));
        EXPECT_EQ(signedNow["signed_by"], 1);
        o.signedSha = signedNow.value("handout_sha256", "");
        EXPECT_EQ(o.signedSha.size(), 64U) << tag_;
        EXPECT_EQ(ok(asClinician({"session", "addendum", "1", "--text",
                                  "Pain eased after the first set."}))["addendum"],
                  1);
        // The reprint of the signed handout: exactly the bytes fingerprinted at signing, twice.
        auto printed = ok(run({"handout", "--session", "1", "-o", file("handout.pdf").string()}));
        EXPECT_EQ(printed["sha256"], o.signedSha) << tag_;
        EXPECT_EQ(printed["reprint_of_signed"], true);
        o.pdf = test::readFile(file("handout.pdf"));
        ok(run({"handout", "--session", "1", "-o", file("again.pdf").string()}));
        EXPECT_EQ(test::readFile(file("again.pdf")), o.pdf) << tag_;
        // Both exports, to files.
        ok(run({"session", "export", "1", "--out", file("s.json").string()}));
        o.exportJson = test::readFile(file("s.json"));
        ok(run({"session", "export", "1", "--format", "fhir", "--record-system", "urn:oid:1.2.3",
                "--out", file("s.fhir.json").string()}));
        o.exportFhir = test::readFile(file("s.fhir.json"));
        // The protocol library: saved from the visit, applied to a follow-up draft.
        ok(run({"protocol", "save", "Neck basics", "--session", "1"}));
        o.protocol = ok(run({"protocol", "show", "Neck basics"}));
        test::writeFile(dir_ / "today.json", R"({"date": "2026-11-27", "pain": {"now": 2}})");
        EXPECT_EQ(ok(asClinician({"session", "new", "--patient", "1", "--screening",
                                  (dir_ / "today.json").string()}))["id"],
                  2);
        o.applied = ok(run({"protocol", "apply", "Neck basics", "--session", "2"}));
        // The draft's handout (today's rules) and one made from a screening file alone.
        auto draft = ok(run({"handout", "--session", "2", "-o", file("draft.pdf").string()}));
        EXPECT_EQ(draft["reprint_of_signed"], false);
        o.draftPdf = test::readFile(file("draft.pdf"));
        ok(run({"handout", "--screening", (dir_ / "screening.json").string(), "--patient",
                "Zoë Ørsted", "--exercise", "chin_tuck", "-o", file("plain.pdf").string()}));
        o.plainPdf = test::readFile(file("plain.pdf"));
        EXPECT_EQ(run({"protocol", "remove", "Neck basics"}, false).exitCode, 0) << tag_;
        o.protocols = ok(run({"protocol", "list"}));
        o.signedSession = ok(run({"session", "show", "1"}));
        return o;
    }

private:
    std::string db_;
    const test::TempDir& dir_;
    std::string tag_;
    bool server_;
};

TEST(ServerVisitCli, AWholeVisitOnAServerStoresWhatItStoresOnAFile) {
    HEPDESK_REQUIRE_PG();
    DropRoleAtEnd dropAna;
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    test::TempDir dir;

    // The file: a clinician named on the command line.
    const auto path = dir / "clinic.sqlite";
    Visit onFile(path.string(), dir, "file", false);
    ASSERT_EQ(onFile.ok(onFile.run(
                  {"clinician", "add", "--name", "Ana Ruiz", "--credentials", "PT"}))["id"],
              1);
    const Visit::Outcome file = onFile.visit();

    // The server: an admin adds Ana with her own login; she works as herself.
    ASSERT_EQ(test::runCliOn(scratch.conninfo(), {"db", "migrate"}).exitCode, 0);
    const std::string login = "ana_" + scratch.name().substr(10);
    dropAna.role = login;
    auto add = test::runProcess(HEPDESK_CLI_EXE,
                                {"--db", scratch.conninfo(), "clinician", "add", "--name",
                                 "Ana Ruiz", "--credentials", "PT", "--login", login},
                                "a long secret 123\n");
    ASSERT_EQ(add.exitCode, 0) << add.err;
    const std::string asAna =
        scratch.conninfo() + " user=" + login + " password='a long secret 123'";
    Visit onServer(asAna, dir, "server", true);
    const Visit::Outcome server = onServer.visit();

    // The same handout, to the byte, and the same records apart from the times of day.
    ASSERT_GT(file.pdf.size(), 10000U);
    ASSERT_NE(file.exportFhir.find("\"Bundle\""), std::string::npos);
    EXPECT_EQ(server.signedSha, file.signedSha);
    EXPECT_TRUE(server.draftPdf == file.draftPdf) << "the draft handouts differ";
    EXPECT_TRUE(server.plainPdf == file.plainPdf) << "the handouts from a screening file differ";
    EXPECT_GT(file.draftPdf.size(), 10000U);
    EXPECT_TRUE(server.pdf == file.pdf) << "the signed handouts differ";
    EXPECT_EQ(withoutTimes(server.signedSession.dump(2)), withoutTimes(file.signedSession.dump(2)));
    EXPECT_EQ(withoutTimes(server.exportJson), withoutTimes(file.exportJson));
    EXPECT_EQ(withoutTimes(server.exportFhir), withoutTimes(file.exportFhir));
    EXPECT_EQ(withoutTimes(server.protocol.dump(2)), withoutTimes(file.protocol.dump(2)));
    EXPECT_EQ(server.applied, file.applied);
    EXPECT_EQ(server.protocols, file.protocols);
    EXPECT_EQ(server.signedSession["signed_by"], 1);
    EXPECT_EQ(server.signedSession["addenda"].size(), 1U);
    EXPECT_EQ(server.signedSession["handouts"].size(), 1U); // one record per fingerprint

    // The server stamped who did it from the login, not from anything the client said.
    auto conn = db::PgConnection::connect(scratch.conninfo());
    ASSERT_TRUE(conn);
    auto stamped = conn->exec("SELECT s.created_by, a.created_by FROM session s "
                              "JOIN addendum a ON a.session_id = s.id WHERE s.id = 1");
    ASSERT_TRUE(stamped) << stamped.error().message;
    ASSERT_EQ(stamped->rows(), 1);
    EXPECT_EQ(stamped->text(0, 0), login);
    EXPECT_EQ(stamped->text(0, 1), login);
    auto exports = conn->exec("SELECT count(*) FROM audit_log WHERE action = 'session.export' "
                              "AND actor = $1",
                              {login});
    ASSERT_TRUE(exports) << exports.error().message;
    EXPECT_EQ(exports->text(0, 0), "2"); // both exports logged, as Ana
}

TEST(ServerVisitCli, ALoginThatIsNoClinicianCannotStartASession) {
    HEPDESK_REQUIRE_PG();
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    test::TempDir dir;
    // The cluster's superuser is a login, but no clinician of the clinic.
    Visit visit(scratch.conninfo(), dir, "owner", true);
    visit.ok(visit.run({"patient", "add", "--name", "Ann Lee"}));
    test::writeFile(dir / "s.json", R"({"date": "2026-11-20", "regions": ["neck"]})");
    auto started =
        visit.run({"session", "new", "--patient", "1", "--screening", (dir / "s.json").string()});
    EXPECT_EQ(started.exitCode, kUsage);
    EXPECT_NE(started.err.find("is not a clinician of this clinic"), std::string::npos)
        << started.err;
    EXPECT_NE(started.err.find("clinician add --name NAME --login LOGIN"), std::string::npos)
        << started.err;
}

TEST(ServerVisitCli, AnotherClinicianIsToldWhoseDraftItIs) {
    HEPDESK_REQUIRE_PG();
    DropRoleAtEnd dropAna, dropBo;
    ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    test::TempDir dir;
    ASSERT_EQ(test::runCliOn(scratch.conninfo(), {"db", "migrate"}).exitCode, 0);
    const std::string suffix = scratch.name().substr(10);
    dropAna.role = "ana_" + suffix;
    dropBo.role = "bo_" + suffix;
    for (const auto& [name, login] : {std::pair<std::string, std::string>{"Ana Ruiz", dropAna.role},
                                      {"Bo Chen", dropBo.role}}) {
        auto add = test::runProcess(
            HEPDESK_CLI_EXE,
            {"--db", scratch.conninfo(), "clinician", "add", "--name", name, "--login", login},
            "a long secret 123\n");
        ASSERT_EQ(add.exitCode, 0) << add.err;
    }
    const auto as = [&](const std::string& login) {
        return Visit(scratch.conninfo() + " user=" + login + " password='a long secret 123'", dir,
                     login, true);
    };
    const Visit ana = as(dropAna.role);
    const Visit bo = as(dropBo.role);
    ana.ok(ana.run({"patient", "add", "--name", "Ann Lee"}));
    // A routine screening: the pain now recorded (screen first: nothing recorded is not signed).
    test::writeFile(dir / "s.json",
                    R"({"date": "2026-11-20", "regions": ["neck"], "pain": {"now": 3}})");
    EXPECT_EQ(ana.ok(ana.asClinician({"session", "new", "--patient", "1", "--screening",
                                      (dir / "s.json").string()}))["id"],
              1);
    auto sign = bo.run({"session", "sign", "1"}, false);
    EXPECT_EQ(sign.exitCode, kRefused);
    EXPECT_NE(
        sign.err.find("session 1 is Ana Ruiz's draft; only Ana Ruiz can change or sign it (you are "
                      "logged in as " +
                      dropBo.role + ")"),
        std::string::npos)
        << sign.err;
    EXPECT_EQ(ana.ok(ana.run({"session", "sign", "1"}))["signed_by"], 1);
}

TEST(ServerVisitCli, ClinicianOptionIsRefusedByEveryVisitCommandOnAServer) {
    // No connection is made: the command line itself is refused, before any record is read.
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"session", "new", "--patient", "1", "--screening", "s.json", "--clinician", "2"},
             {"session", "addendum", "1", "--text", "x", "--clinician", "2"},
             {"handout", "--session", "1", "-o", "h.pdf", "--clinician", "2"},
             {"session", "sign", "1", "--clinician=2"}}) {
        std::vector<std::string> all = {"--db", "postgresql://ana@127.0.0.1:1/clinic"};
        all.insert(all.end(), args.begin(), args.end());
        auto r = test::runProcess(HEPDESK_CLI_EXE, all);
        EXPECT_EQ(r.exitCode, kRefused) << args[0] << ' ' << args[1];
        EXPECT_NE(r.err.find("as the clinician you logged in as"), std::string::npos) << r.err;
    }
}

} // namespace
} // namespace hepdesk::cli
