#include "CmdFhir.h"

#include "CliVisit.h"
#include "CmdCommon.h"
#include "hepdesk/core/AtomicFile.h"
#include "hepdesk/core/FhirIds.h"
#include "hepdesk/visit/FhirExport.h"

#include <ostream>

namespace hepdesk::cli {

int exportFhir(Context& ctx, const CliArgs& a, db::Store& store, FhirScope scope, std::int64_t id) {
    visit::FhirExportOptions options;
    if (auto system = a.value("record-system")) {
        if (auto s = fhir::checkSystemUri(*system, "--record-system"); !s) {
            return ctx.usage(s.error().message);
        }
        options.recordNumberSystem = *system;
    }
    auto visit = CliVisit::open(store, ctx.err);
    if (!visit) {
        return ctx.fail(visit.error());
    }
    visit::FhirExport exporter((*visit)->repositories(), (*visit)->workflow(), options);
    auto text = scope == FhirScope::Session ? exporter.session(id) : exporter.patient(id);
    if (!text) {
        return ctx.fail(text.error());
    }
    const auto out = a.value("out");
    if (out) {
        // A clinical record: owner-only, written whole or not at all.
        if (auto w = writeFileAtomically(*out, *text, 0600); !w) {
            return ctx.fail(w.error());
        }
    }
    const char* entity = scope == FhirScope::Session ? "session" : "patient";
    // A copy of a clinical record left HepDesk: the log says where to.
    if (auto r =
            (*visit)->audit(std::string(entity) + ".export", entity, id,
                            "FHIR " + (out ? "file " + *out : std::string("to standard output")));
        !r) {
        return ctx.fail(r.error());
    }
    if (!out) {
        ctx.out << *text;
    } else if (ctx.format == Format::Json) {
        printJson(ctx, {{entity, id}, {"file", *out}, {"format", "fhir"}});
    } else {
        ctx.out << "exported " << entity << ' ' << id << " as FHIR R4 to " << *out << '\n';
    }
    return kOk;
}

} // namespace hepdesk::cli
