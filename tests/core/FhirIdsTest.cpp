#include "hepdesk/core/FhirIds.h"

#include "hepdesk/core/Sha256.h"

#include <gtest/gtest.h>
#include <regex>

namespace hepdesk::fhir {
namespace {

TEST(FhirIds, ANameGivesTheSameVersion8UuidEveryTimeAndAnotherNameAnother) {
    const std::string a = nameUuid("session/4/encounter");
    EXPECT_EQ(a, nameUuid("session/4/encounter"));
    EXPECT_NE(a, nameUuid("session/5/encounter"));
    // urn:uuid, lowercase, version 8 (RFC 9562), variant 10.
    EXPECT_TRUE(std::regex_match(
        a,
        std::regex("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
        << a;
    // The documented derivation: the first 16 bytes of SHA-256("hepdesk/" + name), with the
    // version and variant bits set.
    const std::string hex = sha256Hex("hepdesk/session/4/encounter");
    EXPECT_EQ(a.substr(9, 8), hex.substr(0, 8));
    EXPECT_EQ(a.substr(18, 4), hex.substr(8, 4));
    EXPECT_EQ(a.substr(24, 3), hex.substr(13, 3));
    EXPECT_EQ(a.substr(29, 3), hex.substr(17, 3));
    EXPECT_EQ(a.substr(33), hex.substr(20, 12));
}

TEST(FhirIds, ARecordNumberSystemMustBeAnAbsoluteUri) {
    for (const char* good : {"urn:oid:1.2.840.99", "https://clinic.example/fhir/mrn",
                             "http://hospital.example.org/mrn", "urn:uuid:1234", "x-local+a.b:c"}) {
        EXPECT_TRUE(checkSystemUri(good, "record system")) << good;
    }
    for (const char* bad : {"", "mrn", "clinic mrn", "urn:", ":x", "1urn:x", "ur n:x",
                            "urn:oid:1.2 3", "urn:x\ty", "c_d:x"}) {
        auto s = checkSystemUri(bad, "record system");
        ASSERT_FALSE(s) << bad;
        EXPECT_EQ(s.error().kind, Error::Kind::InvalidInput);
        EXPECT_TRUE(s.error().message.starts_with("record system must be an absolute URI such as "
                                                  "'urn:oid:1.2.3'"))
            << s.error().message;
    }
    EXPECT_FALSE(checkSystemUri("urn:" + std::string(kMaxSystemUriBytes, 'a'), "record system"));
}

TEST(FhirIds, Base64MatchesTheRfc4648TestVectors) {
    EXPECT_EQ(base64(""), "");
    EXPECT_EQ(base64("f"), "Zg==");
    EXPECT_EQ(base64("fo"), "Zm8=");
    EXPECT_EQ(base64("foo"), "Zm9v");
    EXPECT_EQ(base64("foob"), "Zm9vYg==");
    EXPECT_EQ(base64("fooba"), "Zm9vYmE=");
    EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
    EXPECT_EQ(base64(std::string("\xff\xfe\x00", 3)), "//4A");
}

} // namespace
} // namespace hepdesk::fhir
