#include "hepdesk/db/SessionRepository.h"

#include "TextCheck.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Database.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

namespace hepdesk::db {
namespace {

constexpr const char* kScoreColumns =
    "pain_now, pain_best, pain_worst, odi_percent, ndi_percent, start_back_total, "
    "start_back_psychosocial, start_back_risk";

std::optional<int> optInt(const Statement& st, int col) {
    if (st.isNull(col)) {
        return std::nullopt;
    }
    return static_cast<int>(st.columnInt(col));
}

/// Reads the eight score columns starting at `col`.
SessionScores readScores(const Statement& st, int col) {
    SessionScores s;
    s.painNow = optInt(st, col);
    s.painBest = optInt(st, col + 1);
    s.painWorst = optInt(st, col + 2);
    s.odiPercent = st.columnOptDouble(col + 3);
    s.ndiPercent = st.columnOptDouble(col + 4);
    s.startBackTotal = optInt(st, col + 5);
    s.startBackPsychosocial = optInt(st, col + 6);
    if (auto r = st.columnOptText(col + 7)) {
        s.startBackRisk = riskFromId(*r);
    }
    return s;
}

/// Binds the eight score columns starting at parameter `index`.
void bindScores(Statement& st, int index, const SessionScores& s) {
    st.bind(index, s.painNow)
        .bind(index + 1, s.painBest)
        .bind(index + 2, s.painWorst)
        .bind(index + 3, s.odiPercent)
        .bind(index + 4, s.ndiPercent)
        .bind(index + 5, s.startBackTotal)
        .bind(index + 6, s.startBackPsychosocial);
    if (s.startBackRisk) {
        st.bind(index + 7, riskId(*s.startBackRisk));
    } else {
        st.bindNull(index + 7);
    }
}

TriageLevel readLevel(const Statement& st, int col) {
    return triageLevelFromId(st.columnText(col)).value_or(TriageLevel::Emergency);
}

Status checkRange(const std::optional<int>& v, int lo, int hi, const char* what) {
    if (v && (*v < lo || *v > hi)) {
        return Error::invalid(std::string("session ") + what + " must be " + std::to_string(lo) +
                              " to " + std::to_string(hi) + ", got " + std::to_string(*v));
    }
    return {};
}

Status checkPercent(const std::optional<double>& v, const char* what) {
    if (v && !(*v >= 0.0 && *v <= 100.0)) {
        return Error::invalid(std::string("session ") + what + " must be 0 to 100, got " +
                              std::to_string(*v));
    }
    return {};
}

Status checkHandout(const HandoutRecord& h) {
    if (h.sha256.size() != 64 ||
        h.sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
        return Error::invalid("handout SHA-256 must be 64 lowercase hex digits, got '" +
                              h.sha256.substr(0, 80) + "'");
    }
    if (h.byteSize <= 0) {
        return Error::invalid("handout byte size must be positive, got " +
                              std::to_string(h.byteSize));
    }
    return checkText(h.language, "handout language", 16);
}

template <class F> Status eachRow(Statement& st, F&& f) {
    for (;;) {
        auto row = st.step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return {};
        }
        f(st);
    }
}

/// The screening as stored: its JSON text. Text that is not UTF-8 cannot be JSON; refuse it
/// rather than store something unreadable.
Result<std::string> screeningText(const Screening& s) {
    try {
        return toJson(s).dump();
    } catch (const nlohmann::json::exception&) {
        return Error::invalid("the screening contains text that is not valid UTF-8");
    }
}

} // namespace

Status SqliteSessionRepository::validate(const Session& s) {
    const SessionScores& sc = s.scores;
    for (const Status& st :
         {checkRange(sc.painNow, 0, 10, "pain now"), checkRange(sc.painBest, 0, 10, "pain best"),
          checkRange(sc.painWorst, 0, 10, "pain worst"), checkPercent(sc.odiPercent, "ODI %"),
          checkPercent(sc.ndiPercent, "NDI %"),
          checkRange(sc.startBackTotal, 0, 9, "STarT Back total"),
          checkRange(sc.startBackPsychosocial, 0, 5, "STarT Back psychosocial score"),
          checkText(s.handoutOptions.language, "handout language", 16),
          checkText(s.handoutOptions.overrideReason, "handout override reason", kMaxNoteBytes),
          checkText(s.screening.notes, "screening notes", kMaxNoteBytes)}) {
        if (!st) {
            return st;
        }
    }
    if (s.isSigned || !s.addenda.empty()) {
        return Error::invalid("a new session is stored unsigned and without addenda; sign it "
                              "and add addenda afterwards");
    }
    for (std::size_t i = 0; i < s.program.items.size(); ++i) {
        const ProgramItem& it = s.program.items[i];
        const std::string where =
            "program item " + std::to_string(i + 1) + " ('" + it.exerciseId.substr(0, 80) + "')";
        if (auto st = checkRequiredText(it.exerciseId, where + " exercise id", kMaxNameBytes);
            !st) {
            return st;
        }
        if (auto st = hepdesk::validate(it.dosage, where); !st) {
            return st;
        }
        if (auto st = checkText(it.note, where + " note", kMaxNoteBytes); !st) {
            return st;
        }
    }
    for (const Finding& f : s.findings) {
        for (const Status& st : {checkText(f.itemId, "finding item id", kMaxNameBytes),
                                 checkText(f.ruleId, "finding rule id", kMaxNameBytes),
                                 checkText(f.reason, "finding reason", kMaxNoteBytes)}) {
            if (!st) {
                return st;
            }
        }
    }
    for (const HandoutRecord& h : s.handouts) {
        if (auto st = checkHandout(h); !st) {
            return st;
        }
    }
    return {};
}

