#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/LocalizedText.h"
#include "hepdesk/core/Program.h"
#include "hepdesk/core/Screening.h"

#include <filesystem>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hepdesk {

namespace handout {
struct ImageData;
}

/// Kinds of movement an exercise loads; eligibility rules match on them.
enum class Movement { Flexion, Extension, Rotation, SideBend, Traction, SoftTissue, Breathing };
std::string_view toId(Movement m); ///< "flexion", "extension", "rotation", "side_bend", ...
std::optional<Movement> movementFromId(std::string_view id);

/// One entry of templates/catalog/: a home exercise, or a practice the handout warns against.
struct CatalogEntry {
    enum class Kind { Exercise, Avoid };

    std::string id; ///< stable, snake_case ("cat_cow")
    Kind kind = Kind::Exercise;
    LocalizedText name;
    std::vector<Region> regions;
    std::string position; ///< "standing", "sitting", "kneeling", "all_fours", "lying_on_back", ...
    std::vector<std::string>
        equipment; ///< "mat", "chair", "foam_roller", "towel", "ball", "bar", "bed" ...
    std::vector<Movement> movements;
    /// Extra traits rules can match beyond movements: "end_range", "loaded", "lying_on_back",
    /// "hanging", "self_manipulation", "weight_bearing_arms", ...
    std::vector<std::string> tags;
    std::vector<LocalizedText> steps; ///< numbered steps, in order
    Dosage defaultDosage;
    std::vector<LocalizedText> tips;
    std::vector<LocalizedText> stopIf;
    LocalizedText illustration; ///< what the picture shows, in words (alt text)
    /// The clinic's photo of a custom exercise (never part of the JSON: the database stores
    /// it beside the entry); the handout prints it where a shipped exercise has its figure.
    std::shared_ptr<const handout::ImageData> photo;
    /// The catalog ids of an easier and a harder version (empty: none), from
    /// templates/rules/progressions.json (see applyProgressions), never from the entry's file.
    std::string easier;
    std::string harder;

    // Avoid entries only:
    LocalizedText why;                         ///< one line: why not
    bool alwaysOnHandout = false;              ///< e.g. nobody walks on your back
    std::vector<std::string> relevantFindings; ///< shown when any of these findings is present

    [[nodiscard]] bool isExercise() const { return kind == Kind::Exercise; }
};

/// The exercise catalog: the shipped entries plus, in the app, the clinic's own.
class Catalog {
public:
    /// Loads every *.json file of `dir` (one entry per file), validating each fully:
    /// the error names the file, the JSON pointer and what was expected.
    static Result<Catalog> loadDir(const std::filesystem::path& dir);
    /// templates/catalog/ of the running installation, with the easier and harder versions of
    /// templates/rules/progressions.json.
    static Result<Catalog> loadDefault();

    [[nodiscard]] const std::vector<CatalogEntry>& entries() const { return entries_; }
    [[nodiscard]] const CatalogEntry* find(std::string_view id) const;
    /// Adds or replaces an entry (custom exercises); the entry must already be valid.
    void put(CatalogEntry entry);

private:
    std::vector<CatalogEntry> entries_; ///< sorted by id
};

/// Parses and fully validates one catalog entry (the content of one templates/catalog/ file).
/// Errors name `source`, the JSON pointer and what was expected; unknown fields are errors.
Result<CatalogEntry> catalogEntryFromJson(const nlohmann::json& j, std::string_view source);
/// The entry in the same JSON shape catalogEntryFromJson reads.
nlohmann::json toJson(const CatalogEntry& e);
std::string_view toId(CatalogEntry::Kind k); ///< "exercise", "avoid"

} // namespace hepdesk
