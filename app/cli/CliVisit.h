#pragma once

#include "ClinicalData.h"
#include "hepdesk/core/handout/HandoutWriter.h"
#include "hepdesk/db/Store.h"
#include "hepdesk/visit/VisitWorkflow.h"

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string_view>

namespace hepdesk::cli {

/// The visit workflow on the command's database, a file or a clinic server alike: its
/// repositories, the clinic's catalog and rules (loaded once) and the handout writer. Commands
/// only parse arguments and print.
class CliVisit {
public:
    /// Loads the clinic's catalog and rules from `store` (skipped exercises are printed on
    /// `warnings`) and the handout writer. `store` must outlive the result.
    static Result<std::unique_ptr<CliVisit>> open(db::Store& store, std::ostream& warnings);

    visit::VisitWorkflow& workflow() { return *workflow_; }
    [[nodiscard]] const ClinicalData& data() const { return data_; }
    db::Store& store() { return store_; }
    /// The repositories the workflow works through.
    visit::Repositories repositories();

    /// Who signs and writes addenda and overrides: on a clinic server the clinician logged in
    /// (the server allows no other; --clinician is refused there before this runs), on a file
    /// `given` (--clinician, when the command line named one).
    Result<std::optional<std::int64_t>> actingClinician(std::optional<std::int64_t> given);

    /// Appends `action` on `entity` `id` to the audit log (e.g. where an export went).
    Status audit(std::string_view action, std::string_view entity, std::int64_t id,
                 std::string_view detail);

private:
    CliVisit(db::Store& store, ClinicalData data, handout::HandoutWriter writer);

    db::Store& store_;
    ClinicalData data_;
    handout::HandoutWriter writer_;
    std::unique_ptr<visit::VisitWorkflow> workflow_;
};

} // namespace hepdesk::cli
