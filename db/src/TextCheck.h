#pragma once

#include "hepdesk/core/Error.h"

#include <cstddef>
#include <string_view>

namespace hepdesk::db {

/// Refuses text that would be unreadable later: invalid UTF-8 (the message names the field and
/// byte offset) or longer than `maxBytes`. Everything else (quotes, SQL, emoji, NUL bytes) is
/// stored verbatim: values are always bound, never spliced into SQL.
Status checkText(std::string_view value, std::string_view field, std::size_t maxBytes);

/// Like checkText, and also refuses an empty or all-blank value.
Status checkRequiredText(std::string_view value, std::string_view field, std::size_t maxBytes);

/// "YYYY-MM-DD" that is a real calendar date, or empty when `optional`.
Status checkDate(std::string_view value, std::string_view field, bool optional);

inline constexpr std::size_t kMaxNameBytes = 1000;
inline constexpr std::size_t kMaxFieldBytes = 4000;
inline constexpr std::size_t kMaxNoteBytes = 1'000'000;

} // namespace hepdesk::db
