#include "hepdesk/visit/FhirExport.h"

#include "hepdesk/core/Sha256.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"
#include "hepdesk/visit/OverrideReason.h"

#include <algorithm>
#include <set>

namespace hepdesk::visit {

FhirExport::FhirExport(Repositories repos, VisitWorkflow& workflow, FhirExportOptions options)
    : repos_(repos), workflow_(workflow), options_(std::move(options)) {}

Result<fhir::SessionRecord> FhirExport::record(Session session) {
    fhir::SessionRecord r;
    if (session.program.items.empty()) { // no program yet, so no handout
        r.session = std::move(session);
        return r;
    }
    auto plan = workflow_.handout(session);
    // No handout can be made for a session whose triage asks for a referral first and that
    // has no override reason: the export then carries the session without one.
    if (!plan) {
        if (plan.error().kind == Error::Kind::Refused ||
            plan.error().kind == Error::Kind::InvalidInput) {
            r.session = std::move(session);
            return r;
        }
        return plan.error();
    }
    auto pdf = workflow_.render(*plan);
    if (!pdf) {
        if (pdf.error().kind == Error::Kind::Refused) {
            r.session = std::move(session);
            return r;
        }
        return pdf.error();
    }
    r.handout = fhir::HandoutPdf{*pdf, sha256Hex(*pdf), plan->request.options.lang};
    r.session = std::move(session);
    return r;
}

Result<std::string> FhirExport::bundle(std::int64_t patientId, const std::vector<Session>& sessions,
                                       std::string bundleName) {
    fhir::BundleInput in;
    in.bundleName = std::move(bundleName);
    auto patient = repos_.patients.get(patientId);
    if (!patient) {
        return patient.error();
    }
    in.patient = std::move(*patient);
    auto clinic = repos_.clinic.load();
    if (!clinic) {
        return clinic.error();
    }
    in.clinic = std::move(*clinic);
    if (options_.recordNumberSystem) {
        in.recordNumberSystem = *options_.recordNumberSystem;
    } else if (!in.clinic.recordSystem.empty()) {
        in.recordNumberSystem = in.clinic.recordSystem;
    }
    std::set<std::int64_t> clinicianIds;
    for (const Session& s : sessions) {
        for (const auto& id : {s.clinicianId, s.signedBy, s.handoutOptions.overrideBy}) {
            if (id) {
                clinicianIds.insert(*id);
            }
        }
        for (const Addendum& a : s.addenda) {
            if (a.clinicianId) {
                clinicianIds.insert(*a.clinicianId);
            }
        }
        for (const HandoutOverride& o : s.overrides) {
            if (o.clinicianId) {
                clinicianIds.insert(*o.clinicianId);
            }
        }
    }
    for (std::int64_t id : clinicianIds) {
        auto c = repos_.clinicians.get(id);
        if (!c) {
            return c.error();
        }
        in.clinicians.push_back(std::move(*c));
    }
    for (const Session& s : sessions) {
        auto r = record(s);
        if (!r) {
            return r.error();
        }
        in.sessions.push_back(std::move(*r));
    }
    fhir::BundleLabels labels{workflow_.rules().items(), workflow_.catalog(), options_.language};
    for (const OverrideKind& k : kOverrideKinds) {
        labels.overrideKinds[std::string(k.id)] =
            std::string(options_.language == "es" ? k.es : k.en);
    }
    return fhir::toFhirText(in, labels);
}

Result<std::string> FhirExport::session(std::int64_t sessionId) {
    auto s = repos_.sessions.get(sessionId);
    if (!s) {
        return s.error();
    }
    const std::int64_t patientId = s->patientId;
    return bundle(patientId, {std::move(*s)}, "session/" + std::to_string(sessionId));
}

Result<std::string> FhirExport::patient(std::int64_t patientId) {
    if (auto p = repos_.patients.get(patientId); !p) {
        return p.error();
    }
    auto history = repos_.sessions.history(patientId, {1000000});
    if (!history) {
        return history.error();
    }
    std::vector<Session> sessions;
    for (const SessionSummary& summary : *history) {
        auto s = repos_.sessions.get(summary.id);
        if (!s) {
            return s.error();
        }
        sessions.push_back(std::move(*s));
    }
    // History is newest first; a record reads oldest first.
    std::reverse(sessions.begin(), sessions.end());
    return bundle(patientId, sessions, "patient/" + std::to_string(patientId));
}

} // namespace hepdesk::visit
