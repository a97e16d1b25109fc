#include "JsonObjectReader.h"
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/OutcomeScoring.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace hepdesk {
namespace {
using detail::ErrorSink;
using detail::JsonObjectReader;

nlohmann::json disabilityJson(const DisabilityScore& d) {
    // One decimal: 16/45 = 35.6 %, as the reference writes it.
    return {{"total", d.total},
            {"answered", d.answered},
            {"percent", std::round(d.percent * 10.0) / 10.0},
            {"band", d.band},
            {"reliable", d.reliable}};
}

std::optional<DisabilityScore> readDisability(JsonObjectReader& parent, std::string_view key) {
    const auto* v = parent.get(key, false);
    if (v == nullptr) {
        return std::nullopt;
    }
    JsonObjectReader r = parent.child(*v, parent.at(key));
    DisabilityScore d;
    d.total = r.integer("total", 0, 50, true);
    d.answered = r.integer("answered", 1, 10, true);
    if (const auto* p = r.get("percent", true)) {
        if (!p->is_number() || p->get<double>() < 0 || p->get<double>() > 100) {
            r.fail(r.at("percent"), "expected a number from 0 to 100");
        } else {
            d.percent = p->get<double>();
        }
    }
    d.band = r.id("band");
    d.reliable = r.boolean("reliable", true);
    r.finish();
    return d;
}

template <class E, class F>
std::optional<E> enumFrom(std::string_view id, F toIdFn, std::initializer_list<E> all) {
    for (E e : all) {
        if (toIdFn(e) == id) {
            return e;
        }
    }
    return std::nullopt;
}

} // namespace

nlohmann::json toJson(const Assessment& a) {
    nlohmann::json j;
    j["level"] = toId(a.level);
    j["handout_allowed_without_override"] = handoutAllowedWithoutOverride(a.level);
    j["findings"] = nlohmann::json::array();
    for (const Finding& f : a.findings) {
        j["findings"].push_back({{"item", f.itemId},
                                 {"rule", f.ruleId},
                                 {"level", toId(f.level)},
                                 {"reason", f.reason}});
    }
    nlohmann::json scores = nlohmann::json::object();
    if (a.scores.painNow) {
        scores["pain"] = {{"now", *a.scores.painNow},
                          {"band", toId(a.scores.painBand.value_or(PainBand::None))}};
    }
    if (a.scores.startBack) {
        const auto& sb = *a.scores.startBack;
        scores["start_back"] = {{"total", sb.total},
                                {"psychosocial", sb.psychosocial},
                                {"answered", sb.answered},
                                {"complete", sb.complete()},
                                {"risk", toId(sb.risk)}};
    }
    if (a.scores.odi) {
        scores["odi"] = disabilityJson(*a.scores.odi);
    }
    if (a.scores.ndi) {
        scores["ndi"] = disabilityJson(*a.scores.ndi);
    }
    if (a.scores.psfs) {
        const auto& p = *a.scores.psfs;
        scores["psfs"] = {{"mean", std::round(p.mean * 100.0) / 100.0},
                          {"rated", p.rated},
                          {"activities", p.activities}};
    }
    j["scores"] = scores;
    j["eligibility"] = nlohmann::json::array();
    for (const Eligibility& e : a.eligibility) {
        nlohmann::json reasons = nlohmann::json::array();
        for (const EligibilityReason& r : e.reasons) {
            nlohmann::json rj = {
                {"finding", r.findingId}, {"rule", r.ruleId}, {"reason", r.clinicianReason}};
            if (!r.patientNote.byLang.empty()) {
                rj["patient_note"] = r.patientNote.byLang;
            }
            reasons.push_back(std::move(rj));
        }
        j["eligibility"].push_back(
            {{"exercise", e.exerciseId}, {"status", toId(e.status)}, {"reasons", reasons}});
    }
    return j;
}

Result<Assessment> assessmentFromJson(const nlohmann::json& j, std::string_view source) {
    ErrorSink sink;
    JsonObjectReader r(j, source, "", sink);
    Assessment a;
    const std::string level =
        r.oneOf("level", {"routine", "refer_and_monitor", "urgent_referral", "emergency"});
    a.level = triageLevelFromId(level).value_or(TriageLevel::Routine);
    r.boolean("handout_allowed_without_override", false);
    if (const auto* fs = r.array("findings", 0)) {
        for (std::size_t i = 0; i < fs->size() && !sink.failed(); ++i) {
            JsonObjectReader fr = r.child((*fs)[i], "/findings/" + std::to_string(i));
            Finding f;
            f.itemId = fr.id("item");
            f.ruleId = fr.id("rule");
            f.level = triageLevelFromId(fr.oneOf("level", {"routine", "refer_and_monitor",
                                                           "urgent_referral", "emergency"}))
                          .value_or(TriageLevel::Routine);
            f.reason = fr.string("reason");
            fr.finish();
            a.findings.push_back(std::move(f));
        }
    }
    if (const auto* sc = r.get("scores", true)) {
        JsonObjectReader sr = r.child(*sc, "/scores");
        if (const auto* p = sr.get("pain", false)) {
            JsonObjectReader pr = sr.child(*p, "/scores/pain");
            a.scores.painNow = pr.integer("now", 0, 10, true);
            a.scores.painBand =
                painBandFromId(pr.oneOf("band", {"none", "mild", "moderate", "severe"}));
            pr.finish();
        }
        if (const auto* p = sr.get("start_back", false)) {
            JsonObjectReader br = sr.child(*p, "/scores/start_back");
            StartBackScore sb;
            sb.total = br.integer("total", 0, 9, true);
            sb.psychosocial = br.integer("psychosocial", 0, 5, true);
            sb.answered = br.integer("answered", 0, 9, true);
            br.boolean("complete", false);
            sb.risk = enumFrom<StartBackRisk>(
                          br.oneOf("risk", {"low", "medium", "high"}),
                          [](StartBackRisk x) { return toId(x); },
                          {StartBackRisk::Low, StartBackRisk::Medium, StartBackRisk::High})
                          .value_or(StartBackRisk::Low);
            br.finish();
            a.scores.startBack = sb;
        }
        a.scores.odi = readDisability(sr, "odi");
        a.scores.ndi = readDisability(sr, "ndi");
        if (const auto* p = sr.get("psfs", false)) {
            JsonObjectReader pr = sr.child(*p, "/scores/psfs");
            PsfsScore ps;
            if (const auto* m = pr.get("mean", true)) {
                if (!m->is_number() || m->get<double>() < 0 || m->get<double>() > 10) {
                    pr.fail(pr.at("mean"), "expected a number from 0 to 10");
                } else {
                    ps.mean = m->get<double>();
                }
            }
            ps.rated = pr.integer("rated", 1, static_cast<int>(kPsfsMaxActivities), true);
            ps.activities = pr.integer("activities", 1, static_cast<int>(kPsfsMaxActivities), true);
            pr.finish();
            a.scores.psfs = ps;
        }
        sr.finish();
    }
    if (const auto* es = r.array("eligibility", 0)) {
        for (std::size_t i = 0; i < es->size() && !sink.failed(); ++i) {
            const std::string p = "/eligibility/" + std::to_string(i);
            JsonObjectReader er = r.child((*es)[i], p);
            Eligibility e;
            e.exerciseId = er.id("exercise");
            const std::string status = er.oneOf("status", {"eligible", "caution", "excluded"});
            e.status = status == "excluded"  ? EligibilityStatus::Excluded
                       : status == "caution" ? EligibilityStatus::Caution
                                             : EligibilityStatus::Eligible;
            if (const auto* rs = er.array("reasons", 0)) {
                for (std::size_t k = 0; k < rs->size() && !sink.failed(); ++k) {
                    JsonObjectReader rr = er.child((*rs)[k], p + "/reasons/" + std::to_string(k));
                    EligibilityReason reason;
                    reason.findingId = rr.id("finding");
                    reason.ruleId = rr.id("rule");
                    reason.clinicianReason = rr.string("reason");
                    if (rr.has("patient_note")) {
                        reason.patientNote = rr.text("patient_note");
                    }
                    rr.finish();
                    e.reasons.push_back(std::move(reason));
                }
            }
            er.finish();
            a.eligibility.push_back(std::move(e));
        }
    }
    r.finish();
    if (sink.failed()) {
        return *sink.error;
    }
    return a;
}

} // namespace hepdesk
