#include "CliVisit.h"

#include "hepdesk/core/Paths.h"

namespace hepdesk::cli {

CliVisit::CliVisit(db::Store& store, ClinicalData data, handout::HandoutWriter writer)
    : store_(store), data_(std::move(data)), writer_(std::move(writer)),
      workflow_(std::make_unique<visit::VisitWorkflow>(repositories(), data_.catalog, data_.rules,
                                                       writer_)) {}

visit::Repositories CliVisit::repositories() {
    return visit::Repositories{store_.patients(), store_.sessions(), store_.clinicians(),
                               store_.clinic()};
}

Result<std::unique_ptr<CliVisit>> CliVisit::open(db::Store& store, std::ostream& warnings) {
    auto data = ClinicalData::loadWithClinic({}, store.customExercises(), warnings);
    if (!data) {
        return data.error();
    }
    auto writer = handout::HandoutWriter::load(templatesDir());
    if (!writer) {
        return writer.error();
    }
    return std::unique_ptr<CliVisit>(new CliVisit(store, std::move(*data), std::move(*writer)));
}

Result<std::optional<std::int64_t>> CliVisit::actingClinician(std::optional<std::int64_t> given) {
    if (store_.backend() != db::Store::Backend::Server) {
        return given;
    }
    // The server stamps the signer from the login.
    auto me = store_.loggedIn();
    if (!me) {
        return me.error();
    }
    if (!*me) {
        return Error::internal("a clinic server that names no logged-in clinician");
    }
    return std::optional<std::int64_t>((*me)->id);
}

Status CliVisit::audit(std::string_view action, std::string_view entity, std::int64_t id,
                       std::string_view detail) {
    auto r =
        store_.audit().append(db::AuditEntry{0, "", "", std::string(action), std::string(entity),
                                             std::to_string(id), std::string(detail)});
    if (!r) {
        return r.error();
    }
    return {};
}

} // namespace hepdesk::cli
