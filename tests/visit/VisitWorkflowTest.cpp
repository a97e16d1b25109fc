#include "VisitFixture.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/visit/HandoutSnapshot.h"
#include "hepdesk/visit/OverrideReason.h"

#include <nlohmann/json.hpp>

// Each step of a visit through the workflow both front ends call, on a real database.
namespace hepdesk::visit::test {
namespace {
namespace fs = std::filesystem;

using Paper = handout::HandoutOptions::Paper;

TEST_F(VisitFixture, LoadsTheShippedCatalogWithTheClinicsOwnAndNamesWhatItLeavesOut) {
    ASSERT_TRUE(db_->connection()
                    .exec("INSERT INTO custom_exercise(id, name, json, created_at, updated_at) "
                          "VALUES ('clinic_broken', 'Broken', '{\"id\": \"clinic_broken\"}', "
                          "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")
                    .ok());
    auto data = loadClinic(hepdesk::test::templatesDir(), *custom_);
    ASSERT_TRUE(data.ok()) << data.error().message;
    EXPECT_NE(data->catalog.find("cat_cow"), nullptr);
    EXPECT_EQ(data->catalog.find("clinic_broken"), nullptr);
    ASSERT_EQ(data->skipped.size(), 1U);
    EXPECT_NE(data->skipped[0].find("clinic_broken"), std::string::npos) << data->skipped[0];
    EXPECT_FALSE(data->isCustom("cat_cow"));
}

TEST_F(VisitFixture, StartsANewSessionForAnExistingPatientAndClinicianOnly) {
    auto started = visit().start(
        patientId_, {clinicianId_, {"es", true, "", "", std::nullopt, ""}, std::nullopt, {}});
    ASSERT_TRUE(started.ok()) << started.error().message;
    EXPECT_EQ(started->session.id, 0);
    EXPECT_EQ(started->session.patientId, patientId_);
    EXPECT_EQ(started->session.handoutOptions.language, "es");
    EXPECT_TRUE(started->session.program.items.empty());
    EXPECT_FALSE(visit().start(999, {}).ok());
    EXPECT_FALSE(visit().start(patientId_, {999, {}, std::nullopt, {}}).ok());
    auto noEarlier = visit().start(patientId_, {clinicianId_, {}, 0, {}});
    ASSERT_FALSE(noEarlier.ok());
    EXPECT_NE(noEarlier.error().message.find("no earlier session"), std::string::npos);
}

TEST_F(VisitFixture, FollowUpCopiesTheLastProgramLessWhatTodaysScreeningExcludes) {
    const Session first =
        draft({}, {"cat_cow", "dead_hang"}, {"es", false, "", "", std::nullopt, ""});
    Screening today;
    today.regions = {Region::LowBack};
    today.findings = {"osteoporosis"};
    auto follow = visit().start(patientId_, {clinicianId_, {}, 0, today});
    ASSERT_TRUE(follow.ok()) << follow.error().message;
    ASSERT_EQ(follow->session.program.items.size(), 1U);
    EXPECT_EQ(follow->session.program.items[0], first.program.items[0]);
    EXPECT_EQ(follow->session.handoutOptions.language, "es");
    ASSERT_EQ(follow->leftOut.size(), 1U);
    EXPECT_NE(follow->leftOut[0].find("dead_hang"), std::string::npos) << follow->leftOut[0];
    EXPECT_NE(follow->leftOut[0].find("excluded"), std::string::npos) << follow->leftOut[0];
    // Without today's screening (the app's start) the program is copied whole.
    auto copied = visit().start(patientId_, {clinicianId_, {}, first.id, {}});
    ASSERT_TRUE(copied.ok());
    EXPECT_EQ(copied->session.program, first.program);
    EXPECT_EQ(copied->session.screening.regions, first.screening.regions);
}

/// Installs a clock for one test.
struct ClockGuard {
    explicit ClockGuard(const Clock& c) { Clock::install(&c); }
    ClockGuard(const ClockGuard&) = delete;
    ClockGuard& operator=(const ClockGuard&) = delete;
    ~ClockGuard() { Clock::install(nullptr); }
};

// Issue 12, safety 1: a follow-up of an osteoporosis patient kept the program but lost the
// osteoporosis, so the twists showed "Eligible" until the clinician ticked it again.
TEST_F(VisitFixture, FollowUpCarriesLastingFindingsAndPatientFactsButNotTodaysEpisode) {
    using namespace std::chrono;
    const FixedClock firstDay(sys_days{year{2026} / 11 / 21} + hours{9});
    Session first;
    {
        ClockGuard clock(firstDay);
        first = draft({"osteoporosis", "anticoagulants", "recent_trauma", "ces_saddle_numbness",
                       "fever_or_chills"},
                      {"cat_cow", "seated_thoracic_twist"});
        first.screening.sex = Sex::Female;
        first.screening.durationDays = 10;
        ASSERT_TRUE(visit().saveDraft(first).ok());
    }
    const FixedClock tenDaysLater(sys_days{year{2026} / 12 / 1} + hours{9});
    ClockGuard clock(tenDaysLater);
    auto follow = visit().start(patientId_, {clinicianId_, {}, 0, {}});
    ASSERT_TRUE(follow.ok()) << follow.error().message;
    const Screening& today = follow->session.screening;
    EXPECT_EQ(today.date, "2026-12-01");
    EXPECT_EQ(today.findings, (std::set<std::string>{"anticoagulants", "osteoporosis"}));
    EXPECT_EQ(follow->carried.findings,
              (std::vector<std::string>{"anticoagulants", "osteoporosis"}));
    EXPECT_EQ(follow->carried.fromSession, first.id);
    EXPECT_EQ(today.sex, Sex::Female);
    EXPECT_TRUE(follow->carried.sex);
    // Born 1970-03-04: 56 on the follow-up's date, from the birth date, not carried.
    EXPECT_EQ(today.age, 56);
    EXPECT_FALSE(follow->carried.age);
    EXPECT_EQ(today.durationDays, 20);
    EXPECT_TRUE(follow->carried.duration);
    EXPECT_EQ(today.regions, first.screening.regions);
    // Nothing of today's screening was answered yet: the pain and questionnaires start empty.
    EXPECT_FALSE(today.pain.now || today.pain.worst);
    EXPECT_TRUE(today.startBack.empty() && today.odi.empty());

    // The program is checked against that screening: the twist keeps its caution.
    ASSERT_EQ(follow->session.program.items.size(), 2U);
    auto assessment = visit().assess(today);
    ASSERT_TRUE(assessment.ok()) << assessment.error().message;
    const ProgramCheck check = visit().checkProgram(follow->session.program, *assessment);
    ASSERT_FALSE(check.cautions.empty());
    EXPECT_NE(check.cautions[0].find("seated_thoracic_twist"), std::string::npos)
        << check.cautions[0];
    EXPECT_EQ(assessment->level, TriageLevel::Routine);
}

TEST_F(VisitFixture, AgeIsWorkedOutFromTheBirthDateOnTheSessionsDate) {
    using namespace std::chrono;
    const FixedClock dayBefore(sys_days{year{2026} / 3 / 3} + hours{9});
    ClockGuard clock(dayBefore);
    auto started = visit().start(patientId_, {clinicianId_, {}, std::nullopt, {}});
    ASSERT_TRUE(started.ok());
    EXPECT_EQ(started->session.screening.age, 55); // birthday 1970-03-04 is tomorrow
    Screening given;
    given.date = "2026-03-04";
    auto onBirthday = visit().start(patientId_, {clinicianId_, {}, std::nullopt, given});
    ASSERT_TRUE(onBirthday.ok());
    EXPECT_EQ(onBirthday->session.screening.age, 56);
    given.age = 40; // what the clinician recorded stands
    auto recorded = visit().start(patientId_, {clinicianId_, {}, std::nullopt, given});
    ASSERT_TRUE(recorded.ok());
    EXPECT_EQ(recorded->session.screening.age, 40);
}

TEST_F(VisitFixture, AnArchivedPatientGetsNoNewSessionOrFollowUp) {
    (void)draft({}, {"cat_cow"});
    ASSERT_TRUE(patients_->setArchived(patientId_, true).ok());
    for (const std::optional<std::int64_t> from : {std::optional<std::int64_t>(), {0}}) {
        auto started = visit().start(patientId_, {clinicianId_, {}, from, {}});
        ASSERT_FALSE(started.ok());
        EXPECT_EQ(started.error().kind, Error::Kind::Refused);
        EXPECT_NE(started.error().message.find("is archived and read-only"), std::string::npos)
            << started.error().message;
    }
}

TEST_F(VisitFixture, SaveDraftAssessesWithTodaysRulesAndReportsExcludedExercises) {
    Session s = draft({}, {"cat_cow"});
    ASSERT_NE(s.id, 0);
    s.triage = TriageLevel::Emergency; // whatever a front end had: the rules decide
    s.screening.findings = {"osteoporosis"};
    s.program.items.push_back(ProgramItem{"dead_hang", Dosage{1, 0, 20, 1, false}, ""});
    auto saved = visit().saveDraft(s);
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    EXPECT_EQ(saved->id, s.id);
    EXPECT_EQ(s.triage, saved->assessment.level);
    EXPECT_NE(s.triage, TriageLevel::Emergency);
    ASSERT_EQ(saved->program.excluded.size(), 1U);
    EXPECT_NE(saved->program.excluded[0].find("dead_hang"), std::string::npos);
    auto stored = sessions_->get(s.id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->triage, saved->assessment.level);
    EXPECT_EQ(stored->program.items.size(), 2U);

    s.handoutOptions.overrideReason = "\xE2\x80\x8B\xC2\xA0\x01"; // U+200B, NBSP, \x01
    auto invisible = visit().saveDraft(s);
    ASSERT_FALSE(invisible.ok());
    EXPECT_NE(invisible.error().message.find("no visible text"), std::string::npos);
}

TEST(OverrideReason, NeedsVisibleWordsInAnyScript) {
    for (const char* bad : {"", " ", "\xE2\x80\x8B", "\xC2\xA0\xC2\xA0", "\x01\x02", "x", "ok",
                            "\xE2\x80\x8B x \xE2\x80\x8B"}) {
        EXPECT_FALSE(checkOverrideReason(bad).ok()) << bad;
    }
    for (const char* good :
         {"Patient declined referral; documented", "Derivada hoy; solo respiración",
          "Направлена к врачу сегодня", "患者拒绝转诊今天已记录"}) {
        EXPECT_TRUE(checkOverrideReason(good).ok()) << good;
    }
}

TEST_F(VisitFixture, ADraftsHandoutFollowsTodaysPatientClinicAndRules) {
    const Session s = draft({"osteoporosis"}, {"supine_lumbar_rotation", "cat_cow"});
    auto before = visit().handout(s.id);
    ASSERT_TRUE(before.ok()) << before.error().message;
    EXPECT_FALSE(before->fromSnapshot);
    EXPECT_EQ(before->request.patientName, "María López");
    EXPECT_EQ(before->request.clinic.clinicianName, "Ana Gil");
    ASSERT_TRUE(before->request.clinic.logo);
    EXPECT_EQ(before->request.sessionDate, "2026-11-21");

    Patient p = *patients_->get(patientId_);
    p.name = "Someone Else";
    ASSERT_TRUE(patients_->update(p).ok());
    auto renamed = visit().handout(s.id, {"es",
                                          true,
                                          Paper::Letter,
                                          std::nullopt,
                                          std::nullopt,
                                          std::nullopt,
                                          {},
                                          std::nullopt,
                                          std::nullopt,
                                          false,
                                          std::nullopt});
    ASSERT_TRUE(renamed.ok());
    EXPECT_EQ(renamed->request.patientName, "Someone Else");
    EXPECT_EQ(renamed->request.options.lang, "es");
    EXPECT_TRUE(renamed->request.options.largePrint);
    EXPECT_EQ(renamed->request.options.paper, Paper::Letter);

    // Today's rules, from a changed copy of templates/: the caution's patient note changes.
    const fs::path changed = dir_ / "templates";
    fs::copy(hepdesk::test::templatesDir(), changed, fs::copy_options::recursive);
    std::string rules = hepdesk::test::readFile(changed / "rules" / "eligibility.json");
    const std::string note = "keep the twist small and slow";
    ASSERT_NE(rules.find(note), std::string::npos);
    rules.replace(rules.find(note), note.size(), "RULES CHANGED TODAY");
    hepdesk::test::writeFile(changed / "rules" / "eligibility.json", rules);
    auto today = openClinic(changed);
    ASSERT_TRUE(today);
    auto a = pdfOf(visit(), s.id);
    auto b = pdfOf(*today->workflow, s.id);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_NE(*a, *b) << "a draft follows today's rules";
    auto plan = today->workflow->handout(s.id);
    ASSERT_TRUE(plan.ok());
    const Eligibility* e = plan->request.assessment.eligibilityOf("supine_lumbar_rotation");
    ASSERT_NE(e, nullptr);
    ASSERT_FALSE(e->reasons.empty());
    EXPECT_NE(e->reasons[0].patientNote.text("en").find("RULES CHANGED TODAY"), std::string::npos);
}

TEST_F(VisitFixture, SigningStoresTheSnapshotAndTheFingerprintAndReprintsByteIdentical) {
    const Session s = draft({"osteoporosis"}, {"supine_lumbar_rotation", "cat_cow"},
                            {"es", true, "", "", std::nullopt, ""});
    auto before = pdfOf(visit(), s.id,
                        {std::nullopt,
                         std::nullopt,
                         Paper::Letter,
                         std::nullopt,
                         std::nullopt,
                         std::nullopt,
                         {},
                         std::nullopt,
                         std::nullopt,
                         false,
                         std::nullopt});
    ASSERT_TRUE(before.ok()) << before.error().message;
    auto signedSession = visit().sign(s.id, clinicianId_, Paper::Letter);
    ASSERT_TRUE(signedSession.ok()) << signedSession.error().message;
    const Session& st = signedSession->session;
    EXPECT_TRUE(st.isSigned);
    EXPECT_EQ(signedSession->handoutSha256, sha256Hex(*before)) << "the handout as it stood";
    ASSERT_EQ(st.handouts.size(), 1U);
    EXPECT_EQ(st.handouts[0].sha256, signedSession->handoutSha256);
    EXPECT_EQ(st.handouts[0].language, "es");
    ASSERT_FALSE(st.signedSnapshot.empty());
    const nlohmann::json exported = toJson(st);
    EXPECT_EQ(exported["signed_snapshot"]["patient_name"], "María López");
    EXPECT_EQ(exported["signed_snapshot"]["paper"], "letter");
    EXPECT_EQ(exported["signed_snapshot"]["handout_sha256"], signedSession->handoutSha256);

    // Everything a reprint could be tempted to read again changes...
    Patient p = *patients_->get(patientId_);
    p.name = "Someone Else";
    ASSERT_TRUE(patients_->update(p).ok());
    ClinicSettings other{"Another Clinic", "", "", hepdesk::test::pngImage(10, 10), "image/png"};
    ASSERT_TRUE(clinicRepo_->save(other).ok());
    Clinician c = *clinicians_->get(clinicianId_);
    c.name = "Dr Nobody";
    c.credentials = "MD";
    ASSERT_TRUE(clinicians_->update(c).ok());
    const fs::path changed = dir_ / "templates";
    fs::copy(hepdesk::test::templatesDir(), changed, fs::copy_options::recursive);
    std::string rules = hepdesk::test::readFile(changed / "rules" / "eligibility.json");
    const std::string note = "keep the twist small and slow";
    rules.replace(rules.find(note), note.size(), "RULES CHANGED TODAY");
    hepdesk::test::writeFile(changed / "rules" / "eligibility.json", rules);
    auto today = openClinic(changed);
    ASSERT_TRUE(today);

    // ... and the reprint is the signed handout, byte for byte, from either set of rules.
    for (VisitWorkflow* w : {&visit(), today->workflow.get()}) {
        auto plan = w->handout(s.id);
        ASSERT_TRUE(plan.ok()) << plan.error().message;
        EXPECT_TRUE(plan->fromSnapshot);
        EXPECT_EQ(plan->request.patientName, "María López");
        EXPECT_EQ(plan->request.clinic.clinicianName, "Ana Gil");
        EXPECT_EQ(plan->request.clinic.name, "Riverside Physical Therapy");
        auto pdf = w->render(*plan);
        ASSERT_TRUE(pdf.ok());
        EXPECT_EQ(*pdf, *before);
        auto rec = w->recordHandout(s.id, *pdf, *plan, "file test.pdf");
        ASSERT_TRUE(rec.ok()) << rec.error().message;
        EXPECT_EQ(rec->id, st.handouts[0].id) << "none twice for one SHA-256";
    }
    EXPECT_EQ(sessions_->get(s.id)->handouts.size(), 1U);
    EXPECT_FALSE(visit().sign(s.id, clinicianId_).ok()) << "signed once";
}

TEST_F(VisitFixture, AReprintIsThePdfKeptAtSigningWhateverTheCatalogSaysNow) {
    const Session s = draft({}, {"cat_cow", "pelvic_tilt"});
    auto signedSession = visit().sign(s.id, clinicianId_);
    ASSERT_TRUE(signedSession.ok()) << signedSession.error().message;
    auto kept = sessions_->signedHandoutPdf(s.id);
    ASSERT_TRUE(kept.ok() && kept->has_value());
    EXPECT_EQ((*kept)->sha256, signedSession->handoutSha256);
    EXPECT_GE((*kept)->pages, 1);

    // An installation whose catalog now words the exercise differently.
    const fs::path changed = dir_ / "templates";
    fs::copy(hepdesk::test::templatesDir(), changed, fs::copy_options::recursive);
    std::string entry = hepdesk::test::readFile(changed / "catalog" / "cat_cow.json");
    entry.replace(entry.find("\"Cat-cow\""), 9, "\"Cat and camel\"");
    hepdesk::test::writeFile(changed / "catalog" / "cat_cow.json", entry);
    auto today = openClinic(changed);
    ASSERT_TRUE(today);

    auto plan = today->workflow->handout(s.id);
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    ASSERT_TRUE(plan->asSigned);
    ASSERT_NE(plan->signedPdf, nullptr);
    auto remade =
        today->workflow->writer().renderPdf(plan->request, today->workflow->catalog().entries());
    ASSERT_TRUE(remade.ok());
    EXPECT_NE(sha256Hex(*remade), signedSession->handoutSha256)
        << "made again, today's catalog would print another handout";
    auto reprint = today->workflow->render(*plan);
    ASSERT_TRUE(reprint.ok()) << reprint.error().message;
    EXPECT_EQ(*reprint, (*kept)->pdf) << "the reprint is the handout as signed";
}

TEST_F(VisitFixture, AnOlderSignedSessionThatWouldPrintDifferentlyIsRefusedNotChanged) {
    // Signed before HepDesk kept the PDF: only the snapshot and its fingerprint are stored, and
    // that fingerprint is not what this installation makes of the snapshot.
    const Session s = draft({}, {"cat_cow"});
    auto plan = visit().handout(s.id);
    ASSERT_TRUE(plan.ok());
    const std::string otherSha(64, 'a');
    ASSERT_TRUE(sessions_->signWithSnapshot(
        s.id, clinicianId_, snapshotToJson(HandoutSnapshot{plan->request, otherSha}), std::nullopt,
        *sessions_->get(s.id), std::nullopt));
    auto reprintPlan = visit().handout(s.id);
    ASSERT_TRUE(reprintPlan.ok()) << reprintPlan.error().message;
    EXPECT_TRUE(reprintPlan->asSigned);
    EXPECT_EQ(reprintPlan->signedPdf, nullptr);
    auto refused = visit().render(*reprintPlan);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, Error::Kind::Refused);
    EXPECT_NE(refused.error().message.find("cannot be printed again exactly as it was signed"),
              std::string::npos)
        << refused.error().message;
    EXPECT_NE(refused.error().message.find(otherSha), std::string::npos);

