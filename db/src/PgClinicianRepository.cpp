#include "RecordChecks.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/PgRepositories.h"
#include "hepdesk/db/Sqlite.h"

namespace hepdesk::db {
namespace {

Clinician readClinician(const PgResult& r, int i) {
    return Clinician{r.int64(i, 0), r.text(i, 1), r.text(i, 2), r.boolean(i, 3)};
}

} // namespace

Result<std::int64_t> PgClinicianRepository::add(const Clinician& c) {
    if (auto s = checkClinician(c); !s) {
        return s.error();
    }
    auto& conn = db_.connection();
    return PgTransaction::run(conn, [&]() -> Result<std::int64_t> {
        auto r = conn.exec("INSERT INTO clinician(name, credentials, active, created_at) "
                           "VALUES ($1, $2, $3, $4) RETURNING id",
                           {c.name, c.credentials, c.active, isoDateTime(Clock::current().now())});
        if (!r) {
            return r.error();
        }
        const std::int64_t id = r->int64(0, 0);
        if (auto s = PgAuditLog::record(db_, "clinician.add", "clinician", id); !s) {
            return s.error();
        }
        return id;
    });
}

Result<Clinician> PgClinicianRepository::get(std::int64_t id) {
    auto r = db_.connection().exec(
        "SELECT id, name, credentials, active FROM clinician WHERE id = $1", {id});
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return missingRow("clinician", id);
    }
    return readClinician(*r, 0);
}

Status PgClinicianRepository::update(const Clinician& c) {
    if (auto s = checkClinician(c); !s) {
        return s;
    }
    auto& conn = db_.connection();
    return PgTransaction::run(conn, [&]() -> Status {
        auto before = conn.exec(
            "SELECT id, name, credentials, active FROM clinician WHERE id = $1 FOR UPDATE", {c.id});
        if (!before) {
            return before.error();
        }
        if (before->rows() == 0) {
            return missingRow("clinician", c.id);
        }
        if (auto r = conn.exec("UPDATE clinician SET name = $2, credentials = $3, active = $4 "
                               "WHERE id = $1",
                               {c.id, c.name, c.credentials, c.active});
            !r) {
            return r.error();
        }
        return PgAuditLog::record(db_, "clinician.edit", "clinician", c.id,
                                  clinicianChanges(readClinician(*before, 0), c));
    });
}

Result<std::vector<Clinician>> PgClinicianRepository::list(bool includeInactive) {
    // SQLite's NOCASE folds ASCII letters only, and compares bytes: the same order here.
    auto r = db_.connection().exec(
        "SELECT id, name, credentials, active FROM clinician WHERE active OR $1 "
        "ORDER BY translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') "
        "COLLATE \"C\", id",
        {includeInactive});
    if (!r) {
        return r.error();
    }
    std::vector<Clinician> out;
    for (int i = 0; i < r->rows(); ++i) {
        out.push_back(readClinician(*r, i));
    }
    return out;
}

Result<std::int64_t> PgClinicianRepository::addWithLogin(const Clinician& c, std::string_view login,
                                                         std::string_view password, bool admin) {
    if (auto s = checkClinician(c); !s) {
        return s.error();
    }
    if (password.size() < 8) {
        return Error::invalid("the password for login '" + std::string(login) +
                              "' is too short: use at least 8 characters");
    }
    auto& conn = db_.connection();
    auto verifier = conn.scramVerifier(login, password);
    if (!verifier) {
        return verifier.error();
    }
    return PgTransaction::run(conn, [&]() -> Result<std::int64_t> {
        auto r = conn.exec(
            "SELECT hepdesk_add_login($1, $2, $3, $4, $5, $6)",
            {login, c.name, c.credentials, *verifier, admin, isoDateTime(Clock::current().now())});
        if (!r) {
            return r.error();
        }
        const std::int64_t id = r->int64(0, 0);
        if (auto s = PgAuditLog::record(db_, "clinician.add", "clinician", id,
                                        "login " + std::string(login) + (admin ? " (admin)" : ""));
            !s) {
            return s.error();
        }
        return id;
    });
}

Result<Clinician> PgClinicianRepository::loggedIn() {
    auto r = db_.connection().exec(
        "SELECT id, name, credentials, active FROM clinician WHERE login = session_user");
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return Error::notFound("the login '" + db_.connection().user() + "' on " +
                               db_.connection().label() +
                               " is not a clinician of this clinic; an admin adds it with "
                               "'hepdesk-cli clinician add --name NAME --login LOGIN'");
    }
    return readClinician(*r, 0);
}

} // namespace hepdesk::db
