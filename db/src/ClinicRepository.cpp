#include "hepdesk/db/ClinicRepository.h"

#include "RecordChecks.h"
#include "TextCheck.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/core/FhirIds.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Database.h"

namespace hepdesk::db {
namespace {

constexpr std::size_t kMaxLogoBytes = 2 * 1024 * 1024;

/// The logo's first bytes must say what its MIME type claims: a handout must never embed
/// something that is not the picture the clinic chose.
Status checkLogo(const ClinicSettings& s) {
    if (s.logo.empty() != s.logoMime.empty()) {
        return Error::invalid("clinic logo: give both the image and its type, or neither");
    }
    if (s.logo.empty()) {
        return {};
    }
    if (s.logo.size() > kMaxLogoBytes) {
        return Error::invalid("clinic logo is too large (" + std::to_string(s.logo.size()) +
                              " bytes; at most 2 MiB)");
    }
    const std::string_view b(s.logo);
    if (s.logoMime == "image/png") {
        if (!b.starts_with("\x89PNG\r\n\x1a\n")) {
            return Error::invalid("clinic logo is not a PNG image (bad signature)");
        }
    } else if (s.logoMime == "image/jpeg") {
        if (!b.starts_with("\xFF\xD8\xFF")) {
            return Error::invalid("clinic logo is not a JPEG image (bad signature)");
        }
    } else {
        return Error::invalid("clinic logo type must be image/png or image/jpeg, got '" +
                              s.logoMime.substr(0, 60) + "'");
    }
    return {};
}

} // namespace

// Shared with the server backend (RecordChecks.h).
Status checkClinicSettings(const ClinicSettings& s) {
    for (const Status& st : {checkText(s.name, "clinic name", kMaxNameBytes),
                             checkText(s.address, "clinic address", kMaxFieldBytes),
                             checkText(s.phone, "clinic phone", kMaxNameBytes), checkLogo(s)}) {
        if (!st) {
            return st;
        }
    }
    if (!s.recordSystem.empty()) {
        return fhir::checkSystemUri(s.recordSystem, "clinic record number system");
    }
    return {};
}

Result<ClinicSettings> SqliteClinicRepository::load() {
    auto s = Statement::on(db_.connection(), "SELECT name, address, phone, logo, logo_mime, "
                                             "record_system FROM clinic_settings WHERE id = 1")
                 .queryOptional([](const Statement& st) {
                     return ClinicSettings{st.columnText(0), st.columnText(1), st.columnText(2),
                                           st.columnText(3), st.columnText(4), st.columnText(5)};
                 });
    if (!s) {
        return s.error();
    }
    return std::move(s).value().value_or(ClinicSettings{}); // none saved yet
}

Status SqliteClinicRepository::save(const ClinicSettings& s) {
    if (auto st = checkClinicSettings(s); !st) {
        return st;
    }
    const auto logo = s.logo.empty() ? std::nullopt : std::optional<Blob>(Blob{s.logo});
    return Transaction::run(db_.connection(), [&] {
        if (auto r = Statement::on(db_.connection(),
                                   "INSERT INTO clinic_settings(id, name, address, phone, logo, "
                                   "logo_mime, updated_at, record_system) "
                                   "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                   "ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                                   "address = excluded.address, phone = excluded.phone, "
                                   "logo = excluded.logo, logo_mime = excluded.logo_mime, "
                                   "updated_at = excluded.updated_at, "
                                   "record_system = excluded.record_system")
                         .bindAll(s.name, s.address, s.phone, logo, s.logoMime,
                                  isoDateTime(Clock::current().now()), s.recordSystem)
                         .execute();
            !r) {
            return r;
        }
        return SqliteAuditLog::record(db_, "clinic.save", "clinic_settings", 1);
    });
}

} // namespace hepdesk::db
