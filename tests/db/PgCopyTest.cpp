// Moving a practice: a whole HepDesk file copied into an empty database on the PostgreSQL 15
// test cluster, compared table by table, and read back through the server's repositories.

#include "hepdesk/db/PgCopy.h"

#include "../pg/PgTestServer.h"
#include "DbFixtures.h"
#include "TestImages.h"
#include "TestSupport.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/Store.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace hepdesk::db {
namespace {

TEST(PgCopy, EverythingArrivesAsWrittenAndCountsAndContentsMatch) {
    HEPDESK_REQUIRE_PG();
    test::TempDir dir;
    const auto file = (dir / "clinic.sqlite").string();
    std::int64_t signedId = 0;
    std::int64_t draftId = 0;
    {
        auto s = Store::open(file);
        ASSERT_TRUE(s) << s.error().message;
        Store& st = **s;
        st.setActor("Ana Ruiz");
        const auto p = *st.patients().add(Patient{0, "Zoë Ørsted", "1980-02-29", "R-1", "", false});
        (void)*st.patients().add(Patient{0, "Old Patient", "", "", "", true});
        const auto c = *st.clinicians().add(Clinician{0, "Ana Ruiz", "PT", true});
        ClinicSettings clinic{"Clínica", "Calle 1", "+34", test::pngImage(6, 6), "image/png"};
        clinic.recordSystem = "urn:oid:1.2.840.99";
        ASSERT_TRUE(st.clinic().save(clinic));
        ASSERT_TRUE(st.customExercises().put(CustomExercise{"wall_slide", "Wall slide",
                                                            R"({"id":"wall_slide"})",
                                                            test::greyJpeg(8, 8), "image/jpeg"}));
        Session first = test::sampleSession(p, 1);
        first.screening.psfs = {{"Walking to work", 5}, {"Carrying shopping", std::nullopt}};
        first.screening.adherence = {{"cat_cow", 12}};
        signedId = *st.sessions().add(first);
        const Session asRead = *st.sessions().get(signedId);
        ASSERT_TRUE(st.sessions().signWithSnapshot(
            signedId, c, R"({"snapshot":true})",
            HandoutRecord{0, std::string(64, 'b'), 999, "", "en", false}, asRead,
            SignedHandoutPdf{sha256Hex("%PDF-1.4 kept"), 1, "%PDF-1.4 kept"}));
        ASSERT_TRUE(st.sessions().addAddendum(signedId, Addendum{0, c, "", "pain now 2"}));
        ASSERT_TRUE(st.sessions().recordHandout(
            signedId, HandoutRecord{0, std::string(64, 'c'), 1000, "", "es", true},
            HandoutOverride{0, c, "", "", "declined the ER", "declines_referral"}, "printer"));
        Session second = test::sampleSession(p, 2);
        second.handoutOptions.overrideReason = "She will see her doctor today.";
        second.handoutOptions.overrideKind = "seen_by_doctor_today";
        second.handoutOptions.overrideBy = c;
        second.handoutOptions.overrideAt = "2026-01-10T09:00:00Z";
        draftId = *st.sessions().add(second);
        Protocol neck;
        neck.name = "Neck, office";
        neck.program.items = {{"chin_tuck", {2, 10, 3, 3, false}, "Sit tall first"},
                              {"neck_side_bend_stretch", {1, 0, 30, 2, true}, ""}};
        ASSERT_TRUE(st.protocols().save(neck, false));
    }
    testing::ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    auto from = Database::open(file);
    ASSERT_TRUE(from);
    auto to = PgConnection::connect(scratch.conninfo());
    ASSERT_TRUE(to);
    auto report = copyToServer(*from, *to);
    ASSERT_TRUE(report) << report.error().message;
    std::map<std::string, std::int64_t> rows;
    for (const TableCopy& t : *report) {
        rows[t.table] = t.rows;
        EXPECT_EQ(t.sha256.size(), 64U);
    }
    EXPECT_EQ(rows["patient"], 2);
    EXPECT_EQ(rows["session"], 2);
    EXPECT_EQ(rows["handout"], 2);
    EXPECT_EQ(rows["addendum"], 1);
    EXPECT_EQ(rows["session_override"], 1);
    EXPECT_GE(rows["audit_log"], 10);
    EXPECT_EQ(rows["session_psfs"], 2);
    EXPECT_EQ(rows["session_adherence"], 1);
    EXPECT_EQ(rows["protocol"], 1);
    EXPECT_EQ(rows["protocol_exercise"], 2);

    auto fileStore = Store::open(file);
    auto server = Store::open(scratch.conninfo());
    ASSERT_TRUE(fileStore && server) << (server ? "" : server.error().message);
    for (const std::int64_t id : {signedId, draftId}) {
        auto a = (*fileStore)->sessions().get(id);
        auto b = (*server)->sessions().get(id);
        ASSERT_TRUE(a && b) << (b ? "" : b.error().message);
        EXPECT_EQ(toJson(*a), toJson(*b)); // signature, signer and time as signed, snapshot...
        EXPECT_EQ(a->signedSnapshot, b->signedSnapshot);
        EXPECT_EQ(a->overrides, b->overrides);
        EXPECT_EQ(a->screening, b->screening); // PSFS and adherence too
        EXPECT_EQ(a->handoutOptions, b->handoutOptions);
        EXPECT_EQ(a->scores, b->scores);
    }
    EXPECT_EQ(*(*server)->clinic().load(), *(*fileStore)->clinic().load());
    EXPECT_EQ((*server)->clinic().load()->recordSystem, "urn:oid:1.2.840.99");
    EXPECT_EQ(*(*server)->customExercises().get("wall_slide"),
              *(*fileStore)->customExercises().get("wall_slide"));
    auto serverProtocols = (*server)->protocols().list();
    auto fileProtocols = (*fileStore)->protocols().list();
    ASSERT_TRUE(serverProtocols && fileProtocols);
    ASSERT_EQ(serverProtocols->size(), 1U);
    ASSERT_EQ(fileProtocols->size(), 1U);
    EXPECT_EQ(toJson(serverProtocols->front()), toJson(fileProtocols->front()));
    auto fileLog = (*fileStore)->audit().list({});
    auto serverLog = (*server)->audit().list({});
    ASSERT_EQ(fileLog->size(), serverLog->size());
    EXPECT_EQ(fileLog->front().action, serverLog->front().action);
    EXPECT_EQ(fileLog->front().actor, "Ana Ruiz"); // the original actor, not the copier
    EXPECT_EQ(serverLog->front().actor, "Ana Ruiz");
    // Search works on the copy, and new records continue after the copied ids.
    EXPECT_EQ((*server)->patients().search("orsted", {})->size(), 1U);
    auto next = (*server)->patients().add(Patient{0, "New", "", "", "", false});
    ASSERT_TRUE(next) << next.error().message;
    EXPECT_EQ(*next, 3);
    // The rules of the record are back on after the copy.
    auto edit = to->exec("UPDATE session SET triage = 'emergency' WHERE id = $1", {signedId});
    ASSERT_FALSE(edit);
    EXPECT_EQ(edit.error().kind, Error::Kind::Refused);

    // A second copy into a database that now holds records is refused, nothing changed.
    auto again = copyToServer(*from, *to);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, Error::Kind::Refused);
    EXPECT_NE(again.error().message.find("already holds records"), std::string::npos);
    EXPECT_EQ((*server)->patients().list({true})->size(), 3U);
}

} // namespace
} // namespace hepdesk::db
