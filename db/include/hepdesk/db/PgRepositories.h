#pragma once

// The repository interfaces on a clinic's PostgreSQL server. Each write is one transaction
// (retried by itself when the server asks: 40001, 40P01) with its audit line, so a change and
// its audit line commit or vanish together, as on SQLite.

#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/CustomExerciseRepository.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/PgDatabase.h"
#include "hepdesk/db/ProtocolRepository.h"
#include "hepdesk/db/SessionRepository.h"

namespace hepdesk::db {

/// AuditLog on the server: the same hash chain as on SQLite (auditRowHash), appends serialised
/// by a transaction-long lock so two workstations never chain to the same row.
class PgAuditLog final : public AuditLog {
public:
    explicit PgAuditLog(PgDatabase& db) : db_(db) {}
    Result<std::int64_t> append(AuditEntry entry) override;
    Result<std::vector<AuditEntry>> list(const Query& query) override;
    /// Appends a line naming db.actor() and now, inside the caller's open transaction.
    static Status record(PgDatabase& db, std::string_view action, std::string_view entity,
                         std::string_view entityId, std::string_view detail = {});
    static Status record(PgDatabase& db, std::string_view action, std::string_view entity,
                         std::int64_t entityId, std::string_view detail = {}) {
        return record(db, action, entity, std::to_string(entityId), detail);
    }

private:
    PgDatabase& db_;
};

class PgPatientRepository final : public PatientRepository {
public:
    explicit PgPatientRepository(PgDatabase& db) : db_(db) {}
    Result<std::vector<Patient>> list(ListOptions options) override;
    Result<std::int64_t> add(const Patient& patient) override;
    Result<Patient> get(std::int64_t id) override;
    Status update(const Patient& patient) override;
    Status setArchived(std::int64_t id, bool archived) override;
    Result<std::vector<Patient>> search(std::string_view query, SearchOptions options) override;

private:
    PgDatabase& db_;
};

class PgClinicianRepository final : public ClinicianRepository {
public:
    explicit PgClinicianRepository(PgDatabase& db) : db_(db) {}
    Result<std::int64_t> add(const Clinician& clinician) override;
    Result<Clinician> get(std::int64_t id) override;
    Status update(const Clinician& clinician) override;
    Result<std::vector<Clinician>> list(bool includeInactive) override;

    /// Adds a clinician who logs in as their own PostgreSQL role `login` (SCRAM-SHA-256,
    /// member of hepdesk_clinician, and of hepdesk_admin when `admin`); only an admin may.
    /// `password` leaves this computer only as a verifier.
    Result<std::int64_t> addWithLogin(const Clinician& clinician, std::string_view login,
                                      std::string_view password, bool admin);
    /// The clinician this connection is logged in as; NotFound when the login is not one.
    Result<Clinician> loggedIn();

private:
    PgDatabase& db_;
};

class PgClinicRepository final : public ClinicRepository {
public:
    explicit PgClinicRepository(PgDatabase& db) : db_(db) {}
    Result<ClinicSettings> load() override;
    Status save(const ClinicSettings& settings) override;

private:
    PgDatabase& db_;
};

class PgCustomExerciseRepository final : public CustomExerciseRepository {
public:
    explicit PgCustomExerciseRepository(PgDatabase& db) : db_(db) {}
    Status put(const CustomExercise& exercise) override;
    Result<CustomExercise> get(std::string_view id) override;
    Status remove(std::string_view id) override;
    Result<std::vector<CustomExercise>> list() override;

private:
    PgDatabase& db_;
};

/// ProtocolRepository on the server: the same shape checks, names unique ignoring case as in
/// SQLite, each change one transaction with its audit line. Writes take turns (a
/// transaction-long lock), so two workstations saving one new name get "already saved" rather
/// than a clash of keys.
class PgProtocolRepository final : public ProtocolRepository {
public:
    explicit PgProtocolRepository(PgDatabase& db) : db_(db) {}
    Status save(const Protocol& protocol, bool replace) override;
    Result<Protocol> get(std::string_view name) override;
    Status rename(std::string_view from, std::string_view to) override;
    Status remove(std::string_view name) override;
    Result<std::vector<Protocol>> list() override;

private:
    PgDatabase& db_;
};

/// SessionRepository on the server: the same rules as on SQLite (signed sessions unchangeable,
/// seals at signing, snapshots, handout records once per SHA-256, overrides, addenda); a write
/// locks its session row first, so two workstations on one session take turns.
class PgSessionRepository final : public SessionRepository {
public:
    explicit PgSessionRepository(PgDatabase& db) : db_(db) {}
    Result<std::int64_t> add(const Session& session) override;
    Result<Session> get(std::int64_t id) override;
    Status update(const Session& session) override;
    Result<LastChange> lastChange(std::int64_t id) override;
    Status remove(std::int64_t id) override;
    Status sign(std::int64_t id, std::int64_t clinicianId) override;
    Result<std::int64_t> addAddendum(std::int64_t sessionId, const Addendum& addendum) override;
    Result<std::int64_t> addHandout(std::int64_t sessionId, const HandoutRecord& handout) override;
    Status signWithSnapshot(std::int64_t id, std::int64_t clinicianId, const std::string& snapshot,
                            const std::optional<HandoutRecord>& handout, const Session& asRead,
                            const std::optional<SignedHandoutPdf>& pdf) override;
    Result<std::optional<SignedHandoutPdf>> signedHandoutPdf(std::int64_t sessionId) override;
    Result<HandoutRecord> recordHandout(std::int64_t sessionId, const HandoutRecord& handout,
                                        const std::optional<HandoutOverride>& override,
                                        std::string_view destination) override;
    Result<std::vector<SessionSummary>> history(std::int64_t patientId,
                                                HistoryOptions options) override;
    Result<std::vector<TrendPoint>> trend(std::int64_t patientId) override;

private:
    // The parts of a write, inside the caller's transaction.
    Status writeChildren(std::int64_t id, const Session& s);
    Status requireUnsigned(std::int64_t id);
    Status requireVersion(std::int64_t id, std::int64_t version);
    Status signInTransaction(std::int64_t id, std::int64_t clinicianId);
    Result<std::int64_t> insertHandout(std::int64_t sessionId, const HandoutRecord& handout);
    Result<HandoutRecord> handoutOnce(std::int64_t sessionId, const HandoutRecord& handout);
    PgDatabase& db_;
};

} // namespace hepdesk::db
