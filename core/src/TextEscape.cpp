#include "hepdesk/core/TextEscape.h"

#include <cstdint>

namespace hepdesk {

/// Length of the valid UTF-8 sequence at `s[i]` and its code point, or 0 when it is not one.
std::size_t decodeUtf8(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t len = 0;
    std::uint32_t c = 0;
    if ((b0 & 0xE0U) == 0xC0U) {
        len = 2;
        c = b0 & 0x1FU;
    } else if ((b0 & 0xF0U) == 0xE0U) {
        len = 3;
        c = b0 & 0x0FU;
    } else if ((b0 & 0xF8U) == 0xF0U) {
        len = 4;
        c = b0 & 0x07U;
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
        c = (c << 6U) | (b & 0x3FU);
    }
    const bool overlong =
        (len == 2 && c < 0x80) || (len == 3 && c < 0x800) || (len == 4 && c < 0x10000);
    if (overlong || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
        return 0;
    }
    cp = c;
    return len;
}

namespace {

/// `prefix` then `value` in lower-case hex, at least `digits` digits.
void appendHex(std::string& out, std::string_view prefix, std::uint32_t value, int digits) {
    static constexpr std::string_view kHex = "0123456789abcdef";
    out += prefix;
    std::string h;
    do {
        h.insert(h.begin(), kHex[value & 0xFU]);
        value >>= 4U;
    } while (value != 0 || static_cast<int>(h.size()) < digits);
    out += h;
}

bool needsEscape(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 ||
           cp == 0x2029;
}

} // namespace

std::string escapeForTerminal(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t n = decodeUtf8(text, i, cp);
        if (n == 0) {
            appendHex(out, "\\x", static_cast<unsigned char>(text[i]), 2);
            ++i;
            continue;
        }
        if (!needsEscape(cp)) {
            out.append(text.substr(i, n));
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp < 0x80) {
            appendHex(out, "\\x", cp, 2);
        } else {
            appendHex(out, "\\u", cp, 4);
        }
        i += n;
    }
    return out;
}

} // namespace hepdesk
