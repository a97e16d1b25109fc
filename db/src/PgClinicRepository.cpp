#include "RecordChecks.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/PgRepositories.h"

namespace hepdesk::db {

Result<ClinicSettings> PgClinicRepository::load() {
    auto r = db_.connection().exec(
        "SELECT name, address, phone, logo, logo_mime, record_system FROM clinic_settings "
        "WHERE id = 1");
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return ClinicSettings{}; // none saved yet
    }
    return ClinicSettings{r->text(0, 0), r->text(0, 1),
                          r->text(0, 2), r->isNull(0, 3) ? std::string() : r->bytes(0, 3),
                          r->text(0, 4), r->text(0, 5)};
}

Status PgClinicRepository::save(const ClinicSettings& s) {
    if (auto st = checkClinicSettings(s); !st) {
        return st;
    }
    auto& conn = db_.connection();
    return PgTransaction::run(conn, [&]() -> Status {
        if (auto r = conn.exec(
                "INSERT INTO clinic_settings(id, name, address, phone, logo, logo_mime, "
                "updated_at, record_system) VALUES (1, $1, $2, $3, $4, $5, $6, $7) "
                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                "address = excluded.address, phone = excluded.phone, logo = excluded.logo, "
                "logo_mime = excluded.logo_mime, updated_at = excluded.updated_at, "
                "record_system = excluded.record_system",
                {s.name, s.address, s.phone, s.logo.empty() ? PgParam() : PgParam::bytes(s.logo),
                 s.logoMime, isoDateTime(Clock::current().now()), s.recordSystem});
            !r) {
            return r.error();
        }
        return PgAuditLog::record(db_, "clinic.save", "clinic_settings", 1);
    });
}

} // namespace hepdesk::db
