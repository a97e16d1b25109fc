// A screening as `hepdesk-cli assess`, `session new` and a stored session's screening_json read
// it: JSON text -> screeningFromJson -> assess against the shipped rules and catalog. The
// assessment must survive its own JSON round trip (what `assess` prints and sessions store).
#include "FuzzSupport.h"
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/OutcomeScoring.h"

#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hepdesk;
    const auto& rules = fuzz::shippedRules();
    const auto& catalog = fuzz::shippedCatalog();
    auto doc = json::parse(fuzz::asText(data, size), "fuzz screening");
    if (!doc) {
        return 0;
    }
    auto screening = screeningFromJson(*doc, "fuzz screening");
    if (!screening) {
        return 0;
    }
    (void)toJson(*screening);
    (void)avoidEntriesFor(*screening, catalog);
    auto assessment = assess(*screening, rules, catalog, "fuzz screening", &*doc);
    if (!assessment) {
        return 0;
    }
    const nlohmann::json printed = toJson(*assessment);
    auto back = assessmentFromJson(printed, "fuzz assessment");
    if (!back) {
        fuzz::fail("an assessment does not read back: " + back.error().message);
    }
    if (toJson(*back) != printed) {
        fuzz::fail("an assessment changes on its JSON round trip");
    }
    return 0;
}
