// One rules file of templates/rules/ (HEPDESK_FUZZ_RULES_FILE) replaced by the fuzz input, the
// other three shipped: ClinicalRules::loadDir checks them against each other and the catalog,
// and rules that load must assess the example screenings without failing.
#include "FuzzSupport.h"
#include "hepdesk/core/Assess.h"

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hepdesk;
    namespace fs = std::filesystem;
    static const fs::path dir = [] {
        const fs::path d = fuzz::scratchDir() / "rules";
        fs::create_directories(d);
        for (const auto& e : fs::directory_iterator(fuzz::templatesDir() / "rules")) {
            fs::copy_file(e.path(), d / e.path().filename(), fs::copy_options::overwrite_existing);
        }
        return d;
    }();
    const auto& catalog = fuzz::shippedCatalog();
    (void)fuzz::exampleScreenings(); // loaded with the shipped rules, before any are replaced
    fuzz::writeFile(dir / HEPDESK_FUZZ_RULES_FILE, fuzz::asText(data, size));
    auto rules = ClinicalRules::loadDir(dir, catalog);
    if (!rules) {
        return 0;
    }
    for (const Screening& s : fuzz::exampleScreenings()) {
        (void)assess(s, *rules, catalog, "example");
    }
    return 0;
}
