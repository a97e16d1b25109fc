#include "TestImages.h"

#include <array>
#include <cstdint>

namespace hepdesk::test {
namespace {

std::uint32_t crc32(const std::string& bytes, std::size_t from) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) {
                c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1U) : c >> 1U;
            }
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFU;
    for (std::size_t i = from; i < bytes.size(); ++i) {
        c = table[(c ^ static_cast<unsigned char>(bytes[i])) & 0xFFU] ^ (c >> 8U);
    }
    return c ^ 0xFFFFFFFFU;
}

void be32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) {
        out += static_cast<char>((v >> static_cast<unsigned>(shift)) & 0xFFU);
    }
}

void be16(std::string& out, unsigned v) {
    out += static_cast<char>((v >> 8U) & 0xFFU);
    out += static_cast<char>(v & 0xFFU);
}

void chunk(std::string& png, const char* type, const std::string& data) {
    be32(png, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = png.size();
    png += type;
    png += data;
    be32(png, crc32(png, start));
}

} // namespace

std::string pngImage(int width, int height) {
    std::string raw; // filter byte 0, then RGB per pixel, row by row
    for (int y = 0; y < height; ++y) {
        raw += '\0';
        for (int x = 0; x < width; ++x) {
            const double fx = static_cast<double>(x) / width;
            const double fy = static_cast<double>(y) / height;
            const double dx = fx - 0.7;
            const double dy = (fy - 0.3) * height / width;
            unsigned r = 0, g = 0, b = 0;
            if (dx * dx + dy * dy < 0.015) {
                r = 245, g = 150, b = 40; // sun
            } else if (fy < 0.62) {
                r = static_cast<unsigned>(90 + 100 * fy), g = static_cast<unsigned>(150 + 90 * fy),
                b = 235; // sky
            } else {
                r = 60, g = static_cast<unsigned>(150 - 60 * fy), b = 50; // grass
            }
            raw += static_cast<char>(r);
            raw += static_cast<char>(g);
            raw += static_cast<char>(b);
        }
    }
    // zlib stream of stored (uncompressed) deflate blocks, then the Adler-32 of the data.
    std::string z = "\x78\x01";
    for (std::size_t pos = 0; pos < raw.size() || pos == 0;) {
        const std::size_t n = std::min<std::size_t>(65535, raw.size() - pos);
        const bool last = pos + n == raw.size();
        z += static_cast<char>(last ? 1 : 0);
        z += static_cast<char>(n & 0xFFU);
        z += static_cast<char>((n >> 8U) & 0xFFU);
        z += static_cast<char>(~n & 0xFFU);
        z += static_cast<char>((~n >> 8U) & 0xFFU);
        z.append(raw, pos, n);
        pos += n;
        if (last) {
            break;
        }
    }
    std::uint32_t a = 1, b = 0;
    for (const char c : raw) {
        a = (a + static_cast<unsigned char>(c)) % 65521U;
        b = (b + a) % 65521U;
    }
    be32(z, (b << 16U) | a);

    std::string png = "\x89PNG\r\n\x1a\n";
    std::string ihdr;
    be32(ihdr, static_cast<std::uint32_t>(width));
    be32(ihdr, static_cast<std::uint32_t>(height));
    ihdr += std::string("\x08\x02\x00\x00\x00", 5); // 8 bits, RGB, deflate, no filter, no interlace
    chunk(png, "IHDR", ihdr);
    chunk(png, "IDAT", z);
    chunk(png, "IEND", {});
    return png;
}

std::string greyJpeg(int width, int height) {
    std::string j = "\xFF\xD8";
    j += "\xFF\xDB";
    be16(j, 67);
    j += '\0';
    j += std::string(64, '\x01'); // quantisation table 0: all ones
    j += "\xFF\xC0";              // baseline frame: 8 bits, one grey component
    be16(j, 11);
    j += '\x08';
    be16(j, static_cast<unsigned>(height));
    be16(j, static_cast<unsigned>(width));
    j += std::string("\x01\x01\x11\x00", 4);
    // One-symbol Huffman tables: DC "difference 0" and AC "end of block", each coded as "0".
    for (const char tableClass : {'\x00', '\x10'}) {
        j += "\xFF\xC4";
        be16(j, 20);
        j += tableClass;
        j += '\x01';
        j += std::string(15, '\0');
        j += '\0';
    }
    j += "\xFF\xDA";
    be16(j, 8);
    j += std::string("\x01\x01\x00\x00\x3F\x00", 6);
    // Every block is "DC unchanged (0 = mid-grey), end of block": two 0 bits, padded with 1s.
    const long blocks = static_cast<long>((width + 7) / 8) * ((height + 7) / 8);
    const long bits = 2 * blocks;
    j += std::string(static_cast<std::size_t>(bits / 8), '\0');
    if (bits % 8 != 0) {
        j += static_cast<char>(0xFFU >> static_cast<unsigned>(bits % 8));
    }
    j += "\xFF\xD9";
    return j;
}

} // namespace hepdesk::test
