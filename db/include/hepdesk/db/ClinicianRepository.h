#pragma once

#include "hepdesk/core/Clinician.h"
#include "hepdesk/core/Error.h"

#include <vector>

namespace hepdesk::db {

class Database;

/// Storage of the clinic's clinicians. Clinicians are deactivated, never deleted: signed
/// sessions keep naming them.
class ClinicianRepository {
public:
    virtual ~ClinicianRepository() = default;
    virtual Result<std::int64_t> add(const Clinician& clinician) = 0;
    virtual Result<Clinician> get(std::int64_t id) = 0;
    virtual Status update(const Clinician& clinician) = 0;
    /// Sorted by name; inactive ones only when asked.
    virtual Result<std::vector<Clinician>> list(bool includeInactive) = 0;
};

/// ClinicianRepository on a HepDesk SQLite database (which must outlive it).
class SqliteClinicianRepository final : public ClinicianRepository {
public:
    explicit SqliteClinicianRepository(Database& db) : db_(db) {}
    Result<std::int64_t> add(const Clinician& clinician) override;
    Result<Clinician> get(std::int64_t id) override;
    Status update(const Clinician& clinician) override;
    Result<std::vector<Clinician>> list(bool includeInactive) override;

private:
    Database& db_;
};

} // namespace hepdesk::db
