#include "Services.h"

#include "hepdesk/core/Paths.h"
#include "hepdesk/core/Progressions.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PgRepositories.h"
#include "hepdesk/visit/ClinicData.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace hepdesk::gui {

Services::Services(db::Store& store, db::Database* file, std::unique_ptr<db::Store> owned)
    : owned_(std::move(owned)), store_(store), file_(file) {}

Result<std::unique_ptr<Services>> Services::load(db::Database& db,
                                                 std::filesystem::path templatesDir) {
    auto files = db::Store::borrowFile(db);
    db::Store& store = *files;
    return loadInto(std::unique_ptr<Services>(new Services(store, &db, std::move(files))),
                    std::move(templatesDir));
}

Result<std::unique_ptr<Services>> Services::load(db::Store& store,
                                                 std::filesystem::path templatesDir) {
    return loadInto(std::unique_ptr<Services>(new Services(store, nullptr, nullptr)),
                    std::move(templatesDir));
}

Result<std::unique_ptr<Services>> Services::loadInto(std::unique_ptr<Services> s,
                                                     std::filesystem::path templatesDir) {
    if (templatesDir.empty()) {
        templatesDir = hepdesk::templatesDir();
    }
    s->templatesDir_ = templatesDir;
    auto catalog = loadCatalogWithProgressions(templatesDir);
    if (!catalog) {
        return catalog.error();
    }
    s->shipped_ = std::move(catalog).value();
    if (auto st = s->reloadCustomExercises(); !st) {
        return st.error();
    }
    // The library points at catalog_ and *rules_, which reloads replace in place.
    auto protocols =
        visit::ProtocolLibrary::load(templatesDir, s->store_.protocols(), s->catalog_, *s->rules_);
    if (!protocols) {
        return protocols.error();
    }
    s->protocols_.emplace(std::move(*protocols));
    auto writer = handout::HandoutWriter::load(templatesDir);
    if (!writer) {
        return writer.error();
    }
    s->writer_.emplace(std::move(writer).value());
    return s;
}

QString Services::where() const {
    const std::string d = store_.describe();
    if (store_.backend() == db::Store::Backend::File) {
        return QCoreApplication::translate("hepdesk::gui::Services", "Database: %1")
            .arg(QString::fromStdString(file_ != nullptr ? file_->path().string()
                                                         : d.substr(d.find(' ') + 1)));
    }
    // "server HOST:PORT/DB as ROLE" reads "server HOST/DB as ROLE".
    QString text = QString::fromStdString(d);
    text.replace(QRegularExpression(QStringLiteral("^server ([^ ]*):[0-9]*/")),
                 QStringLiteral("server \\1/"));
    return text;
}

QString Services::login() const {
    if (!onServer()) {
        return {};
    }
    // describe(): "server HOST:PORT/DB as ROLE".
    const std::string d = store_.describe();
    const auto as = d.rfind(" as ");
    return as == std::string::npos ? QString() : QString::fromStdString(d.substr(as + 4));
}

Result<Clinician> Services::loggedInClinician() {
    auto me = store_.loggedIn();
    if (!me) {
        return me.error();
    }
    if (!*me) {
        return Error::invalid("a database file has no login: the signer is chosen in Settings");
    }
    return std::move(**me);
}

Status Services::recordAudit(const std::string& action, const std::string& entity, std::int64_t id,
                             const std::string& detail) {
    if (file_ != nullptr) {
        return db::SqliteAuditLog::record(*file_, action, entity, id, detail);
    }
    // The server names the login as the actor whatever is sent; empty means "this login".
    auto r = store_.audit().append(
        db::AuditEntry{0, "", "", action, entity, std::to_string(id), detail});
    return r ? Status{} : Status{r.error()};
}

Status Services::reloadCustomExercises() {
    // The same loading as the command line's: shipped plus the clinic's own, rules checked
    // against that merged catalog.
    auto merged = visit::mergeClinic(templatesDir_, shipped_, store_.customExercises());
    if (!merged) {
        return merged.error();
    }
    catalog_ = std::move(merged->catalog);
    skipped_ = std::move(merged->skipped);
    rules_.emplace(std::move(merged->rules));
    return {};
}

} // namespace hepdesk::gui
