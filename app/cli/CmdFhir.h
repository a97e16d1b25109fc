#pragma once

#include "Cli.h"
#include "CliArgs.h"

#include <cstdint>

namespace hepdesk::db {
class Store;
}

namespace hepdesk::cli {

/// What `export --format fhir` exports: one session, or a patient with all their sessions.
enum class FhirScope { Session, Patient };

/// Writes the FHIR R4 Bundle of `id` to --out (atomically, owner-only) or standard output,
/// with the record number's identifier system from --record-system, and logs where it went.
/// The same on a database file and on a clinic server.
int exportFhir(Context& ctx, const CliArgs& a, db::Store& store, FhirScope scope, std::int64_t id);

} // namespace hepdesk::cli
