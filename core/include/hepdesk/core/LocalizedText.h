#pragma once

#include <map>
#include <string>
#include <string_view>

namespace hepdesk {

/// Languages every patient-facing text and every clinician text of the rules exists in. The
/// one list: both front ends offer exactly these (menus, --lang, the interface language).
inline constexpr std::string_view kLanguages[] = {"en", "es"};

/// True when `lang` is one of kLanguages.
[[nodiscard]] constexpr bool isLanguage(std::string_view lang) {
    for (std::string_view l : kLanguages) {
        if (l == lang) {
            return true;
        }
    }
    return false;
}

/// The name of a language of kLanguages in that language ("English", "Español"), so a person
/// finds theirs whatever the interface shows; empty for any other code.
[[nodiscard]] constexpr std::string_view languageEndonym(std::string_view lang) {
    if (lang == "en") {
        return "English";
    }
    if (lang == "es") {
        return "Espa\u00f1ol";
    }
    return {};
}

/// A text of the templates in every supported language (language code -> UTF-8 text): what
/// the patient reads, and the clinician's labels and reasons of the rules.
struct LocalizedText {
    std::map<std::string, std::string, std::less<>> byLang;

    /// The text in `lang`; English when that language is missing (the catalog validator
    /// makes sure no shipped entry lacks a language, so the fallback is for custom entries).
    [[nodiscard]] const std::string& text(std::string_view lang) const {
        if (auto it = byLang.find(lang); it != byLang.end()) {
            return it->second;
        }
        static const std::string kEmpty;
        auto en = byLang.find(std::string_view("en"));
        return en != byLang.end() ? en->second : kEmpty;
    }
    [[nodiscard]] bool has(std::string_view lang) const { return byLang.contains(lang); }
    bool operator==(const LocalizedText&) const = default;
};

} // namespace hepdesk
