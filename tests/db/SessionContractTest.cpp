// The session contract on each backend (a SQLite file, the PostgreSQL 15 test cluster): the
// same visit record, signing rules, snapshots, handout records, overrides and addenda.

#include "DbFixtures.h"
#include "EachBackend.h"
#include "TestSupport.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/core/handout/HandoutComposer.h"
#include "hepdesk/core/handout/HandoutWriter.h"

#include <gtest/gtest.h>

namespace hepdesk::db {
namespace {

class SessionContract : public testing::EachBackend {
protected:
    void SetUp() override {
        EachBackend::SetUp();
        if (IsSkipped() || HasFatalFailure()) {
            return;
        }
        patientId_ = *store().patients().add(Patient{0, "Ann Lee", "1970-01-01", "R-1", "", false});
        clinicianId_ = *store().clinicians().add(Clinician{0, "Dr Rivera", "PT, DPT", true});
    }
    SessionRepository& sessions() { return store().sessions(); }
    std::int64_t patientId_ = 0;
    std::int64_t clinicianId_ = 0;
};
HEPDESK_ON_EACH_BACKEND(SessionContract);

const HandoutRecord kHandout{0, std::string(64, 'a'), 123456, "2026-01-10T09:30:00Z", "es", true};

TEST_P(SessionContract, StoresAndLoadsTheWholeSession) {
    Session s = test::sampleSession(patientId_, 3);
    s.clinicianId = clinicianId_;
    s.handoutOptions.overrideReason = "patient declined referral; documented";
    s.handouts = {kHandout};
    auto id = sessions().add(s);
    ASSERT_TRUE(id) << id.error().message;
    auto back = sessions().get(*id);
    ASSERT_TRUE(back) << back.error().message;
    s.id = *id;
    s.handouts[0].id = back->handouts.at(0).id;
    EXPECT_TRUE(test::sameSession(*back, s));
    EXPECT_EQ(sessions().get(*id + 100).error().kind, Error::Kind::NotFound);
}

TEST_P(SessionContract, DraftsChangeSignedSessionsOnlyGetAddenda) {
    const auto id = *sessions().add(test::sampleSession(patientId_, 1));
    Session draft = *sessions().get(id);
    draft.program.items.pop_back();
    draft.scores.painNow = 2;
    ASSERT_TRUE(sessions().update(draft));
    EXPECT_EQ(sessions().get(id)->program.items.size(), 2U);
    EXPECT_EQ(sessions().addAddendum(id, Addendum{0, clinicianId_, "", "late note"}).error().kind,
              Error::Kind::Refused);

    ASSERT_TRUE(sessions().sign(id, clinicianId_));
    const Session signedSession = *sessions().get(id);
    EXPECT_TRUE(signedSession.isSigned);
    EXPECT_EQ(signedSession.signedBy, clinicianId_);
    EXPECT_EQ(signedSession.signedAt.size(), 20U);
    Session changed = signedSession;
    changed.isSigned = false;
    changed.triage = TriageLevel::Emergency;
    auto u = sessions().update(changed);
    ASSERT_FALSE(u);
    EXPECT_EQ(u.error().kind, Error::Kind::Refused);
    EXPECT_NE(u.error().message.find("add an addendum instead"), std::string::npos);
    EXPECT_EQ(sessions().remove(id).error().kind, Error::Kind::Refused);
    EXPECT_EQ(sessions().sign(id, clinicianId_).error().kind, Error::Kind::Refused);

    EXPECT_EQ(sessions().addAddendum(id, Addendum{0, std::nullopt, "", "x"}).error().kind,
              Error::Kind::InvalidInput);
    auto a = sessions().addAddendum(id, Addendum{0, clinicianId_, "", "pain now 3"});
    ASSERT_TRUE(a) << a.error().message;
    auto after = sessions().get(id);
    ASSERT_EQ(after->addenda.size(), 1U);
    EXPECT_EQ(after->addenda[0].text, "pain now 3");
    EXPECT_EQ(after->triage, signedSession.triage);

    const auto draft2 = *sessions().add(test::sampleSession(patientId_, 2));
    ASSERT_TRUE(sessions().remove(draft2));
    EXPECT_EQ(sessions().get(draft2).error().kind, Error::Kind::NotFound);
}

TEST_P(SessionContract, ASecondSaveOfAnOlderReadIsAConflictNeverAnOverwrite) {
    // Two computers open one draft; the second to save gets a Conflict naming the first.
    const auto id = *sessions().add(test::sampleSession(patientId_, 3));
    auto other = Store::open(target());
    ASSERT_TRUE(other) << other.error().message;
    (*other)->setActor("Dr Mora");
    Session mine = *sessions().get(id);
    Session theirs = *(*other)->sessions().get(id);
    EXPECT_EQ(mine.rowVersion, 0);

    theirs.scores.painNow = 7;
    ASSERT_TRUE((*other)->sessions().update(theirs));
    mine.scores.painNow = 2;
    mine.program.items.pop_back();
    auto second = sessions().update(mine);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().kind, Error::Kind::Conflict);
    const std::string who = actorFor("Dr Mora");
    EXPECT_NE(second.error().message.find("changed on another computer by " + who + " at "),
              std::string::npos)
        << second.error().message;
    const Session stored = *sessions().get(id);
    EXPECT_EQ(stored.scores.painNow, 7) << "the first save stands";
    EXPECT_EQ(stored.program.items.size(), 3U) << "nothing of the second save was written";
    EXPECT_EQ(stored.rowVersion, 1);
    auto change = sessions().lastChange(id);
    ASSERT_TRUE(change) << change.error().message;
    EXPECT_EQ(change->by, who);
    EXPECT_EQ(change->at.size(), 20U);

