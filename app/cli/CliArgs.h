#pragma once

#include "hepdesk/core/Error.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk::cli {

/// The arguments of one subcommand: positionals and `--name value` / `--flag` options,
/// checked against the options the subcommand accepts.
class CliArgs {
public:
    /// `withValue`: options taking a value (may repeat); `flags`: options without one. Names
    /// are given without dashes: "lang" is `--lang`, a one-letter "o" is `-o`.
    static Result<CliArgs> parse(std::span<const std::string> args,
                                 const std::set<std::string, std::less<>>& withValue,
                                 const std::set<std::string, std::less<>>& flags);

    [[nodiscard]] const std::vector<std::string>& positional() const { return positional_; }
    [[nodiscard]] bool flag(std::string_view name) const { return flags_.contains(name); }
    [[nodiscard]] bool has(std::string_view name) const { return values_.contains(name); }
    /// The last value given for `name`.
    [[nodiscard]] std::optional<std::string> value(std::string_view name) const;
    [[nodiscard]] std::vector<std::string> values(std::string_view name) const;

    /// A positive record id from option `name` (or nothing when absent); the error names it.
    Result<std::optional<std::int64_t>> id(std::string_view name) const;
    /// A positive record id from option `name`; "missing --name" when it is absent.
    Result<std::int64_t> requiredId(std::string_view name) const;
    /// The value of option `name`; when absent, the usage error "'<command>' needs --name"
    /// (followed by `placeholder`, e.g. "FILE.json", when one is given).
    Result<std::string> required(std::string_view name, std::string_view command,
                                 std::string_view placeholder = {}) const;
    /// The value of option `name` when it is one of `allowed` (nothing when absent); else the
    /// usage error "unknown <what> 'X' (expected a, b or c)".
    Result<std::optional<std::string>> oneOf(std::string_view name,
                                             std::span<const std::string_view> allowed,
                                             std::string_view what) const;
    /// A whole number in [lo, hi] from option `name`, or `fallback` when it is absent.
    Result<int> intOr(std::string_view name, int fallback, int lo, int hi) const;
    /// Exactly `count` positionals, else an error naming `what` they should be.
    Status expectPositional(std::size_t count, std::string_view what) const;
    /// The one positional argument, a record id named `what` ("patient id"): a wrong number
    /// of arguments is a usage error, a malformed id an input error.
    Result<std::int64_t> positionalId(std::string_view what) const;

private:
    std::vector<std::string> positional_;
    std::map<std::string, std::vector<std::string>, std::less<>> values_;
    std::set<std::string, std::less<>> flags_;
};

/// A usage mistake: `message` followed by the pointer to --help (see Context::usage).
Error usageError(std::string_view message);

/// Parses a record id ("12"); the error names `what` and the text.
Result<std::int64_t> parseId(std::string_view text, std::string_view what);
/// Parses a whole number in [lo, hi]; the error names `what` and the text.
Result<int> parseInt(std::string_view text, std::string_view what, int lo, int hi);

} // namespace hepdesk::cli
