#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hepdesk {

/// `text` made safe to print on a terminal: control characters (C0, DEL, C1), the
/// bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069), the line and paragraph
/// separators and bytes that are not UTF-8 are shown as escapes (`\n`, `\t`, `\x1b`, `\u202e`),
/// so a name or a note can never move the cursor, recolour the screen or fake another line.
/// Everything else (accents, other scripts, emoji) is kept as it is.
std::string escapeForTerminal(std::string_view text);

/// Length of the valid UTF-8 sequence at `s[i]` (1 to 4) with its code point in `cp`, or 0 when
/// the bytes there are not one (truncated, overlong, a surrogate, beyond U+10FFFF).
std::size_t decodeUtf8(std::string_view s, std::size_t i, char32_t& cp);

} // namespace hepdesk