    // After reloading, the same edit saves, and the version moves on.
    Session reloaded = stored;
    reloaded.scores.painNow = 2;
    ASSERT_TRUE(sessions().update(reloaded));
    EXPECT_EQ(sessions().get(id)->rowVersion, 2);
    EXPECT_EQ((*other)->sessions().update(theirs).error().kind, Error::Kind::Conflict);
}

TEST_P(SessionContract, InactiveClinicianAndArchivedPatientAreRefused) {
    const auto id = *sessions().add(test::sampleSession(patientId_, 1));
    Clinician c = *store().clinicians().get(clinicianId_);
    c.active = false;
    ASSERT_TRUE(store().clinicians().update(c));
    auto s = sessions().sign(id, clinicianId_);
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message.find("inactive"), std::string::npos);
    ASSERT_TRUE(store().patients().setArchived(patientId_, true));
    auto added = sessions().add(test::sampleSession(patientId_, 2));
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().kind, Error::Kind::Refused);
    EXPECT_NE(added.error().message.find("archived and read-only"), std::string::npos);
}

TEST_P(SessionContract, SignWithSnapshotKeepsItAndRefusesAChangedSession) {
    const auto id = *sessions().add(test::sampleSession(patientId_, 4));
    const Session asRead = *sessions().get(id);
    Session meanwhile = asRead;
    meanwhile.scores.painNow = 9;
    ASSERT_TRUE(sessions().update(meanwhile));
    auto stale =
        sessions().signWithSnapshot(id, clinicianId_, R"({"v":1})", kHandout, asRead, std::nullopt);
    ASSERT_FALSE(stale);
    EXPECT_NE(stale.error().message.find("was changed while it was being signed"),
              std::string::npos);
    EXPECT_FALSE(sessions().get(id)->isSigned);
    EXPECT_TRUE(sessions().get(id)->handouts.empty()); // nothing half-written

    const Session fresh = *sessions().get(id);
    ASSERT_TRUE(
        sessions().signWithSnapshot(id, clinicianId_, R"({"v":1})", kHandout, fresh, std::nullopt));
    const Session s = *sessions().get(id);
    EXPECT_TRUE(s.isSigned);
    EXPECT_EQ(s.signedSnapshot, R"({"v":1})");
    ASSERT_EQ(s.handouts.size(), 1U);
    EXPECT_EQ(s.handouts[0].sha256, kHandout.sha256);
    EXPECT_FALSE(sessions().signedHandoutPdf(id)->has_value()); // none given, none kept
}

