// The --exercise argument grammar shared by `hepdesk-cli handout` and `session new` ("cat_cow",
// "cat_cow:2x10", "chin_tuck:30s", "cat_cow:2x10:5s"; core's parseExerciseSpec), against the
// shipped catalog. A dosage either parses into one that validate() accepts or is refused with
// a message naming the option.
#include "FuzzSupport.h"
#include "hepdesk/core/ExerciseSpec.h"
#include "hepdesk/core/Program.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hepdesk;
    const std::string arg(fuzz::asText(data, size));
    auto r = parseExerciseSpec(arg, fuzz::shippedCatalog());
    if (r.ok()) {
        if (!validate(r->dosage, "fuzz")) {
            fuzz::fail("a parsed dosage does not validate: " + arg);
        }
    } else if (r.error().message.find("--exercise") == std::string::npos) {
        fuzz::fail("a refusal does not name --exercise: " + r.error().message);
    }
    return 0;
}
