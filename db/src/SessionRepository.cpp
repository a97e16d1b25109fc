#include "hepdesk/db/SessionRepository.h"

#include "RecordChecks.h"
#include "SessionRead.h"
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

constexpr const char* kScoreColumns =
    "pain_now, pain_best, pain_worst, odi_percent, ndi_percent, start_back_total, "
    "start_back_psychosocial, start_back_risk";

/// The PSFS mean of the row's session (NULL when no activity is rated): avg() skips NULLs.
constexpr const char* kPsfsMean = "(SELECT avg(rating) FROM session_psfs p "
                                  "WHERE p.session_id = session.id)";

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
    const auto risk = s.startBackRisk ? std::optional(riskId(*s.startBackRisk)) : std::nullopt;
    st.bindFrom(index, s.painNow, s.painBest, s.painWorst, s.odiPercent, s.ndiPercent,
                s.startBackTotal, s.startBackPsychosocial, risk);
}

TriageLevel readLevel(const Statement& st, int col) {
    return triageLevelFromId(st.columnText(col)).value_or(TriageLevel::Emergency);
}

/// Reads exercise id, sets, reps, hold seconds, times a day, per side and note from `col` on.
/// Schema v8's program_item has no column for a hold's unit, days a week or weeks, and holds
/// only up to kStoredHoldSecondsMax: such a dosage is refused with its field named rather than
/// stored without them (a later migration adds the columns).
Status checkStorable(const Dosage& d, const std::string& where) {
    const Dosage plain{};
    std::string what;
    if (d.holdSeconds > kStoredHoldSecondsMax) {
        what = "a hold over " + std::to_string(kStoredHoldSecondsMax / 60) + " minutes";
    } else if (d.holdUnit != plain.holdUnit) {
        what = "a hold in minutes";
    } else if (d.daysPerWeek != plain.daysPerWeek) {
        what = "days per week";
    } else if (d.weeks != plain.weeks) {
        what = "a number of weeks";
    } else {
        return {};
    }
    return Error::invalid(where + ": this database cannot store " + what +
                          " yet (it needs a newer schema); give the hold in seconds, up to " +
                          std::to_string(kStoredHoldSecondsMax) + ", every day, with no weeks");
}

ProgramItem readProgramItem(const Statement& st, int col) {
    const auto number = [&](int i) { return static_cast<int>(st.columnInt(col + i)); };
    return ProgramItem{
        st.columnText(col),
        Dosage{number(1), number(2), number(3), number(4), st.columnInt(col + 5) != 0},
        st.columnText(col + 6)};
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
        return Error::refused("clinician " + std::to_string(id) + " (" + row->first +
                              ") is inactive (archived) and cannot " + std::string(what) +
                              "; reactivate them or choose an active clinician");
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
        const std::string id = std::to_string(patientId);
        return Error::refused("patient " + id + " is archived and read-only: " + std::string(what) +
                              " is refused; restore the patient first ('hepdesk-cli patient "
                              "archive " +
                              id + " --undo')");
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

/// The screening as stored: its JSON text. Text that is not UTF-8 cannot be JSON; refuse it
/// rather than store something unreadable.
Result<std::string> screeningText(const Screening& s) {
    try {
        // PSFS and adherence live in their own tables (session_psfs, session_adherence).
        nlohmann::json j = toJson(s);
        j.erase("psfs");
        j.erase("adherence");
        return j.dump();
    } catch (const nlohmann::json::exception&) {
        return Error::invalid("the screening contains text that is not valid UTF-8");
    }
}

} // namespace

