#pragma once

#include "hepdesk/core/Error.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace hepdesk::json {

/// Parses JSON text; the error names `source` and the byte offset.
Result<nlohmann::json> parse(std::string_view text, std::string_view source);
/// Reads and parses a file; the error names the file.
Result<nlohmann::json> parseFile(const std::string& path);

/// "<source>: <pointer>: <message>", the shape of every data error in HepDesk.
inline Error fieldError(std::string_view source, std::string_view pointer,
                        std::string_view message) {
    std::string m(source);
    m.append(": ").append(pointer.empty() ? std::string_view("/") : pointer).append(": ");
    m.append(message);
    return Error::invalid(std::move(m));
}

/// A short description of a JSON value for messages: `11`, `"abc"`, `an object`.
std::string describe(const nlohmann::json& v);

} // namespace hepdesk::json
