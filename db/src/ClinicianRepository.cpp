#include "hepdesk/db/ClinicianRepository.h"

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

} // namespace

Result<std::int64_t> SqliteClinicianRepository::add(const Clinician& c) {
    if (auto s = validateClinician(c); !s) {
        return s.error();
    }
    auto tx = Transaction::begin(db_.connection());
    if (!tx) {
        return tx.error();
    }
    auto st = Statement::prepare(db_.connection(),
                                 "INSERT INTO clinician(name, credentials, active, created_at) "
                                 "VALUES (?1, ?2, ?3, ?4)");
    if (!st) {
        return st.error();
    }
    st->bind(1, c.name)
        .bind(2, c.credentials)
        .bind(3, c.active ? 1 : 0)
        .bind(4, isoDateTime(Clock::current().now()));
    if (auto s = st->run(); !s) {
        return s.error();
    }
    const std::int64_t id = db_.connection().lastInsertRowId();
    if (auto s = SqliteAuditLog::record(db_, "clinician.add", "clinician", id); !s) {
        return s.error();
    }
    if (auto s = tx->commit(); !s) {
        return s.error();
    }
    return id;
}

Result<Clinician> SqliteClinicianRepository::get(std::int64_t id) {
    auto st = Statement::prepare(
        db_.connection(), "SELECT id, name, credentials, active FROM clinician WHERE id = ?1");
    if (!st) {
        return st.error();
    }
    st->bind(1, id);
    auto row = st->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return Error::notFound("no clinician with id " + std::to_string(id));
    }
    return readClinician(*st);
}

Status SqliteClinicianRepository::update(const Clinician& c) {
    if (auto s = validateClinician(c); !s) {
        return s;
    }
    auto tx = Transaction::begin(db_.connection());
    if (!tx) {
        return tx.error();
    }
    auto st = Statement::prepare(db_.connection(),
                                 "UPDATE clinician SET name = ?2, credentials = ?3, active = ?4 "
                                 "WHERE id = ?1");
    if (!st) {
        return st.error();
    }
    st->bind(1, c.id).bind(2, c.name).bind(3, c.credentials).bind(4, c.active ? 1 : 0);
    if (auto s = st->run(); !s) {
        return s;
    }
    if (db_.connection().changes() == 0) {
        return Error::notFound("no clinician with id " + std::to_string(c.id));
    }
    if (auto s = SqliteAuditLog::record(db_, "clinician.edit", "clinician", c.id); !s) {
        return s;
    }
    return tx->commit();
}

Result<std::vector<Clinician>> SqliteClinicianRepository::list(bool includeInactive) {
    auto st = Statement::prepare(db_.connection(),
                                 "SELECT id, name, credentials, active FROM clinician "
                                 "WHERE active = 1 OR ?1 ORDER BY name COLLATE NOCASE, id");
    if (!st) {
        return st.error();
    }
    st->bind(1, includeInactive ? 1 : 0);
    std::vector<Clinician> out;
    for (;;) {
        auto row = st->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        out.push_back(readClinician(*st));
    }
    return out;
}

} // namespace hepdesk::db
