#include "hepdesk/core/JsonRead.h"

#include "hepdesk/core/TextEscape.h"

#include <set>
#include <vector>

namespace hepdesk::json {
namespace {

/// Thrown from the parser callback; caught in parse(), never leaves this file.
struct Refusal {
    std::string pointer;
    std::string message;
};

/// Follows the parser through the document: the JSON pointer of the current value, and the
/// keys already seen in each open object.
class Tracker {
public:
    bool event(nlohmann::json::parse_event_t ev, const nlohmann::json& parsed) {
        using E = nlohmann::json::parse_event_t;
        switch (ev) {
        case E::object_start:
        case E::array_start:
            elementStart();
            if (stack_.size() >= static_cast<std::size_t>(kMaxDepth)) {
                throw Refusal{pointer(),
                              "nested more than " + std::to_string(kMaxDepth) + " levels deep"};
            }
            stack_.push_back(Frame{ev == E::object_start, {}, 0, false, {}});
            break;
        case E::object_end:
        case E::array_end:
            if (!stack_.empty()) {
                stack_.pop_back();
            }
            break;
        case E::key: {
            Frame& f = stack_.back();
            f.key = parsed.get<std::string>();
            if (!f.keys.insert(f.key).second) {
                throw Refusal{pointer(), "the key \"" + escapeForTerminal(f.key) +
                                             "\" appears twice in one object (only one may)"};
            }
            break;
        }
        case E::value:
            elementStart();
            break;
        }
        return true;
    }

    /// The pointer of the value being read (the last key or array element seen).
    [[nodiscard]] std::string pointer() const {
        std::string p;
        for (const Frame& f : stack_) {
            if (f.object && !f.key.empty()) {
                p += "/" + escapePointer(f.key);
            } else if (!f.object && f.started) {
                p += "/" + std::to_string(f.index);
            }
        }
        return p;
    }

private:
    struct Frame {
        bool object = false;
        std::string key;       ///< objects: the current key
        std::size_t index = 0; ///< arrays: the current element
        bool started = false;  ///< arrays: an element has begun
        std::set<std::string, std::less<>> keys;
    };

    void elementStart() {
        if (!stack_.empty() && !stack_.back().object) {
            Frame& f = stack_.back();
            f.index += f.started ? 1 : 0;
            f.started = true;
        }
    }

    static std::string escapePointer(std::string_view key) {
        std::string s;
        for (char c : key) {
            s += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
        }
        return escapeForTerminal(s);
    }

    std::vector<Frame> stack_;
};

/// nlohmann's "[json.exception.out_of_range.406] number overflow ..." without the prefix.
std::string plainMessage(const nlohmann::json::exception& e) {
    std::string m = e.what();
    if (const auto close = m.find("] "); m.starts_with("[json.exception") && close != m.npos) {
        m.erase(0, close + 2);
    }
    return escapeForTerminal(m);
}

} // namespace

Result<nlohmann::json> parse(std::string_view text, std::string_view source) {
    Tracker tracker;
    const std::string src = escapeForTerminal(source);
    try {
        return nlohmann::json::parse(
            text.begin(), text.end(),
            [&tracker](int /*depth*/, nlohmann::json::parse_event_t ev, nlohmann::json& parsed) {
                return tracker.event(ev, parsed);
            });
    } catch (const Refusal& r) {
        return fieldError(src, r.pointer, r.message);
    } catch (const nlohmann::json::parse_error& e) {
        return Error::invalid(src + ": not valid JSON (at byte " + std::to_string(e.byte) +
                              "): " + plainMessage(e));
    } catch (const nlohmann::json::exception& e) {
        // out_of_range 406: a number too large for a double ({"age": 1e400}).
        return fieldError(src, tracker.pointer(), "not usable JSON: " + plainMessage(e));
    } catch (const std::bad_alloc&) {
        return Error::invalid(src + ": too large to read");
    }
}

Result<nlohmann::json> parseFile(const std::string& path, std::uintmax_t maxBytes,
                                 std::string_view what) {
    auto bytes = readRegularFile(path, maxBytes, what);
    if (!bytes) {
        return bytes.error();
    }
    return parse(*bytes, path);
}

std::string dump(const nlohmann::json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
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
        std::string s = dump(v);
        if (s.size() > 40) {
            s = s.substr(0, 37) + "...";
        }
        return escapeForTerminal(s);
    }
    }
}

} // namespace hepdesk::json
