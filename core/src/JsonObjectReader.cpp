#include "JsonObjectReader.h"

#include "hepdesk/core/JsonRead.h"

#include <algorithm>

namespace hepdesk::detail {

bool isSnakeId(std::string_view s) {
    if (s.empty() || s.size() > 64 || s.front() < 'a' || s.front() > 'z') {
        return false;
    }
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::string joinIds(const std::vector<std::string_view>& ids) {
    std::string s;
    for (auto id : ids) {
        s += s.empty() ? "" : ", ";
        s += id;
    }
    return s;
}

JsonObjectReader::JsonObjectReader(const nlohmann::json& j, std::string_view source,
                                   std::string pointer, ErrorSink& sink)
    : j_(j), source_(source), pointer_(std::move(pointer)), sink_(sink) {
    if (!j_.is_object()) {
        fail(pointer_, "expected an object, got " + json::describe(j_));
    }
}

void JsonObjectReader::fail(const std::string& pointer, const std::string& message) {
    if (!sink_.error) {
        sink_.error = json::fieldError(source_, pointer, message);
    }
}

bool JsonObjectReader::has(std::string_view key) const {
    return j_.is_object() && j_.contains(key);
}

const nlohmann::json* JsonObjectReader::get(std::string_view key, bool required) {
    asked_.emplace_back(key);
    if (!j_.is_object()) {
        return nullptr;
    }
    auto it = j_.find(key);
    if (it == j_.end()) {
        if (required) {
            fail(at(key), "missing (required field)");
        }
        return nullptr;
    }
    return &*it;
}

std::string JsonObjectReader::string(std::string_view key, bool required) {
    const auto* v = get(key, required);
    if (v == nullptr) {
        return {};
    }
    if (!v->is_string() || v->get<std::string>().empty()) {
        fail(at(key), "expected non-empty text, got " + json::describe(*v));
        return {};
    }
    return v->get<std::string>();
}

std::string JsonObjectReader::idValue(const nlohmann::json& v, const std::string& ptr) {
    if (!v.is_string() || !isSnakeId(v.get<std::string>())) {
        fail(ptr, "expected a snake_case id (a-z, 0-9, _), got " + json::describe(v));
        return {};
    }
    return v.get<std::string>();
}

std::string JsonObjectReader::id(std::string_view key, bool required) {
    const auto* v = get(key, required);
    return v == nullptr ? std::string() : idValue(*v, at(key));
}

std::string JsonObjectReader::oneOf(std::string_view key,
                                    const std::vector<std::string_view>& allowed, bool required) {
    const auto* v = get(key, required);
    if (v == nullptr) {
        return {};
    }
    if (v->is_string() &&
        std::find(allowed.begin(), allowed.end(), v->get<std::string>()) != allowed.end()) {
        return v->get<std::string>();
    }
    fail(at(key), "expected one of " + joinIds(allowed) + ", got " + json::describe(*v));
    return {};
}

int JsonObjectReader::integer(std::string_view key, int lo, int hi, bool required, int fallback) {
    const auto* v = get(key, required);
    if (v == nullptr) {
        return fallback;
    }
    if (!v->is_number_integer() || v->get<long long>() < lo || v->get<long long>() > hi) {
        fail(at(key), "expected a whole number from " + std::to_string(lo) + " to " +
                          std::to_string(hi) + ", got " + json::describe(*v));
        return fallback;
    }
    return v->get<int>();
}

bool JsonObjectReader::boolean(std::string_view key, bool fallback) {
    const auto* v = get(key, false);
    if (v == nullptr) {
        return fallback;
    }
    if (!v->is_boolean()) {
        fail(at(key), "expected true or false, got " + json::describe(*v));
        return fallback;
    }
    return v->get<bool>();
}

LocalizedText JsonObjectReader::textValue(const nlohmann::json& v, const std::string& ptr,
                                          std::string_view ownerId) {
    // A clinician text names its item, so "/rules/12/reason/es" is found without counting.
    const std::string of =
        ownerId.empty() ? std::string() : " (clinician text of \"" + std::string(ownerId) + "\")";
    LocalizedText t;
    if (!v.is_object()) {
        fail(ptr, "expected an object of language -> text ({\"en\": ..., \"es\": ...}), got " +
                      json::describe(v) + of);
        return t;
    }
    for (const auto& [lang, s] : v.items()) {
        const bool known =
            std::find(std::begin(kLanguages), std::end(kLanguages), lang) != std::end(kLanguages);
        if (!known) {
            fail(ptr + "/" + lang, "unknown language (expected en, es)" + of);
            return t;
        }
        if (!s.is_string() || s.get<std::string>().empty()) {
            fail(ptr + "/" + lang, "expected non-empty text, got " + json::describe(s) + of);
            return t;
        }
        t.byLang[lang] = s.get<std::string>();
    }
    for (auto lang : kLanguages) {
        if (!t.has(lang)) {
            fail(ptr + "/" + std::string(lang),
                 ownerId.empty()
                     ? "missing: every patient-facing text needs English and Spanish (en, es)"
                     : "missing: the clinician text of \"" + std::string(ownerId) +
                           "\" needs English and Spanish (en, es)");
            return t;
        }
    }
    return t;
}

LocalizedText JsonObjectReader::text(std::string_view key, bool required) {
    const auto* v = get(key, required);
    return v == nullptr ? LocalizedText{} : textValue(*v, at(key));
}

LocalizedText JsonObjectReader::clinicianText(std::string_view key, std::string_view ownerId) {
    const auto* v = get(key, true);
    return v == nullptr ? LocalizedText{} : textValue(*v, at(key), ownerId);
}

std::vector<LocalizedText> JsonObjectReader::texts(std::string_view key, std::size_t minCount) {
    std::vector<LocalizedText> out;
    const auto* v = get(key, true);
    if (v == nullptr) {
        return out;
    }
    if (!v->is_array() || v->size() < minCount) {
        fail(at(key), "expected an array of at least " + std::to_string(minCount) + " texts, got " +
                          json::describe(*v));
        return out;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
        out.push_back(textValue((*v)[i], at(key) + "/" + std::to_string(i)));
    }
    return out;
}

std::vector<std::string> JsonObjectReader::ids(std::string_view key, bool required,
                                               std::size_t minCount,
                                               const std::vector<std::string_view>& allowed) {
    std::vector<std::string> out;
    const auto* v = get(key, required);
    if (v == nullptr) {
        return out;
    }
    if (!v->is_array() || v->size() < minCount) {
        fail(at(key), "expected an array of at least " + std::to_string(minCount) + " ids, got " +
                          json::describe(*v));
        return out;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
        const std::string p = at(key) + "/" + std::to_string(i);
        std::string s = idValue((*v)[i], p);
        if (s.empty()) {
            return out;
        }
        if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
            fail(p, "expected one of " + joinIds(allowed) + ", got \"" + s + "\"");
            return out;
        }
        if (std::find(out.begin(), out.end(), s) != out.end()) {
            fail(p, "\"" + s + "\" is listed twice");
            return out;
        }
        out.push_back(std::move(s));
    }
    return out;
}

const nlohmann::json* JsonObjectReader::array(std::string_view key, std::size_t minCount) {
    const auto* v = get(key, true);
    if (v == nullptr) {
        return nullptr;
    }
    if (!v->is_array() || v->size() < minCount) {
        fail(at(key), "expected an array of at least " + std::to_string(minCount) +
                          " elements, got " + json::describe(*v));
        return nullptr;
    }
    return v;
}

void JsonObjectReader::finish() {
    if (!j_.is_object() || failed()) {
        return;
    }
    for (const auto& [k, v] : j_.items()) {
        if (std::find(asked_.begin(), asked_.end(), k) == asked_.end()) {
            std::vector<std::string_view> expected(asked_.begin(), asked_.end());
            fail(at(k), "unknown field (expected " + joinIds(expected) + ")");
            return;
        }
    }
}

} // namespace hepdesk::detail
