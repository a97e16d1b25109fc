#include "TextCheck.h"

#include "hepdesk/core/Clock.h"
#include "hepdesk/core/TextEscape.h"

#include <string>

namespace hepdesk::db {
namespace {

/// Length of the valid UTF-8 sequence at `s[i]`, or 0 when it is not one.
std::size_t utf8SequenceLength(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        return 1;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((b0 & 0xE0U) == 0xC0U) {
        len = 2;
        cp = b0 & 0x1FU;
    } else if ((b0 & 0xF0U) == 0xE0U) {
        len = 3;
        cp = b0 & 0x0FU;
    } else if ((b0 & 0xF8U) == 0xF0U) {
        len = 4;
        cp = b0 & 0x07U;
    } else {
        return 0;
    }
    if (i + len > s.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0U) != 0x80U) {
            return 0;
        }
        cp = (cp << 6U) | (b & 0x3FU);
    }
    const bool overlong =
        (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    if (overlong || surrogate || cp > 0x10FFFF) {
        return 0;
    }
    return len;
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
