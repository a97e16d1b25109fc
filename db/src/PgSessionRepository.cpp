#include "PgInternal.h"
#include "RecordChecks.h"
#include "TextCheck.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/OutcomeScoring.h"
#include "hepdesk/db/PgRepositories.h"
#include "hepdesk/db/Sqlite.h"
#include "hepdesk/db/TamperCheck.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

namespace hepdesk::db {
namespace {

constexpr const char* kScoreColumns =
    "pain_now, pain_best, pain_worst, odi_percent, ndi_percent, start_back_total, "
    "start_back_psychosocial, start_back_risk";

/// The PSFS mean of the row's session (NULL when no activity is rated), in double precision as
/// SQLite's avg().
constexpr const char* kPsfsMean = "(SELECT avg(rating::double precision) FROM session_psfs p "
                                  "WHERE p.session_id = session.id)";

std::optional<int> optInt(const PgResult& r, int i, int col) {
    if (r.isNull(i, col)) {
        return std::nullopt;
    }
    return static_cast<int>(r.int64(i, col));
}

SessionScores readScores(const PgResult& r, int i, int col) {
    SessionScores s;
    s.painNow = optInt(r, i, col);
    s.painBest = optInt(r, i, col + 1);
    s.painWorst = optInt(r, i, col + 2);
    s.odiPercent = r.optReal(i, col + 3);
    s.ndiPercent = r.optReal(i, col + 4);
    s.startBackTotal = optInt(r, i, col + 5);
    s.startBackPsychosocial = optInt(r, i, col + 6);
    if (auto risk = r.optText(i, col + 7)) {
        s.startBackRisk = riskFromId(*risk);
    }
    return s;
}

/// The eight score values, in kScoreColumns order, appended to `params`.
void addScores(std::vector<PgParam>& params, const SessionScores& s) {
    const auto risk =
        s.startBackRisk ? std::optional(std::string(riskId(*s.startBackRisk))) : std::nullopt;
    for (const auto& v : {s.painNow, s.painBest, s.painWorst}) {
        params.emplace_back(v);
    }
    params.emplace_back(s.odiPercent);
    params.emplace_back(s.ndiPercent);
    params.emplace_back(s.startBackTotal);
    params.emplace_back(s.startBackPsychosocial);
    params.emplace_back(risk);
}

TriageLevel readLevel(const PgResult& r, int i, int col) {
    return triageLevelFromId(r.text(i, col)).value_or(TriageLevel::Emergency);
}

ProgramItem readProgramItem(const PgResult& r, int i, int col) {
    const auto number = [&](int k) { return static_cast<int>(r.int64(i, col + k)); };
    return ProgramItem{r.text(i, col),
                       Dosage{number(1), number(2), number(3), number(4), r.boolean(i, col + 5)},
                       r.text(i, col + 6)};
}

HandoutRecord readHandout(const PgResult& r, int i) {
    return HandoutRecord{r.int64(i, 0), r.text(i, 1), r.int64(i, 2),
                         r.text(i, 3),  r.text(i, 4), r.boolean(i, 5)};
}

std::string now() {
    return isoDateTime(Clock::current().now());
}

/// NULL for an empty text (a time not recorded), as on SQLite.
std::optional<std::string> optionalText(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

Status requireActiveClinician(PgConnection& c, std::int64_t id, std::string_view what) {
    auto r = c.exec("SELECT name, active FROM clinician WHERE id = $1", {id});
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return missingRow("clinician", id);
    }
    if (!r->boolean(0, 1)) {
        return Error::refused("clinician " + std::to_string(id) + " (" + r->text(0, 0) +
                              ") is inactive (archived) and cannot " + std::string(what) +
                              "; reactivate them or choose an active clinician");
    }
    return {};
}

Status requireOpenPatient(PgConnection& c, std::int64_t patientId, std::string_view what) {
    auto r = c.exec("SELECT archived FROM patient WHERE id = $1", {patientId});
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return missingRow("patient", patientId);
    }
    if (r->boolean(0, 0)) {
        const std::string id = std::to_string(patientId);
        return Error::refused("patient " + id + " is archived and read-only: " + std::string(what) +
                              " is refused; restore the patient first ('hepdesk-cli patient "
                              "archive " +
                              id + " --undo')");
    }
    return {};
}

Status requireOpenSessionPatient(PgConnection& c, std::int64_t sessionId, std::string_view what) {
    auto r = c.exec("SELECT patient_id FROM session WHERE id = $1", {sessionId});
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return missingRow("session", sessionId);
    }
    return requireOpenPatient(c, r->int64(0, 0), what);
}

} // namespace

