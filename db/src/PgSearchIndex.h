#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/db/Pg.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk::db {

/// The words of a folded search key (searchKey()), split where SQLite's FTS tokenizer splits
/// them (ASCII punctuation and spaces), so both backends index and query the same words.
std::vector<std::string> searchWords(std::string_view key);

/// `words` as a PostgreSQL text[] literal, sent as one parameter (never pasted into SQL).
std::string pgTextArray(const std::vector<std::string>& words);

/// Replaces patient `id`'s rows of the server search index (table patient_search) with the
/// words of its folded name and record number, each with its chain (the word and the next two
/// of its field run together) and reaches (schema step 16); inside the caller's transaction.
Status indexPatient(PgConnection& c, std::int64_t id, std::string_view name,
                    std::string_view recordNumber);

/// Indexes every stored patient again (copying a practice to the server).
Status indexAllPatients(PgConnection& c);

/// As the migration steps 2 and 8 index every stored patient: words only, as the table was
/// before step 16 (which adds each row's chain).
Status indexAllPatientsWordsOnly(PgConnection& c);

} // namespace hepdesk::db
