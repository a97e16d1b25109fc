#include "hepdesk/core/Session.h"

#include <array>
#include <nlohmann/json.hpp>

namespace hepdesk {
namespace {

constexpr std::array<std::string_view, 3> kRiskIds = {"low", "medium", "high"};

template <class T> nlohmann::json optional(const std::optional<T>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json programJson(const Program& p) {
    nlohmann::json items = nlohmann::json::array();
    for (const ProgramItem& it : p.items) {
        items.push_back(
            {{"exercise", it.exerciseId}, {"dosage", toJson(it.dosage)}, {"note", it.note}});
    }
    return items;
}

} // namespace

SessionScores sessionScores(const Screening& screening, const OutcomeScores& scores) {
    SessionScores s;
    s.painNow = scores.painNow ? scores.painNow : screening.pain.now;
    s.painBest = screening.pain.best;
    s.painWorst = screening.pain.worst;
    if (scores.odi) {
        s.odiPercent = scores.odi->percent;
    }
    if (scores.ndi) {
        s.ndiPercent = scores.ndi->percent;
    }
    if (scores.startBack) {
        s.startBackTotal = scores.startBack->total;
        s.startBackPsychosocial = scores.startBack->psychosocial;
        s.startBackRisk = scores.startBack->risk;
    }
    if (scores.psfs) {
        s.psfsMean = scores.psfs->mean;
    }
    return s;
}

std::string_view riskId(StartBackRisk r) {
    return kRiskIds.at(static_cast<std::size_t>(r));
}

std::optional<StartBackRisk> riskFromId(std::string_view id) {
    for (std::size_t i = 0; i < kRiskIds.size(); ++i) {
        if (kRiskIds[i] == id) {
            return static_cast<StartBackRisk>(i);
        }
    }
    return std::nullopt;
}

nlohmann::json toJson(const SessionScores& s) {
    return {{"pain_now", optional(s.painNow)},
            {"pain_best", optional(s.painBest)},
            {"pain_worst", optional(s.painWorst)},
            {"odi_percent", optional(s.odiPercent)},
            {"ndi_percent", optional(s.ndiPercent)},
            {"start_back_total", optional(s.startBackTotal)},
            {"start_back_psychosocial", optional(s.startBackPsychosocial)},
            {"start_back_risk",
             s.startBackRisk ? nlohmann::json(riskId(*s.startBackRisk)) : nlohmann::json(nullptr)},
            {"psfs_mean", optional(s.psfsMean)}};
}

nlohmann::json toJson(const Session& s) {
    nlohmann::json findings = nlohmann::json::array();
    for (const Finding& f : s.findings) {
        findings.push_back({{"item", f.itemId},
                            {"rule", f.ruleId},
                            {"level", toId(f.level)},
                            {"reason", f.reason}});
    }
    nlohmann::json handouts = nlohmann::json::array();
    for (const HandoutRecord& h : s.handouts) {
        handouts.push_back({{"sha256", h.sha256},
                            {"bytes", h.byteSize},
                            {"created_at", h.createdAt},
                            {"language", h.language},
                            {"large_print", h.largePrint}});
    }
    nlohmann::json addenda = nlohmann::json::array();
    for (const Addendum& a : s.addenda) {
        addenda.push_back({{"id", a.id},
                           {"clinician", optional(a.clinicianId)},
                           {"created_at", a.createdAt},
                           {"text", a.text}});
    }
    nlohmann::json overrides = nlohmann::json::array();
    for (const HandoutOverride& o : s.overrides) {
        overrides.push_back({{"id", o.id},
                             {"clinician", optional(o.clinicianId)},
                             {"actor", o.actor},
                             {"created_at", o.createdAt},
                             {"reason", o.reason},
                             {"kind", o.kind}});
    }
    // The snapshot as the object it is (null for a draft); text that is not JSON (never
    // written by HepDesk: the database checks it) is kept as a string rather than lost.
    nlohmann::json snapshot = nullptr;
    if (!s.signedSnapshot.empty()) {
        snapshot = nlohmann::json::parse(s.signedSnapshot, nullptr, false);
        if (snapshot.is_discarded()) {
            snapshot = s.signedSnapshot;
        }
    }
    return {{"id", s.id},
            {"patient", s.patientId},
            {"clinician", optional(s.clinicianId)},
            {"started_at", s.startedAt},
            {"screening", toJson(s.screening)},
            {"triage", toId(s.triage)},
            {"findings", findings},
            {"scores", toJson(s.scores)},
            {"program", programJson(s.program)},
            {"handout_options",
             {{"language", s.handoutOptions.language},
              {"large_print", s.handoutOptions.largePrint},
              {"override_reason", s.handoutOptions.overrideReason},
              {"override_kind", s.handoutOptions.overrideKind},
              {"override_by", optional(s.handoutOptions.overrideBy)},
              {"override_at", s.handoutOptions.overrideAt}}},
            {"handouts", handouts},
            {"signed", s.isSigned},
            {"signed_at", s.isSigned ? nlohmann::json(s.signedAt) : nlohmann::json(nullptr)},
            {"signed_by", optional(s.signedBy)},
            {"addenda", addenda},
            {"signed_snapshot", snapshot},
            {"overrides", overrides}};
}

nlohmann::json toJson(const SessionSummary& s) {
    return {{"id", s.id},
            {"clinician", optional(s.clinicianId)},
            {"started_at", s.startedAt},
            {"triage", toId(s.triage)},
            {"scores", toJson(s.scores)},
            {"program", programJson(s.program)},
            {"signed", s.isSigned}};
}

} // namespace hepdesk