    // The clinician's copy was never the patient's handout: it still prints, for reference.
    HandoutChanges copy;
    copy.clinicianCopy = true;
    auto clinicianPlan = visit().handout(s.id, copy);
    ASSERT_TRUE(clinicianPlan.ok());
    EXPECT_FALSE(clinicianPlan->asSigned);
    EXPECT_TRUE(visit().render(*clinicianPlan).ok());
}

TEST_F(VisitFixture, ASignedSessionRefusesEveryOptionThatWouldChangeItsHandoutNamingIt) {
    const Session s = draft({}, {"cat_cow"});
    ASSERT_TRUE(visit().sign(s.id, clinicianId_).ok());
    HandoutChanges changes;
    changes.language = "es";
    changes.largePrint = true;
    changes.paper = Paper::Letter;
    changes.overrideReason = "Patient insisted on exercises today";
    changes.clinic = handout::ClinicInfo{"Fake", "", "", "Dr Nobody", "MD", nullptr};
    changes.names = {"--lang", "--large-print", "--paper", "--override-reason", "--clinic"};
    auto refused = visit().handout(s.id, changes);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, Error::Kind::Refused);
    for (const char* option :
         {"--lang", "--large-print", "--paper", "--override-reason", "--clinic"}) {
        EXPECT_NE(refused.error().message.find(option), std::string::npos)
            << option << " in: " << refused.error().message;
    }
    // Asking for what it already is changes nothing and is allowed.
    auto same = visit().handout(s.id, {"en",
                                       false,
                                       Paper::A4,
                                       std::nullopt,
                                       std::nullopt,
                                       std::nullopt,
                                       {},
                                       std::nullopt,
                                       std::nullopt,
                                       false,
                                       std::nullopt});
    ASSERT_TRUE(same.ok()) << same.error().message;
    EXPECT_TRUE(same->fromSnapshot);
}

