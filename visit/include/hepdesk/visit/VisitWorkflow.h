#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/Session.h"
#include "hepdesk/core/handout/Handout.h"
#include "hepdesk/core/handout/HandoutWriter.h"
#include "hepdesk/core/handout/ReferralLetter.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk::handout {
class HandoutWriter;
}

namespace hepdesk::db {
class ClinicRepository;
class ClinicianRepository;
class PatientRepository;
class SessionRepository;
} // namespace hepdesk::db

namespace hepdesk::visit {

/// A moment a person typed: "YYYY-MM-DDTHH:MM[:SS]" (or a space for the "T") ending in "Z" or
/// an offset "+HH:MM" / "-HH:MM", as "YYYY-MM-DDTHH:MM:SSZ" in UTC; nothing for other text.
std::optional<std::string> utcMoment(std::string_view text);

/// Screen first: a draft whose screening records nothing (no finding, pain score, questionnaire,
/// PSFS rating or adherence answer: core's isScreeningRecorded) is refused a handout and a
/// signature, with a message naming the session. A signed session passes (one signed before
/// this rule reprints as it was). The app shows this decision on the Exercises, Handout and
/// Sign steps; draftHandout() and sign() enforce it.
Status requireScreening(const Session& session);
/// The same rule for a screening that is not a stored session (a handout made straight from a
/// screening file): refused naming `source` when it records nothing.
Status requireScreening(const Screening& screening, std::string_view source);

/// A session just signed and the fingerprint of its handout as signed (empty when no handout
/// could be made then: a referral first).
struct SignedSession {
    Session session;
    std::string handoutSha256;
};

/// The stores a visit works through: interfaces, whatever database stands behind them.
struct Repositories {
    db::PatientRepository& patients;
    db::SessionRepository& sessions;
    db::ClinicianRepository& clinicians;
    db::ClinicRepository& clinic;
};

/// How a new session starts.
struct StartOptions {
    std::optional<std::int64_t> clinicianId;
    /// The clinic's or the computer's defaults (language, large print).
    HandoutOptions handout;
    /// A follow-up: start from the program of this session of the patient (0: the latest).
    std::optional<std::int64_t> followUpFrom;
    /// Today's screening when it is already known (the command line); the app starts empty.
    std::optional<Screening> screening;
    /// A follow-up: lasting findings of the last visit the clinician has cleared (delivered,
    /// off anticoagulants), not carried.
    std::set<std::string> cleared = {};
};

/// What a follow-up took from the last visit into today's screening, for the clinician to
/// confirm: the lasting findings (templates/rules/screening_items.json, "persistence") and the
/// patient's facts that today's screening did not give.
struct CarriedOver {
    std::int64_t fromSession = 0;
    /// Lasting findings of the last visit added to today's screening, in id order.
    std::vector<std::string> findings;
    bool sex = false;
    /// The last age plus the whole years since (only when the patient has no birth date).
    bool age = false;
    /// The last duration of symptoms plus the days since the last visit.
    bool duration = false;
    /// The last visit's PSFS activities, copied unrated for the patient to rate again.
    std::size_t psfsActivities = 0;
    [[nodiscard]] bool empty() const {
        return findings.empty() && !sex && !age && !duration && psfsActivities == 0;
    }
};

/// A new, unsaved session (id 0) and what was left out of the copied program.
struct StartedSession {
    Session session;
    /// One message per exercise of the last program that today's screening excludes (left out).
    std::vector<std::string> leftOut;
    /// A follow-up: what today's screening holds from the last visit.
    CarriedOver carried;
};

/// What the clinical core says about a program for one screening.
struct ProgramCheck {
    /// One message per excluded exercise, naming it and the reasons.
    std::vector<std::string> excluded;
    /// One message per exercise the urgent or emergency triage blocks (no override reason).
    std::vector<std::string> blocked;
    /// One message per caution reason ("cat_cow: Osteoporosis: ...").
    std::vector<std::string> cautions;
};

/// A stored draft and today's assessment of it.
struct SavedDraft {
    std::int64_t id = 0;
    Assessment assessment;
    ProgramCheck program;
};

/// How a front end names each handout option in messages ("--lang" on the command line).
struct OptionNames {
    std::string language = "language";
    std::string largePrint = "large print";
    std::string paper = "paper";
    std::string overrideReason = "override reason";
    std::string clinic = "clinic details";
};

/// What a front end asks to change for one handout; unset means "as stored". A draft takes
/// them; a signed session refuses any that would change its handout, naming the option.
struct HandoutChanges {
    std::optional<std::string> language;
    std::optional<bool> largePrint;
    std::optional<handout::HandoutOptions::Paper> paper;
    std::optional<std::string> overrideReason;
    /// Replaces the clinic's details (a clinic file); without a clinician of its own the
    /// session's clinician stays.
    std::optional<handout::ClinicInfo> clinic;
    /// Who gives an override reason after signing (stored with it).
    std::optional<std::int64_t> clinicianId;
    OptionNames names;
    /// Adds the exercise log as the last page.
    std::optional<bool> exerciseLog = std::nullopt;
    /// Prints "Your goals": the session's PSFS activities.
    std::optional<bool> goals = std::nullopt;
    /// The clinician's copy (with the referral override page) instead of the patient's. Allowed
    /// for a signed session too: it changes nothing the patient was given, and is not recorded.
    bool clinicianCopy = false;
    /// The kind of the override reason (visit/OverrideReason.h); required with a new reason.
    std::optional<std::string> overrideKind;
};

/// Optional parts of a handout chosen at signing (kept in the snapshot for every reprint).
struct HandoutExtras {
    bool exerciseLog = false;
    bool goals = false;
};

/// The handout of one session, ready to render.
struct HandoutPlan {
    handout::HandoutRequest request;
    /// Made from the snapshot stored at signing (a reprint), not from today's data.
    bool fromSnapshot = false;
    /// The fingerprint recorded at signing (empty for a draft or when none could be made).
    std::string signedSha256;
    /// An override given now for a signed session: stored, with who and when, together with
    /// the handout's record (recordHandout).
    std::optional<HandoutOverride> newOverride;
    /// The patient's handout exactly as signed (a reprint of a signed session with no override
    /// given after signing): it must come out byte-identical to `signedSha256`.
    bool asSigned = false;
    /// With asSigned, the PDF kept at signing, when the session has one: the reprint is it.
    std::shared_ptr<const SignedHandoutPdf> signedPdf;
};

/// The PDF of `plan`. A reprint as signed is the PDF kept at signing; without one it is made
/// again and refused unless its SHA-256 is the one taken at signing (a signed record is never
/// printed differently). Touches no database, so the app calls it on its export thread.
Result<handout::HandoutWriter::Rendered> produceHandout(const handout::HandoutWriter& writer,
                                                        const std::vector<CatalogEntry>& catalog,
                                                        const HandoutPlan& plan);

/// The steps of a visit, each one call and at most one transaction, the same for the desktop
/// app and hepdesk-cli. Clinical decisions stay in core; storage stays behind the repositories;
/// this decides the order of things and the one policy for a session's handout: a draft is
/// assessed with today's rules, a signed session reprints from what it stored at signing.
class VisitWorkflow {
public:
    /// `catalog`, `rules` and `writer` (usually a ClinicData's and the app's or command's
    /// writer) must outlive the workflow.
    VisitWorkflow(Repositories repos, const Catalog& catalog, const ClinicalRules& rules,
                  const handout::HandoutWriter& writer);

