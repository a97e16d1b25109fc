#pragma once

#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/handout/HandoutWriter.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/CustomExerciseRepository.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/ProtocolRepository.h"
#include "hepdesk/db/SessionRepository.h"
#include "hepdesk/db/Store.h"
#include "hepdesk/visit/ProtocolLibrary.h"

#include <QString>
#include <filesystem>
#include <memory>
#include <optional>

namespace hepdesk::db {
class Database;
}

namespace hepdesk::gui {

/// What the windows share, loaded once at start-up: the database's repositories (a file's or a
/// clinic server's, through db::Store), the catalog (shipped plus the clinic's own exercises),
/// the clinical rules and the handout writer.
class Services {
public:
    /// Loads everything from `templatesDir` (the installation's when empty) for the database
    /// file `db` (which must outlive the services). A custom exercise that no longer validates
    /// is left out and reported in skippedCustom().
    static Result<std::unique_ptr<Services>> load(db::Database& db,
                                                  std::filesystem::path templatesDir = {});
    /// The same for `store`, a file's or a clinic server's (which must outlive the services).
    static Result<std::unique_ptr<Services>> load(db::Store& store,
                                                  std::filesystem::path templatesDir = {});

    /// The database file, or nullptr on a clinic server (no file to back up or check).
    db::Database* database() { return file_; }
    [[nodiscard]] bool onServer() const { return store_.backend() == db::Store::Backend::Server; }
    /// On a clinic server, the login this app uses ("ana"); empty for a file.
    [[nodiscard]] QString login() const;
    /// For the status bar: "file PATH" or "server HOST/DB as USER".
    [[nodiscard]] QString where() const;
    /// On a server, the clinician this computer is logged in as: the only one who signs here
    /// (the server stamps the signer). NotFound when the login is not a clinician's; on a
    /// file, InvalidInput (the signer is the one chosen in Settings).
    Result<Clinician> loggedInClinician();
    /// Appends `action` on `entity` `id` to the audit log, as this computer's user or login.
    Status recordAudit(const std::string& action, const std::string& entity, std::int64_t id,
                       const std::string& detail);

    db::Store& store() { return store_; }
    db::PatientRepository& patients() { return store_.patients(); }
    db::SessionRepository& sessions() { return store_.sessions(); }
    db::ClinicianRepository& clinicians() { return store_.clinicians(); }
    db::ClinicRepository& clinic() { return store_.clinic(); }
    db::CustomExerciseRepository& customExercises() { return store_.customExercises(); }
    [[nodiscard]] const Catalog& catalog() const { return catalog_; }
    [[nodiscard]] const ClinicalRules& rules() const { return *rules_; }
    [[nodiscard]] const handout::HandoutWriter& writer() const { return *writer_; }
    [[nodiscard]] const std::vector<std::string>& skippedCustom() const { return skipped_; }
    /// The shipped protocols and the clinic's saved ones.
    visit::ProtocolLibrary& protocols() { return *protocols_; }

    /// Re-reads the clinic's custom exercises into the catalog (after the editor saved one).
    Status reloadCustomExercises();

private:
    Services(db::Store& store, db::Database* file, std::unique_ptr<db::Store> owned);
    static Result<std::unique_ptr<Services>> loadInto(std::unique_ptr<Services> s,
                                                      std::filesystem::path templatesDir);

    std::unique_ptr<db::Store> owned_; // the file's repositories when given a Database
    db::Store& store_;
    db::Database* file_ = nullptr;
    std::filesystem::path templatesDir_;
    Catalog shipped_;
    Catalog catalog_;
    std::optional<ClinicalRules> rules_;
    std::optional<handout::HandoutWriter> writer_;
    std::vector<std::string> skipped_;
    std::optional<visit::ProtocolLibrary> protocols_;
};

} // namespace hepdesk::gui
