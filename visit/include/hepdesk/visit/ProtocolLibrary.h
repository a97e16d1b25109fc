#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/Program.h"
#include "hepdesk/core/Protocol.h"
#include "hepdesk/core/Screening.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk::db {
class ProtocolRepository;
}

namespace hepdesk::visit {

/// What applying a protocol to one patient's program did.
struct AppliedProtocol {
    std::string name;
    /// The program after applying: the protocol's eligible entries, in its order, with its
    /// dosage and notes (after the entries the program already had, unless replaced).
    Program program;
    std::vector<std::string> added;        ///< ids added from the protocol
    std::vector<std::string> alreadyThere; ///< ids the program had: kept as they were
    /// Entries left out: excluded for this patient (or gone from the catalog), with the
    /// findings and reasons.
    std::vector<ProtocolApplication::LeftOut> leftOut;
    /// One message per cautioned entry kept ("cat_cow: <reason>"); the caution shows beside the
    /// exercise as for any other.
    std::vector<std::string> cautions;
    /// One message per entry left out: "left out Both knees to chest (double_knee_to_chest):
    /// excluded by osteoporosis: <reason>".
    [[nodiscard]] std::vector<std::string> leftOutMessages() const;
};

/// The clinic's protocols: the shipped, read-only ones of templates/protocols/ and the
/// clinic's own saved ones (db::ProtocolRepository). Each call is one step for the app and
/// hepdesk-cli alike.
class ProtocolLibrary {
public:
    /// `saved`, `catalog` and `rules` must outlive the library.
    ProtocolLibrary(db::ProtocolRepository& saved, const Catalog& catalog,
                    const ClinicalRules& rules, std::vector<Protocol> shipped);
    /// Loads `templates`/protocols (the installation's templates when empty), checked against
    /// `catalog`.
    static Result<ProtocolLibrary> load(const std::filesystem::path& templates,
                                        db::ProtocolRepository& saved, const Catalog& catalog,
                                        const ClinicalRules& rules);

    /// The shipped ones, then the saved ones, each sorted by name.
    [[nodiscard]] Result<std::vector<Protocol>> list() const;
    /// A shipped or saved protocol by name (saved ones ignoring case).
    [[nodiscard]] Result<Protocol> find(std::string_view name) const;
    /// Saves `program` under `name` (the clinic's copy; a shipped name is refused, whatever the
    /// case). Every exercise must be in the catalog, none twice, each dosage within the limits.
    /// An existing saved name is replaced only when `replace`.
    Status save(const std::string& name, const Program& program, bool replace);
    /// Renames a saved protocol; shipped ones are read-only and their names are taken.
    Status rename(std::string_view from, const std::string& to);
    /// Deletes a saved protocol; shipped ones are read-only.
    Status remove(std::string_view name);

    /// Applies protocol `name` to a program for `screening`: every entry re-checked against
    /// this patient's screening (assess() with today's rules). Excluded ones are left out and
    /// named with the finding; cautioned ones are kept with their caution. With `replace` the
    /// program becomes the protocol's eligible entries; otherwise they are added after the
    /// entries `current` already has (an exercise already there keeps its dosage and note).
    [[nodiscard]] Result<AppliedProtocol> apply(std::string_view name, const Screening& screening,
                                                const Program& current, bool replace) const;

    /// The same for an assessment already made of the patient's screening (the app's editor).
    [[nodiscard]] Result<AppliedProtocol> apply(std::string_view name, const Assessment& assessment,
                                                const Program& current, bool replace) const;

    [[nodiscard]] const std::vector<Protocol>& shipped() const { return shipped_; }

private:
    [[nodiscard]] const Protocol* shippedNamed(std::string_view name) const;

    db::ProtocolRepository* saved_;
    const Catalog* catalog_;
    const ClinicalRules* rules_;
    std::vector<Protocol> shipped_;
};

} // namespace hepdesk::visit
