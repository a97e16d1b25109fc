// The --exercise argument grammar of `hepdesk-cli handout` and `session new` ("cat_cow",
// "cat_cow:2x10", "chin_tuck:30s", "cat_cow:2x10:5s"), against the shipped catalog. A dosage
// either parses into one that validate() accepts or is refused with a message naming the
// argument; both parsers agree on the forms they share.
#include "FuzzSupport.h"
#include "hepdesk/core/Program.h"

#include <string>

namespace hepdesk::fuzz {
Result<ProgramItem> parseHandoutExercise(const std::string& arg, const Catalog& catalog);
Result<ProgramItem> parseSessionExercise(std::string_view spec, const Catalog& catalog);
} // namespace hepdesk::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hepdesk;
    const std::string arg(fuzz::asText(data, size));
    const auto& catalog = fuzz::shippedCatalog();
    auto h = fuzz::parseHandoutExercise(arg, catalog);
    auto s = fuzz::parseSessionExercise(arg, catalog);
    for (const auto* r : {&h, &s}) {
        if (r->ok()) {
            if (!validate((*r)->dosage, "fuzz")) {
                fuzz::fail("a parsed dosage does not validate: " + arg);
            }
        } else if (r->error().message.find("--exercise") == std::string::npos) {
            fuzz::fail("a refusal does not name --exercise: " + r->error().message);
        }
    }
    return 0;
}
