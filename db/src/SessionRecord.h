#pragma once

// The record rules of a session and of a saved program, written once for the SQLite and the
// server backends: which columns hold what, how a row becomes a Session or a ProgramItem and
// back, what is checked before a write, the seal at signing, and the messages and audit
// wording. Only the SQL (placeholders, locks, transactions) stays with each backend.

#include "hepdesk/core/Error.h"
#include "hepdesk/core/Program.h"
#include "hepdesk/core/Session.h"
#include "hepdesk/db/SessionRepository.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hepdesk::db {

/// The dosage and note columns of program_item and protocol_exercise (schema 12), in the order
/// withProgramItemValues() gives them and programItemFromRow() reads them.
inline constexpr std::string_view kProgramItemColumns =
    "exercise_id, sets, reps, hold_seconds, times_per_day, per_side, note, hold_unit, "
    "days_per_week, weeks";

/// kProgramItemColumns, each of table `alias` ("i.exercise_id, i.sets, ...").
std::string programItemColumns(std::string_view alias);

/// Calls `f` with the values of kProgramItemColumns for `it`: the dosage as it was typed (a
/// hold in minutes stays minutes, days a week and weeks kept).
template <class F> decltype(auto) withProgramItemValues(const ProgramItem& it, F&& f) {
    const Dosage& d = it.dosage;
    return f(it.exerciseId, d.sets, d.reps, d.holdSeconds, d.timesPerDay, d.perSide, it.note,
             std::string(toId(d.holdUnit)), d.daysPerWeek, d.weeks);
}

/// The unit stored in hold_unit ('s' or 'min', the CHECK of schema 12).
HoldUnit storedHoldUnit(std::string_view id);

/// Reads kProgramItemColumns from column `col` on. `Row` is SqliteRow or PgRow (StoredRow.h).
template <class Row> ProgramItem programItemFromRow(const Row& row, int col) {
    const auto number = [&](int k) { return static_cast<int>(row.integer(col + k)); };
    ProgramItem it;
    it.exerciseId = row.text(col);
    it.dosage.sets = number(1);
    it.dosage.reps = number(2);
    it.dosage.holdSeconds = number(3);
    it.dosage.timesPerDay = number(4);
    it.dosage.perSide = row.flag(col + 5);
    it.note = row.text(col + 6);
    it.dosage.holdUnit = storedHoldUnit(row.text(col + 7));
    it.dosage.daysPerWeek = number(8);
    it.dosage.weeks = number(9);
    return it;
}

/// The eight score columns, in the order readScores() reads them.
inline constexpr std::string_view kScoreColumns =
    "pain_now, pain_best, pain_worst, odi_percent, ndi_percent, start_back_total, "
    "start_back_psychosocial, start_back_risk";

/// Reads the kScoreColumns from `col` on.
template <class Row> SessionScores scoresFromRow(const Row& row, int col) {
    const auto optInt = [&](int k) -> std::optional<int> {
        if (auto v = row.optInteger(col + k)) {
            return static_cast<int>(*v);
        }
        return std::nullopt;
    };
    SessionScores s;
    s.painNow = optInt(0);
    s.painBest = optInt(1);
    s.painWorst = optInt(2);
    s.odiPercent = row.optReal(col + 3);
    s.ndiPercent = row.optReal(col + 4);
    s.startBackTotal = optInt(5);
    s.startBackPsychosocial = optInt(6);
    if (auto r = row.optText(col + 7)) {
        s.startBackRisk = riskFromId(*r);
    }
    return s;
}

/// The stored triage; an unknown level reads as the most serious, never as routine.
TriageLevel storedLevel(const std::string& id);

/// The session columns readSession reads, in the order sessionFromRow() expects them.
std::string sessionColumns();

/// A draft saved from a window that read an older version: nothing was saved (`change`: who
/// changed it last and when, when the audit log says).
Error changedElsewhere(std::int64_t id, const Result<SessionRepository::LastChange>& change);

/// A session's own row (without its children and its screening, whose JSON text goes to
/// `screeningJson`), from columns in sessionColumns() order starting at 0.
template <class Row>
Session sessionFromRow(const Row& q, std::int64_t id, std::string& screeningJson) {
    Session s;
    s.id = id;
    s.patientId = q.integer(0);
    s.clinicianId = q.optInteger(1);
    s.startedAt = q.text(2);
    screeningJson = q.text(3);
    s.triage = storedLevel(q.text(4));
    s.scores = scoresFromRow(q, 5);
    s.handoutOptions.language = q.text(13);
    s.handoutOptions.largePrint = q.flag(14);
    s.handoutOptions.overrideReason = q.text(15);
    s.isSigned = !q.isNull(16);
    s.signedAt = q.optText(16).value_or("");
    s.signedBy = q.optInteger(17);
    s.signedSnapshot = q.optText(18).value_or("");
    s.handoutOptions.overrideKind = q.text(19);
    s.handoutOptions.overrideBy = q.optInteger(20);
    s.handoutOptions.overrideAt = q.optText(21).value_or("");
    s.rowVersion = q.integer(22);
    return s;
}

