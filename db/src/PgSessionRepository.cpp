#include "PgInternal.h"
#include "RecordChecks.h"
#include "SessionRecord.h"
#include "StoredRow.h"
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

std::string now() {
    return timeOr("");
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
        return inactiveClinician(id, r->text(0, 0), what);
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
        return archivedPatient(patientId, what);
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
    auto r = c.exec("SELECT " + sessionColumns() + " FROM session WHERE id = $1", {id});
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return missingRow("session", id);
    }
    std::string screeningJson;
    Session s = sessionFromRow(PgRow{*r, 0}, id, screeningJson);
    if (auto read = readStoredScreening(s, screeningJson); !read) {
        return read.error();
    }

    auto findings = c.exec("SELECT item_id, rule_id, level, reason FROM session_finding "
                           "WHERE session_id = $1 ORDER BY position",
                           {id});
    if (!findings) {
        return findings.error();
    }
    for (int i = 0; i < findings->rows(); ++i) {
        s.findings.push_back(Finding{findings->text(i, 0), findings->text(i, 1),
                                     storedLevel(findings->text(i, 2)), findings->text(i, 3)});
    }
    auto items = c.exec("SELECT " + std::string(kProgramItemColumns) +
                            " FROM program_item WHERE session_id = $1 ORDER BY position",
                        {id});
    if (!items) {
        return items.error();
    }
    for (int i = 0; i < items->rows(); ++i) {
        s.program.items.push_back(programItemFromRow(PgRow{*items, i}, 0));
    }
    auto handouts = c.exec("SELECT " + std::string(kHandoutColumns) +
                               " FROM handout WHERE session_id = $1 ORDER BY id",
                           {id});
    if (!handouts) {
        return handouts.error();
    }
    for (int i = 0; i < handouts->rows(); ++i) {
        s.handouts.push_back(handoutFromRow(PgRow{*handouts, i}));
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
    completeRead(s);
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
    const std::string insertItem = "INSERT INTO program_item(session_id, position, " +
                                   std::string(kProgramItemColumns) +
                                   ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
    for (std::size_t i = 0; i < s.program.items.size(); ++i) {
        if (auto r = withProgramItemValues(
                s.program.items[i],
                [&](const auto&... v) {
                    return c.exec(insertItem, {id, static_cast<std::int64_t>(i), PgParam(v)...});
                });
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
        std::vector<PgParam> params{s.patientId, s.clinicianId, timeOr(s.startedAt), *screening,
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
                            std::string(kScoreColumns) +
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
                                        auditSessionAdded(s) + visitTimeNote(s.startedAt, at));
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
        return signedSession(id, r->text(0, 0));
    }
    return {};
}

Status PgSessionRepository::requireVersion(std::int64_t id, std::int64_t version) {
    // Read under the row lock requireUnsigned took: no other save can slip in between.
    auto r = db_.connection().exec("SELECT row_version FROM session WHERE id = $1", {id});
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return missingRow("session", id);
    }
    if (r->int64(0, 0) == version) {
        return {};
    }
    return changedElsewhere(id, lastChange(id));
}

