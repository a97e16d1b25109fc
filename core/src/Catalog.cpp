#include "hepdesk/core/Catalog.h"

#include "JsonObjectReader.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/Paths.h"
#include "hepdesk/core/Progressions.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <system_error>

namespace hepdesk {
namespace {
namespace fs = std::filesystem;

constexpr std::array<std::string_view, 7> kMovementIds = {
    "flexion", "extension", "rotation", "side_bend", "traction", "soft_tissue", "breathing"};

// Closed vocabularies: a typo in a catalog file must not silently create a new position.
const std::vector<std::string_view> kPositions = {
    "standing",      "sitting",        "kneeling",      "all_fours", "lunge",
    "lying_on_back", "lying_on_front", "lying_on_side", "hanging"};
const std::vector<std::string_view> kEquipment = {"mat", "chair", "foam_roller", "towel", "ball",
                                                  "bar", "bed",   "pillow",      "wall",  "band"};
/// The region ids of core's list (kRegions), for the catalog reader's closed vocabulary.
std::vector<std::string_view> regionIds() {
    std::vector<std::string_view> ids;
    for (Region r : kRegions) {
        ids.push_back(toId(r));
    }
    return ids;
}

nlohmann::json textJson(const LocalizedText& t) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [lang, s] : t.byLang) {
        j[lang] = s;
    }
    return j;
}

nlohmann::json textsJson(const std::vector<LocalizedText>& ts) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& t : ts) {
        a.push_back(textJson(t));
    }
    return a;
}

} // namespace

std::string_view toId(Movement m) {
    return kMovementIds.at(static_cast<std::size_t>(m));
}

std::optional<Movement> movementFromId(std::string_view id) {
    for (std::size_t i = 0; i < kMovementIds.size(); ++i) {
        if (kMovementIds[i] == id) {
            return static_cast<Movement>(i);
        }
    }
    return std::nullopt;
}

std::string_view toId(CatalogEntry::Kind k) {
    return k == CatalogEntry::Kind::Exercise ? "exercise" : "avoid";
}

Result<CatalogEntry> catalogEntryFromJson(const nlohmann::json& j, std::string_view source) {
    detail::ErrorSink sink;
    detail::JsonObjectReader r(j, source, "", sink);
    CatalogEntry e;
    e.id = r.id("id");
    const std::string kind = r.oneOf("kind", {"exercise", "avoid"});
    e.kind = kind == "avoid" ? CatalogEntry::Kind::Avoid : CatalogEntry::Kind::Exercise;
    e.name = r.text("name");
    for (const auto& reg : r.ids("regions", true, 1, regionIds())) {
        e.regions.push_back(*regionFromId(reg));
    }
    e.illustration = r.text("illustration");
    if (kind == "exercise") {
        e.position = r.oneOf("position", kPositions);
        e.equipment = r.ids("equipment", true, 0, kEquipment);
        std::vector<std::string_view> movementIds(kMovementIds.begin(), kMovementIds.end());
        for (const auto& m : r.ids("movements", true, 0, movementIds)) {
            e.movements.push_back(*movementFromId(m));
        }
        e.tags = r.ids("tags", true);
        e.steps = r.texts("steps", 2);
        if (const auto* d = r.get("dosage", true); d != nullptr && !r.failed()) {
            auto dosage = dosageFromJson(*d, source, "/dosage");
            if (!dosage) {
                sink.error = dosage.error();
            } else {
                e.defaultDosage = *dosage;
            }
        }
        e.tips = r.texts("tips", 1);
        e.stopIf = r.texts("stop_if", 1);
    } else if (kind == "avoid") {
        e.why = r.text("why");
        e.alwaysOnHandout = r.boolean("always_on_handout", false);
        e.relevantFindings = r.ids("relevant_findings", false);
    }
    r.finish();
    if (sink.failed()) {
        return *sink.error;
    }
    return e;
}

nlohmann::json toJson(const CatalogEntry& e) {
    nlohmann::json j;
    j["id"] = e.id;
    j["kind"] = toId(e.kind);
    j["name"] = textJson(e.name);
    j["regions"] = nlohmann::json::array();
    for (Region r : e.regions) {
        j["regions"].push_back(toId(r));
    }
    if (e.isExercise()) {
        j["position"] = e.position;
        j["equipment"] = e.equipment;
        j["movements"] = nlohmann::json::array();
        for (Movement m : e.movements) {
            j["movements"].push_back(toId(m));
        }
        j["tags"] = e.tags;
        j["steps"] = textsJson(e.steps);
        j["dosage"] = toJson(e.defaultDosage);
        j["tips"] = textsJson(e.tips);
        j["stop_if"] = textsJson(e.stopIf);
    } else {
        j["why"] = textJson(e.why);
        j["always_on_handout"] = e.alwaysOnHandout;
        j["relevant_findings"] = e.relevantFindings;
    }
    j["illustration"] = textJson(e.illustration);
    return j;
}

Result<Catalog> Catalog::loadDir(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return Error::notFound("catalog folder '" + dir.string() + "' does not exist");
    }
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        // Only *.json files are entries; editor backups and dot files are not the catalog.
        if (p.extension() == ".json" && p.filename().string().front() != '.') {
            files.push_back(p);
        }
    }
    if (ec) {
        return Error::io("cannot list catalog folder '" + dir.string() + "': " + ec.message());
    }
    if (files.empty()) {
        return Error::invalid(dir.string() + ": no catalog entries (*.json files) found");
    }
    std::sort(files.begin(), files.end());
    Catalog c;
    for (const fs::path& p : files) {
        auto doc = json::parseFile(p.string(), kMaxJsonFileBytes, "catalog entry");
        if (!doc) {
            return Error::invalid(doc.error().message);
        }
        auto entry = catalogEntryFromJson(*doc, p.string());
        if (!entry) {
            return entry.error();
        }
        if (entry->id + ".json" != p.filename().string()) {
            return json::fieldError(p.string(), "/id",
                                    "expected the file name without .json (\"" + p.stem().string() +
                                        "\"), got \"" + entry->id + "\"");
        }
        c.entries_.push_back(std::move(*entry));
    }
    std::sort(c.entries_.begin(), c.entries_.end(),
              [](const CatalogEntry& a, const CatalogEntry& b) { return a.id < b.id; });
    return c;
}

Result<Catalog> Catalog::loadDefault() {
    return loadCatalogWithProgressions(templatesDir());
}

const CatalogEntry* Catalog::find(std::string_view id) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), id,
                               [](const CatalogEntry& e, std::string_view k) { return e.id < k; });
    return it != entries_.end() && it->id == id ? &*it : nullptr;
}

void Catalog::put(CatalogEntry entry) {
    auto it =
        std::lower_bound(entries_.begin(), entries_.end(), entry.id,
                         [](const CatalogEntry& e, const std::string& k) { return e.id < k; });
    if (it != entries_.end() && it->id == entry.id) {
        *it = std::move(entry);
    } else {
        entries_.insert(it, std::move(entry));
    }
}

} // namespace hepdesk