    /// assess() with today's rules and the clinic's catalog (`doc`: the screening's JSON as
    /// read, when at hand, for exact pointers in errors).
    [[nodiscard]] Result<Assessment> assess(const Screening& screening,
                                            std::string_view source = "screening",
                                            const nlohmann::json* doc = nullptr) const;
    /// The excluded, triage-blocked and cautioned exercises of `program` for `assessment`
    /// (core's checkProgramItem; `overridden`: an override reason is recorded).
    [[nodiscard]] ProgramCheck checkProgram(const Program& program, const Assessment& assessment,
                                            bool overridden = false) const;

    /// A new session for patient `patientId` (not stored yet), or a follow-up: the last
    /// program copied, the last visit's lasting findings and patient facts carried into today's
    /// screening (given or empty), and the program checked against that screening (leaveOut).
    /// The age is worked out from the patient's birth date and the screening's date when the
    /// screening gives none. The patient and the clinician must exist.
    Result<StartedSession> start(std::int64_t patientId, const StartOptions& options);
    /// Takes out of `program` what `assessment` excludes or the catalog no longer has; one
    /// message per exercise left out ("left out 'x' of <from>: excluded ...").
    std::vector<std::string> leaveOut(Program& program, const Assessment& assessment,
                                      std::string_view from) const;
    /// Adds to `today` what lasts of `last` (stored session `last.id`): its lasting findings,
    /// and its sex, age and duration of symptoms (aged by the days between the two screenings)
    /// where `today` has none. Acute findings are never carried.
    [[nodiscard]] CarriedOver carryOver(const Session& last, Screening& today,
                                        const std::set<std::string>& cleared = {}) const;

    /// Late entry: sets the date and time the visit took place (`when`: "YYYY-MM-DDTHH:MM[:SS]"
    /// with "Z" or an offset such as "+01:00"; a space may stand for the "T") on a draft, with
    /// its screening date and the age worked out from the patient's birth date. Refused for a
    /// signed session, a time after now and a day before the patient's birth date. Stored by
    /// saveDraft(), whose audit line names the original and the new time and who changed it.
    Status setVisitTime(Session& session, std::string_view when) const;