Result<SessionRepository::LastChange> PgSessionRepository::lastChange(std::int64_t id) {
    // The audit log names the login; the clinician with that login has a name.
    auto r = db_.connection().exec(
        "SELECT COALESCE((SELECT c.name FROM clinician c WHERE c.login = a.actor), a.actor), "
        "a.at FROM audit_log a WHERE a.entity = 'session' AND a.entity_id = $1 "
        "ORDER BY a.id DESC LIMIT 1",
        {std::to_string(id)});
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return Error::notFound("session " + std::to_string(id) + " has no recorded change");
    }
    return LastChange{r->text(0, 0), r->text(0, 1)};
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
        if (auto r = requireVersion(s.id, s.rowVersion); !r) {
            return r;
        }
        auto before = c.exec("SELECT started_at FROM session WHERE id = $1", {s.id});
        if (!before) {
            return before.error();
        }
        const std::string startedBefore = before->rows() > 0 ? before->text(0, 0) : "";
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
        if (auto r = c.exec("UPDATE session SET row_version = row_version + 1, "
                            "clinician_id = $2, started_at = $3, "
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
        return PgAuditLog::record(db_, "session.edit", "session", s.id,
                                  visitTimeChange(startedBefore, s.startedAt));
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
    auto sig = signatureOf(*session, clinicianId);
    if (!sig) {
        return sig.error();
    }
    if (auto r = c.exec("UPDATE session SET signed_at = $2, signed_by = $3, seal = $4, "
                        "seal_handouts = $5 WHERE id = $1 AND signed_at IS NULL",
                        {id, sig->signedAt, clinicianId, sig->seal, sig->handouts});
        !r) {
        return r.error();
    }
    return PgAuditLog::record(db_, "session.sign", "session", id,
                              auditSessionSigned(clinicianId, sig->seal));
}

Status PgSessionRepository::sign(std::int64_t id, std::int64_t clinicianId) {
    return PgTransaction::run(db_.connection(), [&] { return signInTransaction(id, clinicianId); });
}

Result<std::int64_t> PgSessionRepository::addAddendum(std::int64_t sessionId, const Addendum& a) {
    if (auto r = checkAddendumText(a); !r) {
        return r.error();
    }
    PgConnection& c = db_.connection();
    return PgTransaction::run(c, [&]() -> Result<std::int64_t> {
        if (auto r = checkAddendumTarget(requireUnsigned(sessionId), sessionId, a); !r) {
            return r.error();
        }
        for (const Status& st : {requireActiveClinician(c, *a.clinicianId, "write an addendum"),
                                 requireOpenSessionPatient(c, sessionId, "an addendum")}) {
            if (!st) {
                return st.error();
            }
        }
        auto id = c.exec("INSERT INTO addendum(session_id, clinician_id, created_at, text) "
                         "VALUES ($1, $2, $3, $4) RETURNING id",
                         {sessionId, a.clinicianId, timeOr(a.createdAt), a.text});
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
        {sessionId, h.sha256, h.byteSize, h.language, h.largePrint, timeOr(h.createdAt)});
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
        "SELECT " + std::string(kHandoutColumns) +
            " FROM handout WHERE session_id = $1 AND sha256 = $2 ORDER BY id LIMIT 1",
        {sessionId, h.sha256});
    if (!existing) {
        return existing.error();
    }
    std::optional<HandoutRecord> found;
    if (existing->rows() > 0) {
        found = handoutFromRow(PgRow{*existing, 0});
    }
    return handoutOnceWith(std::move(found), h, [&](const HandoutRecord& added) {
        return insertHandout(sessionId, added);
    });
}

Status PgSessionRepository::signWithSnapshot(std::int64_t id, std::int64_t clinicianId,
                                             const std::string& snapshot,
                                             const std::optional<HandoutRecord>& handout,
                                             const Session& asRead,
                                             const std::optional<SignedHandoutPdf>& pdf) {
    if (auto r = checkSigning(snapshot, handout); !r) {
        return r;
    }
    if (pdf) {
        if (auto r = checkSignedPdf(*pdf); !r) {
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
        if (auto r = checkUnchangedSinceRead(*stored, asRead); !r) {
            return r;
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
    if (auto r = checkHandoutExport(h, override); !r) {
        return r.error();
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
            auto id = c.exec("INSERT INTO session_override(session_id, clinician_id, actor, "
                             "created_at, reason, kind) VALUES ($1, $2, $3, $4, $5, $6) "
                             "RETURNING id",
                             {sessionId, override->clinicianId, overrideActor(db_.actor()),
                              timeOr(override->createdAt), override->reason, override->kind});
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
                                        auditHandoutExported(destination, h.sha256));
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
            auto rows =
                c.exec(std::string("SELECT id, clinician_id, started_at, triage, ") +
                           std::string(kScoreColumns) + ", signed_at IS NOT NULL, " + kPsfsMean +
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
                s.triage = storedLevel(rows->text(i, 3));
                s.scores = scoresFromRow(PgRow{*rows, i}, 4);
                s.isSigned = rows->boolean(i, 12);
                s.scores.psfsMean = rows->optReal(i, 13);
                index.emplace(s.id, out.size());
                out.push_back(std::move(s));
            }
            if (out.empty()) {
                return out;
            }
            auto items = c.exec("SELECT i.session_id, " + programItemColumns("i") +
                                    " FROM session s JOIN program_item i ON i.session_id = s.id "
                                    "WHERE s.patient_id = $1 ORDER BY i.session_id, i.position",
                                {patientId});
            if (!items) {
                return items.error();
            }
            for (int i = 0; i < items->rows(); ++i) {
                if (auto it = index.find(items->int64(i, 0)); it != index.end()) {
                    out[it->second].program.items.push_back(
                        programItemFromRow(PgRow{*items, i}, 1));
                }
            }
            return out;
        },
        PgTransaction::Isolation::RepeatableRead);
}

Result<std::vector<TrendPoint>> PgSessionRepository::trend(std::int64_t patientId) {
    auto r = db_.connection().exec("SELECT id, started_at, " + std::string(kScoreColumns) + ", " +
                                       kPsfsMean +
                                       " FROM session WHERE patient_id = $1 "
                                       "ORDER BY started_at COLLATE \"C\", id",
                                   {patientId});
    if (!r) {
        return r.error();
    }
    std::vector<TrendPoint> out;
    for (int i = 0; i < r->rows(); ++i) {
        TrendPoint point{r->int64(i, 0), r->text(i, 1), scoresFromRow(PgRow{*r, i}, 2)};
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
