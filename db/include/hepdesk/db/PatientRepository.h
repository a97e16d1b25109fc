#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/Patient.h"

#include <string_view>
#include <vector>

namespace hepdesk::db {

class Database;

/// Storage of patients, in the core's terms; the SQLite implementation is one of possibly many.
class PatientRepository {
public:
    virtual ~PatientRepository() = default;
    struct ListOptions {
        bool includeArchived = false;
        int limit = 0;  ///< at most this many (0: all); the app pages a large clinic's list
        int offset = 0; ///< rows to skip, in list order
    };
    struct SearchOptions {
        int limit = 50;
        bool includeArchived = false;
    };
    virtual Result<std::vector<Patient>> list(ListOptions options) = 0;
    /// Stores a new patient; its id is assigned here.
    virtual Result<std::int64_t> add(const Patient& patient) = 0;
    virtual Result<Patient> get(std::int64_t id) = 0;
    /// Replaces name, date of birth, record number, contact and archived flag of `patient.id`.
    virtual Status update(const Patient& patient) = 0;
    virtual Status setArchived(std::int64_t id, bool archived) = 0;
    /// Patients matching `query` by name (prefix of any name part, accent- and
    /// script-insensitive), record number or date of birth, best match first.
    virtual Result<std::vector<Patient>> search(std::string_view query, SearchOptions options) = 0;
};

/// PatientRepository on a HepDesk SQLite database (which must outlive it).
class SqlitePatientRepository final : public PatientRepository {
public:
    explicit SqlitePatientRepository(Database& db) : db_(db) {}
    Result<std::vector<Patient>> list(ListOptions options) override;
    Result<std::int64_t> add(const Patient& patient) override;
    Result<Patient> get(std::int64_t id) override;
    Status update(const Patient& patient) override;
    Status setArchived(std::int64_t id, bool archived) override;
    Result<std::vector<Patient>> search(std::string_view query, SearchOptions options) override;

private:
    Database& db_;
};

} // namespace hepdesk::db