Result<Session> pgReadSession(PgConnection& c, std::int64_t id) {
    auto r = c.exec(std::string("SELECT patient_id, clinician_id, started_at, screening_json, "
                                "triage, ") +
                        kScoreColumns +
                        ", handout_language, handout_large_print, handout_override_reason, "
                        "signed_at, signed_by, signed_snapshot, handout_override_kind, "
                        "handout_override_by, handout_override_at FROM session WHERE id = $1",
                    {id});
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return missingRow("session", id);
    }
    Session s;
    s.id = id;
    s.patientId = r->int64(0, 0);
    s.clinicianId = r->optInt64(0, 1);
    s.startedAt = r->text(0, 2);
    const std::string screeningJson = r->text(0, 3);
    s.triage = readLevel(*r, 0, 4);
    s.scores = readScores(*r, 0, 5);
    s.handoutOptions.language = r->text(0, 13);
    s.handoutOptions.largePrint = r->boolean(0, 14);
    s.handoutOptions.overrideReason = r->text(0, 15);
    s.isSigned = !r->isNull(0, 16);
    s.signedAt = r->text(0, 16);
    s.signedBy = r->optInt64(0, 17);
    s.signedSnapshot = r->optText(0, 18).value_or("");
    s.handoutOptions.overrideKind = r->text(0, 19);
    s.handoutOptions.overrideBy = r->optInt64(0, 20);
    s.handoutOptions.overrideAt = r->optText(0, 21).value_or("");

    const std::string source = "session " + std::to_string(id) + " screening";
    auto j = json::parse(screeningJson, source);
    auto screening = j ? json::guarded(source, [&] { return screeningFromJson(*j, source); })
                       : Result<Screening>(j.error());
    if (!screening) {
        return Error::database(screening.error().message + " (the stored record is damaged)");
    }
    s.screening = std::move(*screening);

    auto findings = c.exec("SELECT item_id, rule_id, level, reason FROM session_finding "
                           "WHERE session_id = $1 ORDER BY position",
                           {id});
    if (!findings) {
        return findings.error();
    }
    for (int i = 0; i < findings->rows(); ++i) {
        s.findings.push_back(Finding{findings->text(i, 0), findings->text(i, 1),
                                     readLevel(*findings, i, 2), findings->text(i, 3)});
    }
    auto items = c.exec("SELECT exercise_id, sets, reps, hold_seconds, times_per_day, per_side, "
                        "note FROM program_item WHERE session_id = $1 ORDER BY position",
                        {id});
    if (!items) {
        return items.error();
    }
    for (int i = 0; i < items->rows(); ++i) {
        s.program.items.push_back(readProgramItem(*items, i, 0));
    }
    auto handouts = c.exec("SELECT id, sha256, byte_size, created_at, language, large_print "
                           "FROM handout WHERE session_id = $1 ORDER BY id",
                           {id});
    if (!handouts) {
        return handouts.error();
    }
    for (int i = 0; i < handouts->rows(); ++i) {
        s.handouts.push_back(readHandout(*handouts, i));
    }
    auto addenda = c.exec("SELECT id, clinician_id, created_at, text FROM addendum "
                          "WHERE session_id = $1 ORDER BY id",
                          {id});
    if (!addenda) {
        return addenda.error();
    }
    for (int i = 0; i < addenda->rows(); ++i) {
        s.addenda.push_back(Addendum{addenda->int64(i, 0), addenda->optInt64(i, 1),
                                     addenda->text(i, 2), addenda->text(i, 3)});
    }
    auto overrides = c.exec("SELECT id, clinician_id, actor, created_at, reason, kind "
                            "FROM session_override WHERE session_id = $1 ORDER BY id",
                            {id});
    if (!overrides) {
        return overrides.error();
    }
    for (int i = 0; i < overrides->rows(); ++i) {
        s.overrides.push_back(HandoutOverride{overrides->int64(i, 0), overrides->optInt64(i, 1),
                                              overrides->text(i, 2), overrides->text(i, 3),
                                              overrides->text(i, 4), overrides->text(i, 5)});
    }
    auto psfs = c.exec("SELECT activity, rating FROM session_psfs WHERE session_id = $1 "
                       "ORDER BY position",
                       {id});
    if (!psfs) {
        return psfs.error();
    }
    for (int i = 0; i < psfs->rows(); ++i) {
        s.screening.psfs.push_back(PsfsActivity{psfs->text(i, 0), optInt(*psfs, i, 1)});
    }
    auto adherence = c.exec("SELECT exercise_id, days_done FROM session_adherence "
                            "WHERE session_id = $1 ORDER BY position",
                            {id});
    if (!adherence) {
        return adherence.error();
    }
    for (int i = 0; i < adherence->rows(); ++i) {
        s.screening.adherence.push_back(Adherence{adherence->text(i, 0), optInt(*adherence, i, 1)});
    }
    // The PSFS mean follows from the stored ratings; it has no column of its own.
    if (auto score = scorePsfs(s.screening.psfs)) {
        s.scores.psfsMean = score->mean;
    }
    return s;
}