TEST_F(VisitFixture, AnOverrideAfterSigningIsStoredWithWhoAndWhenAndStandsForReprints) {
    const Session s = draft({"ces_saddle_numbness"}, {"belly_breathing"});
    auto signedSession = visit().sign(s.id, clinicianId_);
    ASSERT_TRUE(signedSession.ok()) << signedSession.error().message;
    EXPECT_TRUE(signedSession->handoutSha256.empty()) << "no handout before a referral";
    EXPECT_TRUE(signedSession->session.handouts.empty());

    auto blocked = pdfOf(visit(), s.id);
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.error().kind, Error::Kind::Refused);
    HandoutChanges invisible;
    invisible.overrideReason = "\xE2\x80\x8B\xC2\xA0\x01";
    EXPECT_FALSE(visit().handout(s.id, invisible).ok());

    HandoutChanges given;
    given.overrideReason = "Patient declined the ambulance; breathing sheet only";
    given.clinicianId = clinicianId_;
    auto noKind = visit().handout(s.id, given);
    ASSERT_FALSE(noKind.ok()) << "a reason needs its kind from the list";
    EXPECT_EQ(noKind.error().kind, Error::Kind::InvalidInput);
    given.overrideKind = "declines_referral";
    auto plan = visit().handout(s.id, given);
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    ASSERT_TRUE(plan->newOverride);
    auto pdf = visit().render(*plan);
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    ASSERT_TRUE(visit().recordHandout(s.id, *pdf, *plan, "file test.pdf").ok());

    auto stored = sessions_->get(s.id);
    ASSERT_TRUE(stored.ok());
    ASSERT_EQ(stored->overrides.size(), 1U);
    const HandoutOverride& o = stored->overrides[0];
    EXPECT_EQ(o.reason, *given.overrideReason);
    EXPECT_EQ(o.kind, "declines_referral");
    EXPECT_EQ(o.clinicianId, clinicianId_);
    EXPECT_EQ(o.actor, "test clinician account");
    EXPECT_EQ(o.createdAt.size(), 20U) << o.createdAt;
    ASSERT_EQ(stored->handouts.size(), 1U);
    EXPECT_EQ(toJson(*stored)["overrides"][0]["reason"], *given.overrideReason);

    // Later reprints carry the stored override, byte-identical; another reason is refused.
    auto again = pdfOf(visit(), s.id);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(*again, *pdf);
    HandoutChanges other;
    other.overrideReason = "Some other reason given later";
    EXPECT_EQ(visit().handout(s.id, other).error().kind, Error::Kind::Refused);
    EXPECT_EQ(sessions_->get(s.id)->overrides.size(), 1U);

    // The record is append-only in the database itself.
    auto& c = db_->connection();
    EXPECT_FALSE(c.exec("UPDATE session_override SET reason = 'changed'").ok());
    EXPECT_FALSE(c.exec("DELETE FROM session_override").ok());
}

