#include "Services.h"

#include "hepdesk/core/Paths.h"
#include "hepdesk/db/Database.h"

#include <nlohmann/json.hpp>

namespace hepdesk::gui {

Services::Services(db::Database& db)
    : db_(db), patients_(db), sessions_(db), clinicians_(db), clinic_(db), custom_(db) {}

Result<std::unique_ptr<Services>> Services::load(db::Database& db,
                                                 std::filesystem::path templatesDir) {
    if (templatesDir.empty()) {
        templatesDir = hepdesk::templatesDir();
    }
    std::unique_ptr<Services> s(new Services(db));
    s->templatesDir_ = templatesDir;
    auto catalog = Catalog::loadDir(templatesDir / "catalog");
    if (!catalog) {
        return catalog.error();
    }
    s->shipped_ = std::move(catalog).value();
    if (auto st = s->reloadCustomExercises(); !st) {
        return st.error();
    }
    auto writer = handout::HandoutWriter::load(templatesDir);
    if (!writer) {
        return writer.error();
    }
    s->writer_.emplace(std::move(writer).value());
    return s;
}

Status Services::reloadCustomExercises() {
    auto list = custom_.list();
    if (!list) {
        return list.error();
    }
    Catalog merged = shipped_;
    skipped_.clear();
    for (db::CustomExercise& c : *list) {
        nlohmann::json j = nlohmann::json::parse(c.json, nullptr, false);
        auto entry = catalogEntryFromJson(j, "custom exercise " + c.id);
        if (!entry) {
            skipped_.push_back(entry.error().message);
            continue;
        }
        if (!c.photo.empty()) {
            // Checked when it was stored; read again here for its format and size.
            auto photo =
                handout::imageFromBytes(std::move(c.photo), "photo of custom exercise " + c.id);
            if (!photo) {
                skipped_.push_back(photo.error().message);
                continue;
            }
            entry->photo = std::move(photo).value();
        }
        merged.put(std::move(entry).value());
    }
    // The rules are checked against the catalog they apply to, custom exercises included.
    auto rules = ClinicalRules::loadDir(templatesDir_ / "rules", merged);
    if (!rules) {
        return rules.error();
    }
    catalog_ = std::move(merged);
    rules_.emplace(std::move(rules).value());
    return {};
}

} // namespace hepdesk::gui
