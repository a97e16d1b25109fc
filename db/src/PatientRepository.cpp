#include "hepdesk/db/PatientRepository.h"

#include "hepdesk/core/Clock.h"
#include "hepdesk/db/Database.h"

namespace hepdesk::db {

Result<std::vector<Patient>> SqlitePatientRepository::list(ListOptions options) {
    auto st = Statement::prepare(db_.connection(),
                                 "SELECT id, name, birth_date, record_number, contact, archived "
                                 "FROM patient WHERE archived = 0 OR ?1 "
                                 "ORDER BY name COLLATE NOCASE, id");
    if (!st) {
        return st.error();
    }
    st->bind(1, options.includeArchived ? 1 : 0);
    std::vector<Patient> out;
    for (;;) {
        auto row = st->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            break;
        }
        Patient p;
        p.id = st->columnInt(0);
        p.name = st->columnText(1);
        p.birthDate = st->columnText(2);
        p.recordNumber = st->columnText(3);
        p.contact = st->columnText(4);
        p.archived = st->columnInt(5) != 0;
        out.push_back(std::move(p));
    }
    return out;
}

Result<std::int64_t> SqlitePatientRepository::add(const Patient& patient) {
    auto st = Statement::prepare(db_.connection(),
                                 "INSERT INTO patient(name, birth_date, record_number, contact, "
                                 "archived, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!st) {
        return st.error();
    }
    st->bind(1, patient.name)
        .bind(2, patient.birthDate)
        .bind(3, patient.recordNumber)
        .bind(4, patient.contact)
        .bind(5, patient.archived ? 1 : 0)
        .bind(6, isoDateTime(Clock::current().now()));
    if (auto s = st->run(); !s) {
        return s.error();
    }
    return db_.connection().lastInsertRowId();
}

} // namespace hepdesk::db
