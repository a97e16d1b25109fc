#include "hepdesk/core/Sha256.h"

#include <gtest/gtest.h>

namespace hepdesk {
namespace {

TEST(Sha256, MatchesTheStandardTestVectors) {
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256Hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    EXPECT_EQ(sha256Hex(std::string(56, 'x')),
              "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
    // 55, 56 and 64 bytes: the padding edges.
    EXPECT_EQ(sha256Hex(std::string(55, 'x')).size(), 64U);
    EXPECT_NE(sha256Hex(std::string(56, 'x')), sha256Hex(std::string(57, 'x')));
}

} // namespace
} // namespace hepdesk
