#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/Session.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hepdesk::db {

class Database;

/// Storage of sessions with everything that belongs to them. Each call is one transaction:
/// a session, its findings, program and handout records are stored whole or not at all.
/// Signed sessions are never changed; corrections are addenda.
class SessionRepository {
public:
    virtual ~SessionRepository() = default;

    /// Stores a new, unsigned session (with any handout records given); returns its id.
    virtual Result<std::int64_t> add(const Session& session) = 0;
    /// The whole session: screening, findings, scores, program, handouts, signature, addenda.
    virtual Result<Session> get(std::int64_t id) = 0;
    /// Replaces the content of an unsigned session (screening, triage, findings, scores,
    /// program, handout options). Refused once signed. `session.rowVersion` must be the
    /// stored row's version (as get() read it; 0 right after add()): when the row was saved
    /// since (another computer or window), nothing is written and the error is a Conflict.
    /// On success the stored version is one more (the caller's copy is not changed).
    virtual Status update(const Session& session) = 0;
    /// Who last wrote session `id` and when, as its newest audit entry says: the clinician's
    /// name for a server login, else the recorded actor. For a Conflict message.
    struct LastChange {
        std::string by;
        std::string at; ///< "YYYY-MM-DDTHH:MM:SSZ"
    };
    virtual Result<LastChange> lastChange(std::int64_t id) = 0;
    /// Deletes an unsigned session (a discarded draft). Refused once signed.
    virtual Status remove(std::int64_t id) = 0;
    /// Signs the session now, as `clinicianId`. Refused when already signed.
    virtual Status sign(std::int64_t id, std::int64_t clinicianId) = 0;
    /// Adds a correction to a signed session; returns the addendum's id.
    virtual Result<std::int64_t> addAddendum(std::int64_t sessionId, const Addendum& addendum) = 0;
    /// Records a handout produced for the session (allowed after signing: a reprint).
    virtual Result<std::int64_t> addHandout(std::int64_t sessionId,
                                            const HandoutRecord& handout) = 0;
    /// Signs like sign(), and in the same transaction first stores `snapshot` (JSON text: what
    /// the session's handout is made from) and, when given, the record of the handout as it
    /// stands (not added again when the session has one with that SHA-256). `asRead` is the
    /// session the snapshot was made from: when the stored one differs now (changed meanwhile
    /// by another window or computer), nothing is signed and the error says so. `pdf`, when
    /// given, is the handout's PDF as it stands, kept for every later reprint.
    virtual Status signWithSnapshot(std::int64_t id, std::int64_t clinicianId,
                                    const std::string& snapshot,
                                    const std::optional<HandoutRecord>& handout,
                                    const Session& asRead,
                                    const std::optional<SignedHandoutPdf>& pdf) = 0;
    /// The handout's PDF kept when session `sessionId` was signed; none for a draft, a session
    /// signed before HepDesk kept them, or one signed while its handout was blocked.
    virtual Result<std::optional<SignedHandoutPdf>> signedHandoutPdf(std::int64_t sessionId) = 0;
    /// Records a produced handout unless the session already has one with the same SHA-256,
    /// and with `override` (signed sessions only) stores that override in the same
    /// transaction, its actor the database's, and the export to `destination` (a file, or a
    /// printer) in the audit log. The handout's record, new or existing.
    virtual Result<HandoutRecord> recordHandout(std::int64_t sessionId,
                                                const HandoutRecord& handout,
                                                const std::optional<HandoutOverride>& override,
                                                std::string_view destination) = 0;

    struct HistoryOptions {
        int limit = 1000;
    };
    /// A patient's sessions, newest first, with triage, scores and program.
    virtual Result<std::vector<SessionSummary>> history(std::int64_t patientId,
                                                        HistoryOptions options) = 0;
    /// The patient's NPRS / ODI / NDI / STarT Back values, oldest first, for a trend chart.
    virtual Result<std::vector<TrendPoint>> trend(std::int64_t patientId) = 0;
};

/// SessionRepository on a HepDesk SQLite database (which must outlive it).
class SqliteSessionRepository final : public SessionRepository {
public:
    explicit SqliteSessionRepository(Database& db) : db_(db) {}
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
    Status validate(const Session& s);
    Status writeChildren(std::int64_t id, const Session& s);
    /// NotFound when the session does not exist, Refused when it is signed.
    Status requireUnsigned(std::int64_t id);
    /// Conflict when the stored row version is not `version` (saved meanwhile elsewhere).
    Status requireVersion(std::int64_t id, std::int64_t version);
    /// The record of `handout` in session `sessionId`: the one already there with its SHA-256,
    /// else a new one (inside the caller's transaction).
    Result<HandoutRecord> handoutOnce(std::int64_t sessionId, const HandoutRecord& handout);
    Database& db_;
};

} // namespace hepdesk::db
