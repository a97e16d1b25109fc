#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hepdesk {

/// RFC 4648 base64 with padding (FHIR's base64Binary; logos in a signing snapshot).
std::string base64(std::string_view bytes);

/// The bytes of RFC 4648 base64 text with padding, or nothing when `text` is not that.
std::optional<std::string> unbase64(std::string_view text);

} // namespace hepdesk