TEST_F(VisitFixture, AnOverrideIsRefusedWhereNoneIsNeededOrOnADraft) {
    const Session routine = draft({}, {"cat_cow"});
    ASSERT_TRUE(visit().sign(routine.id, clinicianId_).ok());
    HandoutChanges given;
    given.overrideReason = "Patient asked for a printed copy";
    EXPECT_EQ(visit().handout(routine.id, given).error().kind, Error::Kind::Refused);
    const Session emergency = draft({"ces_saddle_numbness"}, {"belly_breathing"});
    EXPECT_FALSE(db_->connection()
                     .exec("INSERT INTO session_override(session_id, actor, created_at, reason) "
                           "VALUES (" +
                           std::to_string(emergency.id) +
                           ", 'someone', '2026-01-01T00:00:00Z', 'a reason')")
                     .ok())
        << "a draft is edited, not overridden";
}

TEST_F(VisitFixture, TheSnapshotCannotBeChangedAfterSigning) {
    const Session s = draft({}, {"cat_cow"});
    ASSERT_TRUE(visit().sign(s.id, clinicianId_).ok());
    auto& c = db_->connection();
    EXPECT_FALSE(
        c.exec("UPDATE session SET signed_snapshot = '{}' WHERE id = " + std::to_string(s.id))
            .ok());
    auto snapshot = snapshotFromJson(sessions_->get(s.id)->signedSnapshot, "snapshot");
    ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
    EXPECT_EQ(snapshotToJson(*snapshot), sessions_->get(s.id)->signedSnapshot)
        << "reads back to the same text";
    ASSERT_TRUE(snapshot->request.clinic.logo);
    EXPECT_EQ(snapshot->request.clinic.logo->bytes, hepdesk::test::pngImage(60, 30));
    EXPECT_FALSE(snapshotFromJson("{\"version\": 99}", "snapshot").ok());
}

