#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/Patient.h"

#include <vector>

namespace hepdesk::db {

class Database;

/// Storage of patients, in the core's terms; the SQLite implementation is one of possibly many.
class PatientRepository {
public:
    virtual ~PatientRepository() = default;
    struct ListOptions {
        bool includeArchived = false;
    };
    virtual Result<std::vector<Patient>> list(ListOptions options) = 0;
    virtual Result<std::int64_t> add(const Patient& patient) = 0;
};

/// PatientRepository on a HepDesk SQLite database (which must outlive it).
class SqlitePatientRepository final : public PatientRepository {
public:
    explicit SqlitePatientRepository(Database& db) : db_(db) {}
    Result<std::vector<Patient>> list(ListOptions options) override;
    Result<std::int64_t> add(const Patient& patient) override;

private:
    Database& db_;
};

} // namespace hepdesk::db
