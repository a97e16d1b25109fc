#pragma once

#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/Error.h"

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <string_view>

namespace hepdesk {

/// Reads templates/rules/progressions.json ({"progressions": [{"exercise", "easier",
/// "harder"}]}) into CatalogEntry::easier and ::harder of `catalog`. Checked: every id is a
/// catalog exercise, each exercise is listed once, an exercise is not its own alternative,
/// easier and harder differ, and following "easier" (or "harder") never comes back to where it
/// started. Errors name `source`, the JSON pointer and the value; on error `catalog` is
/// unchanged.
Status applyProgressions(const nlohmann::json& j, std::string_view source, Catalog& catalog);
/// The same for the file `file`.
Status loadProgressions(const std::filesystem::path& file, Catalog& catalog);
/// `templates`/catalog with `templates`/rules/progressions.json applied.
Result<Catalog> loadCatalogWithProgressions(const std::filesystem::path& templates);

} // namespace hepdesk