Status PgSessionRepository::writeChildren(std::int64_t id, const Session& s) {
    PgConnection& c = db_.connection();
    for (std::size_t i = 0; i < s.findings.size(); ++i) {
        const Finding& f = s.findings[i];
        if (auto r = c.exec("INSERT INTO session_finding(session_id, position, item_id, rule_id, "
                            "level, reason) VALUES ($1, $2, $3, $4, $5, $6)",
                            {id, static_cast<std::int64_t>(i), f.itemId, f.ruleId,
                             std::string(toId(f.level)), f.reason});
            !r) {
            return r.error();
        }
    }
    for (std::size_t i = 0; i < s.program.items.size(); ++i) {
        const ProgramItem& it = s.program.items[i];
        const Dosage& d = it.dosage;
        if (auto r = c.exec("INSERT INTO program_item(session_id, position, exercise_id, sets, "
                            "reps, hold_seconds, times_per_day, per_side, note) "
                            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                            {id, static_cast<std::int64_t>(i), it.exerciseId, d.sets, d.reps,
                             d.holdSeconds, d.timesPerDay, d.perSide, it.note});
            !r) {
            return r.error();
        }
    }
    for (std::size_t i = 0; i < s.screening.psfs.size(); ++i) {
        const PsfsActivity& a = s.screening.psfs[i];
        if (auto r = c.exec("INSERT INTO session_psfs(session_id, position, activity, rating) "
                            "VALUES ($1, $2, $3, $4)",
                            {id, static_cast<std::int64_t>(i), a.activity, a.rating});
            !r) {
            return r.error();
        }
    }
    for (std::size_t i = 0; i < s.screening.adherence.size(); ++i) {
        const Adherence& a = s.screening.adherence[i];
        if (auto r = c.exec("INSERT INTO session_adherence(session_id, position, exercise_id, "
                            "days_done) VALUES ($1, $2, $3, $4)",
                            {id, static_cast<std::int64_t>(i), a.exerciseId, a.daysDone});
            !r) {
            return r.error();
        }
    }
    return {};
}