/// Parses the stored screening JSON of session `s` into it. A damaged screening is reported for
/// this session alone (Database error naming it), never an abort.
Status readStoredScreening(Session& s, const std::string& screeningJson);

/// What follows from the stored children once read (the PSFS mean has no column of its own).
void completeRead(Session& s);

/// The handout record columns, in the order handoutFromRow() reads them.
inline constexpr std::string_view kHandoutColumns =
    "id, sha256, byte_size, created_at, language, large_print";

template <class Row> HandoutRecord handoutFromRow(const Row& q) {
    return HandoutRecord{q.integer(0), q.text(1), q.integer(2), q.text(3), q.text(4), q.flag(5)};
}

/// NULL for an empty text (a time not recorded).
std::optional<std::string> optionalText(const std::string& s);

/// `given`, or now (ISO UTC) when it is empty.
std::string timeOr(const std::string& given);

// Refusals, worded once.
Error inactiveClinician(std::int64_t id, const std::string& name, std::string_view what);
Error archivedPatient(std::int64_t patientId, std::string_view what);
Error signedSession(std::int64_t id, const std::string& signedAt);
Error addendumToUnsigned(std::int64_t sessionId);
Error addendumWithoutClinician(std::int64_t sessionId);
Error changedWhileSigning(std::int64_t id);

/// Whether an addendum may be written to session `sessionId`, given what requireUnsigned
/// answered for it: only a signed session takes addenda, and an addendum names its clinician.
Status checkAddendumTarget(const Status& unsignedAnswer, std::int64_t sessionId, const Addendum& a);

/// Refused when the session as stored now is not the one the clinician read and signs.
Status checkUnchangedSinceRead(const Session& stored, const Session& asRead);

/// The handout record kept once per SHA-256: `existing` when there is one, else `h` (created
/// now when it has no time) stored by `insert`, which returns the new record's id.
template <class Insert>
Result<HandoutRecord> handoutOnceWith(std::optional<HandoutRecord> existing, const HandoutRecord& h,
                                      Insert&& insert) {
    if (existing) {
        return std::move(*existing);
    }
    HandoutRecord added = h;
    added.createdAt = timeOr(added.createdAt);
    auto id = insert(added);
    if (!id) {
        return id.error();
    }
    added.id = *id;
    return added;
}

/// The checks made before a write begins.
Status checkAddendumText(const Addendum& a);
Status checkSigning(const std::string& snapshot, const std::optional<HandoutRecord>& handout);
Status checkHandoutExport(const HandoutRecord& h, const std::optional<HandoutOverride>& override);

/// What signing writes: the session as it will read back signed, and its seal.
struct Signature {
    std::string signedAt;
    std::string seal;
    std::int64_t handouts = 0;
};
/// Signs `stored` (the session as stored now) by `clinicianId` at the current time and seals it:
/// the seal covers the session exactly as it is read back after signing.
Result<Signature> signatureOf(Session& stored, std::int64_t clinicianId);

/// Who an override after signing is recorded as: the database's actor, or "unknown".
std::string overrideActor(const std::string& actor);

// Audit wording.
std::string auditSessionAdded(const Session& s);
std::string auditSessionSigned(std::int64_t clinicianId, const std::string& seal);
std::string auditHandoutExported(std::string_view destination, const std::string& sha256);

// Saved programs (protocols); checkProtocolShape is in ProtocolRepository.h.
Error missingProtocol(std::string_view name);
/// Refused: another protocol has this name; `replaceOffered` when saving may replace it.
Error protocolNameTaken(std::string_view name, bool replaceOffered);
/// A protocol's new name, as renaming checks it.
Status checkProtocolNewName(std::string_view to);
/// The id of the protocol to rename from `from` to `to`, given the ids found by those names:
/// refused when there is none named `from` or another one already has the name `to`.
Result<std::int64_t> protocolToRename(std::string_view from, std::string_view to,
                                      const Result<std::optional<std::int64_t>>& fromId,
                                      const Result<std::optional<std::int64_t>>& toId);
std::string auditProtocolRenamed(std::string_view from, std::string_view to);

} // namespace hepdesk::db
