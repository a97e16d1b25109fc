#pragma once

#include "Cli.h"
#include "CliArgs.h"

#include <string_view>

namespace hepdesk::cli {

/// `db info` on a clinic server (--db postgresql://... or key=value): server, login role and
/// schema version.
int serverDbInfo(Context& ctx, const CliArgs& a);
/// `db migrate` on a clinic server: the server schema brought up to this HepDesk's version.
int serverDbMigrate(Context& ctx, const CliArgs& a);
/// `db backup` on a clinic server: `pg_dump --format=custom` to FILE, or into --folder DIR with
/// the daily rotation of file backups (--keep N), logged in the server's audit log.
int serverDbBackup(Context& ctx, const CliArgs& a);
/// `db copy --to SERVER` on a database file: everything into an empty server database.
int dbCopyToServer(Context& ctx, const CliArgs& a);
/// A `db` subcommand that has no server form: says what to do instead.
int serverDbUnsupported(Context& ctx, std::string_view sub);

} // namespace hepdesk::cli
