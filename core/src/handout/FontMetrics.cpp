#include "hepdesk/core/handout/FontMetrics.h"

#include "hepdesk/core/ReadFile.h"
#include "hepdesk/core/TextEscape.h"

#include <algorithm>
#include <string>

namespace hepdesk::handout {
namespace {

class Reader {
public:
    explicit Reader(const std::string& data) : d_(data) {}
    [[nodiscard]] bool has(std::size_t off, std::size_t n) const {
        return off <= d_.size() && n <= d_.size() - off;
    }
    [[nodiscard]] std::uint16_t u16(std::size_t off) const {
        return static_cast<std::uint16_t>((byte(off) << 8U) | byte(off + 1));
    }
    [[nodiscard]] std::int16_t s16(std::size_t off) const {
        return static_cast<std::int16_t>(u16(off));
    }
    [[nodiscard]] std::uint32_t u32(std::size_t off) const {
        return (static_cast<std::uint32_t>(u16(off)) << 16U) | u16(off + 2);
    }

private:
    [[nodiscard]] unsigned byte(std::size_t off) const {
        return static_cast<unsigned char>(d_[off]);
    }
    const std::string& d_;
};

} // namespace

char32_t nextCodePoint(std::string_view s, std::size_t& i) {
    char32_t cp = 0;
    const std::size_t n = decodeUtf8(s, i, cp);
    if (n == 0) {
        ++i; // one byte that is not UTF-8 (or starts a broken sequence) draws as U+FFFD
        return 0xFFFD;
    }
    i += n;
    return cp;
}

Result<FontMetrics> FontMetrics::load(const std::filesystem::path& ttf) {
    auto bytes = readRegularFile(ttf, kMaxFontFileBytes, "font file");
    if (!bytes) {
        if (bytes.error().kind == Error::Kind::NotFound) {
            return Error::notFound(bytes.error().message +
                                   " (install the Debian package fonts-noto-core)");
        }
        return bytes.error();
    }
    const std::string& data = *bytes;
    const Reader r(data);
    const auto bad = [&](const char* what) {
        return Error::invalid("font file '" + ttf.string() +
                              "' is not a usable TrueType font: " + what);
    };
    if (!r.has(0, 12)) {
        return bad("too short");
    }
    const std::uint16_t numTables = r.u16(4);
    std::size_t head = 0, hhea = 0, hmtx = 0, cmap = 0, maxp = 0;
    for (std::size_t t = 0; t < numTables; ++t) {
        const std::size_t rec = 12 + t * 16;
        if (!r.has(rec, 16)) {
            return bad("truncated table directory");
        }
        const std::string tag = data.substr(rec, 4);
        const std::size_t off = r.u32(rec + 8);
        if (tag == "head")
            head = off;
        else if (tag == "hhea")
            hhea = off;
        else if (tag == "hmtx")
            hmtx = off;
        else if (tag == "cmap")
            cmap = off;
        else if (tag == "maxp")
            maxp = off;
    }
    if (head == 0 || hhea == 0 || hmtx == 0 || cmap == 0 || maxp == 0 || !r.has(head, 54) ||
        !r.has(hhea, 36) || !r.has(maxp, 6) || !r.has(cmap, 4)) {
        return bad("missing head, hhea, hmtx, maxp or cmap table");
    }
    const unsigned upem = r.u16(head + 18);
    if (upem == 0) {
        return bad("unitsPerEm is 0");
    }
    FontMetrics m;
    m.ascender_ = r.s16(hhea + 4) * 1000 / static_cast<int>(upem);
    m.descender_ = -r.s16(hhea + 6) * 1000 / static_cast<int>(upem);
    const std::size_t numGlyphs = r.u16(maxp + 4);
    const std::size_t numHMetrics = r.u16(hhea + 34);
    if (numHMetrics == 0 || numHMetrics > numGlyphs || !r.has(hmtx, numHMetrics * 4)) {
        return bad("bad hmtx table");
    }
    m.advances_.resize(numGlyphs);
    for (std::size_t g = 0; g < numGlyphs; ++g) {
        const std::size_t k = std::min(g, numHMetrics - 1);
        m.advances_[g] = static_cast<int>(r.u16(hmtx + k * 4) * 1000U / upem);
    }
    // The Windows Unicode BMP subtable (3,1), format 4: what libharu itself uses.
    std::size_t sub = 0;
    const std::uint16_t nSub = r.u16(cmap + 2);
    for (std::size_t s = 0; s < nSub; ++s) {
        const std::size_t rec = cmap + 4 + s * 8;
        if (!r.has(rec, 8)) {
            return bad("truncated cmap");
        }
        if (r.u16(rec) == 3 && r.u16(rec + 2) == 1) {
            sub = cmap + r.u32(rec + 4);
        }
    }
    if (sub == 0 || !r.has(sub, 14) || r.u16(sub) != 4) {
        return bad("no Unicode (3,1) format 4 cmap");
    }
    const std::size_t segCount = r.u16(sub + 6) / 2U;
    const std::size_t length = r.u16(sub + 2);
    if (!r.has(sub, length) || length < 16 + segCount * 8) {
        return bad("truncated cmap format 4");
    }
    const std::size_t ends = sub + 14, starts = ends + segCount * 2 + 2,
                      deltas = starts + segCount * 2, offsets = deltas + segCount * 2,
                      glyphArray = offsets + segCount * 2;
    for (std::size_t s = 0; s < segCount; ++s) {
        Segment seg{r.u16(starts + s * 2), r.u16(ends + s * 2), r.s16(deltas + s * 2), 0};
        const std::uint16_t ro = r.u16(offsets + s * 2);
        if (ro != 0) {
            // idRangeOffset is relative to its own position; turn it into an index of glyphIds_.
            const std::size_t first = offsets + s * 2 + ro;
            seg.rangeOffset = static_cast<std::uint16_t>((first - glyphArray) / 2 + 1);
        }
        m.segments_.push_back(seg);
    }
    for (std::size_t p = glyphArray; p + 1 < sub + length; p += 2) {
        m.glyphIds_.push_back(r.u16(p));
    }
    m.asciiAdvance_.resize(256);
    for (char32_t c = 0; c < 256; ++c) {
        m.asciiAdvance_[c] = m.advances_[m.glyphOf(c)];
    }
    return m;
}

std::uint16_t FontMetrics::glyphOf(char32_t cp) const {
    if (cp > 0xFFFF) {
        return glyphOf(U' ');
    }
    const auto it = std::lower_bound(segments_.begin(), segments_.end(), cp,
                                     [](const Segment& s, char32_t c) { return s.end < c; });
    if (it == segments_.end() || it->start > cp) {
        return 0;
    }
    if (it->rangeOffset == 0) {
        return static_cast<std::uint16_t>((cp + static_cast<std::uint32_t>(it->delta)) & 0xFFFFU);
    }
    const std::size_t idx = it->rangeOffset - 1U + (cp - it->start);
    if (idx >= glyphIds_.size() || glyphIds_[idx] == 0) {
        return 0;
    }
    const auto g = static_cast<std::uint16_t>(
        (glyphIds_[idx] + static_cast<std::uint32_t>(it->delta)) & 0xFFFFU);
    return g < advances_.size() ? g : 0;
}

int FontMetrics::advance(char32_t cp) const {
    if (cp < 256 && !asciiAdvance_.empty()) {
        return asciiAdvance_[cp];
    }
    const std::uint16_t g = glyphOf(cp);
    return g < advances_.size() ? advances_[g] : 0;
}

double FontMetrics::textWidth(std::string_view utf8, double size) const {
    long total = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        total += advance(nextCodePoint(utf8, i));
    }
    return static_cast<double>(total) * size / 1000.0;
}

} // namespace hepdesk::handout