Status SqliteSessionRepository::writeChildren(std::int64_t id, const Session& s) {
    Connection& c = db_.connection();
    auto f = Statement::prepare(c, "INSERT INTO session_finding(session_id, position, item_id, "
                                   "rule_id, level, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!f) {
        return f.error();
    }
    for (std::size_t i = 0; i < s.findings.size(); ++i) {
        const Finding& fd = s.findings[i];
        f->reset();
        f->bind(1, id)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, fd.itemId)
            .bind(4, fd.ruleId)
            .bind(5, toId(fd.level))
            .bind(6, fd.reason);
        if (auto st = f->run(); !st) {
            return st;
        }
    }
    auto p = Statement::prepare(c, "INSERT INTO program_item(session_id, position, exercise_id, "
                                   "sets, reps, hold_seconds, times_per_day, per_side, note) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!p) {
        return p.error();
    }
    for (std::size_t i = 0; i < s.program.items.size(); ++i) {
        const ProgramItem& it = s.program.items[i];
        p->reset();
        p->bind(1, id)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, it.exerciseId)
            .bind(4, it.dosage.sets)
            .bind(5, it.dosage.reps)
            .bind(6, it.dosage.holdSeconds)
            .bind(7, it.dosage.timesPerDay)
            .bind(8, it.dosage.perSide ? 1 : 0)
            .bind(9, it.note);
        if (auto st = p->run(); !st) {
            return st;
        }
    }
    return {};
}

Result<std::int64_t> SqliteSessionRepository::add(const Session& s) {
    if (auto st = validate(s); !st) {
        return st.error();
    }
    auto screening = screeningText(s.screening);
    if (!screening) {
        return screening.error();
    }
    Connection& c = db_.connection();
    auto tx = Transaction::begin(c);
    if (!tx) {
        return tx.error();
    }
    if (auto n =
            c.queryInt("SELECT count(*) FROM patient WHERE id = " + std::to_string(s.patientId));
        !n || *n == 0) {
        return n ? Error::notFound("no patient with id " + std::to_string(s.patientId)) : n.error();
    }
    const std::string now = isoDateTime(Clock::current().now());
    auto st = Statement::prepare(
        c, std::string("INSERT INTO session(patient_id, clinician_id, started_at, screening_json, "
                       "triage, ") +
               kScoreColumns +
               ", handout_language, handout_large_print, handout_override_reason, created_at) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
               "?17)");
    if (!st) {
        return st.error();
    }
    st->bind(1, s.patientId)
        .bind(2, s.clinicianId)
        .bind(3, s.startedAt.empty() ? now : s.startedAt)
        .bind(4, *screening)
        .bind(5, toId(s.triage));
    bindScores(*st, 6, s.scores);
    st->bind(14, s.handoutOptions.language)
        .bind(15, s.handoutOptions.largePrint ? 1 : 0)
        .bind(16, s.handoutOptions.overrideReason)
        .bind(17, now);
    if (auto r = st->run(); !r) {
        return r.error();
    }
    const std::int64_t id = c.lastInsertRowId();
    if (auto r = writeChildren(id, s); !r) {
        return r.error();
    }
    for (const HandoutRecord& h : s.handouts) {
        if (auto r = addHandout(id, h); !r) {
            return r.error();
        }
    }
    if (auto r = SqliteAuditLog::record(db_, "session.add", "session", id,
                                        "patient " + std::to_string(s.patientId) + ", triage " +
                                            std::string(toId(s.triage)));
        !r) {
        return r.error();
    }
    if (auto r = tx->commit(); !r) {
        return r.error();
    }
    return id;
}

