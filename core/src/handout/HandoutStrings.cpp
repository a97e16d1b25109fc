#include "hepdesk/core/handout/HandoutStrings.h"

#include "hepdesk/core/JsonRead.h"

#include <algorithm>

namespace hepdesk::handout {

const std::vector<std::string_view>& HandoutStrings::textKeys() {
    static const std::vector<std::string_view> k = {"title",
                                                    "patient",
                                                    "date",
                                                    "clinician",
                                                    "phone",
                                                    "how_to_heading",
                                                    "start",
                                                    "end",
                                                    "how_much",
                                                    "note",
                                                    "caution",
                                                    "too_hard",
                                                    "too_easy",
                                                    "sets_reps",
                                                    "reps_only",
                                                    "one_time",
                                                    "hold_seconds",
                                                    "hold_one_second",
                                                    "for_minutes",
                                                    "for_one_minute",
                                                    "times",
                                                    "once_a_day",
                                                    "twice_a_day",
                                                    "times_a_day",
                                                    "each_side",
                                                    "days_a_week",
                                                    "for_weeks",
                                                    "for_one_week",
                                                    "avoid_heading",
                                                    "avoid_intro",
                                                    "stop_heading",
                                                    "emergency_intro",
                                                    "urgent_intro",
                                                    "continued",
                                                    "footer_page",
                                                    "footer_session",
                                                    "footer_date",
                                                    "signature",
                                                    "signature_date",
                                                    "override_heading",
                                                    "override_text",
                                                    "level_urgent_referral",
                                                    "level_emergency",
                                                    "log_heading",
                                                    "log_intro",
                                                    "log_week",
                                                    "log_day",
                                                    "log_pain",
                                                    "log_notes",
                                                    "goals_heading",
                                                    "goals_intro",
                                                    "alert_emergency_title",
                                                    "alert_emergency_text",
                                                    "alert_urgent_title",
                                                    "alert_urgent_text",
                                                    "alert_why",
                                                    "triage_why_other",
                                                    "clinician_copy_note",
                                                    "referral_document_title",
                                                    "referral_title",
                                                    "referral_to_emergency",
                                                    "referral_to_urgent",
                                                    "referral_to_monitor",
                                                    "referral_birth_date",
                                                    "referral_record",
                                                    "referral_triage",
                                                    "level_refer_and_monitor",
                                                    "referral_intro_emergency",
                                                    "referral_intro_urgent",
                                                    "referral_intro_monitor",
                                                    "referral_findings",
                                                    "referral_scores",
                                                    "referral_score_pain",
                                                    "referral_score_pain_now",
                                                    "referral_score_odi",
                                                    "referral_score_ndi",
                                                    "referral_score_start_back",
                                                    "referral_risk_low",
                                                    "referral_risk_medium",
                                                    "referral_risk_high",
                                                    "referral_no_scores",
                                                    "referral_advice",
                                                    "referral_advice_emergency",
                                                    "referral_advice_urgent",
                                                    "referral_advice_monitor",
                                                    "referral_closing",
                                                    "date_format",
                                                    "document_title"};
    return k;
}

const std::vector<std::string_view>& HandoutStrings::listKeys() {
    static const std::vector<std::string_view> k = {"how_to", "emergency_signs", "urgent_signs",
                                                    "months"};
    return k;
}

Result<HandoutStrings> HandoutStrings::load(const std::filesystem::path& dir,
                                            std::string_view lang) {
    const std::filesystem::path file = dir / (std::string(lang) + ".json");
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        return Error::invalid("no handout strings for language '" + std::string(lang) +
                              "' (expected " + file.string() + ")");
    }
    auto j = json::parseFile(file.string(), kMaxJsonFileBytes, "strings file");
    if (!j) {
        return j.error();
    }
    const std::string src = file.string();
    if (!j->is_object()) {
        return json::fieldError(src, "", "expected an object of strings");
    }
    HandoutStrings s;
    s.lang_ = std::string(lang);
    for (std::string_view key : textKeys()) {
        const auto it = j->find(std::string(key));
        if (it == j->end() || !it->is_string() || it->get<std::string>().empty()) {
            return json::fieldError(src, "/" + std::string(key), "missing or empty string");
        }
        s.texts_.emplace(std::string(key), it->get<std::string>());
    }
    for (std::string_view key : listKeys()) {
        const auto it = j->find(std::string(key));
        if (it == j->end() || !it->is_array() || it->empty()) {
            return json::fieldError(src, "/" + std::string(key), "missing or empty list");
        }
        std::vector<std::string> items;
        for (std::size_t i = 0; i < it->size(); ++i) {
            const auto& v = (*it)[i];
            if (!v.is_string() || v.get<std::string>().empty()) {
                return json::fieldError(src, "/" + std::string(key) + "/" + std::to_string(i),
                                        "expected a non-empty string, got " + json::describe(v));
            }
            items.push_back(v.get<std::string>());
        }
        s.lists_.emplace(std::string(key), std::move(items));
    }
    if (s.lists_["months"].size() != 12) {
        return json::fieldError(src, "/months", "expected 12 month names");
    }
    // The patient's words for why each urgent or emergency triage rule sends them to a doctor.
    if (const auto it = j->find(std::string(kTriageWhyKey)); it != j->end()) {
        if (!it->is_object()) {
            return json::fieldError(src, "/" + std::string(kTriageWhyKey),
                                    "expected an object of rule id -> text");
        }
        for (const auto& [rule, v] : it->items()) {
            if (!v.is_string() || v.get<std::string>().empty()) {
                return json::fieldError(src, "/" + std::string(kTriageWhyKey) + "/" + rule,
                                        "expected a non-empty string, got " + json::describe(v));
            }
            s.triageWhy_.emplace(rule, v.get<std::string>());
        }
    }
    for (const auto& [k, v] : j->items()) {
        const bool known = std::find(textKeys().begin(), textKeys().end(), k) != textKeys().end() ||
                           std::find(listKeys().begin(), listKeys().end(), k) != listKeys().end() ||
                           k == kTriageWhyKey;
        if (!known) {
            return json::fieldError(src, "/" + k, "unknown key (a typo?)");
        }
    }
    return s;
}

