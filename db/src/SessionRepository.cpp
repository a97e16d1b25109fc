#include "hepdesk/db/SessionRepository.h"

#include "RecordChecks.h"
#include "SessionRead.h"
#include "SessionRecord.h"
#include "StoredRow.h"
#include "TextCheck.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/OutcomeScoring.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/TamperCheck.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

namespace hepdesk::db {
namespace {

/// The PSFS mean of the row's session (NULL when no activity is rated): avg() skips NULLs.
constexpr const char* kPsfsMean = "(SELECT avg(rating) FROM session_psfs p "
                                  "WHERE p.session_id = session.id)";

std::optional<int> optInt(const Statement& st, int col) {
    if (st.isNull(col)) {
        return std::nullopt;
    }
    return static_cast<int>(st.columnInt(col));
}

/// Binds the eight score columns starting at parameter `index`.
void bindScores(Statement& st, int index, const SessionScores& s) {
    const auto risk = s.startBackRisk ? std::optional(riskId(*s.startBackRisk)) : std::nullopt;
    st.bindFrom(index, s.painNow, s.painBest, s.painWorst, s.odiPercent, s.ndiPercent,
                s.startBackTotal, s.startBackPsychosocial, risk);
}

/// Replaces `out` with the rows of `sql` (its ?1 bound to `id`), each made by `map`.
template <class T, class F>
Status readRows(Connection& c, std::string_view sql, std::int64_t id, std::vector<T>& out,
                F&& map) {
    auto rows = Statement::on(c, sql).bindAll(id).queryAll(map);
    if (!rows) {
        return rows.error();
    }
    out = std::move(*rows);
    return {};
}

/// Refused when the clinician is inactive (archived): they no longer sign or write records.
Status requireRow(Connection& c, std::string_view table, std::int64_t id) {
    auto n = c.queryInt("SELECT count(*) FROM " + std::string(table) +
                        " WHERE id = " + std::to_string(id));
    if (!n) {
        return n.error();
    }
    if (*n == 0) {
        return missingRow(table, id);
    }
    return {};
}

Status requireActiveClinician(Connection& c, std::int64_t id, std::string_view what) {
    auto row = Statement::on(c, "SELECT name, active FROM clinician WHERE id = ?1")
                   .bindAll(id)
                   .queryOne(
                       [](const Statement& st) {
                           return std::pair(st.columnText(0), st.columnInt(1) != 0);
                       },
                       missingRow("clinician", id));
    if (!row) {
        return row.error();
    }
    if (!row->second) {
        return inactiveClinician(id, row->first, what);
    }
    return {};
}

/// Refused when the patient is archived: an archived patient's record is read-only (no new
/// sessions, edits, signatures or addenda) until restored; their history stays readable.
Status requireOpenPatient(Connection& c, std::int64_t patientId, std::string_view what) {
    auto archived = Statement::on(c, "SELECT archived FROM patient WHERE id = ?1")
                        .bindAll(patientId)
                        .queryOne([](const Statement& st) { return st.columnInt(0) != 0; },
                                  missingRow("patient", patientId));
    if (!archived) {
        return archived.error();
    }
    if (*archived) {
        return archivedPatient(patientId, what);
    }
    return {};
}

/// requireOpenPatient for the patient of session `sessionId`.
Status requireOpenSessionPatient(Connection& c, std::int64_t sessionId, std::string_view what) {
    auto patient = Statement::on(c, "SELECT patient_id FROM session WHERE id = ?1")
                       .bindAll(sessionId)
                       .queryOne([](const Statement& st) { return st.columnInt(0); },
                                 missingRow("session", sessionId));
    if (!patient) {
        return patient.error();
    }
    return requireOpenPatient(c, *patient, what);
}

} // namespace

Status SqliteSessionRepository::validate(const Session& s) {
    return checkSession(s);
}

Status SqliteSessionRepository::writeChildren(std::int64_t id, const Session& s) {
    Connection& c = db_.connection();
    auto f = Statement::on(c, "INSERT INTO session_finding(session_id, position, item_id, "
                              "rule_id, level, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (std::size_t i = 0; i < s.findings.size(); ++i) {
        const Finding& fd = s.findings[i];
        f.reset();
        if (auto st = f.bindAll(id, static_cast<std::int64_t>(i), fd.itemId, fd.ruleId,
                                toId(fd.level), fd.reason)
                          .execute();
            !st) {
            return st;
        }
    }
    auto p = Statement::on(c, "INSERT INTO program_item(session_id, position, " +
                                  std::string(kProgramItemColumns) +
                                  ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    for (std::size_t i = 0; i < s.program.items.size(); ++i) {
        p.reset();
        if (auto st = withProgramItemValues(
                s.program.items[i],
                [&](const auto&... v) {
                    return p.bindAll(id, static_cast<std::int64_t>(i), v...).execute();
                });
            !st) {
            return st;
        }
    }
    auto ps = Statement::on(c, "INSERT INTO session_psfs(session_id, position, activity, rating) "
                               "VALUES (?1, ?2, ?3, ?4)");
    for (std::size_t i = 0; i < s.screening.psfs.size(); ++i) {
        const PsfsActivity& a = s.screening.psfs[i];
        ps.reset();
        if (auto st = ps.bindAll(id, static_cast<std::int64_t>(i), a.activity, a.rating).execute();
            !st) {
            return st;
        }
    }
    auto ad = Statement::on(c, "INSERT INTO session_adherence(session_id, position, exercise_id, "
                               "days_done) VALUES (?1, ?2, ?3, ?4)");
    for (std::size_t i = 0; i < s.screening.adherence.size(); ++i) {
        const Adherence& a = s.screening.adherence[i];
        ad.reset();
        if (auto st =
                ad.bindAll(id, static_cast<std::int64_t>(i), a.exerciseId, a.daysDone).execute();
            !st) {
            return st;
        }
    }
    return {};
}

Result<std::int64_t> SqliteSessionRepository::add(const Session& s) {
    if (auto st = validate(s); !st) {
        return st.error();
    }
    auto screening = sessionScreeningText(s.screening);
    if (!screening) {
        return screening.error();
    }
    Connection& c = db_.connection();
    return Transaction::run(c, [&]() -> Result<std::int64_t> {
        if (auto r = requireOpenPatient(c, s.patientId, "a new session"); !r) {
            return r.error();
        }
        const std::string now = timeOr("");
        auto st = Statement::on(
            c, std::string("INSERT INTO session(patient_id, clinician_id, started_at, "
                           "screening_json, triage, ") +
                   std::string(kScoreColumns) +
                   ", handout_language, handout_large_print, handout_override_reason, "
                   "created_at, handout_override_kind, handout_override_by, handout_override_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                   "?16, ?17, ?18, ?19, ?20)");
        st.bindAll(s.patientId, s.clinicianId, timeOr(s.startedAt), *screening, toId(s.triage));
        bindScores(st, 6, s.scores);
        auto id =
            st.bindFrom(14, s.handoutOptions.language, s.handoutOptions.largePrint,
                        s.handoutOptions.overrideReason, now, s.handoutOptions.overrideKind,
                        s.handoutOptions.overrideBy, optionalText(s.handoutOptions.overrideAt))
                .insert();
        if (!id) {
            return id;
        }
        if (auto r = writeChildren(*id, s); !r) {
            return r.error();
        }
        for (const HandoutRecord& h : s.handouts) {
            if (auto r = addHandout(*id, h); !r) {
                return r.error();
            }
        }
        if (auto r = SqliteAuditLog::record(db_, "session.add", "session", *id,
                                            auditSessionAdded(s) + visitTimeNote(s.startedAt, now));
            !r) {
            return r.error();
        }
        return id;
    });
}

Status SqliteSessionRepository::requireUnsigned(std::int64_t id) {
    auto signedAt = Statement::on(db_.connection(), "SELECT signed_at FROM session WHERE id = ?1")
                        .bindAll(id)
                        .queryOne([](const Statement& st) { return st.columnOptText(0); },
                                  missingRow("session", id));
    if (!signedAt) {
        return signedAt.error();
    }
    if (*signedAt) {
        return signedSession(id, **signedAt);
    }
    return {};
}

Status SqliteSessionRepository::requireVersion(std::int64_t id, std::int64_t version) {
    auto stored = Statement::on(db_.connection(), "SELECT row_version FROM session WHERE id = ?1")
                      .bindAll(id)
                      .queryOne([](const Statement& st) { return st.columnInt(0); },
                                missingRow("session", id));
    if (!stored) {
        return stored.error();
    }
    if (*stored == version) {
        return {};
    }
    return changedElsewhere(id, lastChange(id));
}

Result<SessionRepository::LastChange> SqliteSessionRepository::lastChange(std::int64_t id) {
    return Statement::on(db_.connection(),
                         "SELECT actor, at FROM audit_log WHERE entity = 'session' "
                         "AND entity_id = ?1 ORDER BY id DESC LIMIT 1")
        .bindAll(std::to_string(id))
        .queryOne(
            [](const Statement& st) {
                return LastChange{st.columnText(0), st.columnText(1)};
            },
            Error::notFound("session " + std::to_string(id) + " has no recorded change"));
}

Status SqliteSessionRepository::update(const Session& s) {
    if (auto st = validate(s); !st) {
        return st;
    }
    auto screening = sessionScreeningText(s.screening);
    if (!screening) {
        return screening.error();
    }
    Connection& c = db_.connection();
    return Transaction::run(c, [&] {
        if (auto r = requireUnsigned(s.id); !r) {
            return r;
        }
        if (auto r = requireOpenSessionPatient(c, s.id, "editing a session"); !r) {
            return r;
        }
        if (auto r = requireVersion(s.id, s.rowVersion); !r) {
            return r;
        }
        auto before = Statement::on(c, "SELECT started_at FROM session WHERE id = ?1")
                          .bindAll(s.id)
                          .queryOne([](const Statement& q) { return q.columnText(0); },
                                    missingRow("session", s.id));
        if (!before) {
            return Status(before.error());
        }
        auto st = Statement::on(
            c, "UPDATE session SET row_version = row_version + 1, clinician_id = ?2, started_at = "
               "?3, screening_json = ?4, "
               "triage = ?5, pain_now = ?6, pain_best = ?7, pain_worst = ?8, odi_percent = ?9, "
               "ndi_percent = ?10, start_back_total = ?11, start_back_psychosocial = ?12, "
               "start_back_risk = ?13, handout_language = ?14, handout_large_print = ?15, "
               "handout_override_reason = ?16, handout_override_kind = ?17, "
               "handout_override_by = ?18, handout_override_at = ?19 WHERE id = ?1");
        st.bindAll(s.id, s.clinicianId, s.startedAt, *screening, toId(s.triage));
        bindScores(st, 6, s.scores);
        if (auto r =
                st.bindFrom(14, s.handoutOptions.language, s.handoutOptions.largePrint,
                            s.handoutOptions.overrideReason, s.handoutOptions.overrideKind,
                            s.handoutOptions.overrideBy, optionalText(s.handoutOptions.overrideAt))
                    .execute();
            !r) {
            return r;
        }
        const std::string del = std::to_string(s.id);
        if (auto r = c.exec("DELETE FROM session_finding WHERE session_id = " + del +
                            "; DELETE FROM program_item WHERE session_id = " + del +
                            "; DELETE FROM session_psfs WHERE session_id = " + del +
                            "; DELETE FROM session_adherence WHERE session_id = " + del);
            !r) {
            return r;
        }
        if (auto r = writeChildren(s.id, s); !r) {
            return r;
        }
        return SqliteAuditLog::record(db_, "session.edit", "session", s.id,
                                      visitTimeChange(*before, s.startedAt));
    });
}

Status SqliteSessionRepository::remove(std::int64_t id) {
    Connection& c = db_.connection();
    return Transaction::run(c, [&] {
        if (auto r = requireUnsigned(id); !r) {
            return r;
        }
        if (auto r = requireOpenSessionPatient(c, id, "deleting a session"); !r) {
            return r;
        }
        if (auto r = c.exec("DELETE FROM session WHERE id = " + std::to_string(id)); !r) {
            return r;
        }
        return SqliteAuditLog::record(db_, "session.delete", "session", id);
    });
}

Status SqliteSessionRepository::sign(std::int64_t id, std::int64_t clinicianId) {
    Connection& c = db_.connection();
    return Transaction::run(c, [&] {
        for (const Status& r : {requireUnsigned(id), requireActiveClinician(c, clinicianId, "sign"),
                                requireOpenSessionPatient(c, id, "signing a session")}) {
            if (!r) {
                return r;
            }
        }
        // The seal covers the session exactly as it is read back after signing, so it is
        // computed from the stored rows with the signature they are about to get.
        auto session = readSession(c, id);
        if (!session) {
            return Status(session.error());
        }
        auto sig = signatureOf(*session, clinicianId);
        if (!sig) {
            return Status(sig.error());
        }
        if (auto r = Statement::on(c, "UPDATE session SET signed_at = ?2, signed_by = ?3, "
                                      "seal = ?4, seal_handouts = ?5 "
                                      "WHERE id = ?1 AND signed_at IS NULL")
                         .bindAll(id, sig->signedAt, clinicianId, sig->seal, sig->handouts)
                         .execute();
            !r) {
            return r;
        }
        return SqliteAuditLog::record(db_, "session.sign", "session", id,
                                      auditSessionSigned(clinicianId, sig->seal));
    });
}

Result<std::int64_t> SqliteSessionRepository::addAddendum(std::int64_t sessionId,
                                                          const Addendum& a) {
    if (auto r = checkAddendumText(a); !r) {
        return r.error();
    }
    Connection& c = db_.connection();
    return Transaction::run(c, [&]() -> Result<std::int64_t> {
        if (auto r = checkAddendumTarget(requireUnsigned(sessionId), sessionId, a); !r) {
            return r.error();
        }
        for (const Status& st : {requireActiveClinician(c, *a.clinicianId, "write an addendum"),
                                 requireOpenSessionPatient(c, sessionId, "an addendum")}) {
            if (!st) {
                return st.error();
            }
        }
        auto id = Statement::on(c, "INSERT INTO addendum(session_id, clinician_id, created_at, "
                                   "text) VALUES (?1, ?2, ?3, ?4)")
                      .bindAll(sessionId, a.clinicianId, timeOr(a.createdAt), a.text)
                      .insert();
        if (!id) {
            return id;
        }
        if (auto s = SqliteAuditLog::record(db_, "session.addendum", "session", sessionId,
                                            "addendum " + std::to_string(*id));
            !s) {
            return s.error();
        }
        return id;
    });
}

Result<std::int64_t> SqliteSessionRepository::addHandout(std::int64_t sessionId,
                                                         const HandoutRecord& h) {
    if (auto r = checkSessionHandout(h); !r) {
        return r.error();
    }
    Connection& c = db_.connection();
    return Transaction::run(c, [&]() -> Result<std::int64_t> {
        auto id = Statement::on(c, "INSERT INTO handout(session_id, sha256, byte_size, "
                                   "language, large_print, created_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                      .bindAll(sessionId, h.sha256, h.byteSize, h.language, h.largePrint,
                               timeOr(h.createdAt))
                      .insert();
        if (!id) {
            return id;
        }
        if (auto s = SqliteAuditLog::record(db_, "session.handout", "session", sessionId, h.sha256);
            !s) {
            return s.error();
        }
        return id;
    });
}

Result<HandoutRecord> SqliteSessionRepository::handoutOnce(std::int64_t sessionId,
                                                           const HandoutRecord& h) {
    auto existing =
        Statement::on(db_.connection(),
                      "SELECT " + std::string(kHandoutColumns) +
                          " FROM handout WHERE session_id = ?1 AND sha256 = ?2 ORDER BY id LIMIT 1")
            .bindAll(sessionId, h.sha256)
            .queryOptional([](const Statement& q) { return handoutFromRow(SqliteRow{q}); });
    if (!existing) {
        return existing.error();
    }
    return handoutOnceWith(std::move(*existing), h, [&](const HandoutRecord& added) {
        return addHandout(sessionId, added);
    });
}

Status SqliteSessionRepository::signWithSnapshot(std::int64_t id, std::int64_t clinicianId,
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
    Connection& c = db_.connection();
    return Transaction::run(c, [&]() -> Status {
        if (auto r = requireUnsigned(id); !r) {
            return r;
        }
        auto now = get(id);
        if (!now) {
            return now.error();
        }
        if (auto r = checkUnchangedSinceRead(*now, asRead); !r) {
            return r;
        }
        // Written while the session is still a draft; once sign() sets signed_at the
        // signed-session trigger keeps it as it is.
        if (auto r = Statement::on(c, "UPDATE session SET signed_snapshot = ?2 "
                                      "WHERE id = ?1 AND signed_at IS NULL")
                         .bindAll(id, snapshot)
                         .execute();
            !r) {
            return r;
        }
        if (handout) {
            if (auto r = handoutOnce(id, *handout); !r) {
                return r.error();
            }
        }
        if (pdf) {
            if (auto r = Statement::on(c, "INSERT INTO signed_handout(session_id, sha256, pages, "
                                          "pdf) VALUES (?1, ?2, ?3, ?4)")
                             .bindAll(id, pdf->sha256, pdf->pages, Blob{pdf->pdf})
                             .execute();
                !r) {
                return r;
            }
        }
        return sign(id, clinicianId);
    });
}

Result<std::optional<SignedHandoutPdf>>
SqliteSessionRepository::signedHandoutPdf(std::int64_t sessionId) {
    return Statement::on(db_.connection(),
                         "SELECT sha256, pages, pdf FROM signed_handout WHERE session_id = ?1")
        .bindAll(sessionId)
        .queryOptional([](const Statement& st) {
            return SignedHandoutPdf{st.columnText(0), static_cast<int>(st.columnInt(1)),
                                    st.columnText(2)};
        });
}

Result<HandoutRecord>
SqliteSessionRepository::recordHandout(std::int64_t sessionId, const HandoutRecord& h,
                                       const std::optional<HandoutOverride>& override,
                                       std::string_view destination) {
    if (auto r = checkHandoutExport(h, override); !r) {
        return r.error();
    }
    Connection& c = db_.connection();
    return Transaction::run(c, [&]() -> Result<HandoutRecord> {
        if (auto r = requireRow(c, "session", sessionId); !r) {
            return r.error();
        }
        if (override) {
            auto id = Statement::on(c, "INSERT INTO session_override(session_id, clinician_id, "
                                       "actor, created_at, reason, kind) VALUES (?1, ?2, ?3, ?4, "
                                       "?5, ?6)")
                          .bindAll(sessionId, override->clinicianId, overrideActor(db_.actor()),
                                   timeOr(override->createdAt), override->reason, override->kind)
                          .insert();
            if (!id) {
                return id.error();
            }
            if (auto s = SqliteAuditLog::record(db_, "session.override", "session", sessionId,
                                                "override " + std::to_string(*id));
                !s) {
                return s.error();
            }
        }
        auto record = handoutOnce(sessionId, h);
        if (!record) {
            return record;
        }
        // Every copy that leaves HepDesk is in the audit log, a re-export of the same bytes too.
        if (auto s = SqliteAuditLog::record(db_, "handout.export", "session", sessionId,
                                            auditHandoutExported(destination, h.sha256));
            !s) {
            return s.error();
        }
        return record;
    });
}

Result<Session> readSession(Connection& c, std::int64_t id) {
    const ReadTransaction snapshot(c); // the session and its children as of one moment

    std::string screeningJson;
    auto row =
        Statement::on(c, "SELECT " + sessionColumns() + " FROM session WHERE id = ?1")
            .bindAll(id)
            .queryOne(
                [&](const Statement& q) { return sessionFromRow(SqliteRow{q}, id, screeningJson); },
                missingRow("session", id));
    if (!row) {
        return row.error();
    }
    Session& s = *row;
    if (auto r = readStoredScreening(s, screeningJson); !r) {
        return r.error();
    }

    for (const Status& r :
         {readRows(c,
                   "SELECT item_id, rule_id, level, reason FROM session_finding "
                   "WHERE session_id = ?1 ORDER BY position",
                   id, s.findings,
                   [](const Statement& q) {
                       return Finding{q.columnText(0), q.columnText(1),
                                      storedLevel(q.columnText(2)), q.columnText(3)};
                   }),
          readRows(c,
                   "SELECT " + std::string(kProgramItemColumns) +
                       " FROM program_item WHERE session_id = ?1 ORDER BY position",
                   id, s.program.items,
                   [](const Statement& q) { return programItemFromRow(SqliteRow{q}, 0); }),
          readRows(c,
                   "SELECT " + std::string(kHandoutColumns) +
                       " FROM handout WHERE session_id = ?1 ORDER BY id",
                   id, s.handouts, [](const Statement& q) { return handoutFromRow(SqliteRow{q}); }),
          readRows(c,
                   "SELECT id, clinician_id, created_at, text FROM addendum "
                   "WHERE session_id = ?1 ORDER BY id",
                   id, s.addenda,
                   [](const Statement& q) {
                       return Addendum{q.columnInt(0), q.columnOptInt(1), q.columnText(2),
                                       q.columnText(3)};
                   }),
          readRows(c,
                   "SELECT id, clinician_id, actor, created_at, reason, kind FROM session_override "
                   "WHERE session_id = ?1 ORDER BY id",
                   id, s.overrides,
                   [](const Statement& q) {
                       return HandoutOverride{q.columnInt(0),  q.columnOptInt(1), q.columnText(2),
                                              q.columnText(3), q.columnText(4),   q.columnText(5)};
                   }),
          readRows(c,
                   "SELECT activity, rating FROM session_psfs WHERE session_id = ?1 "
                   "ORDER BY position",
                   id, s.screening.psfs,
                   [](const Statement& q) {
                       return PsfsActivity{q.columnText(0), optInt(q, 1)};
                   }),
          readRows(c,
                   "SELECT exercise_id, days_done FROM session_adherence WHERE session_id = ?1 "
                   "ORDER BY position",
                   id, s.screening.adherence, [](const Statement& q) {
                       return Adherence{q.columnText(0), optInt(q, 1)};
                   })}) {
        if (!r) {
            return r.error();
        }
    }
    completeRead(s);
    return std::move(*row);
}

Result<Session> SqliteSessionRepository::get(std::int64_t id) {
    return readSession(db_.connection(), id);
}

Result<std::vector<SessionSummary>> SqliteSessionRepository::history(std::int64_t patientId,
                                                                     HistoryOptions options) {
    Connection& c = db_.connection();
    const ReadTransaction snapshot(c);

    auto summaries =
        Statement::on(c, std::string("SELECT id, clinician_id, started_at, triage, ") +
                             std::string(kScoreColumns) + ", signed_at IS NOT NULL, " + kPsfsMean +
                             " FROM session WHERE patient_id = ?1 "
                             "ORDER BY started_at DESC, id DESC LIMIT ?2")
            .bindAll(patientId, options.limit)
            .queryAll([](const Statement& q) {
                SessionSummary s;
                s.id = q.columnInt(0);
                s.clinicianId = q.columnOptInt(1);
                s.startedAt = q.columnText(2);
                s.triage = storedLevel(q.columnText(3));
                s.scores = scoresFromRow(SqliteRow{q}, 4);
                s.isSigned = q.columnInt(12) != 0;
                s.scores.psfsMean = q.columnOptDouble(13);
                return s;
            });
    if (!summaries || summaries->empty()) {
        return summaries;
    }
    std::vector<SessionSummary>& out = *summaries;
    std::unordered_map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < out.size(); ++i) {
        index.emplace(out[i].id, i);
    }
    if (auto r = Statement::on(c, "SELECT i.session_id, " + programItemColumns("i") +
                                      " FROM session s JOIN program_item i ON i.session_id = s.id "
                                      "WHERE s.patient_id = ?1 ORDER BY i.session_id, i.position")
                     .bindAll(patientId)
                     .forEachRow([&](const Statement& q) {
                         if (auto it = index.find(q.columnInt(0)); it != index.end()) {
                             out[it->second].program.items.push_back(
                                 programItemFromRow(SqliteRow{q}, 1));
                         } // else beyond the limit
                     });
        !r) {
        return r.error();
    }
    return summaries;
}

Result<std::vector<TrendPoint>> SqliteSessionRepository::trend(std::int64_t patientId) {
    return Statement::on(db_.connection(), "SELECT id, started_at, " + std::string(kScoreColumns) +
                                               ", " + kPsfsMean +
                                               " FROM session WHERE patient_id = ?1 "
                                               "ORDER BY started_at, id")
        .bindAll(patientId)
        .queryAll([](const Statement& q) {
            TrendPoint p{q.columnInt(0), q.columnText(1), scoresFromRow(SqliteRow{q}, 2)};
            p.scores.psfsMean = q.columnOptDouble(10);
            return p;
        });
}

} // namespace hepdesk::db