Status SqliteSessionRepository::requireUnsigned(std::int64_t id) {
    auto st = Statement::prepare(db_.connection(), "SELECT signed_at FROM session WHERE id = ?1");
    if (!st) {
        return st.error();
    }
    st->bind(1, id);
    auto row = st->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return Error::notFound("no session with id " + std::to_string(id));
    }
    if (!st->isNull(0)) {
        return Error::refused("session " + std::to_string(id) + " was signed at " +
                              st->columnText(0) +
                              " and cannot be changed; add an addendum instead");
    }
    return {};
}

Status SqliteSessionRepository::update(const Session& s) {
    if (auto st = validate(s); !st) {
        return st;
    }
    auto screening = screeningText(s.screening);
    if (!screening) {
        return screening.error();
    }
    Connection& c = db_.connection();
    auto tx = Transaction::begin(c);
    if (!tx) {
        return tx.error();
    }
    if (auto r = requireUnsigned(s.id); !r) {
        return r;
    }
    auto st = Statement::prepare(
        c, "UPDATE session SET clinician_id = ?2, started_at = ?3, screening_json = ?4, "
           "triage = ?5, pain_now = ?6, pain_best = ?7, pain_worst = ?8, odi_percent = ?9, "
           "ndi_percent = ?10, start_back_total = ?11, start_back_psychosocial = ?12, "
           "start_back_risk = ?13, handout_language = ?14, handout_large_print = ?15, "
           "handout_override_reason = ?16 WHERE id = ?1");
    if (!st) {
        return st.error();
    }
    st->bind(1, s.id)
        .bind(2, s.clinicianId)
        .bind(3, s.startedAt)
        .bind(4, *screening)
        .bind(5, toId(s.triage));
    bindScores(*st, 6, s.scores);
    st->bind(14, s.handoutOptions.language)
        .bind(15, s.handoutOptions.largePrint ? 1 : 0)
        .bind(16, s.handoutOptions.overrideReason);
    if (auto r = st->run(); !r) {
        return r;
    }
    const std::string del = std::to_string(s.id);
    if (auto r = c.exec("DELETE FROM session_finding WHERE session_id = " + del +
                        "; DELETE FROM program_item WHERE session_id = " + del);
        !r) {
        return r;
    }
    if (auto r = writeChildren(s.id, s); !r) {
        return r;
    }
    if (auto r = SqliteAuditLog::record(db_, "session.edit", "session", s.id); !r) {
        return r;
    }
    return tx->commit();
}

Status SqliteSessionRepository::remove(std::int64_t id) {
    Connection& c = db_.connection();
    auto tx = Transaction::begin(c);
    if (!tx) {
        return tx.error();
    }
    if (auto r = requireUnsigned(id); !r) {
        return r;
    }
    if (auto r = c.exec("DELETE FROM session WHERE id = " + std::to_string(id)); !r) {
        return r;
    }
    if (auto r = SqliteAuditLog::record(db_, "session.delete", "session", id); !r) {
        return r;
    }
    return tx->commit();
}

Status SqliteSessionRepository::sign(std::int64_t id, std::int64_t clinicianId) {
    Connection& c = db_.connection();
    auto tx = Transaction::begin(c);
    if (!tx) {
        return tx.error();
    }
    if (auto r = requireUnsigned(id); !r) {
        return r;
    }
    if (auto n =
            c.queryInt("SELECT count(*) FROM clinician WHERE id = " + std::to_string(clinicianId));
        !n || *n == 0) {
        return n ? Error::notFound("no clinician with id " + std::to_string(clinicianId))
                 : n.error();
    }
    auto st = Statement::prepare(c, "UPDATE session SET signed_at = ?2, signed_by = ?3 "
                                    "WHERE id = ?1 AND signed_at IS NULL");
    if (!st) {
        return st.error();
    }
    st->bind(1, id).bind(2, isoDateTime(Clock::current().now())).bind(3, clinicianId);
    if (auto r = st->run(); !r) {
        return r;
    }
    if (auto r = SqliteAuditLog::record(db_, "session.sign", "session", id,
                                        "clinician " + std::to_string(clinicianId));
        !r) {
        return r;
    }
    return tx->commit();
}