TEST_F(VisitFixture, ASnapshotKeepsTheLayoutItWasSignedWith) {
    const Session s = draft({}, {"cat_cow"});
    ASSERT_TRUE(visit().sign(s.id, clinicianId_).ok());
    const std::string text = sessions_->get(s.id)->signedSnapshot;
    const std::string key =
        ",\"layout_version\":" + std::to_string(handout::HandoutOptions::kCurrentLayoutVersion);
    const std::size_t at = text.find(key);
    ASSERT_NE(at, std::string::npos) << "a new signature pins the current layout";
    // Signed before layout versions: no key, read as version 1, written back unchanged.
    std::string before = text;
    before.erase(at, key.size());
    auto old = snapshotFromJson(before, "snapshot");
    ASSERT_TRUE(old.ok()) << old.error().message;
    EXPECT_EQ(old->request.options.layoutVersion, 1);
    EXPECT_EQ(snapshotToJson(*old), before);
    // Signed with layout version 2 (before exercises continued in large print): kept.
    std::string v2 = text;
    v2.replace(at, key.size(), ",\"layout_version\":2");
    auto second = snapshotFromJson(v2, "snapshot");
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_EQ(second->request.options.layoutVersion, 2);
    EXPECT_EQ(snapshotToJson(*second), v2);
    std::string future = text;
    future.replace(at, key.size(), ",\"layout_version\":9");
    auto refused = snapshotFromJson(future, "session 4 snapshot");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("layout_version"), std::string::npos);
}

