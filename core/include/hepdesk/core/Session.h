#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/OutcomeScores.h"
#include "hepdesk/core/Program.h"
#include "hepdesk/core/Screening.h"
#include "hepdesk/core/TriageLevel.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk {

/// The scores of one session that history and trend charts need, copied from the Assessment
/// (and the screening's pain answers); absent when the measure was not recorded.
struct SessionScores {
    std::optional<int> painNow;   ///< NPRS 0..10
    std::optional<int> painBest;  ///< NPRS 0..10
    std::optional<int> painWorst; ///< NPRS 0..10
    std::optional<double> odiPercent;
    std::optional<double> ndiPercent;
    std::optional<int> startBackTotal;        ///< 0..9
    std::optional<int> startBackPsychosocial; ///< 0..5
    std::optional<StartBackRisk> startBackRisk;
    std::optional<double> psfsMean = std::nullopt; ///< PSFS mean of the rated activities, 0..10
    bool operator==(const SessionScores&) const = default;
};

/// Copies what history needs out of an assessment; decides nothing.
SessionScores sessionScores(const Screening& screening, const OutcomeScores& scores);

/// Stable id of a STarT Back risk group in files and the database: "low", "medium", "high".
std::string_view riskId(StartBackRisk r);
std::optional<StartBackRisk> riskFromId(std::string_view id);

/// How the handout of a session is to be printed.
struct HandoutOptions {
    std::string language = "en";
    bool largePrint = false;
    /// Why a handout was produced despite urgent or emergency triage, in the clinician's
    /// sentence; empty otherwise.
    std::string overrideReason;
    /// The kind of that override (visit/OverrideReason.h: "declines_referral", ...); empty for
    /// none, or for a reason recorded before kinds existed.
    std::string overrideKind;
    /// Who recorded the override reason (the session's clinician then) and when.
    std::optional<std::int64_t> overrideBy;
    std::string overrideAt; ///< "YYYY-MM-DDTHH:MM:SSZ", empty without an override
    bool operator==(const HandoutOptions&) const = default;
};

/// One handout PDF produced for a session: enough to prove later which bytes the patient got.
struct HandoutRecord {
    std::int64_t id = 0;
    std::string sha256; ///< 64 lowercase hex digits
    std::int64_t byteSize = 0;
    std::string createdAt; ///< "YYYY-MM-DDTHH:MM:SSZ"
    std::string language;
    bool largePrint = false;
    bool operator==(const HandoutRecord&) const = default;
};

/// The handout's PDF exactly as it stood when the session was signed, kept with the session: a
/// reprint is these bytes, whatever fonts, templates or rules the installation has later.
struct SignedHandoutPdf {
    std::string sha256; ///< of `pdf`: 64 lowercase hex digits
    int pages = 0;
    std::string pdf;
};

/// A correction or note added to a signed session; itself never changed.
struct Addendum {
    std::int64_t id = 0;
    std::optional<std::int64_t> clinicianId;
    std::string createdAt; ///< "YYYY-MM-DDTHH:MM:SSZ"
    std::string text;
    bool operator==(const Addendum&) const = default;
};

/// An override of the handout block given after signing (an emergency or urgent session
/// signed without a reason): who gave it, when and why. Itself never changed.
struct HandoutOverride {
    std::int64_t id = 0;
    std::optional<std::int64_t> clinicianId;
    std::string actor;     ///< who, as the database recorded it (clinician or system user)
    std::string createdAt; ///< "YYYY-MM-DDTHH:MM:SSZ"
    std::string reason;
    std::string kind; ///< visit/OverrideReason.h; empty before kinds existed
    bool operator==(const HandoutOverride&) const = default;
};

/// One visit: the screening, what the clinical core concluded, the program chosen, the
/// handouts produced, and the signature. Once signed it is only ever extended by addenda.
struct Session {
    std::int64_t id = 0; ///< 0 until stored
    std::int64_t patientId = 0;
    std::optional<std::int64_t> clinicianId;
    std::string startedAt; ///< "YYYY-MM-DDTHH:MM:SSZ"
    Screening screening;
    TriageLevel triage = TriageLevel::Routine; ///< as assess() gave it
    std::vector<Finding> findings;             ///< as assess() gave them, in its order
    SessionScores scores;
    Program program;
    HandoutOptions handoutOptions;
    std::vector<HandoutRecord> handouts; ///< oldest first
    bool isSigned = false;
    std::string signedAt; ///< empty until signed
    std::optional<std::int64_t> signedBy;
    std::vector<Addendum> addenda; ///< oldest first
    /// What the handout was made from at signing (JSON text: patient name, clinician, clinic
    /// and logo, options, override reason, program, findings, assessment); a reprint uses only
    /// this. Empty for a draft and for a session signed before snapshots existed.
    std::string signedSnapshot;
    std::vector<HandoutOverride> overrides; ///< given after signing, oldest first
    /// The stored row's version when it was read (0 for a new session): saving a draft whose
    /// row changed since then (another computer or window) is refused as a Conflict.
    std::int64_t rowVersion = 0;
};

/// One row of a patient's history: a session without its screening answers.
struct SessionSummary {
    std::int64_t id = 0;
    std::optional<std::int64_t> clinicianId;
    std::string startedAt;
    TriageLevel triage = TriageLevel::Routine;
    SessionScores scores;
    Program program;
    bool isSigned = false;
    bool operator==(const SessionSummary&) const = default;
};

/// One point of a trend chart (NPRS, ODI, NDI, STarT Back), oldest first.
struct TrendPoint {
    std::int64_t sessionId = 0;
    std::string startedAt;
    SessionScores scores;
    bool operator==(const TrendPoint&) const = default;
};

/// The whole session as JSON (the export format of `hepdesk-cli session export`).
nlohmann::json toJson(const Session& s);
nlohmann::json toJson(const SessionScores& s);
nlohmann::json toJson(const SessionSummary& s);

} // namespace hepdesk