Result<std::int64_t> PgSessionRepository::add(const Session& s) {
    if (auto st = checkSession(s); !st) {
        return st.error();
    }
    auto screening = sessionScreeningText(s.screening);
    if (!screening) {
        return screening.error();
    }
    PgConnection& c = db_.connection();
    return PgTransaction::run(c, [&]() -> Result<std::int64_t> {
        if (auto r = requireOpenPatient(c, s.patientId, "a new session"); !r) {
            return r.error();
        }
        const std::string at = now();
        std::vector<PgParam> params{s.patientId, s.clinicianId,
                                    s.startedAt.empty() ? at : s.startedAt, *screening,
                                    std::string(toId(s.triage))};
        addScores(params, s.scores);
        for (PgParam p :
             {PgParam(s.handoutOptions.language), PgParam(s.handoutOptions.largePrint),
              PgParam(s.handoutOptions.overrideReason), PgParam(at),
              PgParam(s.handoutOptions.overrideKind), PgParam(s.handoutOptions.overrideBy),
              PgParam(optionalText(s.handoutOptions.overrideAt))}) {
            params.push_back(std::move(p));
        }
        auto r = c.exec(std::string("INSERT INTO session(patient_id, clinician_id, started_at, "
                                    "screening_json, triage, ") +
                            kScoreColumns +
                            ", handout_language, handout_large_print, handout_override_reason, "
                            "created_at, handout_override_kind, handout_override_by, "
                            "handout_override_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                            "$10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id",
                        params);
        if (!r) {
            return r.error();
        }
        const std::int64_t id = r->int64(0, 0);
        if (auto w = writeChildren(id, s); !w) {
            return w.error();
        }
        for (const HandoutRecord& h : s.handouts) {
            if (auto w = insertHandout(id, h); !w) {
                return w.error();
            }
        }
        if (auto w = PgAuditLog::record(db_, "session.add", "session", id,
                                        "patient " + std::to_string(s.patientId) + ", triage " +
                                            std::string(toId(s.triage)));
            !w) {
            return w.error();
        }
        return id;
    });
}

Result<Session> PgSessionRepository::get(std::int64_t id) {
    PgConnection& c = db_.connection();
    if (c.inTransaction()) {
        return pgReadSession(c, id);
    }
    // The session and its children as of one moment.
    return PgTransaction::run(
        c, [&] { return pgReadSession(c, id); }, PgTransaction::Isolation::RepeatableRead);
}

Status PgSessionRepository::requireUnsigned(std::int64_t id) {
    // The row lock makes a concurrent edit, sign or delete of this session wait for ours.
    auto r = db_.connection().exec("SELECT signed_at FROM session WHERE id = $1 FOR UPDATE", {id});
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return missingRow("session", id);
    }
    if (!r->isNull(0, 0)) {
        return Error::refused("session " + std::to_string(id) + " was signed at " + r->text(0, 0) +
                              " and cannot be changed; add an addendum instead");
    }
    return {};
}

