#include "SessionRecord.h"

#include "RecordChecks.h"
#include "TextCheck.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/OutcomeScoring.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/db/ProtocolRepository.h"
#include "hepdesk/db/TamperCheck.h"

#include <nlohmann/json.hpp>
#include <set>

namespace hepdesk::db {
namespace {

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

Status checkProgram(const Program& program) {
    for (std::size_t i = 0; i < program.items.size(); ++i) {
        const ProgramItem& it = program.items[i];
        const std::string where =
            "program item " + std::to_string(i + 1) + " ('" + it.exerciseId.substr(0, 80) + "')";
        if (auto st = checkRequiredText(it.exerciseId, where + " exercise id", kMaxNameBytes);
            !st) {
            return st;
        }
        // Every dosage core accepts is stored as typed (schema 12): no refusal, no truncation.
        if (auto st = hepdesk::validate(it.dosage, where); !st) {
            return st;
        }
        if (auto st = checkText(it.note, where + " note", kMaxNoteBytes); !st) {
            return st;
        }
    }
    return {};
}

Status checkPsfsAndAdherence(const Screening& sc) {
    if (sc.psfs.size() > kPsfsMaxActivities) {
        return Error::invalid("session PSFS has at most " + std::to_string(kPsfsMaxActivities) +
                              " activities, got " + std::to_string(sc.psfs.size()));
    }
    for (std::size_t i = 0; i < sc.psfs.size(); ++i) {
        const PsfsActivity& a = sc.psfs[i];
        const std::string where = "PSFS activity " + std::to_string(i + 1);
        if (auto st = checkRequiredText(a.activity, where, kPsfsMaxActivityBytes); !st) {
            return st;
        }
        if (auto st = checkRange(a.rating, 0, 10, "PSFS rating"); !st) {
            return Error::invalid(st.error().message + " ('" + a.activity.substr(0, 80) + "')");
        }
        for (std::size_t k = 0; k < i; ++k) {
            if (sc.psfs[k].activity == a.activity) {
                return Error::invalid(where + " ('" + a.activity.substr(0, 80) +
                                      "') is listed twice");
            }
        }
    }
    for (std::size_t i = 0; i < sc.adherence.size(); ++i) {
        const Adherence& a = sc.adherence[i];
        const std::string where = "adherence " + std::to_string(i + 1) + " exercise id";
        if (auto st = checkRequiredText(a.exerciseId, where, kMaxNameBytes); !st) {
            return st;
        }
        if (auto st = checkRange(a.daysDone, 0, kAdherenceDays, "adherence days done"); !st) {
            return Error::invalid(st.error().message + " ('" + a.exerciseId.substr(0, 80) + "')");
        }
        for (std::size_t k = 0; k < i; ++k) {
            if (sc.adherence[k].exerciseId == a.exerciseId) {
                return Error::invalid("adherence for exercise '" + a.exerciseId.substr(0, 80) +
                                      "' is listed twice");
            }
        }
    }
    return {};
}

} // namespace

std::string programItemColumns(std::string_view alias) {
    std::string out;
    std::string_view rest = kProgramItemColumns;
    while (!rest.empty()) {
        const auto comma = rest.find(", ");
        out += (out.empty() ? "" : ", ") + std::string(alias) + "." +
               std::string(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
    }
    return out;
}

HoldUnit storedHoldUnit(std::string_view id) {
    return id == toId(HoldUnit::Minutes) ? HoldUnit::Minutes : HoldUnit::Seconds;
}

TriageLevel storedLevel(const std::string& id) {
    return triageLevelFromId(id).value_or(TriageLevel::Emergency);
}

std::string sessionColumns() {
    return "patient_id, clinician_id, started_at, screening_json, triage, " +
           std::string(kScoreColumns) +
           ", handout_language, handout_large_print, handout_override_reason, signed_at, "
           "signed_by, signed_snapshot, handout_override_kind, handout_override_by, "
           "handout_override_at, row_version";
}

Status readStoredScreening(Session& s, const std::string& screeningJson) {
    const std::string source = "session " + std::to_string(s.id) + " screening";
    auto j = json::parse(screeningJson, source);
    auto screening = j ? json::guarded(source, [&] { return screeningFromJson(*j, source); })
                       : Result<Screening>(j.error());
    if (!screening) {
        return Error::database(screening.error().message +
                               " (the stored record is damaged: restore it from a backup)");
    }
    s.screening = std::move(*screening);
    return {};
}

void completeRead(Session& s) {
    if (auto p = scorePsfs(s.screening.psfs)) {
        s.scores.psfsMean = p->mean;
    }
}

std::optional<std::string> optionalText(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

std::string timeOr(const std::string& given) {
    return given.empty() ? isoDateTime(Clock::current().now()) : given;
}

Error inactiveClinician(std::int64_t id, const std::string& name, std::string_view what) {
    return Error::refused("clinician " + std::to_string(id) + " (" + name +
                          ") is inactive (archived) and cannot " + std::string(what) +
                          "; reactivate them or choose an active clinician");
}

Error archivedPatient(std::int64_t patientId, std::string_view what) {
    const std::string id = std::to_string(patientId);
    return Error::refused("patient " + id + " is archived and read-only: " + std::string(what) +
                          " is refused; restore the patient first ('hepdesk-cli patient archive " +
                          id + " --undo')");
}

Error signedSession(std::int64_t id, const std::string& signedAt) {
    return Error::refused("session " + std::to_string(id) + " was signed at " + signedAt +
                          " and cannot be changed; add an addendum instead");
}

Error addendumToUnsigned(std::int64_t sessionId) {
    return Error::refused("session " + std::to_string(sessionId) +
                          " is not signed: edit it instead of adding an addendum");
}

Error addendumWithoutClinician(std::int64_t sessionId) {
    return Error::invalid("an addendum to session " + std::to_string(sessionId) +
                          " must name the clinician who writes it (an active clinician's id)");
}

Error changedWhileSigning(std::int64_t id) {
    return Error::refused("session " + std::to_string(id) +
                          " was changed while it was being signed; open it again, check it and "
                          "sign");
}

Status checkAddendumTarget(const Status& unsignedAnswer, std::int64_t sessionId,
                           const Addendum& a) {
    if (unsignedAnswer) {
        return addendumToUnsigned(sessionId);
    }
    if (unsignedAnswer.error().kind != Error::Kind::Refused) {
        return unsignedAnswer;
    }
    if (!a.clinicianId) {
        return addendumWithoutClinician(sessionId);
    }
    return {};
}

Status checkUnchangedSinceRead(const Session& stored, const Session& asRead) {
    if (toJson(stored) != toJson(asRead)) {
        return changedWhileSigning(stored.id);
    }
    return {};
}

Status checkAddendumText(const Addendum& a) {
    return checkRequiredText(a.text, "addendum text", kMaxNoteBytes);
}

Status checkSigning(const std::string& snapshot, const std::optional<HandoutRecord>& handout) {
    if (auto r = checkRequiredText(snapshot, "signed snapshot", 64 * 1024 * 1024); !r) {
        return r;
    }
    return handout ? checkSessionHandout(*handout) : Status{};
}

Status checkHandoutExport(const HandoutRecord& h, const std::optional<HandoutOverride>& override) {
    if (auto r = checkSessionHandout(h); !r) {
        return r;
    }
    return override ? checkRequiredText(override->reason, "override reason", kMaxNoteBytes)
                    : Status{};
}

Result<Signature> signatureOf(Session& stored, std::int64_t clinicianId) {
    stored.isSigned = true;
    stored.signedAt = isoDateTime(Clock::current().now());
    stored.signedBy = clinicianId;
    const std::size_t handouts = stored.handouts.size();
    auto seal = sessionSeal(stored, handouts);
    if (!seal) {
        return seal.error();
    }
    return Signature{stored.signedAt, *seal, static_cast<std::int64_t>(handouts)};
}

std::string overrideActor(const std::string& actor) {
    return actor.empty() ? "unknown" : actor;
}

std::string auditSessionAdded(const Session& s) {
    return "patient " + std::to_string(s.patientId) + ", triage " + std::string(toId(s.triage));
}

Error changedElsewhere(std::int64_t id, const Result<SessionRepository::LastChange>& change) {
    return Error::conflict(
        "session " + std::to_string(id) + " was changed on another computer" +
        (change ? " by " + change->by + " at " + change->at : std::string()) +
        " since it was opened: nothing was saved; reload it to see those changes");
}

std::string visitTimeNote(const std::string& startedAt, const std::string& now) {
    if (startedAt.empty() || startedAt == now) {
        return {};
    }
    return ", visit time " + startedAt + ", entered at " + now;
}

std::string visitTimeChange(const std::string& before, const std::string& after) {
    if (before == after) {
        return {};
    }
    return "visit time changed from " + before + " to " + after + " (late entry)";
}

std::string auditSessionSigned(std::int64_t clinicianId, const std::string& seal) {
    return "clinician " + std::to_string(clinicianId) + ", seal " + seal;
}

std::string auditHandoutExported(std::string_view destination, const std::string& sha256) {
    return std::string(destination) + ", sha256 " + sha256;
}

// Shared with the server backend (RecordChecks.h).
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
Status checkSessionHandout(const HandoutRecord& h) {
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

Result<std::string> sessionScreeningText(const Screening& s) {
    // Text that is not UTF-8 cannot be JSON; refuse it rather than store something unreadable.
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
    for (const Status& st : {checkProgram(s.program), checkPsfsAndAdherence(s.screening)}) {
        if (!st) {
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
        if (auto st = checkSessionHandout(h); !st) {
            return st;
        }
    }
    return {};
}

Error missingProtocol(std::string_view name) {
    return Error::notFound("no saved protocol named \"" + std::string(name) + "\"");
}

Error protocolNameTaken(std::string_view name, bool replaceOffered) {
    return Error::refused(
        "a protocol named \"" + std::string(name) + "\" is already saved: " +
        (replaceOffered ? "choose another name or replace it" : "choose another name"));
}

Status checkProtocolNewName(std::string_view to) {
    if (auto s = checkProtocolName(std::string(to), "new protocol name"); !s) {
        return s;
    }
    return checkText(to, "protocol name", kMaxProtocolNameBytes);
}

Result<std::int64_t> protocolToRename(std::string_view from, std::string_view to,
                                      const Result<std::optional<std::int64_t>>& fromId,
                                      const Result<std::optional<std::int64_t>>& toId) {
    if (!fromId) {
        return fromId.error();
    }
    if (!fromId->has_value()) {
        return missingProtocol(from);
    }
    if (!toId) {
        return toId.error();
    }
    if (toId->has_value() && **toId != **fromId) {
        return protocolNameTaken(to, false);
    }
    return **fromId;
}

std::string auditProtocolRenamed(std::string_view from, std::string_view to) {
    return std::string(from) + " -> " + std::string(to);
}

Status checkProtocolShape(const Protocol& p) {
    if (auto s = checkProtocolName(p.name, "saved protocol"); !s) {
        return s;
    }
    if (auto s = checkText(p.name, "protocol name", kMaxProtocolNameBytes); !s) {
        return s;
    }
    if (p.program.items.empty()) {
        return Error::invalid("saved protocol \"" + p.name + "\" has no exercises");
    }
    std::set<std::string> seen;
    for (const ProgramItem& it : p.program.items) {
        const std::string where = "protocol \"" + p.name + "\", exercise " + it.exerciseId;
        if (it.exerciseId.empty() || !seen.insert(it.exerciseId).second) {
            return Error::invalid("saved protocol \"" + p.name + "\": exercise \"" + it.exerciseId +
                                  "\" is empty or listed twice");
        }
        if (auto s = validate(it.dosage, where); !s) {
            return s;
        }
        if (auto s = checkText(it.note, where + " note", kMaxFieldBytes); !s) {
            return s;
        }
    }
    return {};
}

} // namespace hepdesk::db
