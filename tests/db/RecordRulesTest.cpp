#include "DbFixtures.h"
#include "TestSupport.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <gtest/gtest.h>

namespace hepdesk::db {
namespace {

/// Who may sign and write, and what archiving a patient means (issue 11, defects 15 and 21).
class RecordRulesTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto d = Database::open(dir_ / "r.sqlite");
        ASSERT_TRUE(d.ok()) << d.error().message;
        db_.emplace(std::move(*d));
        patientId_ = *SqlitePatientRepository(*db_).add(
            Patient{0, "Ann Lee", "1970-01-01", "R-1", "ann@example.org", false});
        SqliteClinicianRepository clinicians(*db_);
        activeId_ = *clinicians.add(Clinician{0, "Dr Rivera", "PT", true});
        inactiveId_ = *clinicians.add(Clinician{0, "Dr Gone", "PT", true});
        ASSERT_TRUE(clinicians.update(Clinician{inactiveId_, "Dr Gone", "PT", false}).ok());
    }
    std::string lastDetail(const std::string& action) {
        auto entries = SqliteAuditLog(*db_).list({});
        for (const AuditEntry& e : *entries) {
            if (e.action == action) {
                return e.detail;
            }
        }
        return "(no " + action + ")";
    }

    test::TempDir dir_;
    std::optional<Database> db_;
    std::int64_t patientId_ = 0;
    std::int64_t activeId_ = 0;
    std::int64_t inactiveId_ = 0;
};

TEST_F(RecordRulesTest, AnInactiveClinicianCannotSign) {
    SqliteSessionRepository sessions(*db_);
    const auto id = *sessions.add(test::sampleSession(patientId_, 1));
    auto r = sessions.sign(id, inactiveId_);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::Refused);
    EXPECT_NE(r.error().message.find("clinician " + std::to_string(inactiveId_) + " (Dr Gone)"),
              std::string::npos)
        << r.error().message;
    EXPECT_NE(r.error().message.find("inactive"), std::string::npos) << r.error().message;
    EXPECT_FALSE(sessions.get(id)->isSigned);
    ASSERT_TRUE(sessions.sign(id, activeId_).ok());
}

TEST_F(RecordRulesTest, AnAddendumNeedsAnActiveClinician) {
    SqliteSessionRepository sessions(*db_);
    const auto id = *sessions.add(test::sampleSession(patientId_, 1));
    ASSERT_TRUE(sessions.sign(id, activeId_).ok());
    auto none = sessions.addAddendum(id, Addendum{0, std::nullopt, "", "Phoned"});
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(none.error().message.find("clinician"), std::string::npos);
    auto inactive = sessions.addAddendum(id, Addendum{0, inactiveId_, "", "Phoned"});
    ASSERT_FALSE(inactive.ok());
    EXPECT_EQ(inactive.error().kind, Error::Kind::Refused);
    EXPECT_NE(inactive.error().message.find("clinician " + std::to_string(inactiveId_)),
              std::string::npos);
    auto missing = sessions.addAddendum(id, Addendum{0, 999, "", "Phoned"});
    EXPECT_EQ(missing.error().kind, Error::Kind::NotFound);
    EXPECT_TRUE(sessions.get(id)->addenda.empty());
    ASSERT_TRUE(sessions.addAddendum(id, Addendum{0, activeId_, "", "Phoned"}).ok());
}

TEST_F(RecordRulesTest, ClinicianEditAuditsWhatChanged) {
    EXPECT_EQ(lastDetail("clinician.edit"), "active: yes -> no");
    ASSERT_TRUE(SqliteClinicianRepository(*db_)
                    .update(Clinician{activeId_, "Dr Rivera", "PT, DPT", true})
                    .ok());
    EXPECT_EQ(lastDetail("clinician.edit"), "credentials: \"PT\" -> \"PT, DPT\"");
}

TEST_F(RecordRulesTest, PatientEditAuditsEachChangedFieldEscaped) {
    SqlitePatientRepository patients(*db_);
    Patient p = *patients.get(patientId_);
    p.name = "Ann Lee-Park";
    p.contact = "line one\nline two";
    ASSERT_TRUE(patients.update(p).ok());
    EXPECT_EQ(lastDetail("patient.edit"),
              "name: \"Ann Lee\" -> \"Ann Lee-Park\"; contact: \"ann@example.org\" -> "
              "\"line one\\nline two\"");
    ASSERT_TRUE(patients.update(p).ok());
    EXPECT_EQ(lastDetail("patient.edit"), "no field changed");
    p.recordNumber = std::string(300, 'x');
    ASSERT_TRUE(patients.update(p).ok());
    EXPECT_EQ(lastDetail("patient.edit"),
              "record_number: \"R-1\" -> \"" + std::string(120, 'x') + "\"...");
}

TEST_F(RecordRulesTest, AnArchivedPatientIsReadOnlyUntilRestored) {
    SqlitePatientRepository patients(*db_);
    SqliteSessionRepository sessions(*db_);
    const auto draft = *sessions.add(test::sampleSession(patientId_, 1));
    const auto done = *sessions.add(test::sampleSession(patientId_, 2));
    ASSERT_TRUE(sessions.sign(done, activeId_).ok());
    ASSERT_TRUE(patients.setArchived(patientId_, true).ok());

    Patient p = *patients.get(patientId_);
    p.name = "Changed";
    const std::string hint = "patient archive " + std::to_string(patientId_) + " --undo";
    const auto status = [](auto&& result) {
        return result.ok() ? Status{} : Status(result.error());
    };
    for (const Status& r :
         {patients.update(p), status(sessions.add(test::sampleSession(patientId_, 3))),
          sessions.update(*sessions.get(draft)), sessions.sign(draft, activeId_),
          sessions.remove(draft),
          status(sessions.addAddendum(done, Addendum{0, activeId_, "", "late note"}))}) {
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().kind, Error::Kind::Refused);
        EXPECT_NE(r.error().message.find("archived"), std::string::npos) << r.error().message;
        EXPECT_NE(r.error().message.find(hint), std::string::npos) << r.error().message;
    }
    // History stays readable, and a reprint of a signed session may still be recorded.
    EXPECT_EQ(sessions.history(patientId_, {})->size(), 2U);
    EXPECT_EQ(patients.get(patientId_)->name, "Ann Lee");
    EXPECT_TRUE(
        sessions.addHandout(done, HandoutRecord{0, std::string(64, 'd'), 10, "", "en", false})
            .ok());

    ASSERT_TRUE(patients.setArchived(patientId_, false).ok());
    p.archived = false;
    EXPECT_TRUE(patients.update(p).ok());
    EXPECT_TRUE(sessions.add(test::sampleSession(patientId_, 4)).ok());
    EXPECT_TRUE(sessions.sign(draft, activeId_).ok());
}

} // namespace
} // namespace hepdesk::db
