#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/ReadFile.h"
#include "hepdesk/core/TextEscape.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace hepdesk::json {

/// The deepest nesting of objects and arrays accepted: HepDesk's files need fewer than ten.
inline constexpr int kMaxDepth = 64;

/// Parses JSON text; the error names `source` and the byte offset or JSON pointer. Every JSON
/// the program reads goes through here, so every reader refuses the same things: text that
/// is not JSON, an object with the same key twice (which one would count is a guess, and a
/// guess about a clinical finding is a safety hole), a number too large for a double,
/// nesting deeper than kMaxDepth. Never throws.
Result<nlohmann::json> parse(std::string_view text, std::string_view source);
/// Reads (a regular file of at most `maxBytes`, see readRegularFile) and parses a file; the
/// error names the file.
Result<nlohmann::json> parseFile(const std::string& path,
                                 std::uintmax_t maxBytes = kMaxJsonFileBytes,
                                 std::string_view what = "JSON file");

/// `j` as text, indented by `indent` spaces (-1: one line). Text that is not UTF-8 (a file
/// name with a stray byte) is replaced with U+FFFD instead of throwing: output never aborts.
std::string dump(const nlohmann::json& j, int indent = -1);

/// "<source>: <pointer>: <message>", the shape of every data error in HepDesk. Control
/// characters and bytes that are not UTF-8 (in a file name, a key, a value) are escaped, so
/// the message is safe on a terminal and in JSON (escaping twice changes nothing).
inline Error fieldError(std::string_view source, std::string_view pointer,
                        std::string_view message) {
    std::string m(source);
    m.append(": ").append(pointer.empty() ? std::string_view("/") : pointer).append(": ");
    m.append(message);
    return Error::invalid(escapeForTerminal(m));
}

/// Runs `read`, a reader of parsed JSON returning a Result: a nlohmann exception it lets
/// through (a wrong type a check missed) becomes an error naming `source`, never an abort.
template <class F> auto guarded(std::string_view source, F&& read) -> decltype(read()) {
    try {
        return read();
    } catch (const nlohmann::json::exception& e) {
        return Error::invalid(std::string(source) + ": unexpected JSON content (" + e.what() + ")");
    }
}

/// A short description of a JSON value for messages: `11`, `"abc"`, `an object`.
std::string describe(const nlohmann::json& v);

} // namespace hepdesk::json
