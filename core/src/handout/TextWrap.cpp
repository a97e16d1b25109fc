#include "hepdesk/core/handout/TextWrap.h"

namespace hepdesk::handout {
namespace {

struct Word {
    std::string text;
    FontFace face;
    bool spaceBefore; ///< a space separates it from the previous word
};

std::vector<Word> words(const std::vector<Span>& spans) {
    std::vector<Word> out;
    bool pendingSpace = false;
    for (const Span& s : spans) {
        std::string cur;
        for (const char c : s.text) {
            if (c == ' ' || c == '\n' || c == '\t') {
                if (!cur.empty()) {
                    out.push_back({std::move(cur), s.face, pendingSpace && !out.empty()});
                    cur.clear();
                }
                pendingSpace = true;
            } else {
                cur.push_back(c);
            }
        }
        if (!cur.empty()) {
            out.push_back({std::move(cur), s.face, pendingSpace && !out.empty()});
            pendingSpace = false;
        }
    }
    return out;
}

/// Splits a word wider than `width` into pieces that fit (at least one code point each).
std::vector<std::string> splitLong(const std::string& w, double size, double width,
                                   const FontMetrics& fm) {
    std::vector<std::string> parts;
    std::string cur;
    double curW = 0;
    for (std::size_t i = 0; i < w.size();) {
        const std::size_t start = i;
        const char32_t cp = nextCodePoint(w, i);
        const double cw = fm.advance(cp) * size / 1000.0;
        if (!cur.empty() && curW + cw > width) {
            parts.push_back(std::move(cur));
            cur.clear();
            curW = 0;
        }
        cur.append(w, start, i - start);
        curW += cw;
    }
    if (!cur.empty()) {
        parts.push_back(std::move(cur));
    }
    return parts;
}

struct PlaceResult {
    bool placed;
};

} // namespace

std::vector<WrappedLine> wrapText(const std::vector<Span>& spans, double size, double width,
                                  const FontPair& fonts) {
    std::vector<WrappedLine> lines(1);
    const auto place = [&](const std::string& text, FontFace face, bool space) {
        WrappedLine& line = lines.back();
        const FontMetrics& fm = fonts.of(face);
        const double sw = space && !line.runs.empty() ? fm.textWidth(" ", size) : 0;
        const double ww = fm.textWidth(text, size);
        if (!line.runs.empty() && line.width + sw + ww > width) {
            lines.emplace_back();
            return PlaceResult{false};
        }
        // Same face as the previous run: extend it, so a line is as few text runs as possible.
        if (!line.runs.empty() && line.runs.back().face == face) {
            if (sw > 0) {
                line.runs.back().text.push_back(' ');
            }
            line.runs.back().text += text;
        } else {
            line.runs.push_back({line.width + sw, face, text});
        }
        line.width += sw + ww;
        return PlaceResult{true};
    };
    // Written out instead of recursion: place the word, or break the line and place it there.
    for (const Word& w : words(spans)) {
        const FontMetrics& fm = fonts.of(w.face);
        std::vector<std::string> pieces{w.text};
        if (fm.textWidth(w.text, size) > width) {
            pieces = splitLong(w.text, size, width, fm);
        }
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            const bool space = k == 0 && w.spaceBefore;
            if (!place(pieces[k], w.face, space).placed) {
                place(pieces[k], w.face, false);
            }
        }
    }
    if (lines.back().runs.empty() && lines.size() > 1) {
        lines.pop_back();
    }
    return lines;
}

} // namespace hepdesk::handout