Result<std::int64_t> SqliteSessionRepository::addAddendum(std::int64_t sessionId,
                                                          const Addendum& a) {
    if (auto r = checkRequiredText(a.text, "addendum text", kMaxNoteBytes); !r) {
        return r.error();
    }
    Connection& c = db_.connection();
    auto tx = Transaction::begin(c);
    if (!tx) {
        return tx.error();
    }
    auto r = requireUnsigned(sessionId);
    if (r) {
        return Error::refused("session " + std::to_string(sessionId) +
                              " is not signed: edit it instead of adding an addendum");
    }
    if (r.error().kind != Error::Kind::Refused) {
        return r.error();
    }
    auto st = Statement::prepare(c, "INSERT INTO addendum(session_id, clinician_id, created_at, "
                                    "text) VALUES (?1, ?2, ?3, ?4)");
    if (!st) {
        return st.error();
    }
    st->bind(1, sessionId)
        .bind(2, a.clinicianId)
        .bind(3, a.createdAt.empty() ? isoDateTime(Clock::current().now()) : a.createdAt)
        .bind(4, a.text);
    if (auto s = st->run(); !s) {
        return s.error();
    }
    const std::int64_t id = c.lastInsertRowId();
    if (auto s = SqliteAuditLog::record(db_, "session.addendum", "session", sessionId,
                                        "addendum " + std::to_string(id));
        !s) {
        return s.error();
    }
    if (auto s = tx->commit(); !s) {
        return s.error();
    }
    return id;
}

Result<std::int64_t> SqliteSessionRepository::addHandout(std::int64_t sessionId,
                                                         const HandoutRecord& h) {
    if (auto r = checkHandout(h); !r) {
        return r.error();
    }
    Connection& c = db_.connection();
    auto tx = Transaction::begin(c);
    if (!tx) {
        return tx.error();
    }
    auto st = Statement::prepare(c, "INSERT INTO handout(session_id, sha256, byte_size, language, "
                                    "large_print, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!st) {
        return st.error();
    }
    st->bind(1, sessionId)
        .bind(2, h.sha256)
        .bind(3, h.byteSize)
        .bind(4, h.language)
        .bind(5, h.largePrint ? 1 : 0)
        .bind(6, h.createdAt.empty() ? isoDateTime(Clock::current().now()) : h.createdAt);
    if (auto s = st->run(); !s) {
        return s.error();
    }
    const std::int64_t id = c.lastInsertRowId();
    if (auto s = SqliteAuditLog::record(db_, "session.handout", "session", sessionId, h.sha256);
        !s) {
        return s.error();
    }
    if (auto s = tx->commit(); !s) {
        return s.error();
    }
    return id;
}

Result<Session> SqliteSessionRepository::get(std::int64_t id) {
    Connection& c = db_.connection();
    const ReadTransaction snapshot(c); // the session and its children as of one moment

    auto st = Statement::prepare(
        c, std::string("SELECT patient_id, clinician_id, started_at, screening_json, triage, ") +
               kScoreColumns +
               ", handout_language, handout_large_print, handout_override_reason, signed_at, "
               "signed_by FROM session WHERE id = ?1");
    if (!st) {
        return st.error();
    }
    st->bind(1, id);
    auto row = st->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return Error::notFound("no session with id " + std::to_string(id));
    }
    Session s;
    s.id = id;
    s.patientId = st->columnInt(0);
    s.clinicianId = st->columnOptInt(1);
    s.startedAt = st->columnText(2);
    const std::string source = "session " + std::to_string(id) + " screening";
    auto j = json::parse(st->columnText(3), source);
    if (!j) {
        return j.error();
    }
    auto screening = screeningFromJson(*j, source);
    if (!screening) {
        return screening.error();
    }
    s.screening = std::move(*screening);
    s.triage = readLevel(*st, 4);
    s.scores = readScores(*st, 5);
    s.handoutOptions.language = st->columnText(13);
    s.handoutOptions.largePrint = st->columnInt(14) != 0;
    s.handoutOptions.overrideReason = st->columnText(15);
    s.isSigned = !st->isNull(16);
    s.signedAt = st->columnText(16);
    s.signedBy = st->columnOptInt(17);

    auto f = Statement::prepare(c, "SELECT item_id, rule_id, level, reason FROM session_finding "
                                   "WHERE session_id = ?1 ORDER BY position");
    if (!f) {
        return f.error();
    }
    f->bind(1, id);
    if (auto r = eachRow(*f,
                         [&](const Statement& q) {
                             s.findings.push_back(Finding{q.columnText(0), q.columnText(1),
                                                          readLevel(q, 2), q.columnText(3)});
                         });
        !r) {
        return r.error();
    }
    auto p = Statement::prepare(c, "SELECT exercise_id, sets, reps, hold_seconds, times_per_day, "
                                   "per_side, note FROM program_item WHERE session_id = ?1 "
                                   "ORDER BY position");
    if (!p) {
        return p.error();
    }
    p->bind(1, id);
    if (auto r = eachRow(*p,
                         [&](const Statement& q) {
                             s.program.items.push_back(ProgramItem{
                                 q.columnText(0),
                                 Dosage{static_cast<int>(q.columnInt(1)),
                                        static_cast<int>(q.columnInt(2)),
                                        static_cast<int>(q.columnInt(3)),
                                        static_cast<int>(q.columnInt(4)), q.columnInt(5) != 0},
                                 q.columnText(6)});
                         });
        !r) {
        return r.error();
    }
    auto h = Statement::prepare(c, "SELECT id, sha256, byte_size, created_at, language, "
                                   "large_print FROM handout WHERE session_id = ?1 ORDER BY id");
    if (!h) {
        return h.error();
    }
    h->bind(1, id);
    if (auto r = eachRow(*h,
                         [&](const Statement& q) {
                             s.handouts.push_back(HandoutRecord{
                                 q.columnInt(0), q.columnText(1), q.columnInt(2), q.columnText(3),
                                 q.columnText(4), q.columnInt(5) != 0});
                         });
        !r) {
        return r.error();
    }
    auto a = Statement::prepare(c, "SELECT id, clinician_id, created_at, text FROM addendum "
                                   "WHERE session_id = ?1 ORDER BY id");
    if (!a) {
        return a.error();
    }
    a->bind(1, id);
    if (auto r = eachRow(*a,
                         [&](const Statement& q) {
                             s.addenda.push_back(Addendum{q.columnInt(0), q.columnOptInt(1),
                                                          q.columnText(2), q.columnText(3)});
                         });
        !r) {
        return r.error();
    }
    return s;
}