TEST_P(SessionContract, TheHandoutSignedIsKeptByteForByte) {
    const auto id = *sessions().add(test::sampleSession(patientId_, 4));
    const Session asRead = *sessions().get(id);
    std::string pdf = "%PDF-1.7\n";
    for (int i = 0; i < 256; ++i) {
        pdf.push_back(static_cast<char>(i)); // every byte value, NUL included
    }
    const SignedHandoutPdf kept{sha256Hex(pdf), 3, pdf};
    const HandoutRecord record{0,  kept.sha256, static_cast<std::int64_t>(pdf.size()),
                               "", "en",        false};

    SignedHandoutPdf forged = kept;
    forged.pdf.back() = 'x'; // bytes that are not the ones fingerprinted
    auto refused =
        sessions().signWithSnapshot(id, clinicianId_, R"({"v":1})", record, asRead, forged);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("does not match its SHA-256"), std::string::npos);
    EXPECT_FALSE(sessions().get(id)->isSigned);

    ASSERT_TRUE(sessions().signWithSnapshot(id, clinicianId_, R"({"v":1})", record, asRead, kept));
    auto back = sessions().signedHandoutPdf(id);
    ASSERT_TRUE(back) << back.error().message;
    ASSERT_TRUE(back->has_value());
    EXPECT_EQ((*back)->pdf, pdf);
    EXPECT_EQ((*back)->sha256, kept.sha256);
    EXPECT_EQ((*back)->pages, 3);
    EXPECT_FALSE(sessions().signedHandoutPdf(id + 1000)->has_value());
}

TEST_P(SessionContract, HandoutRecordedOnceOverrideKeptAfterSigning) {
    store().setActor("Dr Rivera");
    const auto id = *sessions().add(test::sampleSession(patientId_, 5));
    const HandoutOverride why{
        0, clinicianId_, "", "", "patient declined the ER; documented", "declines_referral"};
    auto early = sessions().recordHandout(id, kHandout, why, "file a.pdf");
    ASSERT_FALSE(early); // overrides after signing are for signed sessions
    ASSERT_TRUE(sessions().sign(id, clinicianId_));
    auto first = sessions().recordHandout(id, kHandout, why, "file a.pdf");
    ASSERT_TRUE(first) << first.error().message;
    auto again = sessions().recordHandout(id, kHandout, std::nullopt, "printer");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->id, first->id);
    const Session s = *sessions().get(id);
    EXPECT_EQ(s.handouts.size(), 1U);
    ASSERT_EQ(s.overrides.size(), 1U);
    EXPECT_EQ(s.overrides[0].actor, actorFor("Dr Rivera"));
    EXPECT_EQ(s.overrides[0].reason, "patient declined the ER; documented");
    auto log = store().audit().list({"session", std::to_string(id), 10});
    ASSERT_TRUE(log);
    EXPECT_EQ(log->at(0).action, "handout.export");
    EXPECT_EQ(log->at(0).detail, "printer, sha256 " + kHandout.sha256);
}

// Issue 12 item 4 (schema 12): a walk in minutes, a hold over 10 minutes, days a week and weeks
// are stored as typed, read back, signed and listed unchanged, and the handout says them so.
TEST_P(SessionContract, DosageIsKeptAsTypedMinutesLongHoldsDaysAWeekAndWeeks) {
    const Dosage walk{1, 0, 10 * 60, 2, false, HoldUnit::Minutes, 5, 6};
    const Dosage longHold{1, 0, 900, 1, false};
    const Dosage hour{1, 0, 3600, 1, false, HoldUnit::Minutes, 7, 52};
    Session s = test::sampleSession(patientId_, 1);
    s.clinicianId = clinicianId_;
    s.program.items = {ProgramItem{"short_walk", walk, "on flat ground"},
                       ProgramItem{"hook_lying_rest", longHold, ""},
                       ProgramItem{"belly_breathing", hour, ""}};
    auto id = sessions().add(s);
    ASSERT_TRUE(id) << id.error().message;
    auto back = sessions().get(*id);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->program, s.program) << "nothing changed or dropped";

    // Edited: still as typed.
    Session draft = *back;
    draft.program.items[1].dosage.holdSeconds = 901;
    ASSERT_TRUE(sessions().update(draft));
    EXPECT_EQ(sessions().get(*id)->program.items[1].dosage.holdSeconds, 901);
    ++draft.rowVersion; // saved once: the next save is from the version just written
    draft.program.items[1].dosage.holdSeconds = 900;
    ASSERT_TRUE(sessions().update(draft));

    ASSERT_TRUE(sessions().sign(*id, clinicianId_));
    auto signedBack = sessions().get(*id);
    ASSERT_TRUE(signedBack);
    EXPECT_EQ(signedBack->program, s.program);
    auto history = sessions().history(patientId_, {});
    ASSERT_TRUE(history) << history.error().message;
    ASSERT_EQ(history->size(), 1U);
    EXPECT_EQ(history->at(0).program, s.program);

    auto writer = handout::HandoutWriter::load(test::templatesDir());
    ASSERT_TRUE(writer) << writer.error().message;
    const auto catalog = Catalog::loadDir(test::templatesDir() / "catalog");
    ASSERT_TRUE(catalog) << catalog.error().message;
    const handout::HandoutComposer en(catalog->entries(), writer->figures(),
                                      *writer->strings("en"));
    const auto& items = signedBack->program.items;
    EXPECT_EQ(en.dosageText(items[0].dosage),
              "For 10 minutes, twice a day, 5 days a week, for 6 weeks");
    EXPECT_EQ(en.dosageText(items[1].dosage), "For 15 minutes, once a day");
    EXPECT_EQ(en.dosageText(items[2].dosage), "For 60 minutes, once a day, for 52 weeks");
}

