#include "CliVisit.h"

#include "hepdesk/core/Paths.h"

namespace hepdesk::cli {

CliVisit::CliVisit(db::Database& db, ClinicalData data, handout::HandoutWriter writer)
    : patients_(db), sessions_(db), clinicians_(db), clinic_(db), data_(std::move(data)),
      writer_(std::move(writer)),
      workflow_(std::make_unique<visit::VisitWorkflow>(
          visit::Repositories{patients_, sessions_, clinicians_, clinic_}, data_.catalog,
          data_.rules, writer_)) {}

Result<std::unique_ptr<CliVisit>> CliVisit::open(db::Database& db, std::ostream& warnings) {
    auto data = ClinicalData::loadWithClinic({}, db, warnings);
    if (!data) {
        return data.error();
    }
    auto writer = handout::HandoutWriter::load(templatesDir());
    if (!writer) {
        return writer.error();
    }
    return std::unique_ptr<CliVisit>(new CliVisit(db, std::move(*data), std::move(*writer)));
}

} // namespace hepdesk::cli
