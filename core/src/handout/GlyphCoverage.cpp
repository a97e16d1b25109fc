#include "hepdesk/core/handout/GlyphCoverage.h"

#include "hepdesk/core/TextEscape.h"
#include "hepdesk/core/handout/FontMetrics.h"
#include "hepdesk/core/handout/Handout.h"

#include <algorithm>
#include <cstdint>

namespace hepdesk::handout {
namespace {

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6U));
        out += static_cast<char>(0x80 | (cp & 0x3FU));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12U));
        out += static_cast<char>(0x80 | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80 | (cp & 0x3FU));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18U));
        out += static_cast<char>(0x80 | ((cp >> 12U) & 0x3FU));
        out += static_cast<char>(0x80 | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80 | (cp & 0x3FU));
    }
}

/// "0645", "1F600": a code point as Unicode writes it.
std::string codePointHex(char32_t cp) {
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    std::string h;
    auto v = static_cast<std::uint32_t>(cp);
    do {
        h.insert(h.begin(), kHex[v & 0xFU]);
        v >>= 4U;
    } while (v != 0 || h.size() < 4);
    return h;
}

class Collector {
public:
    explicit Collector(const FontPair& fonts) : fonts_(fonts) {}

    void check(const std::string& field, std::string_view text) {
        UndrawableText u{field, {}};
        for (std::size_t i = 0; i < text.size();) {
            const char32_t cp = nextCodePoint(text, i);
            if (!canDraw(fonts_, cp) &&
                std::find(u.characters.begin(), u.characters.end(), cp) == u.characters.end()) {
                u.characters.push_back(cp);
            }
        }
        if (!u.characters.empty()) {
            out_.push_back(std::move(u));
        }
    }

    std::vector<UndrawableText> take() { return std::move(out_); }

private:
    const FontPair& fonts_;
    std::vector<UndrawableText> out_;
};

} // namespace

bool canDraw(const FontPair& fonts, char32_t cp) {
    if (cp == '\n' || cp == '\t') {
        return true; // laid out (a new line, a space), never drawn
    }
    return fonts.regular->hasGlyph(cp) && fonts.bold->hasGlyph(cp);
}

std::vector<UndrawableText> undrawableText(const HandoutDocument& doc, const FontPair& fonts) {
    Collector c(fonts);
    c.check("clinic name", doc.clinic.name);
    c.check("clinic address", doc.clinic.address);
    c.check("clinic phone", doc.clinic.phone);
    c.check("clinician name", doc.clinic.clinicianName);
    c.check("clinician credentials", doc.clinic.clinicianCredentials);
    c.check("patient name", doc.patientName);
    for (const ExerciseSection& e : doc.exercises) {
        c.check("name of exercise " + e.id, e.name);
        for (std::size_t i = 0; i < e.steps.size(); ++i) {
            c.check("step " + std::to_string(i + 1) + " of exercise " + e.id, e.steps[i]);
        }
        c.check("note for exercise " + e.id, e.note);
        for (const std::string& caution : e.cautions) {
            c.check("caution for exercise " + e.id, caution);
        }
    }
    for (const AvoidSection& a : doc.avoid) {
        c.check("avoid entry " + a.name, a.name + " " + a.why);
    }
    c.check("override reason", doc.overrideReason);
    return c.take();
}

std::string characterList(const UndrawableText& u, std::size_t max) {
    std::string s;
    for (std::size_t i = 0; i < u.characters.size() && i < max; ++i) {
        const char32_t cp = u.characters[i];
        s += i == 0 ? "" : ", ";
        std::string glyph;
        appendUtf8(glyph, cp);
        // The character itself where a terminal shows it (not a control or a bidi override).
        if (cp >= 0x80 && escapeForTerminal(glyph) == glyph) {
            s += glyph + ' ';
        }
        s += "(U+" + codePointHex(cp) + ")";
    }
    if (u.characters.size() > max) {
        s += " and " + std::to_string(u.characters.size() - max) + " more";
    }
    return s;
}

std::string describeUndrawable(const std::vector<UndrawableText>& list) {
    std::string s;
    for (const UndrawableText& u : list) {
        s += (s.empty() ? "" : "; ") + u.field + ": " + characterList(u);
    }
    return s;
}

} // namespace hepdesk::handout