// What core refuses never reaches the table, and the table's own CHECKs stop a dosage that
// bypasses the repository (over 60 minutes, part minutes, 8 days a week).
TEST_P(SessionContract, DosageOutsideTheLimitsIsRefusedWithItsField) {
    for (const auto& [dosage, needle] : std::vector<std::pair<Dosage, std::string>>{
             {Dosage{1, 0, 3601, 1, false}, "hold"},
             {Dosage{1, 0, 90, 1, false, HoldUnit::Minutes}, "whole minutes"},
             {Dosage{1, 10, 0, 1, false, HoldUnit::Seconds, 8}, "days"},
             {Dosage{1, 10, 0, 1, false, HoldUnit::Seconds, 7, 53}, "weeks"}}) {
        Session s = test::sampleSession(patientId_, 1);
        s.program.items = {ProgramItem{"short_walk", dosage, ""}};
        auto id = sessions().add(s);
        ASSERT_FALSE(id) << needle;
        EXPECT_EQ(id.error().kind, Error::Kind::InvalidInput);
        EXPECT_NE(id.error().message.find(needle), std::string::npos) << id.error().message;
        EXPECT_NE(id.error().message.find("short_walk"), std::string::npos) << id.error().message;
    }
    EXPECT_TRUE(sessions().history(patientId_, {})->empty());
}

TEST_P(SessionContract, HistoryNewestFirstWithProgramTrendOldestFirst) {
    for (int n : {1, 2, 3}) {
        ASSERT_TRUE(sessions().add(test::sampleSession(patientId_, n)));
    }
    auto history = sessions().history(patientId_, {2});
    ASSERT_TRUE(history) << history.error().message;
    ASSERT_EQ(history->size(), 2U);
    EXPECT_GT(history->at(0).startedAt, history->at(1).startedAt);
    EXPECT_EQ(history->at(0).program.items.size(), 3U);
    EXPECT_EQ(history->at(0).program.items[1].dosage.holdSeconds, 20);
    auto trend = sessions().trend(patientId_);
    ASSERT_EQ(trend->size(), 3U);
    EXPECT_LT(trend->at(0).startedAt, trend->at(2).startedAt);
    EXPECT_EQ(trend->at(0).scores.painNow, 1);
}