Result<std::vector<SessionSummary>> SqliteSessionRepository::history(std::int64_t patientId,
                                                                     HistoryOptions options) {
    Connection& c = db_.connection();
    const ReadTransaction snapshot(c);

    auto st = Statement::prepare(
        c, std::string("SELECT id, clinician_id, started_at, triage, ") + kScoreColumns +
               ", signed_at IS NOT NULL FROM session WHERE patient_id = ?1 "
               "ORDER BY started_at DESC, id DESC LIMIT ?2");
    if (!st) {
        return st.error();
    }
    st->bind(1, patientId).bind(2, options.limit);
    std::vector<SessionSummary> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    if (auto r = eachRow(*st,
                         [&](const Statement& q) {
                             SessionSummary s;
                             s.id = q.columnInt(0);
                             s.clinicianId = q.columnOptInt(1);
                             s.startedAt = q.columnText(2);
                             s.triage = readLevel(q, 3);
                             s.scores = readScores(q, 4);
                             s.isSigned = q.columnInt(12) != 0;
                             index.emplace(s.id, out.size());
                             out.push_back(std::move(s));
                         });
        !r) {
        return r.error();
    }
    if (out.empty()) {
        return out;
    }
    auto p =
        Statement::prepare(c, "SELECT i.session_id, i.exercise_id, i.sets, i.reps, i.hold_seconds, "
                              "i.times_per_day, i.per_side, i.note FROM session s "
                              "JOIN program_item i ON i.session_id = s.id WHERE s.patient_id = ?1 "
                              "ORDER BY i.session_id, i.position");
    if (!p) {
        return p.error();
    }
    p->bind(1, patientId);
    if (auto r = eachRow(*p,
                         [&](const Statement& q) {
                             auto it = index.find(q.columnInt(0));
                             if (it == index.end()) {
                                 return; // beyond the limit
                             }
                             out[it->second].program.items.push_back(ProgramItem{
                                 q.columnText(1),
                                 Dosage{static_cast<int>(q.columnInt(2)),
                                        static_cast<int>(q.columnInt(3)),
                                        static_cast<int>(q.columnInt(4)),
                                        static_cast<int>(q.columnInt(5)), q.columnInt(6) != 0},
                                 q.columnText(7)});
                         });
        !r) {
        return r.error();
    }
    return out;
}

Result<std::vector<TrendPoint>> SqliteSessionRepository::trend(std::int64_t patientId) {
    auto st = Statement::prepare(db_.connection(), std::string("SELECT id, started_at, ") +
                                                       kScoreColumns +
                                                       " FROM session WHERE patient_id = ?1 "
                                                       "ORDER BY started_at, id");
    if (!st) {
        return st.error();
    }
    st->bind(1, patientId);
    std::vector<TrendPoint> out;
    if (auto r = eachRow(
            *st,
            [&](const Statement& q) {
                out.push_back(TrendPoint{q.columnInt(0), q.columnText(1), readScores(q, 2)});
            });
        !r) {
        return r.error();
    }
    return out;
}

} // namespace hepdesk::db
