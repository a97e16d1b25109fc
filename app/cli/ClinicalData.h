#pragma once

#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk::db {
class Database;
}

namespace hepdesk::cli {

/// The catalog and rules of one templates folder, loaded and cross-checked together.
struct ClinicalData {
    Catalog catalog;
    ClinicalRules rules;
    /// Ids of the clinic's own exercises in `catalog` (sorted); empty without a database.
    std::vector<std::string> customIds;

    /// `templates`/catalog and `templates`/rules; the installation's folder when empty.
    static Result<ClinicalData> load(const std::filesystem::path& templates);
    /// The same plus the clinic's own exercises stored in `db` (with their photos), the rules
    /// checked against that merged catalog, as the desktop app does. Each stored exercise
    /// left out is printed on `warnings` ("hepdesk-cli: warning: ...") and is not an error.
    static Result<ClinicalData> loadWithClinic(const std::filesystem::path& templates,
                                               db::Database& db, std::ostream& warnings);

    [[nodiscard]] bool isCustom(std::string_view id) const;
};

} // namespace hepdesk::cli