TEST_F(VisitFixture, NothingIsSignedWhenTheSessionChangedSinceItsSnapshotWasMade) {
    Session s = draft({}, {"cat_cow"});
    const Session asRead = *sessions_->get(s.id);
    // Another window (or computer) saves the draft meanwhile.
    s.screening.findings = {"osteoporosis"};
    ASSERT_TRUE(visit().saveDraft(s).ok());
    auto st =
        sessions_->signWithSnapshot(s.id, clinicianId_, "{}", std::nullopt, asRead, std::nullopt);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, Error::Kind::Refused);
    EXPECT_NE(st.error().message.find("changed while it was being signed"), std::string::npos);
    EXPECT_FALSE(sessions_->get(s.id)->isSigned);
    EXPECT_TRUE(sessions_->get(s.id)->signedSnapshot.empty());
}

TEST_F(VisitFixture, SigningNeedsAnActiveClinician) {
    const Session s = draft({}, {"cat_cow"});
    EXPECT_FALSE(visit().sign(s.id, 999).ok());
    Clinician c = *clinicians_->get(clinicianId_);
    c.active = false;
    ASSERT_TRUE(clinicians_->update(c).ok());
    auto refused = visit().sign(s.id, clinicianId_);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, Error::Kind::Refused);
    EXPECT_FALSE(sessions_->get(s.id)->isSigned);
}

TEST_F(VisitFixture, AScreeningThatContradictsItselfGetsNoHandoutAndNoSignature) {
    Session s = draft({}, {"cat_cow"});
    s.screening.sex = Sex::Male;
    s.screening.findings = {"pregnancy_after_t1"};
    ASSERT_TRUE(visit().saveDraft(s).ok()) << "a draft keeps the PT's work while it is fixed";
    auto plan = visit().handout(s.id, {});
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(plan.error().message.find("sex and findings"), std::string::npos)
        << plan.error().message;
    EXPECT_FALSE(visit().sign(s.id, clinicianId_).ok());
    EXPECT_FALSE(sessions_->get(s.id)->isSigned);
}

