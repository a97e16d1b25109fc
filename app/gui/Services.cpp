#include "Services.h"

#include "hepdesk/core/Paths.h"
#include "hepdesk/db/ClinicCatalog.h"
#include "hepdesk/db/Database.h"

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
    auto merged = db::mergeCustomExercises(shipped_, custom_);
    if (!merged) {
        return merged.error();
    }
    // The rules are checked against the catalog they apply to, custom exercises included.
    auto rules = ClinicalRules::loadDir(templatesDir_ / "rules", merged->catalog);
    if (!rules) {
        return rules.error();
    }
    catalog_ = std::move(merged->catalog);
    skipped_ = std::move(merged->skipped);
    rules_.emplace(std::move(rules).value());
    return {};
}

} // namespace hepdesk::gui