    /// Stores a draft (new when its id is 0, which is then set): triage, findings and scores
    /// from today's assessment of its screening, an override reason only with visible words.
    /// Excluded exercises are reported in the result, not refused (the clinician is editing).
    /// When the stored draft was saved elsewhere since `session` was read, nothing is written
    /// and the error (a Conflict) is changedElsewhere()'s English text; the session's row
    /// version follows each save.
    Result<SavedDraft> saveDraft(Session& session);
    /// A stored moment ("YYYY-MM-DDTHH:MM:SSZ", UTC) as a person at this computer reads it.
    using TimeText = std::function<std::string(const std::string& isoUtc)>;
    /// "Changed on another computer by NAME at TIME; reload" for stored session `sessionId`,
    /// in `lang` (en or es), from who last saved it. TIME is `timeText`'s (the app's locale
    /// format); without one, this computer's local "YYYY-MM-DD HH:MM (local time)".
    Result<std::string> changedElsewhere(std::int64_t sessionId, std::string_view lang = "en",
                                         const TimeText& timeText = {});

    /// The handout of `session` as it is in memory (the app's editor): a draft with today's
    /// rules, patient, clinic and clinician; a signed one from its snapshot.
    Result<HandoutPlan> handout(const Session& session, const HandoutChanges& changes = {});
    /// The handout of stored session `sessionId`.
    Result<HandoutPlan> handout(std::int64_t sessionId, const HandoutChanges& changes = {});
    /// The referral letter of `session` (as in memory) to the patient's doctor or the emergency
    /// department, in `lang` (empty: the session's handout language): a draft with today's
    /// assessment, a signed session with the triage, findings and scores it stored. Refused for a
    /// routine triage (nothing to refer).
    Result<handout::ReferralLetter>
    referralLetter(const Session& session, std::string_view lang,
                   handout::HandoutOptions::Paper paper = handout::HandoutOptions::Paper::A4);
    /// The referral letter of stored session `sessionId`.
    Result<handout::ReferralLetter>
    referralLetter(std::int64_t sessionId, std::string_view lang,
                   handout::HandoutOptions::Paper paper = handout::HandoutOptions::Paper::A4);
    /// Renders a referral letter (one page of PDF bytes).
    [[nodiscard]] Result<std::string> renderReferral(const handout::ReferralLetter& letter) const;

    /// Renders `plan` (the PDF bytes).
    [[nodiscard]] Result<std::string> render(const HandoutPlan& plan) const;

    /// Records a produced handout (none twice for one SHA-256) and the plan's new override,
    /// in one transaction. The record, new or the one already there. A clinician's copy is
    /// refused: the records prove what the patient was given.
    Result<HandoutRecord> recordHandout(std::int64_t sessionId, std::string_view pdf,
                                        const HandoutPlan& plan, std::string_view destination);
    /// The same for a handout written elsewhere (the app's export worker), known by its
    /// SHA-256 (sha256Hex) and size.
    Result<HandoutRecord> recordHandout(std::int64_t sessionId, const std::string& sha256,
                                        std::int64_t byteSize, const HandoutPlan& plan,
                                        std::string_view destination);

    /// Signs stored session `sessionId` as `clinicianId`: stores the snapshot of its handout
    /// (today's rules and details, on `paper`) and the fingerprint of the handout as it stands
    /// when one can be made, in the signing transaction. The signed session.
    /// `extras` chooses the exercise log page and "Your goals" for the signed handout.
    Result<SignedSession>
    sign(std::int64_t sessionId, std::int64_t clinicianId,
         handout::HandoutOptions::Paper paper = handout::HandoutOptions::Paper::A4,
         HandoutExtras extras = {});

    /// Adds a correction to a signed session, by `clinicianId`, now. The updated session.
    Result<Session> addAddendum(std::int64_t sessionId, std::optional<std::int64_t> clinicianId,
                                std::string_view text);

    [[nodiscard]] const Catalog& catalog() const { return catalog_; }
    [[nodiscard]] const ClinicalRules& rules() const { return rules_; }
    [[nodiscard]] const handout::HandoutWriter& writer() const { return writer_; }

private:
    Result<HandoutPlan> draftHandout(const Session& session, const HandoutChanges& changes);
    Result<HandoutPlan> signedHandout(const Session& session, const HandoutChanges& changes);
    Result<handout::ClinicInfo> clinicInfo(std::optional<std::int64_t> clinicianId);

    Repositories repos_;
    const Catalog& catalog_;
    const ClinicalRules& rules_;
    const handout::HandoutWriter& writer_;
};

} // namespace hepdesk::visit
