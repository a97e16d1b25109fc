#include "hepdesk/visit/VisitWorkflow.h"

#include "hepdesk/core/Assess.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/core/LocalizedText.h"
#include "hepdesk/core/ProgramEligibility.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/core/handout/HandoutWriter.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"
#include "hepdesk/visit/HandoutSnapshot.h"
#include "hepdesk/visit/OverrideReason.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace hepdesk::visit {
namespace {

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

std::string sessionDate(const Session& s) {
    return s.screening.date.empty() ? s.startedAt.substr(0, 10) : s.screening.date;
}

std::string paperName(handout::HandoutOptions::Paper p) {
    return p == handout::HandoutOptions::Paper::Letter ? "letter" : "a4";
}

/// The day of "YYYY-MM-DD", or nothing for any other text.
std::optional<std::chrono::sys_days> dayOf(std::string_view date) {
    if (!isCalendarDate(date)) {
        return std::nullopt;
    }
    const auto num = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            v = v * 10 + (date[i] - '0');
        }
        return v;
    };
    return std::chrono::sys_days{std::chrono::year_month_day{
        std::chrono::year{num(0, 4)}, std::chrono::month{static_cast<unsigned>(num(5, 2))},
        std::chrono::day{static_cast<unsigned>(num(8, 2))}}};
}

/// Whole years from `birth` to `on` (both "YYYY-MM-DD"), or nothing when either is not a date
/// or `on` is before `birth`.
std::optional<int> ageOn(std::string_view birth, std::string_view on) {
    const auto b = dayOf(birth);
    const auto d = dayOf(on);
    if (!b || !d || *d < *b) {
        return std::nullopt;
    }
    const std::chrono::year_month_day by{*b};
    const std::chrono::year_month_day dy{*d};
    int years = static_cast<int>(dy.year()) - static_cast<int>(by.year());
    if (dy.month() < by.month() || (dy.month() == by.month() && dy.day() < by.day())) {
        --years;
    }
    return years;
}

/// Days from `from` to `to` (0 when either is not a date or `to` is earlier).
int daysBetween(std::string_view from, std::string_view to) {
    const auto a = dayOf(from);
    const auto b = dayOf(to);
    return a && b && *b > *a ? static_cast<int>((*b - *a).count()) : 0;
}

bool sameImage(const std::shared_ptr<const handout::ImageData>& a,
               const std::shared_ptr<const handout::ImageData>& b) {
    return (a == nullptr) == (b == nullptr) && (a == nullptr || a->bytes == b->bytes);
}

/// Whether a clinic file asks for what the snapshot already has (its clinician only when it
/// names one: otherwise the session's stays).
bool sameClinic(const handout::ClinicInfo& asked, const handout::ClinicInfo& stored) {
    return asked.name == stored.name && asked.address == stored.address &&
           asked.phone == stored.phone && sameImage(asked.logo, stored.logo) &&
           (asked.clinicianName.empty() ||
            (asked.clinicianName == stored.clinicianName &&
             asked.clinicianCredentials == stored.clinicianCredentials));
}

/// Kinds of error with which the composer refuses a handout (the reason is shown, nothing
/// else is wrong): at signing such a session is signed without a fingerprint.
bool handoutRefused(const Error& e) {
    return e.kind == Error::Kind::Refused || e.kind == Error::Kind::InvalidInput ||
           e.kind == Error::Kind::NotFound;
}