Status PgSessionRepository::update(const Session& s) {
    if (auto st = checkSession(s); !st) {
        return st;
    }
    auto screening = sessionScreeningText(s.screening);
    if (!screening) {
        return screening.error();
    }
    PgConnection& c = db_.connection();
    return PgTransaction::run(c, [&]() -> Status {
        if (auto r = requireUnsigned(s.id); !r) {
            return r;
        }
        if (auto r = requireOpenSessionPatient(c, s.id, "editing a session"); !r) {
            return r;
        }
        std::vector<PgParam> params{s.id, s.clinicianId, s.startedAt, *screening,
                                    std::string(toId(s.triage))};
        addScores(params, s.scores);
        for (PgParam p :
             {PgParam(s.handoutOptions.language), PgParam(s.handoutOptions.largePrint),
              PgParam(s.handoutOptions.overrideReason), PgParam(s.handoutOptions.overrideKind),
              PgParam(s.handoutOptions.overrideBy),
              PgParam(optionalText(s.handoutOptions.overrideAt))}) {
            params.push_back(std::move(p));
        }
        if (auto r = c.exec("UPDATE session SET clinician_id = $2, started_at = $3, "
                            "screening_json = $4, triage = $5, pain_now = $6, pain_best = $7, "
                            "pain_worst = $8, odi_percent = $9, ndi_percent = $10, "
                            "start_back_total = $11, start_back_psychosocial = $12, "
                            "start_back_risk = $13, handout_language = $14, "
                            "handout_large_print = $15, handout_override_reason = $16, "
                            "handout_override_kind = $17, handout_override_by = $18, "
                            "handout_override_at = $19 WHERE id = $1",
                            params);
            !r) {
            return r.error();
        }
        for (const char* sql : {"DELETE FROM session_finding WHERE session_id = $1",
                                "DELETE FROM program_item WHERE session_id = $1",
                                "DELETE FROM session_psfs WHERE session_id = $1",
                                "DELETE FROM session_adherence WHERE session_id = $1"}) {
            if (auto r = c.exec(sql, {s.id}); !r) {
                return r.error();
            }
        }
        if (auto r = writeChildren(s.id, s); !r) {
            return r;
        }
        return PgAuditLog::record(db_, "session.edit", "session", s.id);
    });
}

Status PgSessionRepository::remove(std::int64_t id) {
    PgConnection& c = db_.connection();
    return PgTransaction::run(c, [&]() -> Status {
        if (auto r = requireUnsigned(id); !r) {
            return r;
        }
        if (auto r = requireOpenSessionPatient(c, id, "deleting a session"); !r) {
            return r;
        }
        if (auto r = c.exec("DELETE FROM session WHERE id = $1", {id}); !r) {
            return r.error();
        }
        return PgAuditLog::record(db_, "session.delete", "session", id);
    });
}

Status PgSessionRepository::signInTransaction(std::int64_t id, std::int64_t clinicianId) {
    PgConnection& c = db_.connection();
    for (const Status& r : {requireUnsigned(id), requireActiveClinician(c, clinicianId, "sign"),
                            requireOpenSessionPatient(c, id, "signing a session")}) {
        if (!r) {
            return r;
        }
    }
    // The seal covers the session exactly as it is read back after signing.
    auto session = pgReadSession(c, id);
    if (!session) {
        return session.error();
    }
    session->isSigned = true;
    session->signedAt = now();
    session->signedBy = clinicianId;
    const std::size_t handouts = session->handouts.size();
    auto seal = sessionSeal(*session, handouts);
    if (!seal) {
        return seal.error();
    }
    if (auto r = c.exec(
            "UPDATE session SET signed_at = $2, signed_by = $3, seal = $4, "
            "seal_handouts = $5 WHERE id = $1 AND signed_at IS NULL",
            {id, session->signedAt, clinicianId, *seal, static_cast<std::int64_t>(handouts)});
        !r) {
        return r.error();
    }
    return PgAuditLog::record(db_, "session.sign", "session", id,
                              "clinician " + std::to_string(clinicianId) + ", seal " + *seal);
}

Status PgSessionRepository::sign(std::int64_t id, std::int64_t clinicianId) {
    return PgTransaction::run(db_.connection(), [&] { return signInTransaction(id, clinicianId); });
}

