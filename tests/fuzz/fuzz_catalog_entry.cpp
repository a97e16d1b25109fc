// One catalog entry (templates/catalog/*.json, a clinic's own exercise): JSON text ->
// catalogEntryFromJson. An entry that reads must read back the same from its own JSON.
#include "FuzzSupport.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/JsonRead.h"

#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hepdesk;
    auto doc = json::parse(fuzz::asText(data, size), "fuzz entry");
    if (!doc) {
        return 0;
    }
    auto entry = catalogEntryFromJson(*doc, "fuzz entry");
    if (!entry) {
        return 0;
    }
    const nlohmann::json written = toJson(*entry);
    auto back = catalogEntryFromJson(written, "fuzz entry written");
    if (!back) {
        fuzz::fail("a catalog entry does not read back: " + back.error().message);
    }
    if (toJson(*back) != written) {
        fuzz::fail("a catalog entry changes on its JSON round trip");
    }
    return 0;
}
