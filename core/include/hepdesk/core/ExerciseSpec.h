#pragma once

#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/Program.h"

#include <string_view>

namespace hepdesk {

/// The one grammar for an exercise with its dosage on a command line, used by every command:
/// `ID`, `ID:SETSxREPS` ("cat_cow:2x10"), `ID:HOLDs` ("chin_tuck:5s") or both in either order
/// ("cat_cow:2x10:5s"), each at most once; a hold or duration in minutes is `10m` or `10min`
/// ("short_walk:1x1:10m" stays 10 minutes), on top of the catalog's default dosage and checked
/// against the named dosage limits. Errors name `option` ("--exercise") and the whole value.
Result<ProgramItem> parseExerciseSpec(std::string_view spec, const Catalog& catalog,
                                      std::string_view option = "--exercise");

} // namespace hepdesk
