#pragma once

#include "hepdesk/core/Error.h"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk::handout {

/// Every fixed text of the handout in one language, from templates/strings/<lang>.json.
/// Loading checks that every key the handout uses is there, so a missing translation is an
/// error at load time, never a blank on paper.
class HandoutStrings {
public:
    /// Keys whose value is one string.
    static const std::vector<std::string_view>& textKeys();
    /// Keys whose value is a list of strings.
    static const std::vector<std::string_view>& listKeys();

    static Result<HandoutStrings> load(const std::filesystem::path& stringsDir,
                                       std::string_view lang);

    [[nodiscard]] const std::string& lang() const { return lang_; }
    /// The string under `key` (empty if unknown: only loaded keys are ever asked for).
    [[nodiscard]] const std::string& text(std::string_view key) const;
    [[nodiscard]] const std::vector<std::string>& list(std::string_view key) const;
    /// Why triage rule `ruleId` sends the patient to a doctor, in the patient's words (the
    /// "triage_why" object), or nullptr when the file gives none for that rule.
    [[nodiscard]] const std::string* triageWhy(std::string_view ruleId) const;
    /// The key of the object of rule id -> the patient's words for why.
    static constexpr std::string_view kTriageWhyKey = "triage_why";
    /// text(key) with every "{name}" replaced by its value.
    [[nodiscard]] std::string
    format(std::string_view key,
           std::initializer_list<std::pair<std::string_view, std::string>> values) const;
    /// "2026-11-22" -> "November 22, 2026" / "22 de noviembre de 2026" (unchanged if malformed).
    [[nodiscard]] std::string longDate(std::string_view isoDate) const;

private:
    std::string lang_;
    std::map<std::string, std::string, std::less<>> texts_;
    std::map<std::string, std::vector<std::string>, std::less<>> lists_;
    std::map<std::string, std::string, std::less<>> triageWhy_;
};

} // namespace hepdesk::handout
