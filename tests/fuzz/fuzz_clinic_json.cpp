// A clinic file as `hepdesk-cli handout --clinic FILE` reads it: JSON text -> clinicFromJson,
// with a logo path relative to the file (a PNG and a JPEG lie beside it).
#include "FuzzSupport.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/handout/Handout.h"

#include <filesystem>
#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hepdesk;
    namespace fs = std::filesystem;
    static const fs::path file = [] {
        for (const char* logo : {"logo.png", "logo.jpg"}) {
            fs::copy_file(fs::path(HEPDESK_FUZZ_DATA_DIR) / logo, fuzz::scratchDir() / logo,
                          fs::copy_options::overwrite_existing);
        }
        return fuzz::scratchDir() / "clinic.json";
    }();
    auto doc = json::parse(fuzz::asText(data, size), file.string());
    if (!doc) {
        return 0;
    }
    (void)handout::clinicFromJson(*doc, file);
    return 0;
}
