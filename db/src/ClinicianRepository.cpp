#include "hepdesk/db/ClinicianRepository.h"

#include "RecordChecks.h"
#include "TextCheck.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Database.h"

namespace hepdesk::db {
namespace {

Status validateClinician(const Clinician& c) {
    if (auto s = checkRequiredText(c.name, "clinician name", kMaxNameBytes); !s) {
        return s;
    }
    return checkText(c.credentials, "clinician credentials", kMaxNameBytes);
}

Clinician readClinician(const Statement& st) {
    return Clinician{st.columnInt(0), st.columnText(1), st.columnText(2), st.columnInt(3) != 0};
}

/// What an edit changed: `name: "Old" -> "New"; active: yes -> no`.
std::string changes(const Clinician& before, const Clinician& after) {
    std::string out;
    const auto add = [&](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
    if (before.name != after.name) {
        add("name: \"" + before.name + "\" -> \"" + after.name + "\"");
    }
    if (before.credentials != after.credentials) {
        add("credentials: \"" + before.credentials + "\" -> \"" + after.credentials + "\"");
    }
    if (before.active != after.active) {
        add(std::string("active: ") + (before.active ? "yes -> no" : "no -> yes"));
    }
    return out.empty() ? "no field changed" : out;
}

} // namespace

// Shared with the server backend (RecordChecks.h).
Status checkClinician(const Clinician& c) {
    return validateClinician(c);
}
std::string clinicianChanges(const Clinician& before, const Clinician& after) {
    return changes(before, after);
}

Result<std::int64_t> SqliteClinicianRepository::add(const Clinician& c) {
    if (auto s = validateClinician(c); !s) {
        return s.error();
    }
    return SqliteAuditLog::insertRecorded(
        db_,
        Statement::on(db_.connection(),
                      "INSERT INTO clinician(name, credentials, active, created_at) "
                      "VALUES (?1, ?2, ?3, ?4)")
            .bindAll(c.name, c.credentials, c.active, isoDateTime(Clock::current().now())),
        "clinician.add", "clinician");
}

Result<Clinician> SqliteClinicianRepository::get(std::int64_t id) {
    return Statement::on(db_.connection(),
                         "SELECT id, name, credentials, active FROM clinician WHERE id = ?1")
        .bindAll(id)
        .queryOne(readClinician, missingRow("clinician", id));
}

Status SqliteClinicianRepository::update(const Clinician& c) {
    if (auto s = validateClinician(c); !s) {
        return s;
    }
    return Transaction::run(db_.connection(), [&] {
        auto before = get(c.id);
        if (!before) {
            return Status(before.error());
        }
        if (auto s = Statement::on(db_.connection(), "UPDATE clinician SET name = ?2, "
                                                     "credentials = ?3, active = ?4 WHERE id = ?1")
                         .bindAll(c.id, c.name, c.credentials, c.active)
                         .executeOnExisting(missingRow("clinician", c.id));
            !s) {
            return s;
        }
        return SqliteAuditLog::record(db_, "clinician.edit", "clinician", c.id,
                                      changes(*before, c));
    });
}

Result<std::vector<Clinician>> SqliteClinicianRepository::list(bool includeInactive) {
    return Statement::on(db_.connection(),
                         "SELECT id, name, credentials, active FROM clinician "
                         "WHERE active = 1 OR ?1 ORDER BY name COLLATE NOCASE, id")
        .bindAll(includeInactive)
        .queryAll(readClinician);
}

} // namespace hepdesk::db
