#pragma once

#include <string>
#include <string_view>

namespace hepdesk {

/// `text` made safe to print on a terminal: control characters (C0, DEL, C1), the
/// bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069), the line and paragraph
/// separators and bytes that are not UTF-8 are shown as escapes (`\n`, `\t`, `\x1b`, `\u202e`),
/// so a name or a note can never move the cursor, recolour the screen or fake another line.
/// Everything else (accents, other scripts, emoji) is kept as it is.
std::string escapeForTerminal(std::string_view text);

} // namespace hepdesk