/// NULL for an empty text (a time not recorded).
static std::optional<std::string> optionalText(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

Status SqliteSessionRepository::validate(const Session& s) {
    return checkSession(s);
}

// Shared with the server backend (RecordChecks.h).
Status checkSessionHandout(const HandoutRecord& h) {
    return checkHandout(h);
}
Status checkSignedPdf(const SignedHandoutPdf& p) {
    constexpr std::size_t kMaxSignedPdfBytes = 64 * 1024 * 1024;
    if (p.pdf.size() > kMaxSignedPdfBytes) {
        return Error::invalid("the handout kept at signing is too large (" +
                              std::to_string(p.pdf.size()) + " bytes; at most " +
                              std::to_string(kMaxSignedPdfBytes) + ")");
    }
    if (!p.pdf.starts_with("%PDF-")) {
        return Error::invalid("the handout kept at signing is not a PDF");
    }
    if (p.pages <= 0) {
        return Error::invalid("the handout kept at signing has no pages (" +
                              std::to_string(p.pages) + ")");
    }
    if (p.sha256 != sha256Hex(p.pdf)) {
        return Error::invalid("the handout kept at signing does not match its SHA-256 '" +
                              p.sha256.substr(0, 64) + "'");
    }
    return {};
}
Result<std::string> sessionScreeningText(const Screening& s) {
    return screeningText(s);
}

Status checkSession(const Session& s) {
    const SessionScores& sc = s.scores;
    for (const Status& st :
         {checkRange(sc.painNow, 0, 10, "pain now"), checkRange(sc.painBest, 0, 10, "pain best"),
          checkRange(sc.painWorst, 0, 10, "pain worst"), checkPercent(sc.odiPercent, "ODI %"),
          checkPercent(sc.ndiPercent, "NDI %"),
          checkRange(sc.startBackTotal, 0, 9, "STarT Back total"),
          checkRange(sc.startBackPsychosocial, 0, 5, "STarT Back psychosocial score"),
          checkText(s.handoutOptions.language, "handout language", 16),
          checkText(s.handoutOptions.overrideReason, "handout override reason", kMaxNoteBytes),
          checkText(s.handoutOptions.overrideKind, "handout override kind", 40),
          checkText(s.handoutOptions.overrideAt, "handout override time", 40),
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
        if (auto st = checkStorable(it.dosage, where); !st) {
            return st;
        }
        if (auto st = checkText(it.note, where + " note", kMaxNoteBytes); !st) {
            return st;
        }
    }
    if (s.screening.psfs.size() > kPsfsMaxActivities) {
        return Error::invalid("session PSFS has at most " + std::to_string(kPsfsMaxActivities) +
                              " activities, got " + std::to_string(s.screening.psfs.size()));
    }
    for (std::size_t i = 0; i < s.screening.psfs.size(); ++i) {
        const PsfsActivity& a = s.screening.psfs[i];
        const std::string where = "PSFS activity " + std::to_string(i + 1);
        if (auto st = checkRequiredText(a.activity, where, kPsfsMaxActivityBytes); !st) {
            return st;
        }
        if (auto st = checkRange(a.rating, 0, 10, "PSFS rating"); !st) {
            return Error::invalid(st.error().message + " ('" + a.activity.substr(0, 80) + "')");
        }
        for (std::size_t k = 0; k < i; ++k) {
            if (s.screening.psfs[k].activity == a.activity) {
                return Error::invalid(where + " ('" + a.activity.substr(0, 80) +
                                      "') is listed twice");
            }
        }
    }
    for (std::size_t i = 0; i < s.screening.adherence.size(); ++i) {
        const Adherence& a = s.screening.adherence[i];
        const std::string where = "adherence " + std::to_string(i + 1) + " exercise id";
        if (auto st = checkRequiredText(a.exerciseId, where, kMaxNameBytes); !st) {
            return st;
        }
        if (auto st = checkRange(a.daysDone, 0, kAdherenceDays, "adherence days done"); !st) {
            return Error::invalid(st.error().message + " ('" + a.exerciseId.substr(0, 80) + "')");
        }
        for (std::size_t k = 0; k < i; ++k) {
            if (s.screening.adherence[k].exerciseId == a.exerciseId) {
                return Error::invalid("adherence for exercise '" + a.exerciseId.substr(0, 80) +
                                      "' is listed twice");
            }
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
    auto p = Statement::on(c, "INSERT INTO program_item(session_id, position, exercise_id, "
                              "sets, reps, hold_seconds, times_per_day, per_side, note) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    for (std::size_t i = 0; i < s.program.items.size(); ++i) {
        const ProgramItem& it = s.program.items[i];
        const Dosage& d = it.dosage;
        p.reset();
        if (auto st = p.bindAll(id, static_cast<std::int64_t>(i), it.exerciseId, d.sets, d.reps,
                                d.holdSeconds, d.timesPerDay, d.perSide, it.note)
                          .execute();
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
    auto screening = screeningText(s.screening);
    if (!screening) {
        return screening.error();
    }
    Connection& c = db_.connection();
    return Transaction::run(c, [&]() -> Result<std::int64_t> {
        if (auto r = requireOpenPatient(c, s.patientId, "a new session"); !r) {
            return r.error();
        }
        const std::string now = isoDateTime(Clock::current().now());
        auto st = Statement::on(
            c, std::string("INSERT INTO session(patient_id, clinician_id, started_at, "
                           "screening_json, triage, ") +
                   kScoreColumns +
                   ", handout_language, handout_large_print, handout_override_reason, "
                   "created_at, handout_override_kind, handout_override_by, handout_override_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                   "?16, ?17, ?18, ?19, ?20)");
        st.bindAll(s.patientId, s.clinicianId, s.startedAt.empty() ? now : s.startedAt, *screening,
                   toId(s.triage));
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
                                            "patient " + std::to_string(s.patientId) + ", triage " +
                                                std::string(toId(s.triage)));
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
        return Error::refused("session " + std::to_string(id) + " was signed at " + **signedAt +
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
    return Transaction::run(c, [&] {
        if (auto r = requireUnsigned(s.id); !r) {
            return r;
        }
        if (auto r = requireOpenSessionPatient(c, s.id, "editing a session"); !r) {
            return r;
        }
        auto st = Statement::on(
            c, "UPDATE session SET clinician_id = ?2, started_at = ?3, screening_json = ?4, "
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
        return SqliteAuditLog::record(db_, "session.edit", "session", s.id);
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
        session->isSigned = true;
        session->signedAt = isoDateTime(Clock::current().now());
        session->signedBy = clinicianId;
        const std::size_t handouts = session->handouts.size();
        auto seal = sessionSeal(*session, handouts);
        if (!seal) {
            return Status(seal.error());
        }
        if (auto r = Statement::on(c, "UPDATE session SET signed_at = ?2, signed_by = ?3, "
                                      "seal = ?4, seal_handouts = ?5 "
                                      "WHERE id = ?1 AND signed_at IS NULL")
                         .bindAll(id, session->signedAt, clinicianId, *seal,
                                  static_cast<std::int64_t>(handouts))
                         .execute();
            !r) {
            return r;
        }
        return SqliteAuditLog::record(db_, "session.sign", "session", id,
                                      "clinician " + std::to_string(clinicianId) + ", seal " +
                                          *seal);
    });
}

Result<std::int64_t> SqliteSessionRepository::addAddendum(std::int64_t sessionId,
                                                          const Addendum& a) {
    if (auto r = checkRequiredText(a.text, "addendum text", kMaxNoteBytes); !r) {
        return r.error();
    }
    Connection& c = db_.connection();
    return Transaction::run(c, [&]() -> Result<std::int64_t> {
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
            Statement::on(c, "INSERT INTO addendum(session_id, clinician_id, created_at, "
                             "text) VALUES (?1, ?2, ?3, ?4)")
                .bindAll(sessionId, a.clinicianId,
                         a.createdAt.empty() ? isoDateTime(Clock::current().now()) : a.createdAt,
                         a.text)
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
    if (auto r = checkHandout(h); !r) {
        return r.error();
    }
    Connection& c = db_.connection();
    return Transaction::run(c, [&]() -> Result<std::int64_t> {
        auto id =
            Statement::on(c, "INSERT INTO handout(session_id, sha256, byte_size, "
                             "language, large_print, created_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .bindAll(sessionId, h.sha256, h.byteSize, h.language, h.largePrint,
                         h.createdAt.empty() ? isoDateTime(Clock::current().now()) : h.createdAt)
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
                      "SELECT id, sha256, byte_size, created_at, language, large_print "
                      "FROM handout WHERE session_id = ?1 AND sha256 = ?2 ORDER BY id LIMIT 1")
            .bindAll(sessionId, h.sha256)
            .queryOptional([](const Statement& q) {
                return HandoutRecord{q.columnInt(0),  q.columnText(1), q.columnInt(2),
                                     q.columnText(3), q.columnText(4), q.columnInt(5) != 0};
            });
    if (!existing) {
        return existing.error();
    }
    if (*existing) {
        return std::move(**existing);
    }
    HandoutRecord added = h;
    if (added.createdAt.empty()) {
        added.createdAt = isoDateTime(Clock::current().now());
    }
    auto id = addHandout(sessionId, added);
    if (!id) {
        return id.error();
    }
    added.id = *id;
    return added;
}

Status SqliteSessionRepository::signWithSnapshot(std::int64_t id, std::int64_t clinicianId,
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
        if (auto r = checkHandout(*handout); !r) {
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
        if (toJson(*now) != toJson(asRead)) {
            return Error::refused("session " + std::to_string(id) +
                                  " was changed while it was being signed; open it again, "
                                  "check it and sign");
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
    if (auto r = checkHandout(h); !r) {
        return r.error();
    }
    if (override) {
        if (auto r = checkRequiredText(override->reason, "override reason", kMaxNoteBytes); !r) {
            return r.error();
        }
    }
    Connection& c = db_.connection();
    return Transaction::run(c, [&]() -> Result<HandoutRecord> {
        if (auto r = requireRow(c, "session", sessionId); !r) {
            return r.error();
        }
        if (override) {
            const std::string actor = db_.actor().empty() ? "unknown" : db_.actor();
            auto id = Statement::on(c, "INSERT INTO session_override(session_id, clinician_id, "
                                       "actor, created_at, reason, kind) VALUES (?1, ?2, ?3, ?4, "
                                       "?5, ?6)")
                          .bindAll(sessionId, override->clinicianId, actor,
                                   override->createdAt.empty() ? isoDateTime(Clock::current().now())
                                                               : override->createdAt,
                                   override->reason, override->kind)
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
                                            std::string(destination) + ", sha256 " + h.sha256);
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
        Statement::on(c, std::string("SELECT patient_id, clinician_id, started_at, "
                                     "screening_json, triage, ") +
                             kScoreColumns +
                             ", handout_language, handout_large_print, "
                             "handout_override_reason, signed_at, signed_by, signed_snapshot, "
                             "handout_override_kind, handout_override_by, handout_override_at "
                             "FROM session "
                             "WHERE id = ?1")
            .bindAll(id)
            .queryOne(
                [&](const Statement& q) {
                    Session s;
                    s.id = id;
                    s.patientId = q.columnInt(0);
                    s.clinicianId = q.columnOptInt(1);
                    s.startedAt = q.columnText(2);
                    screeningJson = q.columnText(3);
                    s.triage = readLevel(q, 4);
                    s.scores = readScores(q, 5);
                    s.handoutOptions.language = q.columnText(13);
                    s.handoutOptions.largePrint = q.columnInt(14) != 0;
                    s.handoutOptions.overrideReason = q.columnText(15);
                    s.isSigned = !q.isNull(16);
                    s.signedAt = q.columnText(16);
                    s.signedBy = q.columnOptInt(17);
                    s.signedSnapshot = q.columnOptText(18).value_or("");
                    s.handoutOptions.overrideKind = q.columnText(19);
                    s.handoutOptions.overrideBy = q.columnOptInt(20);
                    s.handoutOptions.overrideAt = q.columnOptText(21).value_or("");
                    return s;
                },
                missingRow("session", id));
    if (!row) {
        return row.error();
    }
    Session& s = *row;
    const std::string source = "session " + std::to_string(id) + " screening";
    // A damaged stored screening is reported for this session alone, never an abort.
    auto j = json::parse(screeningJson, source);
    auto screening = j ? json::guarded(source, [&] { return screeningFromJson(*j, source); })
                       : Result<Screening>(j.error());
    if (!screening) {
        return Error::database(screening.error().message +
                               " (the stored record is damaged: restore it from a backup)");
    }
    s.screening = std::move(*screening);

    for (
        const Status& r :
        {readRows(
             c,
             "SELECT item_id, rule_id, level, reason FROM session_finding "
             "WHERE session_id = ?1 ORDER BY position",
             id, s.findings,
             [](const Statement& q) {
                 return Finding{q.columnText(0), q.columnText(1), readLevel(q, 2), q.columnText(3)};
             }),
         readRows(c,
                  "SELECT exercise_id, sets, reps, hold_seconds, times_per_day, per_side, note "
                  "FROM program_item WHERE session_id = ?1 ORDER BY position",
                  id, s.program.items, [](const Statement& q) { return readProgramItem(q, 0); }),
         readRows(c,
                  "SELECT id, sha256, byte_size, created_at, language, large_print "
                  "FROM handout WHERE session_id = ?1 ORDER BY id",
                  id, s.handouts,
                  [](const Statement& q) {
                      return HandoutRecord{q.columnInt(0),  q.columnText(1), q.columnInt(2),
                                           q.columnText(3), q.columnText(4), q.columnInt(5) != 0};
                  }),
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
    // The PSFS mean follows from the stored ratings; it has no column of its own.
    if (auto p = scorePsfs(s.screening.psfs)) {
        s.scores.psfsMean = p->mean;
    }
    return std::move(*row);
}

Result<Session> SqliteSessionRepository::get(std::int64_t id) {
    return readSession(db_.connection(), id);
}

Result<std::vector<SessionSummary>> SqliteSessionRepository::history(std::int64_t patientId,
                                                                     HistoryOptions options) {
    Connection& c = db_.connection();
    const ReadTransaction snapshot(c);

    auto summaries = Statement::on(c, std::string("SELECT id, clinician_id, started_at, triage, ") +
                                          kScoreColumns + ", signed_at IS NOT NULL, " + kPsfsMean +
                                          " FROM session WHERE patient_id = ?1 "
                                          "ORDER BY started_at DESC, id DESC LIMIT ?2")
                         .bindAll(patientId, options.limit)
                         .queryAll([](const Statement& q) {
                             SessionSummary s;
                             s.id = q.columnInt(0);
                             s.clinicianId = q.columnOptInt(1);
                             s.startedAt = q.columnText(2);
                             s.triage = readLevel(q, 3);
                             s.scores = readScores(q, 4);
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
    if (auto r = Statement::on(c, "SELECT i.session_id, i.exercise_id, i.sets, i.reps, "
                                  "i.hold_seconds, i.times_per_day, i.per_side, i.note "
                                  "FROM session s JOIN program_item i ON i.session_id = s.id "
                                  "WHERE s.patient_id = ?1 ORDER BY i.session_id, i.position")
                     .bindAll(patientId)
                     .forEachRow([&](const Statement& q) {
                         if (auto it = index.find(q.columnInt(0)); it != index.end()) {
                             out[it->second].program.items.push_back(readProgramItem(q, 1));
                         } // else beyond the limit
                     });
        !r) {
        return r.error();
    }
    return summaries;
}

Result<std::vector<TrendPoint>> SqliteSessionRepository::trend(std::int64_t patientId) {
    return Statement::on(db_.connection(), std::string("SELECT id, started_at, ") + kScoreColumns +
                                               ", " + kPsfsMean +
                                               " FROM session WHERE patient_id = ?1 "
                                               "ORDER BY started_at, id")
        .bindAll(patientId)
        .queryAll([](const Statement& q) {
            TrendPoint p{q.columnInt(0), q.columnText(1), readScores(q, 2)};
            p.scores.psfsMean = q.columnOptDouble(10);
            return p;
        });
}

} // namespace hepdesk::db
