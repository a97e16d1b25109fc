#pragma once

#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/Screening.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

// Shared by the libFuzzer targets: the shipped data, loaded once per process, and a scratch
// folder. A failure to load the shipped data is a broken build, so it aborts loudly.
namespace hepdesk::fuzz {

std::filesystem::path templatesDir();
const Catalog& shippedCatalog();
const ClinicalRules& shippedRules();
/// The example screenings of templates/schema/examples (routine, emergency, osteoporosis).
const std::vector<Screening>& exampleScreenings();
/// A private folder for this process, removed at exit.
const std::filesystem::path& scratchDir();
/// Writes bytes to a file (the fuzz input as a file a loader reads).
void writeFile(const std::filesystem::path& p, std::string_view bytes);
/// Aborts with `what` (a property the target checks did not hold).
[[noreturn]] void fail(std::string_view what);

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

} // namespace hepdesk::fuzz