const std::string& HandoutStrings::text(std::string_view key) const {
    static const std::string kEmpty;
    const auto it = texts_.find(key);
    return it == texts_.end() ? kEmpty : it->second;
}

const std::string* HandoutStrings::triageWhy(std::string_view ruleId) const {
    const auto it = triageWhy_.find(ruleId);
    return it == triageWhy_.end() ? nullptr : &it->second;
}

const std::vector<std::string>& HandoutStrings::list(std::string_view key) const {
    static const std::vector<std::string> kEmpty;
    const auto it = lists_.find(key);
    return it == lists_.end() ? kEmpty : it->second;
}

std::string HandoutStrings::format(
    std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string>> values) const {
    std::string out = text(key);
    for (const auto& [name, value] : values) {
        const std::string token = "{" + std::string(name) + "}";
        for (std::size_t pos = out.find(token); pos != std::string::npos;
             pos = out.find(token, pos + value.size())) {
            out.replace(pos, token.size(), value);
        }
    }
    return out;
}

std::string HandoutStrings::longDate(std::string_view iso) const {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') {
        return std::string(iso);
    }
    const auto num = [&](std::size_t pos, std::size_t n) {
        int v = 0;
        for (std::size_t i = pos; i < pos + n; ++i) {
            if (iso[i] < '0' || iso[i] > '9') {
                return -1;
            }
            v = v * 10 + (iso[i] - '0');
        }
        return v;
    };
    const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) {
        return std::string(iso);
    }
    return format("date_format", {{"month", list("months")[static_cast<std::size_t>(m - 1)]},
                                  {"day", std::to_string(d)},
                                  {"year", std::to_string(y)}});
}

} // namespace hepdesk::handout
