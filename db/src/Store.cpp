#include "hepdesk/db/Store.h"

#include "hepdesk/db/Database.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/PgRepositories.h"

namespace hepdesk::db {
namespace {

/// A database file's repositories: of a file it owns, or of one the caller opened and keeps.
class FileStore final : public Store {
public:
    explicit FileStore(Database db) : FileStore(std::optional<Database>(std::move(db)), nullptr) {}
    explicit FileStore(Database* borrowed) : FileStore(std::nullopt, borrowed) {}
    [[nodiscard]] Backend backend() const override { return Backend::File; }
    [[nodiscard]] std::string describe() const override { return "file " + db_.path().string(); }
    void setActor(std::string actor) override { db_.setActor(std::move(actor)); }
    Result<std::optional<Clinician>> loggedIn() override { return std::optional<Clinician>(); }
    PatientRepository& patients() override { return patients_; }
    SessionRepository& sessions() override { return sessions_; }
    ClinicianRepository& clinicians() override { return clinicians_; }
    ClinicRepository& clinic() override { return clinic_; }
    CustomExerciseRepository& customExercises() override { return custom_; }
    ProtocolRepository& protocols() override { return protocols_; }
    AuditLog& audit() override { return audit_; }

private:
    FileStore(std::optional<Database> owned, Database* borrowed)
        : owned_(std::move(owned)), db_(owned_ ? *owned_ : *borrowed), patients_(db_),
          sessions_(db_), clinicians_(db_), clinic_(db_), custom_(db_), protocols_(db_),
          audit_(db_) {}

    std::optional<Database> owned_;
    Database& db_;
    SqlitePatientRepository patients_;
    SqliteSessionRepository sessions_;
    SqliteClinicianRepository clinicians_;
    SqliteClinicRepository clinic_;
    SqliteCustomExerciseRepository custom_;
    SqliteProtocolRepository protocols_;
    SqliteAuditLog audit_;
};

class ServerStore final : public Store {
public:
    explicit ServerStore(PgDatabase db)
        : db_(std::move(db)), patients_(db_), sessions_(db_), clinicians_(db_), clinic_(db_),
          custom_(db_), protocols_(db_), audit_(db_) {}
    [[nodiscard]] Backend backend() const override { return Backend::Server; }
    [[nodiscard]] std::string describe() const override {
        return db_.connection().label() + " as " + db_.connection().user();
    }
    /// On a server the audit log names the login role, whoever the caller says it is: the
    /// server refuses any other actor from a workstation (see PgAccessRules.h).
    void setActor(std::string /*actor*/) override {}
    Result<std::optional<Clinician>> loggedIn() override {
        auto me = clinicians_.loggedIn();
        if (!me) {
            return me.error();
        }
        return std::optional<Clinician>(std::move(*me));
    }
    PatientRepository& patients() override { return patients_; }
    SessionRepository& sessions() override { return sessions_; }
    ClinicianRepository& clinicians() override { return clinicians_; }
    ClinicRepository& clinic() override { return clinic_; }
    CustomExerciseRepository& customExercises() override { return custom_; }
    ProtocolRepository& protocols() override { return protocols_; }
    AuditLog& audit() override { return audit_; }

private:
    PgDatabase db_;
    PgPatientRepository patients_;
    PgSessionRepository sessions_;
    PgClinicianRepository clinicians_;
    PgClinicRepository clinic_;
    PgCustomExerciseRepository custom_;
    PgProtocolRepository protocols_;
    PgAuditLog audit_;
};

} // namespace

Result<std::unique_ptr<Store>> Store::open(std::string_view target) {
    if (isServerTarget(target)) {
        auto db = PgDatabase::open(target);
        if (!db) {
            return db.error();
        }
        return std::unique_ptr<Store>(std::make_unique<ServerStore>(std::move(*db)));
    }
    auto db = Database::open(std::filesystem::path(target));
    if (!db) {
        return db.error();
    }
    return onFile(std::move(*db));
}

std::optional<std::int64_t> Store::loggedInClinician() {
    auto me = loggedIn();
    if (!me || !*me) {
        return std::nullopt;
    }
    return (*me)->id;
}

std::unique_ptr<Store> Store::borrowFile(Database& db) {
    return std::make_unique<FileStore>(&db);
}

std::unique_ptr<Store> Store::onFile(Database db) {
    return std::make_unique<FileStore>(std::move(db));
}

} // namespace hepdesk::db
