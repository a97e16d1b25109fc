// Patient-name search folding (db/src/SearchKey.cpp): any bytes, including invalid UTF-8, fold
// to a key; folding a key again changes nothing (the key is what both sides compare).
#include "FuzzSupport.h"
#include "hepdesk/db/SearchKey.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hepdesk;
    const std::string key = db::searchKey(fuzz::asText(data, size));
    if (db::searchKey(key) != key) {
        fuzz::fail("searchKey is not idempotent on '" + key + "'");
    }
    return 0;
}
