#pragma once

#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/Error.h"

#include <string>
#include <string_view>
#include <vector>

namespace hepdesk::db {

class CustomExerciseRepository;

/// The catalog a clinic works with: the shipped entries plus the clinic's own exercises, as
/// the desktop app and the command line both use it for assessing, choosing and printing.
struct ClinicCatalog {
    Catalog catalog;
    /// Ids of the clinic's exercises that made it into `catalog`, sorted.
    std::vector<std::string> customIds;
    /// One message per stored exercise left out (it no longer validates, its photo cannot be
    /// read, or it reuses a shipped id); each names the exercise.
    std::vector<std::string> skipped;

    [[nodiscard]] bool isCustom(std::string_view id) const;
};

/// Merges every stored custom exercise into a copy of `shipped`: its JSON goes through the
/// same parser as a shipped catalog file (catalogEntryFromJson) and its photo, if any, is
/// attached as the handout's picture. One broken exercise must not block every visit, so it
/// is left out and reported in `skipped` instead of failing; only a database error fails.
/// Shipped entries are never replaced: the clinic cannot change a reviewed exercise by
/// storing one under its id. The rules must then be loaded against the result's catalog.
Result<ClinicCatalog> mergeCustomExercises(const Catalog& shipped, CustomExerciseRepository& repo);

} // namespace hepdesk::db
