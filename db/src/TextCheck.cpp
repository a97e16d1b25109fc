#include "TextCheck.h"

#include "hepdesk/core/Clock.h"
#include "hepdesk/core/TextEscape.h"

#include <string>

namespace hepdesk::db {
namespace {

/// Length of the valid UTF-8 sequence at `s[i]`, or 0 when it is not one.
std::size_t utf8SequenceLength(std::string_view s, std::size_t i) {
    char32_t cp = 0;
    return decodeUtf8(s, i, cp);
}

} // namespace

Status checkText(std::string_view value, std::string_view field, std::size_t maxBytes) {
    if (value.size() > maxBytes) {
        return Error::invalid(std::string(field) + " is too long (" + std::to_string(value.size()) +
                              " bytes; at most " + std::to_string(maxBytes) + ")");
    }
    for (std::size_t i = 0; i < value.size();) {
        const std::size_t n = utf8SequenceLength(value, i);
        if (n == 0) {
            return Error::invalid(std::string(field) +
                                  " is not valid UTF-8 text (bad byte at offset " +
                                  std::to_string(i) + ")");
        }
        i += n;
    }
    return {};
}

Status checkRequiredText(std::string_view value, std::string_view field, std::size_t maxBytes) {
    if (value.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return Error::invalid(std::string(field) + " must not be empty");
    }
    // SQLite's length() stops at a NUL byte, so the schema's "not blank" checks see only the
    // text before it; say so plainly instead of failing on a constraint.
    const std::string_view head = value.substr(0, value.find('\0'));
    if (head.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return Error::invalid(std::string(field) + " must start with visible text, not a NUL byte");
    }
    return checkText(value, field, maxBytes);
}

Status checkDate(std::string_view value, std::string_view field, bool optional) {
    if (value.empty() && optional) {
        return {};
    }
    const auto bad = [&] {
        return Error::invalid(std::string(field) +
                              " must be a real calendar date as YYYY-MM-DD, got '" +
                              escapeForTerminal(value.substr(0, 40)) + "'");
    };
    return isCalendarDate(value) ? Status() : Status(bad());
}

} // namespace hepdesk::db
