#include "hepdesk/db/ClinicCatalog.h"

#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/handout/Handout.h"
#include "hepdesk/db/CustomExerciseRepository.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace hepdesk::db {

bool ClinicCatalog::isCustom(std::string_view id) const {
    return std::binary_search(customIds.begin(), customIds.end(), id);
}

Result<ClinicCatalog> mergeCustomExercises(const Catalog& shipped, CustomExerciseRepository& repo) {
    auto list = repo.list();
    if (!list) {
        return list.error();
    }
    ClinicCatalog merged{shipped, {}, {}};
    for (CustomExercise& c : *list) {
        const std::string source = "custom exercise " + c.id;
        if (shipped.find(c.id) != nullptr) {
            merged.skipped.push_back(source + ": '" + c.id +
                                     "' is the id of a shipped exercise; store it under "
                                     "another id");
            continue;
        }
        // A damaged row is skipped with a warning (its own message), never a crash: the
        // shipped catalog and the other clinic exercises stay usable.
        auto j = json::parse(c.json, source);
        auto entry = j ? json::guarded(source, [&] { return catalogEntryFromJson(*j, source); })
                       : Result<CatalogEntry>(j.error());
        if (!entry) {
            merged.skipped.push_back(entry.error().message);
            continue;
        }
        if (entry->id != c.id) { // the repository refuses this; a hand-edited row may not
            merged.skipped.push_back(source + ": its entry says id '" + entry->id + "'");
            continue;
        }
        if (!c.photo.empty()) {
            // Checked when it was stored; read again here for its format and size.
            auto photo = handout::imageFromBytes(std::move(c.photo), "photo of " + source);
            if (!photo) {
                merged.skipped.push_back(photo.error().message);
                continue;
            }
            entry->photo = std::move(photo).value();
        }
        merged.customIds.push_back(c.id); // list() is sorted by id
        merged.catalog.put(std::move(entry).value());
    }
    return merged;
}

} // namespace hepdesk::db
