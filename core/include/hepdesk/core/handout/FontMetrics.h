#pragma once

#include "hepdesk/core/Error.h"

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace hepdesk::handout {

/// Advance widths and vertical metrics of one TrueType font, read straight from its
/// cmap/hmtx/hhea/head tables, so the layout measures text without any painter.
/// Widths are truncated to 1/1000 em per glyph exactly as libharu does, so what the layout
/// measures is what the PDF draws; code points above U+FFFF count as spaces (libharu
/// prints them as spaces).
class FontMetrics {
public:
    static Result<FontMetrics> load(const std::filesystem::path& ttf);

    /// Width of UTF-8 `text` at `size` points (invalid bytes count as U+FFFD).
    [[nodiscard]] double textWidth(std::string_view utf8, double size) const;
    /// Whether the font has a glyph for `cp` (its cmap maps it). Above U+FFFF never: libharu
    /// prints those as spaces.
    [[nodiscard]] bool hasGlyph(char32_t cp) const { return cp <= 0xFFFF && glyphOf(cp) != 0; }
    /// Advance of one code point in 1/1000 em.
    [[nodiscard]] int advance(char32_t cp) const;
    /// Distance from baseline to the top of tall glyphs, at `size` points (positive).
    [[nodiscard]] double ascent(double size) const { return ascender_ * size / 1000.0; }
    /// Distance from baseline to the bottom of descenders, at `size` points (positive).
    [[nodiscard]] double descent(double size) const { return descender_ * size / 1000.0; }

private:
    [[nodiscard]] std::uint16_t glyphOf(char32_t cp) const;

    struct Segment {
        std::uint16_t start;
        std::uint16_t end;
        std::int16_t delta;
        std::uint16_t rangeOffset; ///< 0, or index into glyphIds_ of this segment's start
    };
    std::vector<Segment> segments_; ///< cmap format 4 (Unicode BMP), sorted by end
    std::vector<std::uint16_t> glyphIds_;
    std::vector<int> advances_;     ///< per glyph, 1/1000 em (truncated like libharu)
    std::vector<int> asciiAdvance_; ///< cache for U+0000..U+00FF
    int ascender_ = 0;
    int descender_ = 0;
};

/// Decodes one code point from `s` at `i` and advances `i`; malformed input yields U+FFFD
/// and skips one byte, so any byte string can be measured and drawn.
char32_t nextCodePoint(std::string_view s, std::size_t& i);

} // namespace hepdesk::handout
