#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/Program.h"
#include "hepdesk/core/Screening.h"

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk {

/// The longest protocol name, in bytes (a list entry, not a paragraph).
inline constexpr std::size_t kMaxProtocolNameBytes = 100;

/// A home program a clinic reuses for a condition ("Desk worker: mid-back stiffness"): the
/// exercises in order with their dosage and notes. Shipped ones (templates/protocols/) are
/// read-only and name the screening they are meant for; a clinic saves its own in the database.
struct Protocol {
    std::string name; ///< unique among the shipped and the saved ones
    Program program;
    bool shipped = false;
    /// Shipped only: the patients it is meant for, in words, and a screening of such a patient
    /// (every exercise is fully eligible for it: a test proves it).
    std::string meantFor;
    std::optional<Screening> screening;
    std::string createdAt; ///< saved ones: "YYYY-MM-DDTHH:MM:SSZ", set by the database
    std::string updatedAt;
};

/// Checks a protocol's name: trimmed, 1..kMaxProtocolNameBytes bytes, no control characters.
Status checkProtocolName(const std::string& name, std::string_view where);
/// Checks a protocol's name (trimmed, 1..kMaxProtocolNameBytes bytes, no control characters)
/// and its program: at least one exercise, every id a catalog exercise, none twice, every
/// dosage within the limits. Errors name `where` and the value.
Status checkProtocol(const std::string& name, const Program& program, const Catalog& catalog,
                     std::string_view where);

/// One file of templates/protocols/: {"name", "meant_for", "screening": {a screening
/// document}, "exercises": [{"exercise", "dosage", "note"}]}. Errors name `source`, the JSON
/// pointer and the value.
Result<Protocol> shippedProtocolFromJson(const nlohmann::json& j, std::string_view source,
                                         const Catalog& catalog);
/// Every *.json of `dir`, sorted by name; names must be unique.
Result<std::vector<Protocol>> loadShippedProtocols(const std::filesystem::path& dir,
                                                   const Catalog& catalog);

/// The protocol as JSON for `protocol show --json` and saving: {"name", "shipped",
/// "meant_for"?, "created_at"?, "updated_at"?, "exercises": [...]}.
nlohmann::json toJson(const Protocol& p);

/// A protocol checked against one patient's assessment.
struct ProtocolApplication {
    /// An exercise left out, with what excluded it.
    struct LeftOut {
        std::string exerciseId;
        std::string exerciseName;          ///< in English
        std::vector<std::string> findings; ///< the findings that excluded it ("osteoporosis")
        std::vector<std::string> reasons;  ///< the clinician reasons, in English
    };
    Program program;                    ///< the entries kept, in order, dosage and notes kept
    std::vector<LeftOut> leftOut;       ///< in the protocol's order
    std::vector<std::string> cautioned; ///< ids kept that carry a caution (shown as usual)
};

/// Re-checks every entry of `protocol` against `assessment`: excluded ones are left out and
/// named with their findings; cautioned ones are kept (their caution shows as for any
/// exercise); an entry that is no longer in the catalog is left out too.
ProtocolApplication applyProtocol(const Program& protocol, const Assessment& assessment,
                                  const Catalog& catalog);

} // namespace hepdesk
