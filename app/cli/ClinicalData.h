#pragma once

#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"

#include <filesystem>

namespace hepdesk::cli {

/// The catalog and rules of one templates folder, loaded and cross-checked together.
struct ClinicalData {
    Catalog catalog;
    ClinicalRules rules;

    /// `templates`/catalog and `templates`/rules; the installation's folder when empty.
    static Result<ClinicalData> load(const std::filesystem::path& templates);
};

} // namespace hepdesk::cli
