// `clinician` on a clinic server: clinicians and their PostgreSQL logins.

#include "CmdClinicianServer.h"

#include "CmdCommon.h"
#include "hepdesk/db/PgDatabase.h"
#include "hepdesk/db/PgRepositories.h"

#include <iostream>
#include <ostream>
#include <termios.h>
#include <unistd.h>

namespace hepdesk::cli {
namespace {

/// One line from standard input; on a terminal without echo, asked twice to catch a typo.
/// HepDesk never stores it: it leaves this process only as a SCRAM-SHA-256 verifier.
Result<std::string> readNewPassword(Context& ctx, const std::string& login) {
    const bool tty = ::isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (tty && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        (void)::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string first;
    std::string second;
    if (tty) {
        ctx.err << "Password for the new login '" << login << "': " << std::flush;
    }
    std::getline(std::cin, first);
    if (tty) {
        ctx.err << "\nThe same password again: " << std::flush;
        std::getline(std::cin, second);
        ctx.err << '\n';
        (void)::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        if (first != second) {
            return Error::invalid("the two passwords for login '" + login + "' differ");
        }
    }
    if (first.empty()) {
        return Error::invalid("no password given for login '" + login +
                              "' (type it when asked, or give it on standard input)");
    }
    return first;
}

int add(Context& ctx, const CliArgs& a, db::PgDatabase& db) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    auto name = a.required("name", "clinician add");
    if (!name) {
        return ctx.fail(name.error());
    }
    const Clinician c{0, *name, a.value("credentials").value_or(""), true};
    db::PgClinicianRepository repo(db);
    const auto login = a.value("login");
    if (!login && a.flag("admin")) {
        return ctx.usage("'--admin' needs '--login NAME': it makes that login an admin");
    }
    Result<std::int64_t> id = Error::internal("not run");
    if (login) {
        auto password = readNewPassword(ctx, *login);
        if (!password) {
            return ctx.fail(password.error());
        }
        id = repo.addWithLogin(c, *login, *password, a.flag("admin"));
    } else {
        id = repo.add(c);
    }
    if (!id) {
        return ctx.fail(id.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"id", *id},
                        {"name", c.name},
                        {"credentials", c.credentials},
                        {"login", login.value_or("")},
                        {"admin", a.flag("admin")}});
    } else {
        ctx.out << "added clinician " << *id;
        if (login) {
            ctx.out << " with login " << *login << (a.flag("admin") ? " (admin)" : "");
        }
        ctx.out << '\n';
    }
    return kOk;
}

int list(Context& ctx, const CliArgs& a, db::PgDatabase& db) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    auto list = db::PgClinicianRepository(db).list(a.flag("all"));
    if (!list) {
        return ctx.fail(list.error());
    }
    printClinicians(ctx, *list);
    return kOk;
}

} // namespace

int runClinicianOnServer(Context& ctx, Args args) {
    if (args.empty()) {
        return ctx.usage("'clinician' needs a subcommand: add, list");
    }
    const std::string& sub = args[0];
    if (sub != "add" && sub != "list") {
        return ctx.usage("unknown 'clinician' subcommand '" + sub + "'");
    }
    auto a = sub == "add"
                 ? CliArgs::parse(args.subspan(1), {"name", "credentials", "login"}, {"admin"})
                 : CliArgs::parse(args.subspan(1), {}, {"all"});
    if (!a) {
        return ctx.usage(a.error().message);
    }
    auto db = db::PgDatabase::open(*ctx.server, {.migrate = false});
    if (!db) {
        return ctx.fail(db.error());
    }
    return sub == "add" ? add(ctx, *a, *db) : list(ctx, *a, *db);
}

} // namespace hepdesk::cli
