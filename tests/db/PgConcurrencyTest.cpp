// Eight workstations writing at once to one clinic server (each its own connection), on the
// real PostgreSQL 15 test cluster: every acknowledged session is there, whole, no write fails,
// and the audit log is still one unbroken chain.

#include "../pg/PgTestServer.h"
#include "DbFixtures.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/Store.h"

#include <gtest/gtest.h>
#include <thread>

namespace hepdesk::db {
namespace {

TEST(PgConcurrency, EightClientsTwoHundredSessionsEach) {
    HEPDESK_REQUIRE_PG();
    testing::ScratchDatabase scratch;
    ASSERT_TRUE(scratch.ready());
    ASSERT_TRUE(Store::open(scratch.conninfo())); // creates the schema once

    constexpr int kClients = 8;
    constexpr int kSessions = 200;
    struct Outcome {
        std::int64_t patientId = 0;
        std::vector<std::int64_t> acknowledged;
        std::vector<std::string> errors;
    };
    std::vector<Outcome> outcomes(kClients);
    std::vector<std::thread> clients;
    for (int k = 0; k < kClients; ++k) {
        clients.emplace_back([&, k] {
            Outcome& out = outcomes[static_cast<std::size_t>(k)];
            auto store = Store::open(scratch.conninfo());
            if (!store) {
                out.errors.push_back(store.error().message);
                return;
            }
            auto patient = (*store)->patients().add(
                Patient{0, "Client " + std::to_string(k), "", "", "", false});
            if (!patient) {
                out.errors.push_back(patient.error().message);
                return;
            }
            out.patientId = *patient;
            for (int n = 0; n < kSessions; ++n) {
                auto id = (*store)->sessions().add(test::sampleSession(*patient, n));
                if (id) {
                    out.acknowledged.push_back(*id);
                } else {
                    out.errors.push_back(id.error().message);
                }
            }
        });
    }
    for (std::thread& t : clients) {
        t.join();
    }
    auto check = Store::open(scratch.conninfo());
    ASSERT_TRUE(check);
    std::size_t total = 0;
    for (const Outcome& out : outcomes) {
        ASSERT_TRUE(out.errors.empty()) << out.errors.front();
        ASSERT_EQ(out.acknowledged.size(), static_cast<std::size_t>(kSessions));
        total += out.acknowledged.size();
        for (std::size_t i = 0; i < out.acknowledged.size(); i += 37) {
            auto s = (*check)->sessions().get(out.acknowledged[i]);
            ASSERT_TRUE(s) << s.error().message;
            Session expected = test::sampleSession(out.patientId, static_cast<int>(i));
            expected.id = out.acknowledged[i];
            EXPECT_TRUE(test::sameSession(*s, expected));
        }
        auto history = (*check)->sessions().history(out.patientId, {1000});
        ASSERT_TRUE(history);
        EXPECT_EQ(history->size(), static_cast<std::size_t>(kSessions));
    }
    EXPECT_EQ(total, static_cast<std::size_t>(kClients * kSessions));

    // One chain: each row's prev_hash is the hash of the row before, ids without gaps.
    auto c = PgConnection::connect(scratch.conninfo());
    ASSERT_TRUE(c);
    auto rows = c->exec("SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash "
                        "FROM audit_log ORDER BY id");
    ASSERT_TRUE(rows);
    EXPECT_EQ(rows->rows(), kClients * (kSessions + 1));
    std::string prev;
    for (int i = 0; i < rows->rows(); ++i) {
        const AuditEntry e{rows->int64(i, 0), rows->text(i, 1), rows->text(i, 2), rows->text(i, 3),
                           rows->text(i, 4),  rows->text(i, 5), rows->text(i, 6)};
        ASSERT_EQ(e.id, i + 1);
        ASSERT_EQ(rows->text(i, 7), prev) << "row " << e.id;
        ASSERT_EQ(rows->text(i, 8), auditRowHash(prev, e)) << "row " << e.id;
        prev = rows->text(i, 8);
    }
}

} // namespace
} // namespace hepdesk::db
