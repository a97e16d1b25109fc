#pragma once

#include <string>
#include <string_view>

namespace hepdesk {

/// SHA-256 of `bytes` as 64 lowercase hex digits (FIPS 180-4): the fingerprint stored with a
/// handout record, so a reprint can be proven byte-identical to the original.
std::string sha256Hex(std::string_view bytes);

} // namespace hepdesk