/// The digits of `s` at [at, at + n) as a number, or -1 when one is not a digit.
int digitsAt(std::string_view s, std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (i >= s.size() || s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

} // namespace

std::optional<std::string> utcMoment(std::string_view text) {
    const std::string t = trimmed(text);
    const std::string_view s = t;
    if (s.size() < 17 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':') {
        return std::nullopt;
    }
    const auto day = dayOf(s.substr(0, 10));
    const int hh = digitsAt(s, 11, 2), mm = digitsAt(s, 14, 2);
    std::size_t at = 16;
    int ss = 0;
    if (at < s.size() && s[at] == ':') {
        ss = digitsAt(s, at + 1, 2);
        at += 3;
    }
    if (!day || hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59 || at >= s.size()) {
        return std::nullopt;
    }
    int offset = 0; // minutes east of UTC
    if ((s[at] == 'Z' || s[at] == 'z') && at + 1 == s.size()) {
        offset = 0;
    } else if ((s[at] == '+' || s[at] == '-') && s.size() == at + 6 && s[at + 3] == ':') {
        const int oh = digitsAt(s, at + 1, 2), om = digitsAt(s, at + 4, 2);
        if (oh < 0 || oh > 14 || om < 0 || om > 59) {
            return std::nullopt;
        }
        offset = (s[at] == '+' ? 1 : -1) * (oh * 60 + om);
    } else {
        return std::nullopt;
    }
    // Formatted here from seconds: system_clock's nanoseconds end in 2262.
    using namespace std::chrono;
    const sys_seconds moment = sys_seconds{*day} + hours{hh} + minutes{mm - offset} + seconds{ss};
    const auto d = floor<days>(moment);
    const year_month_day ymd{d};
    const hh_mm_ss hms{moment - d};
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return std::string(out);
}

Status requireScreening(const Screening& screening, std::string_view source) {
    if (!isScreeningRecorded(screening)) {
        return Error::refused(
            std::string(source) +
            ": the screening is not recorded yet; record the red flags and conditions found, "
            "the pain scores or a questionnaire before a handout is given or the session is "
            "signed");
    }
    return {};
}

Status requireScreening(const Session& s) {
    if (s.isSigned) {
        return {};
    }
    return requireScreening(s.screening, "session " + std::to_string(s.id));
}

VisitWorkflow::VisitWorkflow(Repositories repos, const Catalog& catalog, const ClinicalRules& rules,
                             const handout::HandoutWriter& writer)
    : repos_(repos), catalog_(catalog), rules_(rules), writer_(writer) {}

Result<Assessment> VisitWorkflow::assess(const Screening& screening, std::string_view source,
                                         const nlohmann::json* doc) const {
    return hepdesk::assess(screening, rules_, catalog_, source, doc);
}

ProgramCheck VisitWorkflow::checkProgram(const Program& program, const Assessment& assessment,
                                         bool overridden) const {
    ProgramCheck check;
    for (const ProgramItem& item : program.items) {
        const CatalogEntry* entry = catalog_.find(item.exerciseId);
        const ProgramDecision d = checkProgramItem(assessment, item.exerciseId, overridden);
        const std::string name = entry != nullptr ? entry->name.text("en") : std::string();
        if (d.verdict == ProgramVerdict::Excluded) {
            check.excluded.push_back(refusalMessage(d, item.exerciseId, name));
        } else if (d.verdict == ProgramVerdict::BlockedByTriage) {
            check.blocked.push_back(refusalMessage(d, item.exerciseId, name));
        } else if (d.verdict == ProgramVerdict::Caution) {
            for (const EligibilityReason& r : d.reasons) {
                check.cautions.push_back(item.exerciseId + ": " + r.clinicianReason);
            }
        }
    }
    return check;
}

Result<StartedSession> VisitWorkflow::start(std::int64_t patientId, const StartOptions& options) {
    auto patient = repos_.patients.get(patientId);
    if (!patient) {
        return patient.error();
    }
    if (patient->archived) {
        // Said before any answer is typed, not when the database refuses the first save.
        const std::string id = std::to_string(patientId);
        return Error::refused("patient " + id +
                              " is archived and read-only: a new session is refused; restore "
                              "the patient first ('hepdesk-cli patient archive " +
                              id + " --undo')");
    }
    if (options.clinicianId) {
        if (auto c = repos_.clinicians.get(*options.clinicianId); !c) {
            return c.error();
        }
    }
    StartedSession started;
    Session& s = started.session;
    s.patientId = patientId;
    s.clinicianId = options.clinicianId;
    s.startedAt = isoDateTime(Clock::current().now());
    if (options.screening) {
        s.screening = *options.screening;
    } else {
        s.screening.date = isoDate(Clock::current().now()); // today's answers are today's
    }
    s.handoutOptions = options.handout;
    if (!s.screening.age) {
        // Worked out, never "not recorded", when the patient's birth date is known.
        s.screening.age = ageOn(patient->birthDate, sessionDate(s));
    }
    if (!options.followUpFrom) {
        return started;
    }
    std::int64_t fromId = *options.followUpFrom;
    if (fromId == 0) {
        auto history = repos_.sessions.history(patientId, {1});
        if (!history) {
            return history.error();
        }
        if (history->empty()) {
            return Error::invalid("patient " + std::to_string(patientId) +
                                  " has no earlier session to follow up");
        }
        fromId = history->front().id;
    }
    auto last = repos_.sessions.get(fromId);
    if (!last) {
        return last.error();
    }
    if (last->patientId != patientId) {
        return Error::invalid("session " + std::to_string(fromId) +
                              " is not a session of patient " + std::to_string(patientId));
    }
    s.handoutOptions.language = last->handoutOptions.language;
    s.handoutOptions.largePrint = last->handoutOptions.largePrint;
    if (s.screening.regions.empty()) {
        s.screening.regions = last->screening.regions;
    }
    started.carried = carryOver(*last, s.screening, options.cleared);
    s.program = last->program;
    // The last program, checked against today's screening with what it carried: what that
    // excludes stays out, and what it cautions shows its caution from the start.
    auto assessment = assess(s.screening, "today's screening");
    if (!assessment) {
        return assessment.error();
    }
    started.leftOut = leaveOut(s.program, *assessment, "session " + std::to_string(fromId));
    return started;
}

CarriedOver VisitWorkflow::carryOver(const Session& last, Screening& today,
                                     const std::set<std::string>& cleared) const {
    CarriedOver carried;
    carried.fromSession = last.id;
    for (const std::string& id : last.screening.findings) {
        const FindingItem* item = rules_.items().finding(id);
        if (item != nullptr && item->lasting && !cleared.contains(id) &&
            today.findings.insert(id).second) {
            carried.findings.push_back(id);
        }
    }
    if (today.sex == Sex::Unspecified && last.screening.sex != Sex::Unspecified) {
        today.sex = last.screening.sex;
        carried.sex = true;
    }
    const int days = daysBetween(sessionDate(last), today.date);
    if (!today.age && last.screening.age) {
        today.age = std::min(120, *last.screening.age + days / 365);
        carried.age = true;
    }
    if (!today.durationDays && last.screening.durationDays) {
        today.durationDays = std::min(36500, *last.screening.durationDays + days);
        carried.duration = true;
    }
    // PSFS: the same activities, in the patient's words, are rated again at each follow-up
    // (clinical-reference); today's ratings start empty so no old rating passes for a new one.
    if (today.psfs.empty()) {
        for (const PsfsActivity& a : last.screening.psfs) {
            today.psfs.push_back(PsfsActivity{a.activity, std::nullopt});
        }
        carried.psfsActivities = today.psfs.size();
    }
    return carried;
}

std::vector<std::string> VisitWorkflow::leaveOut(Program& program, const Assessment& assessment,
                                                 std::string_view from) const {
    std::vector<std::string> leftOut;
    std::erase_if(program.items, [&](const ProgramItem& item) {
        const CatalogEntry* entry = catalog_.find(item.exerciseId);
        if (entry == nullptr || !entry->isExercise()) {
            leftOut.push_back("left out '" + item.exerciseId + "' of " + std::string(from) +
                              ": no longer in the catalog");
            return true;
        }
        // Only an exclusion leaves an exercise out: a triage block is lifted by an override.
        const ProgramDecision d = checkProgramItem(assessment, item.exerciseId, true);
        if (d.verdict == ProgramVerdict::Excluded) {
            leftOut.push_back("left out '" + item.exerciseId + "' of " + std::string(from) +
                              ": excluded for today's screening: " + reasonsText(d));
            return true;
        }
        return false;
    });
    return leftOut;
}

Status VisitWorkflow::setVisitTime(Session& s, std::string_view when) const {
    if (s.isSigned) {
        return Error::refused("session " + std::to_string(s.id) + " is signed: its visit time (" +
                              s.startedAt + ") can no longer change; add an addendum instead");
    }
    const auto moment = utcMoment(when);
    if (!moment) {
        return Error::invalid("visit time: expected a date and time such as 2026-11-30T14:05Z "
                              "(or with an offset such as +01:00), got '" +
                              trimmed(when).substr(0, 40) + "'");
    }
    const std::string now = isoDateTime(Clock::current().now());
    if (*moment > now) { // same fixed-width UTC format: text order is time order
        return Error::invalid("visit time " + *moment + " is in the future (now " + now +
                              "): a late entry records a visit that already took place");
    }
    auto patient = repos_.patients.get(s.patientId);
    if (!patient) {
        return patient.error();
    }
    const std::string day = moment->substr(0, 10);
    if (isCalendarDate(patient->birthDate) && day < patient->birthDate) {
        return Error::invalid("visit time " + *moment + " is before the patient's birth date " +
                              patient->birthDate);
    }
    s.startedAt = *moment;
    s.screening.date = day;
    if (auto age = ageOn(patient->birthDate, day)) {
        s.screening.age = age; // the age on the day of the visit
    }
    return {};
}

Result<SavedDraft> VisitWorkflow::saveDraft(Session& s) {
    if (s.isSigned) {
        return Error::refused("session " + std::to_string(s.id) +
                              " is signed: it can no longer change; add an addendum instead");
    }
    HandoutOptions& o = s.handoutOptions;
    o.overrideReason = trimmed(o.overrideReason);
    if (o.overrideReason.empty()) {
        o.overrideKind.clear();
        o.overrideBy.reset();
        o.overrideAt.clear();
    } else {
        if (auto st = checkOverride(o.overrideKind, o.overrideReason); !st) {
            return st.error();
        }
        // Who and when: the session's clinician, now, whenever the override itself changes.
        std::optional<Session> stored;
        if (s.id != 0) {
            auto got = repos_.sessions.get(s.id);
            if (!got) {
                return got.error();
            }
            stored = std::move(*got);
        }
        if (!stored || stored->handoutOptions.overrideReason != o.overrideReason ||
            stored->handoutOptions.overrideKind != o.overrideKind || o.overrideAt.empty()) {
            o.overrideBy = s.clinicianId;
            o.overrideAt = isoDateTime(Clock::current().now());
        }
    }
    auto assessment = assess(s.screening);
    if (!assessment) {
        return assessment.error();
    }
    s.triage = assessment->level;
    s.findings = assessment->findings;
    s.scores = sessionScores(s.screening, assessment->scores);
    if (s.id == 0) {
        auto id = repos_.sessions.add(s);
        if (!id) {
            return id.error();
        }
        s.id = *id;
        s.rowVersion = 0; // a new row starts at version 0
    } else if (auto st = repos_.sessions.update(s); !st) {
        if (st.error().kind == Error::Kind::Conflict) {
            auto text = changedElsewhere(s.id, "en");
            return Error::conflict(text ? *text : st.error().message);
        }
        return st.error();
    } else {
        ++s.rowVersion;
    }
    SavedDraft saved{s.id, std::move(*assessment), {}};
    saved.program = checkProgram(s.program, saved.assessment,
                                 !trimmed(s.handoutOptions.overrideReason).empty());
    return saved;
}

Result<std::string> VisitWorkflow::changedElsewhere(std::int64_t sessionId, std::string_view lang,
                                                    const TimeText& timeText) {
    auto change = repos_.sessions.lastChange(sessionId);
    if (!change) {
        return change.error();
    }
    // The time on this computer's clock, never UTC: the person compares it with their own.
    std::string at;
    if (timeText) {
        at = timeText(change->at);
    } else if (const std::string local = localDateTimeText(change->at); local != change->at) {
        at = local + (lang == "es" ? " (hora local)" : " (local time)");
    } else {
        at = change->at;
    }
    if (lang == "es") {
        return "La sesión " + std::to_string(sessionId) + " fue modificada en otro ordenador por " +
               change->by + " el " + at + "; vuelva a cargarla";
    }
    return "Session " + std::to_string(sessionId) + " was changed on another computer by " +
           change->by + " at " + at + "; reload it";
}

Result<handout::ClinicInfo> VisitWorkflow::clinicInfo(std::optional<std::int64_t> clinicianId) {
    handout::ClinicInfo info;
    auto settings = repos_.clinic.load();
    if (!settings) {
        return settings.error();
    }
    info.name = settings->name;
    info.address = settings->address;
    info.phone = settings->phone;
    if (!settings->logo.empty()) {
        auto logo = handout::imageFromBytes(settings->logo, "the clinic's logo");
        if (!logo) {
            return logo.error();
        }
        info.logo = *logo;
    }
    if (clinicianId) {
        auto c = repos_.clinicians.get(*clinicianId);
        if (!c) {
            return c.error();
        }
        info.clinicianName = c->name;
        info.clinicianCredentials = c->credentials;
    }
    return info;
}

Result<HandoutPlan> VisitWorkflow::draftHandout(const Session& s, const HandoutChanges& changes) {
    HandoutPlan plan;
    handout::HandoutRequest& r = plan.request;
    const std::string sentence =
        trimmed(changes.overrideReason.value_or(s.handoutOptions.overrideReason));
    const std::string kind = changes.overrideKind.value_or(s.handoutOptions.overrideKind);
    if (!sentence.empty()) {
        if (auto st = checkOverride(kind, sentence); !st) {
            return st.error();
        }
        // The record's text, on the clinician's copy and in the snapshot: "<kind>: <sentence>".
        r.overrideReason =
            overrideText(kind, sentence, changes.language.value_or(s.handoutOptions.language));
    }
    // A screening that contradicts itself (pregnancy with sex male, pain now above worst) is
    // no basis for a handout or a signature: it is fixed first.
    if (auto st =
            rules_.checks().refuseContradictions(s.screening, "session " + std::to_string(s.id));
        !st) {
        return st.error();
    }
    // Screen first: nothing recorded is not a routine screening, and no basis for exercises
    // (a session signed before this rule reprints as it was).
    if (auto st = requireScreening(s); !st) {
        return st.error();
    }
    auto assessment = assess(s.screening, "session " + std::to_string(s.id));
    if (!assessment) {
        return assessment.error();
    }
    auto patient = repos_.patients.get(s.patientId);
    if (!patient) {
        return patient.error();
    }
    // A signed session's handout names who signed it.
    auto clinic = clinicInfo(s.signedBy ? s.signedBy : s.clinicianId);
    if (!clinic) {
        return clinic.error();
    }
    r.clinic = std::move(*clinic);
    if (changes.clinic) {
        handout::ClinicInfo replaced = *changes.clinic;
        if (replaced.clinicianName.empty()) {
            replaced.clinicianName = r.clinic.clinicianName;
            replaced.clinicianCredentials = r.clinic.clinicianCredentials;
        }
        r.clinic = std::move(replaced);
    }
    r.patientName = patient->name;
    r.sessionDate = sessionDate(s);
    r.program = s.program;
    r.assessment = std::move(*assessment);
    r.findingIds = s.screening.findings;
    r.options.lang = changes.language.value_or(s.handoutOptions.language);
    r.options.largePrint = changes.largePrint.value_or(s.handoutOptions.largePrint);
    r.options.paper = changes.paper.value_or(handout::HandoutOptions::Paper::A4);
    r.options.exerciseLog = changes.exerciseLog.value_or(false);
    if (changes.goals.value_or(false)) {
        for (const PsfsActivity& a : s.screening.psfs) {
            r.goals.push_back(a.activity);
        }
    }
    r.options.clinicianCopy = changes.clinicianCopy;
    return plan;
}

Result<HandoutPlan> VisitWorkflow::signedHandout(const Session& s, const HandoutChanges& changes) {
    if (s.signedSnapshot.empty()) {
        // Signed before snapshots existed: made as a draft is, naming who signed it.
        return draftHandout(s, changes);
    }
    const std::string what = "session " + std::to_string(s.id);
    auto snapshot = snapshotFromJson(s.signedSnapshot, what + " snapshot");
    if (!snapshot) {
        return snapshot.error();
    }
    HandoutPlan plan;
    plan.fromSnapshot = true;
    plan.signedSha256 = snapshot->handoutSha256;
    plan.request = std::move(snapshot->request);
    handout::HandoutRequest& r = plan.request;
    r.options.clinicianCopy = changes.clinicianCopy;
    // An override given after signing stands for every later reprint.
    const bool overrideAfterSigning = r.overrideReason.empty() && !s.overrides.empty();
    if (overrideAfterSigning) {
        r.overrideReason =
            overrideText(s.overrides.front().kind, s.overrides.front().reason, r.options.lang);
    }

    std::vector<std::string> changed;
    const auto differs = [&](const std::string& name, const std::string& stored,
                             const std::string& asked, const char* as = "signed") {
        changed.push_back(name + " '" + asked.substr(0, 80) + "' (" + as + ": '" +
                          stored.substr(0, 80) + "')");
    };
    if (changes.language && *changes.language != r.options.lang) {
        differs(changes.names.language, r.options.lang, *changes.language);
    }
    if (changes.largePrint && *changes.largePrint != r.options.largePrint) {
        differs(changes.names.largePrint, r.options.largePrint ? "on" : "off",
                *changes.largePrint ? "on" : "off");
    }
    if (changes.paper && *changes.paper != r.options.paper) {
        differs(changes.names.paper, paperName(r.options.paper), paperName(*changes.paper));
    }
    if (changes.exerciseLog && *changes.exerciseLog != r.options.exerciseLog) {
        differs("exercise log", r.options.exerciseLog ? "on" : "off",
                *changes.exerciseLog ? "on" : "off");
    }
    if (changes.goals && *changes.goals != !r.goals.empty()) {
        differs("goals", r.goals.empty() ? "off" : "on", *changes.goals ? "on" : "off");
    }
    if (changes.clinic && !sameClinic(*changes.clinic, r.clinic)) {
        differs(changes.names.clinic, r.clinic.name, changes.clinic->name);
    }
    if (changes.overrideReason) {
        const std::string sentence = trimmed(*changes.overrideReason);
        const std::string kind = changes.overrideKind.value_or("");
        const std::string asked = overrideText(kind, sentence, r.options.lang);
        if (!r.overrideReason.empty()) {
            if (asked != trimmed(r.overrideReason) && sentence != trimmed(r.overrideReason)) {
                differs(changes.names.overrideReason, r.overrideReason, asked,
                        overrideAfterSigning ? "given after signing" : "signed");
            }
        } else if (handoutAllowedWithoutOverride(r.assessment.level)) {
            differs(changes.names.overrideReason, "", asked);
        } else {
            // Signed without a reason, so no handout could be made then: the override given now
            // is stored with who and when, and prints on this and every later reprint.
            if (auto st = checkOverride(kind, sentence); !st) {
                return st.error();
            }
            if (changes.clinicianCopy) {
                return Error::refused(
                    what + ": give the override reason with the patient's handout first (it is "
                           "stored with that handout's record), then print the clinician's copy");
            }
            HandoutOverride o;
            o.clinicianId = changes.clinicianId;
            o.createdAt = isoDateTime(Clock::current().now());
            o.reason = sentence;
            o.kind = kind;
            plan.newOverride = o;
            r.overrideReason = asked;
        }
    }
    if (!changed.empty()) {
        std::string list;
        for (const std::string& c : changed) {
            list += (list.empty() ? "" : ", ") + c;
        }
        return Error::refused(what + " is signed: its handout reprints exactly as signed, so " +
                              list + " cannot change it; leave " +
                              (changed.size() == 1 ? "that option" : "those options") +
                              " out, or add an addendum");
    }
    plan.asSigned = !changes.clinicianCopy && !overrideAfterSigning && !plan.newOverride;
    if (plan.asSigned) {
        auto kept = repos_.sessions.signedHandoutPdf(s.id);
        if (!kept) {
            return kept.error();
        }
        if (*kept) {
            plan.signedPdf = std::make_shared<const SignedHandoutPdf>(std::move(**kept));
        }
    }
    return plan;
}

Result<HandoutPlan> VisitWorkflow::handout(const Session& session, const HandoutChanges& changes) {
    return session.isSigned ? signedHandout(session, changes) : draftHandout(session, changes);
}

Result<HandoutPlan> VisitWorkflow::handout(std::int64_t sessionId, const HandoutChanges& changes) {
    auto session = repos_.sessions.get(sessionId);
    if (!session) {
        return session.error();
    }
    return handout(*session, changes);
}

Result<handout::ReferralLetter>
VisitWorkflow::referralLetter(const Session& s, std::string_view lang,
                              handout::HandoutOptions::Paper paper) {
    const std::string what = "session " + std::to_string(s.id);
    if (lang.empty()) {
        lang = s.handoutOptions.language; // the patient's language, as for the handout
    }
    if (std::find(std::begin(kLanguages), std::end(kLanguages), lang) == std::end(kLanguages)) {
        return Error::invalid("language '" + std::string(lang).substr(0, 40) +
                              "' is not supported for a referral letter (en, es)");
    }
    handout::ReferralLetter l;
    l.lang = std::string(lang);
    l.paper = paper;
    l.sessionDate = sessionDate(s);
    std::vector<Finding> findings;
    if (s.isSigned) {
        // What was signed: the stored triage, findings and scores, whatever today's rules say.
        l.level = s.triage;
        findings = s.findings;
        l.scores = s.scores;
    } else {
        // Nothing recorded is no screening to refer on (not a routine triage).
        if (auto st = requireScreening(s); !st) {
            return st.error();
        }
        auto assessment = assess(s.screening, what);
        if (!assessment) {
            return assessment.error();
        }
        l.level = assessment->level;
        findings = assessment->findings;
        l.scores = sessionScores(s.screening, assessment->scores);
    }
    if (l.level == TriageLevel::Routine) {
        return Error::refused(what + ": the triage is 'Routine': a referral letter is written for "
                                     "refer and monitor, urgent referral or emergency, and there "
                                     "is nothing to refer");
    }
    for (const Finding& f : findings) {
        if (f.level == TriageLevel::Routine) {
            continue;
        }
        // "What was found: why it matters" (the finding, then its rule's reason).
        std::string line = rules_.triage().reasonIn(f, lang);
        if (const FindingItem* item = rules_.items().finding(f.itemId); item != nullptr) {
            const std::string& label = item->clinicianLabel.text(lang);
            if (!label.empty() && line.find(label) == std::string::npos) {
                line = label + ": " + line;
            }
        }
        if (std::find(l.findings.begin(), l.findings.end(), line) == l.findings.end()) {
            l.findings.push_back(std::move(line));
        }
    }
    auto patient = repos_.patients.get(s.patientId);
    if (!patient) {
        return patient.error();
    }
    l.patientName = patient->name;
    l.patientBirthDate = patient->birthDate;
    l.patientRecord = patient->recordNumber;
    auto clinic = clinicInfo(s.signedBy ? s.signedBy : s.clinicianId);
    if (!clinic) {
        return clinic.error();
    }
    l.clinic = std::move(*clinic);
    return l;
}

Result<handout::ReferralLetter>
VisitWorkflow::referralLetter(std::int64_t sessionId, std::string_view lang,
                              handout::HandoutOptions::Paper paper) {
    auto session = repos_.sessions.get(sessionId);
    if (!session) {
        return session.error();
    }
    return referralLetter(*session, lang, paper);
}

Result<std::string> VisitWorkflow::renderReferral(const handout::ReferralLetter& letter) const {
    auto r = writer_.renderReferral(letter);
    if (!r) {
        return r.error();
    }
    return std::move(r->pdf);
}

Result<std::string> VisitWorkflow::render(const HandoutPlan& plan) const {
    auto r = produceHandout(writer_, catalog_.entries(), plan);
    if (!r) {
        return r.error();
    }
    return std::move(r->pdf);
}

Result<handout::HandoutWriter::Rendered> produceHandout(const handout::HandoutWriter& writer,
                                                        const std::vector<CatalogEntry>& catalog,
                                                        const HandoutPlan& plan) {
    if (plan.asSigned && plan.signedPdf) {
        return handout::HandoutWriter::Rendered{plan.signedPdf->pdf, plan.signedPdf->pages, {}};
    }
    auto rendered = writer.render(plan.request, catalog);
    if (!rendered) {
        return rendered.error();
    }
    if (plan.asSigned && !plan.signedSha256.empty()) {
        const std::string sha = sha256Hex(rendered->pdf);
        if (sha != plan.signedSha256) {
            return Error::refused(
                "this signed session's handout cannot be printed again exactly as it was signed: "
                "it was signed before HepDesk kept the signed PDF with the session, and this "
                "installation's fonts or templates have changed since (signed sha256 " +
                plan.signedSha256 + ", now " + sha +
                "); a signed record is never printed differently. The exports recorded with the "
                "session are the handout as given; print the clinician's copy for reference");
        }
    }
    return rendered;
}

Result<HandoutRecord> VisitWorkflow::recordHandout(std::int64_t sessionId, std::string_view pdf,
                                                   const HandoutPlan& plan,
                                                   std::string_view destination) {
    return recordHandout(sessionId, sha256Hex(pdf), static_cast<std::int64_t>(pdf.size()), plan,
                         destination);
}

Result<HandoutRecord> VisitWorkflow::recordHandout(std::int64_t sessionId,
                                                   const std::string& sha256, std::int64_t byteSize,
                                                   const HandoutPlan& plan,
                                                   std::string_view destination) {
    if (plan.request.options.clinicianCopy) {
        return Error::refused("session " + std::to_string(sessionId) +
                              ": the clinician's copy is not recorded as a handout given to the "
                              "patient");
    }
    HandoutRecord record;
    record.sha256 = sha256;
    record.byteSize = byteSize;
    record.createdAt = isoDateTime(Clock::current().now());
    record.language = plan.request.options.lang;
    record.largePrint = plan.request.options.largePrint;
    return repos_.sessions.recordHandout(sessionId, record, plan.newOverride, destination);
}

Result<SignedSession> VisitWorkflow::sign(std::int64_t sessionId, std::int64_t clinicianId,
                                          handout::HandoutOptions::Paper paper,
                                          HandoutExtras extras) {
    auto session = repos_.sessions.get(sessionId);
    if (!session) {
        return session.error();
    }
    if (session->isSigned) {
        return Error::refused("session " + std::to_string(sessionId) + " was signed at " +
                              session->signedAt +
                              " and cannot be signed again; add an addendum instead");
    }
    auto clinician = repos_.clinicians.get(clinicianId);
    if (!clinician) {
        return clinician.error();
    }
    if (!clinician->active) {
        return Error::refused("clinician " + std::to_string(clinicianId) + " (" + clinician->name +
                              ") is inactive and cannot sign");
    }
    // The handout as it stands, named for its signer: what the snapshot keeps for every reprint.
    Session asSigned = *session;
    asSigned.signedBy = clinicianId;
    HandoutChanges changes;
    changes.paper = paper;
    changes.exerciseLog = extras.exerciseLog;
    changes.goals = extras.goals;
    auto plan = draftHandout(asSigned, changes);
    if (!plan) {
        return plan.error();
    }
    HandoutSnapshot snapshot{plan->request, {}};
    std::optional<HandoutRecord> record;
    std::optional<SignedHandoutPdf> kept;
    if (auto pdf = writer_.render(plan->request, catalog_.entries()); pdf) {
        snapshot.handoutSha256 = sha256Hex(pdf->pdf);
        record = HandoutRecord{0,
                               snapshot.handoutSha256,
                               static_cast<std::int64_t>(pdf->pdf.size()),
                               isoDateTime(Clock::current().now()),
                               plan->request.options.lang,
                               plan->request.options.largePrint};
        kept = SignedHandoutPdf{snapshot.handoutSha256, pdf->pages, std::move(pdf->pdf)};
    } else if (!handoutRefused(pdf.error())) {
        return pdf.error();
    } // else no handout can be given yet (a referral first): signed without a fingerprint
    if (auto st = repos_.sessions.signWithSnapshot(sessionId, clinicianId, snapshotToJson(snapshot),
                                                   record, *session, kept);
        !st) {
        return st.error();
    }
    auto signedSession = repos_.sessions.get(sessionId);
    if (!signedSession) {
        return signedSession.error();
    }
    return SignedSession{std::move(*signedSession), snapshot.handoutSha256};
}

Result<Session> VisitWorkflow::addAddendum(std::int64_t sessionId,
                                           std::optional<std::int64_t> clinicianId,
                                           std::string_view text) {
    if (clinicianId) {
        if (auto c = repos_.clinicians.get(*clinicianId); !c) {
            return c.error();
        }
    }
    Addendum a;
    a.clinicianId = clinicianId;
    a.createdAt = isoDateTime(Clock::current().now());
    a.text = trimmed(text);
    if (auto id = repos_.sessions.addAddendum(sessionId, a); !id) {
        return id.error();
    }
    return repos_.sessions.get(sessionId);
}

} // namespace hepdesk::visit
