#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/LocalizedText.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk::detail {

/// The first error of a whole document: readers of nested objects share one, so the
/// message always names the outermost file and the full JSON pointer.
struct ErrorSink {
    std::optional<Error> error;
    [[nodiscard]] bool failed() const { return error.has_value(); }
};

/// Reads the fields of one JSON object of a data file and rejects any field nobody asked for,
/// so a misspelt key is an error instead of a silently ignored setting.
class JsonObjectReader {
public:
    JsonObjectReader(const nlohmann::json& j, std::string_view source, std::string pointer,
                     ErrorSink& sink);

    [[nodiscard]] bool failed() const { return sink_.failed(); }
    void fail(const std::string& pointer, const std::string& message);
    [[nodiscard]] const std::string& pointer() const { return pointer_; }
    [[nodiscard]] std::string_view source() const { return source_; }
    [[nodiscard]] ErrorSink& sink() const { return sink_; }
    /// A reader for a nested object, sharing this reader's file and error.
    [[nodiscard]] JsonObjectReader child(const nlohmann::json& v, std::string pointer) const {
        return {v, source_, std::move(pointer), sink_};
    }
    /// The elements of array field `key` (at least `minCount`), or nullptr after an error.
    const nlohmann::json* array(std::string_view key, std::size_t minCount);
    [[nodiscard]] std::string at(std::string_view key) const {
        return pointer_ + "/" + std::string(key);
    }

    /// The value of `key`, or nullptr (an error when `required`).
    const nlohmann::json* get(std::string_view key, bool required);
    bool has(std::string_view key) const;

    std::string string(std::string_view key, bool required = true);
    /// A snake_case identifier ("cat_cow").
    std::string id(std::string_view key, bool required = true);
    /// One of `allowed`.
    std::string oneOf(std::string_view key, const std::vector<std::string_view>& allowed,
                      bool required = true);
    int integer(std::string_view key, int lo, int hi, bool required, int fallback = 0);
    bool boolean(std::string_view key, bool fallback);
    LocalizedText text(std::string_view key, bool required = true);
    /// The clinician-facing text `key` of the item `ownerId` (a finding, a rule, a band):
    /// {"en": ..., "es": ...}, both present and non-empty; errors name the owner's id.
    LocalizedText clinicianText(std::string_view key, std::string_view ownerId);
    std::vector<LocalizedText> texts(std::string_view key, std::size_t minCount);
    /// An array of distinct snake_case ids, each checked by `allowed` when it is not empty.
    std::vector<std::string> ids(std::string_view key, bool required, std::size_t minCount = 0,
                                 const std::vector<std::string_view>& allowed = {});

    /// Reports the first field that no get() asked for, listing the expected ones.
    void finish();

    // Free-standing checks on values (arrays, nested objects).
    /// `ownerId` empty: a patient-facing text; else the clinician text of that item.
    LocalizedText textValue(const nlohmann::json& v, const std::string& ptr,
                            std::string_view ownerId = {});
    std::string idValue(const nlohmann::json& v, const std::string& ptr);

private:
    const nlohmann::json& j_;
    std::string_view source_;
    std::string pointer_;
    ErrorSink& sink_;
    std::vector<std::string> asked_;
};

bool isSnakeId(std::string_view s);
std::string joinIds(const std::vector<std::string_view>& ids);

} // namespace hepdesk::detail
