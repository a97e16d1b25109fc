#include "hepdesk/core/JsonRead.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace hepdesk::json {

Result<nlohmann::json> parse(std::string_view text, std::string_view source) {
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        return Error::invalid(std::string(source) + ": not valid JSON (at byte " +
                              std::to_string(e.byte) + ")");
    }
}

Result<nlohmann::json> parseFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error::notFound("cannot read '" + path + "': " + std::strerror(errno));
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse(ss.str(), path);
}

std::string describe(const nlohmann::json& v) {
    switch (v.type()) {
    case nlohmann::json::value_t::object:
        return "an object";
    case nlohmann::json::value_t::array:
        return "an array";
    case nlohmann::json::value_t::null:
        return "null";
    default: {
        std::string s = v.dump();
        if (s.size() > 40) {
            s = s.substr(0, 37) + "...";
        }
        return s;
    }
    }
}

} // namespace hepdesk::json