Result<std::int64_t> PgSessionRepository::addAddendum(std::int64_t sessionId, const Addendum& a) {
    if (auto r = checkRequiredText(a.text, "addendum text", kMaxNoteBytes); !r) {
        return r.error();
    }
    PgConnection& c = db_.connection();
    return PgTransaction::run(c, [&]() -> Result<std::int64_t> {
        auto r = requireUnsigned(sessionId);
        if (r) {
            return Error::refused("session " + std::to_string(sessionId) +
                                  " is not signed: edit it instead of adding an addendum");
        }
        if (r.error().kind != Error::Kind::Refused) {
            return r.error();
        }
        if (!a.clinicianId) {
            return Error::invalid("an addendum to session " + std::to_string(sessionId) +
                                  " must name the clinician who writes it (an active "
                                  "clinician's id)");
        }
        for (const Status& st : {requireActiveClinician(c, *a.clinicianId, "write an addendum"),
                                 requireOpenSessionPatient(c, sessionId, "an addendum")}) {
            if (!st) {
                return st.error();
            }
        }
        auto id =
            c.exec("INSERT INTO addendum(session_id, clinician_id, created_at, text) "
                   "VALUES ($1, $2, $3, $4) RETURNING id",
                   {sessionId, a.clinicianId, a.createdAt.empty() ? now() : a.createdAt, a.text});
        if (!id) {
            return id.error();
        }
        const std::int64_t addendumId = id->int64(0, 0);
        if (auto s = PgAuditLog::record(db_, "session.addendum", "session", sessionId,
                                        "addendum " + std::to_string(addendumId));
            !s) {
            return s.error();
        }
        return addendumId;
    });
}

Result<std::int64_t> PgSessionRepository::insertHandout(std::int64_t sessionId,
                                                        const HandoutRecord& h) {
    auto id = db_.connection().exec(
        "INSERT INTO handout(session_id, sha256, byte_size, language, large_print, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        {sessionId, h.sha256, h.byteSize, h.language, h.largePrint,
         h.createdAt.empty() ? now() : h.createdAt});
    if (!id) {
        return id.error();
    }
    if (auto s = PgAuditLog::record(db_, "session.handout", "session", sessionId, h.sha256); !s) {
        return s.error();
    }
    return id->int64(0, 0);
}

Result<std::int64_t> PgSessionRepository::addHandout(std::int64_t sessionId,
                                                     const HandoutRecord& h) {
    if (auto r = checkSessionHandout(h); !r) {
        return r.error();
    }
    return PgTransaction::run(db_.connection(), [&] { return insertHandout(sessionId, h); });
}

Result<HandoutRecord> PgSessionRepository::handoutOnce(std::int64_t sessionId,
                                                       const HandoutRecord& h) {
    auto existing = db_.connection().exec(
        "SELECT id, sha256, byte_size, created_at, language, large_print FROM handout "
        "WHERE session_id = $1 AND sha256 = $2 ORDER BY id LIMIT 1",
        {sessionId, h.sha256});
    if (!existing) {
        return existing.error();
    }
    if (existing->rows() > 0) {
        return readHandout(*existing, 0);
    }
    HandoutRecord added = h;
    if (added.createdAt.empty()) {
        added.createdAt = now();
    }
    auto id = insertHandout(sessionId, added);
    if (!id) {
        return id.error();
    }
    added.id = *id;
    return added;
}

