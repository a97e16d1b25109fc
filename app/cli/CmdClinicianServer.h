#pragma once

#include "Cli.h"

namespace hepdesk::cli {

/// `clinician add --name N [--credentials C] [--login LOGIN [--admin]] | list [--all]` on a
/// clinic server. With --login the clinician logs in as their own PostgreSQL role; its
/// password is read from the terminal (asked twice, not shown) or standard input.
int runClinicianOnServer(Context& ctx, Args args);

} // namespace hepdesk::cli