// Issue 12 item 3, screen first: a draft whose screening records nothing is no routine
// screening; it gets no handout and no signature until a finding, a pain score or a
// questionnaire is recorded.
TEST_F(VisitFixture, ADraftWithNothingRecordedGetsNoHandoutAndNoSignatureUntilItIs) {
    Session s = draft({}, {"cat_cow"});
    s.screening.pain = {};
    ASSERT_TRUE(visit().saveDraft(s).ok()) << "the program can be planned meanwhile";
    ASSERT_FALSE(isScreeningRecorded(s.screening));
    const std::string expected =
        "session " + std::to_string(s.id) + ": the screening is not recorded yet";

    EXPECT_FALSE(requireScreening(s).ok());
    auto plan = visit().handout(s.id);
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.error().kind, Error::Kind::Refused);
    EXPECT_NE(plan.error().message.find(expected), std::string::npos) << plan.error().message;
    EXPECT_NE(plan.error().message.find("the pain scores or a questionnaire"), std::string::npos)
        << "says what to record: " << plan.error().message;
    auto refusedSign = visit().sign(s.id, clinicianId_);
    ASSERT_FALSE(refusedSign.ok());
    EXPECT_EQ(refusedSign.error().kind, Error::Kind::Refused);
    EXPECT_NE(refusedSign.error().message.find(expected), std::string::npos)
        << refusedSign.error().message;
    EXPECT_FALSE(sessions_->get(s.id)->isSigned);
    EXPECT_TRUE(sessions_->get(s.id)->handouts.empty());
    auto letter = visit().referralLetter(s.id, "en");
    ASSERT_FALSE(letter.ok()) << "nothing to refer either";
    EXPECT_NE(letter.error().message.find("screening is not recorded yet"), std::string::npos)
        << "says the screening is not done, not that the triage is routine: "
        << letter.error().message;

    // The pain now recorded: the handout and the signature follow.
    s.screening.pain.now = 3;
    ASSERT_TRUE(visit().saveDraft(s).ok());
    EXPECT_TRUE(requireScreening(s).ok());
    auto pdf = pdfOf(visit(), s.id);
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    auto signedSession = visit().sign(s.id, clinicianId_);
    ASSERT_TRUE(signedSession.ok()) << signedSession.error().message;
    EXPECT_FALSE(signedSession->handoutSha256.empty());

    // A finding alone is a recorded screening too.
    Session finding = draft({"osteoporosis"}, {"pelvic_tilt"});
    finding.screening.pain = {};
    ASSERT_TRUE(visit().saveDraft(finding).ok());
    EXPECT_TRUE(visit().handout(finding.id).ok());
}

TEST_F(VisitFixture, ASessionSignedBeforeScreenFirstWithNothingRecordedStillReprints) {
    // Signed with a snapshot: the kept handout reprints byte-identical.
    Session s = draft({}, {"cat_cow"});
    auto plan = visit().handout(s.id);
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    auto pdf = visit().render(*plan);
    ASSERT_TRUE(pdf.ok());
    s.screening.pain = {};
    ASSERT_TRUE(visit().saveDraft(s).ok());
    ASSERT_TRUE(sessions_->signWithSnapshot(
        s.id, clinicianId_, snapshotToJson(HandoutSnapshot{plan->request, sha256Hex(*pdf)}),
        std::nullopt, *sessions_->get(s.id), std::nullopt));
    ASSERT_FALSE(isScreeningRecorded(sessions_->get(s.id)->screening));
    auto reprint = pdfOf(visit(), s.id);
    ASSERT_TRUE(reprint.ok()) << reprint.error().message;
    EXPECT_EQ(*reprint, *pdf);

    // Signed before snapshots existed: made as a draft is, and still given.
    Session old = draft({}, {"cat_cow"});
    old.screening.pain = {};
    ASSERT_TRUE(visit().saveDraft(old).ok());
    ASSERT_TRUE(sessions_->sign(old.id, clinicianId_).ok());
    ASSERT_TRUE(sessions_->get(old.id)->signedSnapshot.empty());
    auto oldPdf = pdfOf(visit(), old.id);
    EXPECT_TRUE(oldPdf.ok()) << oldPdf.error().message;
}

TEST_F(VisitFixture, AddendaGoToSignedSessionsWithWhoAndWhen) {
    const Session s = draft({}, {"cat_cow"});
    EXPECT_FALSE(visit().addAddendum(s.id, clinicianId_, "Too early").ok());
    ASSERT_TRUE(visit().sign(s.id, clinicianId_).ok());
    EXPECT_FALSE(visit().addAddendum(s.id, 999, "Unknown clinician").ok());
    auto added = visit().addAddendum(s.id, clinicianId_, "  Phoned on day 3: doing well  ");
    ASSERT_TRUE(added.ok()) << added.error().message;
    ASSERT_EQ(added->addenda.size(), 1U);
    EXPECT_EQ(added->addenda[0].text, "Phoned on day 3: doing well");
    EXPECT_EQ(added->addenda[0].clinicianId, clinicianId_);
    EXPECT_FALSE(added->addenda[0].createdAt.empty());
}

} // namespace
} // namespace hepdesk::visit::test

namespace hepdesk::visit::test {
namespace {

TEST_F(VisitFixture, FollowUpCarriesThePsfsActivitiesToBeRatedAgain) {
    using namespace std::chrono;
    Session first;
    {
        const FixedClock firstDay(sys_days{year{2026} / 11 / 21} + hours{9});
        ClockGuard clock(firstDay);
        first = draft({}, {"cat_cow", "bird_dog"});
        first.screening.psfs = {{"Lifting my grandson", 3}, {"Sitting through a film", 5}};
        first.screening.adherence = {{"pelvic_tilt", 9}};
        ASSERT_TRUE(visit().saveDraft(first).ok());
        auto stored = sessions_->get(first.id);
        ASSERT_TRUE(stored.ok());
        EXPECT_EQ(stored->scores.psfsMean, 4.0);
    }
    const FixedClock later(sys_days{year{2026} / 12 / 5} + hours{9});
    ClockGuard clock(later);
    auto follow = visit().start(patientId_, {clinicianId_, {}, 0, {}});
    ASSERT_TRUE(follow.ok()) << follow.error().message;
    const Screening& today = follow->session.screening;
    ASSERT_EQ(today.psfs.size(), 2U);
    EXPECT_EQ(today.psfs[0], (PsfsActivity{"Lifting my grandson", std::nullopt}));
    EXPECT_EQ(today.psfs[1], (PsfsActivity{"Sitting through a film", std::nullopt}));
    EXPECT_EQ(follow->carried.psfsActivities, 2U);
    EXPECT_FALSE(follow->carried.empty());
    EXPECT_TRUE(today.adherence.empty()) << "adherence is asked afresh at each visit";
    EXPECT_FALSE(isScreeningRecorded(today)) << "unrated activities record nothing yet";

    // Activities the clinician gave for today win over the carried ones.
    Screening given;
    given.psfs = {{"Gardening", 2}};
    auto own = visit().start(patientId_, {clinicianId_, {}, 0, given});
    ASSERT_TRUE(own.ok());
    EXPECT_EQ(own->session.screening.psfs, given.psfs);
    EXPECT_EQ(own->carried.psfsActivities, 0U);
}

} // namespace
} // namespace hepdesk::visit::test

