#pragma once

#include "hepdesk/core/ClinicSettings.h"
#include "hepdesk/core/Error.h"

namespace hepdesk::db {

class Database;

/// Storage of the clinic's settings (one set per database).
class ClinicRepository {
public:
    virtual ~ClinicRepository() = default;
    /// The stored settings; empty settings when none were ever saved.
    virtual Result<ClinicSettings> load() = 0;
    virtual Status save(const ClinicSettings& settings) = 0;
};

/// ClinicRepository on a HepDesk SQLite database (which must outlive it).
class SqliteClinicRepository final : public ClinicRepository {
public:
    explicit SqliteClinicRepository(Database& db) : db_(db) {}
    Result<ClinicSettings> load() override;
    Status save(const ClinicSettings& settings) override;

private:
    Database& db_;
};

} // namespace hepdesk::db
