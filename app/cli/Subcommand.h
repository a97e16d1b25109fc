#pragma once

#include "Cli.h"
#include "CliArgs.h"

#include <set>
#include <span>
#include <string>
#include <string_view>

namespace hepdesk::cli {

using OptionNames = std::set<std::string, std::less<>>;

/// One subcommand of a command that works on the database (`patient add`, `session sign`):
/// the options it takes and what runs it.
struct Subcommand {
    std::string_view name;
    OptionNames withValue; ///< options taking a value (may repeat)
    OptionNames flags;     ///< options without one
    int (*run)(Context& ctx, const CliArgs& args, db::Database& db) = nullptr;
    /// Refuse any positional argument before the database is opened (otherwise `run` checks
    /// its positional arguments itself).
    bool noPositionals = false;
    /// Only reads the database: it must exist (a mistyped --db is an error, never a new empty
    /// database). Set with readsOnly().
    bool readsOnly = false;
    /// Instead of `run`: works through the repository interfaces only, so it runs on a
    /// database file and on a clinic server alike (set with onAnyBackend()).
    int (*runOnStore)(Context& ctx, const CliArgs& args, db::Store& store) = nullptr;
};

/// A subcommand that runs on either backend (file or clinic server).
inline Subcommand onAnyBackend(std::string_view name, OptionNames withValue, OptionNames flags,
                               int (*run)(Context&, const CliArgs&, db::Store&)) {
    Subcommand s{name, std::move(withValue), std::move(flags)};
    s.runOnStore = run;
    return s;
}

/// `s`, marked as a subcommand that only reads the database.
inline Subcommand readsOnly(Subcommand s) {
    s.readsOnly = true;
    return s;
}

/// Runs the subcommand of `command` that args[0] names: lists the subcommands when none is
/// given, refuses an unknown one or an option it does not take (usage errors), then opens the
/// database and runs it.
int runSubcommand(Context& ctx, std::string_view command, Args args,
                  std::span<const Subcommand> subcommands);

} // namespace hepdesk::cli
