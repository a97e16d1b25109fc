#include "Services.h"

#include "hepdesk/core/Paths.h"
#include "hepdesk/core/Progressions.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/visit/ClinicData.h"

namespace hepdesk::gui {

Services::Services(db::Database& db)
    : db_(db), patients_(db), sessions_(db), clinicians_(db), clinic_(db), custom_(db),
      savedProtocols_(db) {}

Result<std::unique_ptr<Services>> Services::load(db::Database& db,
                                                 std::filesystem::path templatesDir) {
    if (templatesDir.empty()) {
        templatesDir = hepdesk::templatesDir();
    }
    std::unique_ptr<Services> s(new Services(db));
    s->templatesDir_ = templatesDir;
    auto catalog = loadCatalogWithProgressions(templatesDir);
    if (!catalog) {
        return catalog.error();
    }
    s->shipped_ = std::move(catalog).value();
    if (auto st = s->reloadCustomExercises(); !st) {
        return st.error();
    }
    // The library points at catalog_ and *rules_, which reloads replace in place.
    auto protocols =
        visit::ProtocolLibrary::load(templatesDir, s->savedProtocols_, s->catalog_, *s->rules_);
    if (!protocols) {
        return protocols.error();
    }
    s->protocols_.emplace(std::move(*protocols));
    auto writer = handout::HandoutWriter::load(templatesDir);
    if (!writer) {
        return writer.error();
    }
    s->writer_.emplace(std::move(writer).value());
    return s;
}

Status Services::reloadCustomExercises() {
    // The same loading as the command line's: shipped plus the clinic's own, rules checked
    // against that merged catalog.
    auto merged = visit::mergeClinic(templatesDir_, shipped_, custom_);
    if (!merged) {
        return merged.error();
    }
    catalog_ = std::move(merged->catalog);
    skipped_ = std::move(merged->skipped);
    rules_.emplace(std::move(merged->rules));
    return {};
}

} // namespace hepdesk::gui
