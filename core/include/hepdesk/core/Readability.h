#pragma once

#include "hepdesk/core/Catalog.h"

#include <string>
#include <string_view>
#include <vector>

namespace hepdesk {

/// Word, sentence and syllable counts of English text, for reading-level checks.
struct TextStats {
    int words = 0;
    int sentences = 0;
    int syllables = 0;
};

/// Syllables of one English word by vowel groups, with the usual silent-e and -ed/-es rules.
/// An estimate (as in every Flesch-Kincaid tool), good to about one syllable per long word.
int countSyllables(std::string_view word);

/// Counts over `items`, each a separate piece of text (a step, a tip): an item not ending in
/// . ! or ? still counts as one sentence, as a reader sees it on its own line.
TextStats textStats(const std::vector<std::string>& items);

/// US school grade: 0.39 x words/sentence + 11.8 x syllables/word - 15.59 (Kincaid et al.,
/// 1975). 0 for empty text.
double fleschKincaidGrade(const TextStats& s);

/// Every patient-facing text of a catalog entry in `lang` (name, steps, tips, stop-if signs,
/// illustration description, and for avoid entries the why), one item per piece.
std::vector<std::string> patientTexts(const CatalogEntry& e, std::string_view lang);

/// Flesch-Kincaid grade of the entry's English patient text.
double readingGrade(const CatalogEntry& e);

/// The most a catalog entry's English patient text may read at (US school grade).
inline constexpr double kMaxReadingGrade = 8.0;

} // namespace hepdesk
