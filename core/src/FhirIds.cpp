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

Status checkSystemUri(std::string_view uri, std::string_view field) {
    const auto refuse = [&](std::string_view why) {
        std::string shown(uri.substr(0, 80));
        return Error::invalid(std::string(field) + " must be an absolute URI such as " +
                              "'urn:oid:1.2.3' or 'https://clinic.example/mrn' (" +
                              std::string(why) + "), got '" + shown + "'");
    };
    if (uri.size() > kMaxSystemUriBytes) {
        return refuse("it may be at most " + std::to_string(kMaxSystemUriBytes) + " bytes");
    }
    const auto isAlpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    const std::size_t colon = uri.find(':');
    if (colon == std::string_view::npos || colon == 0 || !isAlpha(uri[0])) {
        return refuse("it must start with a scheme such as 'urn:' or 'https:'");
    }
    for (char c : uri.substr(0, colon)) {
        if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') {
            return refuse("it must start with a scheme such as 'urn:' or 'https:'");
        }
    }
    if (colon + 1 == uri.size()) {
        return refuse("something must follow the scheme");
    }
    for (char c : uri) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F) {
            return refuse("it may not hold spaces");
        }
    }
    return {};
}

} // namespace hepdesk::fhir
