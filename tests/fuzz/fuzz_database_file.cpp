// A database file from outside (`db restore BACKUP`, `--db FILE`, a copied clinic file): the
// bytes are written to a file, checked by Backup::verify, opened (migrated when older), and
// every patient, session, clinician and the clinic's settings and exercises are read back.
#include "FuzzSupport.h"
#include "hepdesk/db/Backup.h"
#include "hepdesk/db/ClinicCatalog.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/CustomExerciseRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hepdesk;
    namespace fs = std::filesystem;
    const fs::path file = fuzz::scratchDir() / "fuzz.sqlite";
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::error_code ec;
        fs::remove(file.string() + suffix, ec);
    }
    fuzz::writeFile(file, fuzz::asText(data, size));
    (void)db::Backup::verify(file);
    auto database = db::Database::open(file, {.create = false});
    if (!database) {
        return 0;
    }
    (void)database->integrityCheck();
    db::SqlitePatientRepository patients(*database);
    db::SqliteSessionRepository sessions(*database);
    if (auto all = patients.list({.includeArchived = true, .limit = 20}); all) {
        for (const auto& p : *all) {
            if (auto h = sessions.history(p.id, {.limit = 20}); h) {
                for (const auto& s : *h) {
                    (void)sessions.get(s.id);
                }
            }
        }
    }
    (void)patients.search("a", {});
    db::SqliteClinicianRepository clinicians(*database);
    (void)clinicians.list(true);
    db::SqliteClinicRepository clinic(*database);
    (void)clinic.load();
    db::SqliteCustomExerciseRepository custom(*database);
    (void)db::mergeCustomExercises(fuzz::shippedCatalog(), custom);
    return 0;
}