TEST_P(SessionContract, PsfsAndAdherenceKeptWithTheSessionTheirMeanInHistoryAndTrend) {
    Session s = test::sampleSession(patientId_, 2);
    s.screening.psfs = {{"Lifting my grandchild", 4},
                        {"Walking 30 minutes", std::nullopt},
                        {"Climbing the stairs at home", 7}};
    s.screening.adherence = {{"cat_cow", 10}, {"chin_tuck", std::nullopt}, {"bridge", 0}};
    const auto id = sessions().add(s);
    ASSERT_TRUE(id) << id.error().message;
    Session back = *sessions().get(*id);
    EXPECT_EQ(back.screening.psfs, s.screening.psfs);
    EXPECT_EQ(back.screening.adherence, s.screening.adherence);
    ASSERT_TRUE(back.scores.psfsMean.has_value());
    EXPECT_DOUBLE_EQ(*back.scores.psfsMean, 5.5); // the two rated activities

    back.screening.psfs.erase(back.screening.psfs.begin());
    back.screening.psfs[0].rating = 2;
    back.screening.adherence.pop_back();
    ASSERT_TRUE(sessions().update(back));
    const Session edited = *sessions().get(*id);
    EXPECT_EQ(edited.screening.psfs, back.screening.psfs);
    EXPECT_EQ(edited.screening.adherence.size(), 2U);
    EXPECT_DOUBLE_EQ(*edited.scores.psfsMean, 4.5);

    ASSERT_TRUE(sessions().add(test::sampleSession(patientId_, 1))); // no PSFS
    auto history = sessions().history(patientId_, {10});
    ASSERT_TRUE(history) << history.error().message;
    ASSERT_EQ(history->size(), 2U);
    EXPECT_DOUBLE_EQ(history->at(0).scores.psfsMean.value_or(-1), 4.5);
    EXPECT_FALSE(history->at(1).scores.psfsMean.has_value());
    auto trend = sessions().trend(patientId_);
    ASSERT_TRUE(trend) << trend.error().message;
    ASSERT_EQ(trend->size(), 2U);
    EXPECT_FALSE(trend->at(0).scores.psfsMean.has_value());
    EXPECT_DOUBLE_EQ(trend->at(1).scores.psfsMean.value_or(-1), 4.5);

    // Signed, they are part of the record.
    ASSERT_TRUE(sessions().sign(*id, clinicianId_));
    Session late = *sessions().get(*id);
    EXPECT_EQ(late.screening.psfs, back.screening.psfs);
    late.isSigned = false;
    late.screening.psfs[0].rating = 9;
    EXPECT_EQ(sessions().update(late).error().kind, Error::Kind::Refused);
    EXPECT_EQ(sessions().get(*id)->screening.psfs[0].rating, 2);

    Session twice = test::sampleSession(patientId_, 3);
    twice.screening.psfs = {{"Walking", 3}, {"Walking", 4}};
    EXPECT_EQ(sessions().add(twice).error().kind, Error::Kind::InvalidInput);
}

TEST_P(SessionContract, OverrideKindWhoAndWhenKeptOnADraftAndAfterSigning) {
    store().setActor("Dr Rivera");
    Session s = test::sampleSession(patientId_, 6);
    s.clinicianId = clinicianId_;
    s.handoutOptions.overrideReason = "She will see her doctor this afternoon.";
    s.handoutOptions.overrideKind = "seen_by_doctor_today";
    s.handoutOptions.overrideBy = clinicianId_;
    s.handoutOptions.overrideAt = "2026-01-10T09:00:00Z";
    const auto id = sessions().add(s);
    ASSERT_TRUE(id) << id.error().message;
    Session back = *sessions().get(*id);
    EXPECT_EQ(back.handoutOptions, s.handoutOptions);

    back.handoutOptions.overrideKind = "declines_referral";
    back.handoutOptions.overrideAt = "2026-01-10T09:05:00Z";
    ASSERT_TRUE(sessions().update(back));
    ++back.rowVersion;
    EXPECT_EQ(sessions().get(*id)->handoutOptions, back.handoutOptions);
    // No override: no kind, no one, no time.
    back.handoutOptions.overrideReason.clear();
    back.handoutOptions.overrideKind.clear();
    back.handoutOptions.overrideBy.reset();
    back.handoutOptions.overrideAt.clear();
    ASSERT_TRUE(sessions().update(back));
    ++back.rowVersion;
    EXPECT_EQ(sessions().get(*id)->handoutOptions, back.handoutOptions);
    // A kind off the list is refused by the database.
    back.handoutOptions.overrideKind = "because";
    EXPECT_FALSE(sessions().update(back));
    EXPECT_EQ(sessions().get(*id)->handoutOptions.overrideKind, "");

    ASSERT_TRUE(sessions().sign(*id, clinicianId_));
    const HandoutOverride why{
        0, clinicianId_, "", "", "Referral booked for tomorrow morning.", "referral_arranged"};
    ASSERT_TRUE(sessions().recordHandout(*id, kHandout, why, "printer"));
    const Session signedSession = *sessions().get(*id);
    ASSERT_EQ(signedSession.overrides.size(), 1U);
    EXPECT_EQ(signedSession.overrides[0].kind, "referral_arranged");
    EXPECT_EQ(signedSession.overrides[0].reason, why.reason);
    EXPECT_EQ(signedSession.overrides[0].actor, actorFor("Dr Rivera"));
}

} // namespace
} // namespace hepdesk::db
