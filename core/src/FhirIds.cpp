#include "hepdesk/core/FhirIds.h"

#include "hepdesk/core/Sha256.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace hepdesk::fhir {

std::string nameUuid(std::string_view name) {
    const std::string hex = sha256Hex(std::string("hepdesk/").append(name));
    std::array<unsigned, 16> b{};
    for (std::size_t i = 0; i < b.size(); ++i) {
        b[i] = static_cast<unsigned>(std::stoul(hex.substr(2 * i, 2), nullptr, 16));
    }
    b[6] = (b[6] & 0x0FU) | 0x80U; // version 8
    b[8] = (b[8] & 0x3FU) | 0x80U; // variant 10
    static constexpr std::string_view kDigits = "0123456789abcdef";
    std::string out = "urn:uuid:";
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out += '-';
        }
        out += kDigits[b[i] >> 4];
        out += kDigits[b[i] & 0x0FU];
    }
    return out;
}

} // namespace hepdesk::fhir