Status PgSessionRepository::signWithSnapshot(std::int64_t id, std::int64_t clinicianId,
                                             const std::string& snapshot,
                                             const std::optional<HandoutRecord>& handout,
                                             const Session& asRead,
                                             const std::optional<SignedHandoutPdf>& pdf) {
    if (auto r = checkRequiredText(snapshot, "signed snapshot", 64 * 1024 * 1024); !r) {
        return r;
    }
    if (pdf) {
        if (auto r = checkSignedPdf(*pdf); !r) {
            return r;
        }
    }
    if (handout) {
        if (auto r = checkSessionHandout(*handout); !r) {
            return r;
        }
    }
    PgConnection& c = db_.connection();
    return PgTransaction::run(c, [&]() -> Status {
        if (auto r = requireUnsigned(id); !r) {
            return r;
        }
        auto stored = pgReadSession(c, id);
        if (!stored) {
            return stored.error();
        }
        if (toJson(*stored) != toJson(asRead)) {
            return Error::refused("session " + std::to_string(id) +
                                  " was changed while it was being signed; open it again, "
                                  "check it and sign");
        }
        if (auto r = c.exec("UPDATE session SET signed_snapshot = $2 "
                            "WHERE id = $1 AND signed_at IS NULL",
                            {id, snapshot});
            !r) {
            return r.error();
        }
        if (handout) {
            if (auto r = handoutOnce(id, *handout); !r) {
                return r.error();
            }
        }
        if (pdf) {
            if (auto r = c.exec("INSERT INTO signed_handout(session_id, sha256, pages, pdf) "
                                "VALUES ($1, $2, $3, $4)",
                                {id, pdf->sha256, pdf->pages, PgParam::bytes(pdf->pdf)});
                !r) {
                return r.error();
            }
        }
        return signInTransaction(id, clinicianId);
    });
}

Result<std::optional<SignedHandoutPdf>>
PgSessionRepository::signedHandoutPdf(std::int64_t sessionId) {
    auto r = db_.connection().exec(
        "SELECT sha256, pages, pdf FROM signed_handout WHERE session_id = $1", {sessionId});
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return std::optional<SignedHandoutPdf>();
    }
    return std::optional<SignedHandoutPdf>(
        SignedHandoutPdf{r->text(0, 0), static_cast<int>(r->int64(0, 1)), r->bytes(0, 2)});
}

Result<HandoutRecord>
PgSessionRepository::recordHandout(std::int64_t sessionId, const HandoutRecord& h,
                                   const std::optional<HandoutOverride>& override,
                                   std::string_view destination) {
    if (auto r = checkSessionHandout(h); !r) {
        return r.error();
    }
    if (override) {
        if (auto r = checkRequiredText(override->reason, "override reason", kMaxNoteBytes); !r) {
            return r.error();
        }
    }
    PgConnection& c = db_.connection();
    return PgTransaction::run(c, [&]() -> Result<HandoutRecord> {
        auto exists = c.exec("SELECT 1 FROM session WHERE id = $1 FOR SHARE", {sessionId});
        if (!exists) {
            return exists.error();
        }
        if (exists->rows() == 0) {
            return missingRow("session", sessionId);
        }
        if (override) {
            const std::string actor = db_.actor().empty() ? "unknown" : db_.actor();
            auto id = c.exec("INSERT INTO session_override(session_id, clinician_id, actor, "
                             "created_at, reason, kind) VALUES ($1, $2, $3, $4, $5, $6) "
                             "RETURNING id",
                             {sessionId, override->clinicianId, actor,
                              override->createdAt.empty() ? now() : override->createdAt,
                              override->reason, override->kind});
            if (!id) {
                return id.error();
            }
            if (auto s = PgAuditLog::record(db_, "session.override", "session", sessionId,
                                            "override " + id->text(0, 0));
                !s) {
                return s.error();
            }
        }
        auto record = handoutOnce(sessionId, h);
        if (!record) {
            return record;
        }
        if (auto s = PgAuditLog::record(db_, "handout.export", "session", sessionId,
                                        std::string(destination) + ", sha256 " + h.sha256);
            !s) {
            return s.error();
        }
        return record;
    });
}

