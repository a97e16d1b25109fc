#include "CliArgs.h"

#include <algorithm>
#include <charconv>

namespace hepdesk::cli {

Result<CliArgs> CliArgs::parse(std::span<const std::string> args,
                               const std::set<std::string, std::less<>>& withValue,
                               const std::set<std::string, std::less<>>& flags) {
    CliArgs out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") {
            out.positional_.insert(out.positional_.end(),
                                   args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
            break;
        }
        // "--name", or a one-letter "-o" (looked up as "o"); a lone "-" is a positional
        // (standard input).
        const bool longOption = a.size() > 2 && a.starts_with("--");
        const bool shortOption = a.size() == 2 && a[0] == '-' && a[1] != '-';
        if (longOption || shortOption) {
            const std::string name = a.substr(longOption ? 2 : 1);
            if (withValue.contains(name)) {
                if (i + 1 >= args.size()) {
                    return Error::invalid("option '" + a + "' needs a value");
                }
                out.values_[name].push_back(args[++i]);
            } else if (flags.contains(name)) {
                out.flags_.insert(name);
            } else {
                return Error::invalid("unknown option '" + a + "'");
            }
            continue;
        }
        out.positional_.push_back(a);
    }
    return out;
}

std::optional<std::string> CliArgs::value(std::string_view name) const {
    auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) {
        return std::nullopt;
    }
    return it->second.back();
}

std::vector<std::string> CliArgs::values(std::string_view name) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

Result<std::optional<std::int64_t>> CliArgs::id(std::string_view name) const {
    auto v = value(name);
    if (!v) {
        return std::optional<std::int64_t>();
    }
    auto r = parseId(*v, "--" + std::string(name));
    if (!r) {
        return r.error();
    }
    return std::optional<std::int64_t>(*r);
}

Result<std::int64_t> CliArgs::requiredId(std::string_view name) const {
    auto v = id(name);
    if (!v) {
        return v.error();
    }
    if (!*v) {
        return Error::invalid("missing --" + std::string(name));
    }
    return **v;
}

Result<std::string> CliArgs::required(std::string_view name, std::string_view command,
                                      std::string_view placeholder) const {
    if (auto v = value(name)) {
        return *v;
    }
    std::string m = "'" + std::string(command) + "' needs --" + std::string(name);
    if (!placeholder.empty()) {
        m.append(" ").append(placeholder);
    }
    return usageError(m);
}

Result<std::optional<std::string>> CliArgs::oneOf(std::string_view name,
                                                  std::span<const std::string_view> allowed,
                                                  std::string_view what) const {
    auto v = value(name);
    if (!v) {
        return std::optional<std::string>();
    }
    if (std::find(allowed.begin(), allowed.end(), *v) != allowed.end()) {
        return v;
    }
    std::string expected;
    for (std::size_t i = 0; i < allowed.size(); ++i) {
        expected.append(i == 0 ? "" : (i + 1 == allowed.size() ? " or " : ", ")).append(allowed[i]);
    }
    return usageError("unknown " + std::string(what) + " '" + *v + "' (expected " + expected + ")");
}

Result<int> CliArgs::intOr(std::string_view name, int fallback, int lo, int hi) const {
    auto v = value(name);
    if (!v) {
        return fallback;
    }
    return parseInt(*v, "--" + std::string(name), lo, hi);
}

Status CliArgs::expectPositional(std::size_t count, std::string_view what) const {
    if (positional_.size() < count) {
        return Error::invalid("missing " + std::string(what));
    }
    if (positional_.size() > count) {
        return Error::invalid("unexpected argument '" + positional_[count] + "'");
    }
    return {};
}

Result<std::int64_t> CliArgs::positionalId(std::string_view what) const {
    if (auto s = expectPositional(1, what); !s) {
        return usageError(s.error().message);
    }
    return parseId(positional_[0], what);
}

Error usageError(std::string_view message) {
    return Error::invalid(std::string(message) + " (see hepdesk-cli --help)");
}

Result<std::int64_t> parseId(std::string_view text, std::string_view what) {
    std::int64_t v = 0;
    const auto* end = text.data() + text.size();
    const auto [p, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc() || p != end || v <= 0) {
        return Error::invalid(std::string(what) +
                              " must be a record id (a positive number), got '" +
                              std::string(text.substr(0, 40)) + "'");
    }
    return v;
}

Result<int> parseInt(std::string_view text, std::string_view what, int lo, int hi) {
    int v = 0;
    const auto* end = text.data() + text.size();
    const auto [p, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc() || p != end || v < lo || v > hi) {
        return Error::invalid(std::string(what) + " must be a whole number from " +
                              std::to_string(lo) + " to " + std::to_string(hi) + ", got '" +
                              std::string(text.substr(0, 40)) + "'");
    }
    return v;
}

} // namespace hepdesk::cli
