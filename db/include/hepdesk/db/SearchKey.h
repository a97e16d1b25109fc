#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/db/Sqlite.h"

#include <string>
#include <string_view>

namespace hepdesk::db {

/// Folds text into HepDesk's search key: any script transliterated to Latin, accents and
/// letters like "Ł", "Ø", "ß" reduced to ASCII, lower case ("Юлия Сергеевна" -> "ulia
/// sergeevna", "Straße" -> "strasse"). Used on write (SQL function) and on query, so both
/// sides always agree. Invalid UTF-8 is folded with U+FFFD in place of the bad bytes.
std::string searchKey(std::string_view text);

/// Registers `hepdesk_search_key(text)` on `conn`; the patient triggers call it so the search
/// index can never disagree with the patient table.
Status registerSearchKeyFunction(Connection& conn);

} // namespace hepdesk::db
