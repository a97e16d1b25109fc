#include "hepdesk/core/Readability.h"

#include <cctype>

namespace hepdesk {
namespace {

bool isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '\'';
}

} // namespace

int countSyllables(std::string_view word) {
    std::string w;
    for (char c : word) {
        if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
            w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    if (w.empty()) {
        return 0;
    }
    if (w.size() <= 3) {
        return 1;
    }
    // Silent endings: "make", "bones", "moved" (but not "table", "needed", "wanted").
    auto endsWith = [&](std::string_view suf) { return w.ends_with(suf); };
    const std::size_t n = w.size();
    if (endsWith("es") || endsWith("ed")) {
        const char before = w[n - 3];
        const bool keeps =
            endsWith("ed") ? (before == 't' || before == 'd')
                           : (before == 's' || before == 'x' || before == 'z' ||
                              (before == 'h' && n >= 4 && (w[n - 4] == 'c' || w[n - 4] == 's')) ||
                              before == 'g' || before == 'c');
        if (!keeps && !isVowel(before)) {
            w.resize(n - 2);
        }
    } else if (endsWith("e") && !endsWith("le") && !isVowel(w[n - 2])) {
        w.resize(n - 1);
    } else if (endsWith("le") && n >= 3 && isVowel(w[n - 3])) {
        w.resize(n - 1); // "whole", "pole": silent e
    }
    int count = 0;
    bool prevVowel = false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        // A leading y is a consonant ("yes").
        const bool v = isVowel(w[i]) && !(i == 0 && w[i] == 'y');
        if (v && !prevVowel) {
            ++count;
        }
        prevVowel = v;
    }
    return count < 1 ? 1 : count;
}

TextStats textStats(const std::vector<std::string>& items) {
    TextStats s;
    for (const std::string& text : items) {
        int sentencesHere = 0;
        bool sawWordSinceEnd = false;
        std::size_t i = 0;
        while (i < text.size()) {
            if (isWordChar(text[i])) {
                std::size_t j = i;
                while (j < text.size() && isWordChar(text[j])) {
                    ++j;
                }
                const std::string_view word(text.data() + i, j - i);
                bool hasLetter = false;
                for (char c : word) {
                    hasLetter = hasLetter || std::isalpha(static_cast<unsigned char>(c)) != 0;
                }
                ++s.words;
                // Numbers are read as one-syllable-ish words ("10" -> "ten").
                s.syllables += hasLetter ? countSyllables(word) : 1;
                sawWordSinceEnd = true;
                i = j;
                continue;
            }
            if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && sawWordSinceEnd) {
                ++sentencesHere;
                sawWordSinceEnd = false;
            }
            ++i;
        }
        if (sawWordSinceEnd) {
            ++sentencesHere;
        }
        s.sentences += sentencesHere;
    }
    return s;
}

double fleschKincaidGrade(const TextStats& s) {
    if (s.words == 0 || s.sentences == 0) {
        return 0.0;
    }
    return 0.39 * (static_cast<double>(s.words) / s.sentences) +
           11.8 * (static_cast<double>(s.syllables) / s.words) - 15.59;
}

std::vector<std::string> patientTexts(const CatalogEntry& e, std::string_view lang) {
    std::vector<std::string> items = {e.name.text(lang), e.illustration.text(lang)};
    for (const auto* list : {&e.steps, &e.tips, &e.stopIf}) {
        for (const auto& t : *list) {
            items.push_back(t.text(lang));
        }
    }
    if (!e.isExercise()) {
        items.push_back(e.why.text(lang));
    }
    return items;
}

double readingGrade(const CatalogEntry& e) {
    return fleschKincaidGrade(textStats(patientTexts(e, "en")));
}

} // namespace hepdesk