namespace hepdesk::visit::test {
namespace {

// Issue 12 item 7: a visit recorded afterwards gets the time it took place, with the age on
// that day; the audit log keeps the original and the new time and who changed it; a future
// time, a day before the birth date and any change once signed are refused.
TEST_F(VisitFixture, LateEntrySetsTheVisitTimeAuditedAndNeverAfterSigning) {
    using namespace std::chrono;
    const FixedClock now(sys_days{year{2026} / 11 / 30} + hours{16} + minutes{20});
    const ClockGuard clock(now);
    auto started = visit().start(patientId_, {clinicianId_, {}, std::nullopt, {}});
    ASSERT_TRUE(started.ok()) << started.error().message;
    Session s = started->session;
    s.screening.regions = {Region::LowBack};
    s.screening.pain.now = 3; // a routine visit records at least the pain now
    EXPECT_EQ(s.startedAt, "2026-11-30T16:20:00Z");
    ASSERT_TRUE(visit().saveDraft(s).ok());

    // Born 1970-03-04: 56 on the day of the visit, and a time zone offset read as such.
    ASSERT_TRUE(visit().setVisitTime(s, "2026-11-29T09:05+01:00").ok());
    EXPECT_EQ(s.startedAt, "2026-11-29T08:05:00Z");
    EXPECT_EQ(s.screening.date, "2026-11-29");
    EXPECT_EQ(s.screening.age, 56);
    ASSERT_TRUE(visit().saveDraft(s).ok());
    auto stored = sessions_->get(s.id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->startedAt, "2026-11-29T08:05:00Z");
    // History tells two visits of one day apart by their time.
    db::SqliteAuditLog audit(*db_);
    auto lines = audit.list({"session", std::to_string(s.id), 10});
    ASSERT_TRUE(lines.ok());
    ASSERT_FALSE(lines->empty());
    EXPECT_EQ(lines->front().action, "session.edit");
    EXPECT_EQ(lines->front().actor, "test clinician account");
    EXPECT_EQ(lines->front().detail, "visit time changed from 2026-11-30T16:20:00Z to "
                                     "2026-11-29T08:05:00Z (late entry)");

    Session before = s;
    auto future = visit().setVisitTime(s, "2026-11-30T16:21:00Z");
    ASSERT_FALSE(future.ok());
    EXPECT_EQ(future.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(future.error().message.find("is in the future"), std::string::npos);
    auto unborn = visit().setVisitTime(s, "1970-03-03T10:00Z");
    ASSERT_FALSE(unborn.ok());
    EXPECT_NE(unborn.error().message.find("before the patient's birth date 1970-03-04"),
              std::string::npos)
        << unborn.error().message;
    auto garbled = visit().setVisitTime(s, "yesterday at nine");
    ASSERT_FALSE(garbled.ok());
    EXPECT_NE(garbled.error().message.find("got 'yesterday at nine'"), std::string::npos);
    EXPECT_EQ(s.startedAt, before.startedAt); // a refusal changes nothing

    ASSERT_TRUE(visit().sign(s.id, clinicianId_).ok());
    auto signedSession = sessions_->get(s.id);
    ASSERT_TRUE(signedSession.ok());
    auto late = visit().setVisitTime(*signedSession, "2026-11-28T10:00Z");
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().kind, Error::Kind::Refused);
    EXPECT_EQ(signedSession->startedAt, "2026-11-29T08:05:00Z");
}

TEST(UtcMoment, ReadsUtcAndOffsetsAndRefusesTheRest) {
    EXPECT_EQ(utcMoment("2026-11-30T14:05Z"), "2026-11-30T14:05:00Z");
    EXPECT_EQ(utcMoment(" 2026-11-30 14:05:09Z "), "2026-11-30T14:05:09Z");
    EXPECT_EQ(utcMoment("2026-12-01T00:30-05:00"), "2026-12-01T05:30:00Z");
    EXPECT_EQ(utcMoment("2026-03-01T00:30+01:00"), "2026-02-28T23:30:00Z");
    EXPECT_EQ(utcMoment("2999-01-01T10:00Z"), "2999-01-01T10:00:00Z"); // past 2262 too
    for (const char* bad : {"2026-11-30", "2026-11-30T14:05", "2026-02-30T10:00Z",
                            "2026-11-30T24:00Z", "2026-11-30T10:00+1", "2026-11-30T10:00Zx"}) {
        EXPECT_FALSE(utcMoment(bad).has_value()) << bad;
    }
}

} // namespace
} // namespace hepdesk::visit::test
