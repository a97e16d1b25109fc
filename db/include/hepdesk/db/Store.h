#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/CustomExerciseRepository.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/ProtocolRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace hepdesk::db {

class Database;

/// The repositories of one HepDesk database, whichever backend holds it: a SQLite file or a
/// clinic's PostgreSQL server. The one place that chooses: callers see only the interfaces.
class Store {
public:
    enum class Backend { File, Server };

    /// Opens `target`: a postgresql:// URI or libpq key=value string is a clinic server
    /// (isServerTarget), anything else a database file, created when missing. Either schema is
    /// brought up to date; a database of another program or of a newer HepDesk is refused.
    static Result<std::unique_ptr<Store>> open(std::string_view target);
    /// The repositories of a database file opened by the caller (with its own options).
    static std::unique_ptr<Store> onFile(Database db);
    /// The repositories of a database file the caller opened and keeps (it must outlive them).
    static std::unique_ptr<Store> borrowFile(Database& db);

    virtual ~Store() = default;
    [[nodiscard]] virtual Backend backend() const = 0;
    /// "file PATH" or "server HOST:PORT/DB as ROLE", for a status line.
    [[nodiscard]] virtual std::string describe() const = 0;
    /// Who the audit log names for this store's writes.
    virtual void setActor(std::string actor) = 0;
    /// On a clinic server, the clinician whose login this store uses (the one the server
    /// stamps as signer, override and audit actor); nullopt for a file, where the user names
    /// the clinician. An error when the login is not a clinician of the clinic (the message
    /// says how an admin adds it) or the server cannot be reached.
    virtual Result<std::optional<Clinician>> loggedIn() = 0;
    /// loggedIn()'s clinician id: nullopt for a file and when the server names none.
    std::optional<std::int64_t> loggedInClinician();

    virtual PatientRepository& patients() = 0;
    virtual SessionRepository& sessions() = 0;
    virtual ClinicianRepository& clinicians() = 0;
    virtual ClinicRepository& clinic() = 0;
    virtual CustomExerciseRepository& customExercises() = 0;
    /// The clinic's saved protocols.
    virtual ProtocolRepository& protocols() = 0;
    virtual AuditLog& audit() = 0;
};

} // namespace hepdesk::db