Result<std::vector<SessionSummary>> PgSessionRepository::history(std::int64_t patientId,
                                                                 HistoryOptions options) {
    PgConnection& c = db_.connection();
    return PgTransaction::run(
        c,
        [&]() -> Result<std::vector<SessionSummary>> {
            auto rows = c.exec(std::string("SELECT id, clinician_id, started_at, triage, ") +
                                   kScoreColumns + ", signed_at IS NOT NULL, " + kPsfsMean +
                                   " FROM session WHERE patient_id = $1 "
                                   "ORDER BY started_at COLLATE \"C\" DESC, id DESC LIMIT $2",
                               {patientId, options.limit});
            if (!rows) {
                return rows.error();
            }
            std::vector<SessionSummary> out;
            std::unordered_map<std::int64_t, std::size_t> index;
            for (int i = 0; i < rows->rows(); ++i) {
                SessionSummary s;
                s.id = rows->int64(i, 0);
                s.clinicianId = rows->optInt64(i, 1);
                s.startedAt = rows->text(i, 2);
                s.triage = readLevel(*rows, i, 3);
                s.scores = readScores(*rows, i, 4);
                s.isSigned = rows->boolean(i, 12);
                s.scores.psfsMean = rows->optReal(i, 13);
                index.emplace(s.id, out.size());
                out.push_back(std::move(s));
            }
            if (out.empty()) {
                return out;
            }
            auto items = c.exec("SELECT i.session_id, i.exercise_id, i.sets, i.reps, "
                                "i.hold_seconds, i.times_per_day, i.per_side, i.note "
                                "FROM session s JOIN program_item i ON i.session_id = s.id "
                                "WHERE s.patient_id = $1 ORDER BY i.session_id, i.position",
                                {patientId});
            if (!items) {
                return items.error();
            }
            for (int i = 0; i < items->rows(); ++i) {
                if (auto it = index.find(items->int64(i, 0)); it != index.end()) {
                    out[it->second].program.items.push_back(readProgramItem(*items, i, 1));
                }
            }
            return out;
        },
        PgTransaction::Isolation::RepeatableRead);
}

Result<std::vector<TrendPoint>> PgSessionRepository::trend(std::int64_t patientId) {
    auto r = db_.connection().exec(std::string("SELECT id, started_at, ") + kScoreColumns + ", " +
                                       kPsfsMean +
                                       " FROM session WHERE patient_id = $1 "
                                       "ORDER BY started_at COLLATE \"C\", id",
                                   {patientId});
    if (!r) {
        return r.error();
    }
    std::vector<TrendPoint> out;
    for (int i = 0; i < r->rows(); ++i) {
        TrendPoint point{r->int64(i, 0), r->text(i, 1), readScores(*r, i, 2)};
        point.scores.psfsMean = r->optReal(i, 10);
        out.push_back(std::move(point));
    }
    return out;
}

Status pgSealSessionsSignedBeforeSeals(PgConnection& c) {
    auto ids = c.exec("SELECT session_id FROM session_seal_pending ORDER BY session_id");
    if (!ids) {
        return ids.error();
    }
    if (ids->rows() == 0) {
        return {};
    }
    // Only the schema owner (which migrates) may lift the signed-session rule, and only here.
    if (auto r = c.execScript("ALTER TABLE session DISABLE TRIGGER session_signed_no_update"); !r) {
        return r;
    }
    for (int i = 0; i < ids->rows(); ++i) {
        const std::int64_t id = ids->int64(i, 0);
        auto s = pgReadSession(c, id);
        auto seal = s ? sessionSeal(*s, s->handouts.size()) : Result<std::string>(s.error());
        if (!seal) {
            continue; // stays pending, as on SQLite
        }
        if (auto r = c.exec("UPDATE session SET seal = $2, seal_handouts = $3 WHERE id = $1",
                            {id, *seal, static_cast<std::int64_t>(s->handouts.size())});
            !r) {
            return r.error();
        }
        if (auto r = c.exec("DELETE FROM session_seal_pending WHERE session_id = $1", {id}); !r) {
            return r.error();
        }
        auto logged = pgAppendAudit(
            c, AuditEntry{0, now(), c.user(), "session.seal", "session", std::to_string(id),
                          "signed before seals existed: sealed as stored at the upgrade, seal " +
                              *seal});
        if (!logged) {
            return logged.error();
        }
    }
    return c.execScript("ALTER TABLE session ENABLE TRIGGER session_signed_no_update");
}

} // namespace hepdesk::db
