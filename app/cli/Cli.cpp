#include "Cli.h"

#include "CliArgs.h"
#include "hepdesk/core/Paths.h"
#include "hepdesk/core/Version.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/Store.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <ostream>

namespace hepdesk::cli {
namespace fs = std::filesystem;

namespace {

const std::array kCommands = {
    Command{"db", "db info                     schema version and location of the database", runDb},
    Command{"assess",
            "assess FILE.json|-          triage, scores and exercise eligibility of a screening\n"
            "                              (prints JSON unless --format text is given)",
            runAssess},
    Command{"catalog",
            "catalog list|show ID|validate DIR\n"
            "                              list, show or check the exercise catalog and rules",
            runCatalog},
    Command{"catalog",
            "catalog matrix [--format csv|json|text] [--by-exercise] [--document]\n"
            "                              the eligibility rules as a decision table",
            runCatalog},
    Command{"db",
            "db check                    integrity, schema and foreign-key checks\n"
            "                              (exit 1 naming each problem)",
            runDb},
    Command{"db",
            "db backup FILE | --folder DIR [--keep N]   online backup (daily rotation);\n"
            "                              on a clinic server pg_dump --format=custom (exit 1\n"
            "                              when pg_dump is missing or fails; HEPDESK_PG_DUMP)",
            runDb},
    Command{"db", "db restore BACKUP           replace the database with a checked backup", runDb},
    Command{"db", "db migrate                  bring the schema up to date", runDb},
    Command{"db",
            "db copy --to postgresql://...   move a practice: everything in the file into an\n"
            "                              empty clinic server database, then compared",
            runDb},
    Command{"patient", "patient add --name N [--birth-date D] [--record R] [--contact C]",
            runPatient},
    Command{"patient", "patient edit ID [--name N] [--birth-date D] [--record R] [--contact C]",
            runPatient},
    Command{"patient", "patient list [--all] | search TEXT [--limit N] [--all]", runPatient},
    Command{"patient", "patient show ID | archive ID [--undo]", runPatient},
    Command{"patient",
            "patient export ID [--format fhir] [--out FILE] [--record-system URI]\n"
            "                              the patient and all sessions as a FHIR R4 Bundle",
            runPatient},
    Command{
        "session",
        "session new --patient ID --screening FILE.json [--exercise "
        "ID[:SETSxREPS][:HOLDs|:HOLDm]]...\n"
        "              [--clinician ID] [--language en|es] [--large-print]\n"
        "              [--override-kind K --override-reason SENTENCE]  (K: declines_referral,\n"
        "              seen_by_doctor_today, referral_arranged, other)\n"
        "              [--follow-up [--clear-finding ID]...]  (starts from the last program, less\n"
        "              what is now excluded, with the last visit's lasting findings unless "
        "cleared)\n"
        "              [--visit-time 2026-11-30T14:05Z]  (late entry: when the visit took place,\n"
        "              not in the future nor before the birth date; audited)",
        runSession},
    Command{"session", "session show ID | list --patient ID [--limit N] | trend --patient ID",
            runSession},
    Command{"session",
            "session sign ID --clinician ID [--paper a4|letter] [--log] [--goals]\n"
            "              (stores the handout as signed, with the exercise log / goals)\n"
            "              | addendum ID --text T [--clinician ID]",
            runSession},
    Command{"session",
            "session export ID [--format json|fhir] [--out FILE] [--record-system URI]\n"
            "                              the whole session as JSON, or as a FHIR R4 Bundle",
            runSession},
    Command{"protocol",
            "protocol list | show NAME   the shipped (read-only) and the clinic's saved programs",
            runProtocol},
    Command{"protocol",
            "protocol save NAME --session ID | --exercise ID[:SETSxREPS|:HOLDs]... [--note ID=T]\n"
            "              [--replace]    save a program under a name",
            runProtocol},
    Command{"protocol",
            "protocol apply NAME --session ID [--replace]   add a protocol to a draft's program,\n"
            "              each exercise re-checked: excluded ones are left out and named",
            runProtocol},
    Command{"protocol", "protocol rename NAME NEW | remove NAME   (saved protocols only)",
            runProtocol},
    Command{"clinician", "clinician add --name N [--credentials C] | list [--all]", runClinician},
    Command{"clinician",
            "clinician add --name N --login LOGIN [--admin]   (clinic server: the clinician\n"
            "              logs in as their own PostgreSQL role; password asked, never stored)",
            runClinician},
    Command{"clinic",
            "clinic show | set [--name N] [--address A] [--phone P] [--record-system URI]\n"
            "              the clinic's settings; --record-system: the identifier system (an\n"
            "              absolute URI) of record numbers in the FHIR export ('' = default)",
            runClinic},
    Command{"handout",
            "handout --screening F --patient NAME --exercise ID[:SETSxREPS][:HOLDs|:HOLDm]...\n"
            "        -o OUT\n"
            "      | --session ID -o OUT  (records the PDF's SHA-256 with the session; a signed\n"
            "        session reprints exactly as signed: options that would change it are\n"
            "        refused; --override-reason after signing is stored with --clinician ID)\n"
            "      [--clinic F] [--large-print] [--lang en|es] [--paper a4|letter]\n"
            "      [--log] (last page: a two-week exercise log) [--goals] (the PSFS activities)\n"
            "      [--note ID=TEXT] [--override-kind K --override-reason SENTENCE]\n"
            "        write the patient's PDF handout\n"
            "      [--clinician-copy]  the clinician's copy: with the referral override page\n"
            "        (the patient's copy opens with what the triage means for them; not recorded)\n"
            "      | --session ID --referral -o LETTER.pdf [--lang en|es] [--paper a4|letter]\n"
            "        the one-page referral letter to the doctor or emergency department\n"
            "        (refer and monitor, urgent referral, emergency; refused when routine)",
            runHandout},
};

void printHelp(std::ostream& out) {
    out << "Usage: hepdesk-cli [--db PATH] [--format text|json] COMMAND [ARGS...]\n"
           "\n"
           "HepDesk's command line: the same clinical core and database as the desktop app.\n"
           "\n"
           "Options:\n"
           "  --db PATH|SERVER database file (created by commands that write if missing;\n"
           "                   a postgresql:// URI or libpq 'host=... dbname=...' string\n"
           "                   names a clinic server (every command but db check,\n"
           "                   db restore, catalog and assess); default: "
        << (defaultDatabasePath() ? defaultDatabasePath()->string()
                                  : std::string("none: HOME is not set"))
        << ")\n"
           "  --format FORMAT  output as 'text' (default) or 'json'\n"
           "  --version        print the version and exit\n"
           "  --help           print this help and exit\n"
           "\n"
           "Commands:\n";
    for (const Command& c : kCommands) {
        out << "  " << c.synopsis << '\n';
    }
    out << "\nTemplates: " << templatesDir().string() << '\n';
    out << "\nExit codes: 0 success, 1 failure (disk or database: full, locked, damaged,\n"
           "unwritable), 2 bad command line or input, 3 refused by a safety rule.\n"
           "Commands that only read need an existing database; only those that write create it.\n";
}

/// `hepdesk-cli COMMAND ... --help`: that command's usage lines, its options and the exit codes.
void printCommandHelp(std::ostream& out, std::string_view name) {
    out << "Usage: hepdesk-cli [--db PATH] [--format text|json] COMMAND [ARGS...]\n\n";
    for (const Command& c : kCommands) {
        if (c.name == name) {
            out << "  " << c.synopsis << '\n';
        }
    }
    out << "\nExit codes: 0 success, 1 failure (disk or database), 2 bad command line or input,\n"
           "3 refused by a safety rule.\n";
}

} // namespace

std::span<const Command> commands() {
    return kCommands;
}

namespace {
/// The few commands that still need a database file.
Error notOnServerYet() {
    return Error::invalid(
        "this command does not work on a clinic server yet (--db names a "
        "PostgreSQL server); give --db a database file, or use 'db info|migrate|backup', "
        "'patient', 'clinician', 'session', 'handout', 'protocol', 'catalog' and 'assess' on"
        " the server");
}

} // namespace

Result<fs::path> defaultDatabasePath() {
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg == '/') {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/') {
        base = fs::path(home) / ".local/share";
    } else {
        return Error::invalid("no database given and no home folder to find the default one "
                              "(HOME and XDG_DATA_HOME are not set); name it with --db FILE");
    }
    return base / "HepDesk" / "hepdesk.sqlite";
}

Result<fs::path> Context::databasePath() const {
    if (server) {
        return notOnServerYet();
    }
    if (dbPath) {
        return *dbPath;
    }
    return defaultDatabasePath();
}

Result<db::Database> Context::openDatabase() const {
    if (server) {
        return notOnServerYet();
    }
    auto p = databasePath();
    if (!p) {
        return p.error();
    }
    if (!dbPath) {
        // The default folder is created like the app creates it; --db never creates folders.
        std::error_code ec;
        if (!fs::is_directory(p->parent_path(), ec)) {
            fs::create_directories(p->parent_path(), ec);
            if (ec) {
                return Error::io("cannot create folder '" + p->parent_path().string() +
                                 "': " + ec.message());
            }
            fs::permissions(p->parent_path(), fs::perms::owner_all, fs::perm_options::replace, ec);
        }
    }
    return db::Database::open(*p);
}

Result<std::unique_ptr<db::Store>> Context::openStore(bool readsOnly) const {
    if (server) {
        return db::Store::open(*server);
    }
    auto db = readsOnly ? openExistingDatabase() : openDatabase();
    if (!db) {
        return db.error();
    }
    return db::Store::onFile(std::move(*db));
}

Result<db::Database> Context::openExistingDatabase() const {
    if (server) {
        return notOnServerYet();
    }
    auto p = databasePath();
    if (!p) {
        return p.error();
    }
    return db::Database::open(*p, {.create = false});
}

int Context::fail(const Error& error) const {
    err << "hepdesk-cli: " << error.message << '\n';
    switch (error.kind) {
    case Error::Kind::InvalidInput:
    case Error::Kind::NotFound:
        return kUsage;
    case Error::Kind::Refused:
    case Error::Kind::Conflict: // changed meanwhile by another computer: nothing was written
        return kRefused;
    case Error::Kind::Io:       // disk full, read-only, failing disk: never the caller's input
    case Error::Kind::Database: // locked, damaged
    case Error::Kind::Internal:
        return kFailure;
    }
    return kFailure;
}

int Context::usage(std::string_view message) const {
    return fail(usageError(message));
}

int run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    Context ctx{std::nullopt, Format::Text, out, err, false, std::nullopt};
    std::size_t i = 1;
    for (; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "--version") {
            out << "hepdesk-cli " << kVersion << '\n';
            return kOk;
        }
        if (a == "--help" || a == "-h") {
            printHelp(out);
            return kOk;
        }
        if (a == "--db" || a == "--format") {
            if (i + 1 >= argv.size()) {
                return ctx.usage("option '" + a + "' needs a value");
            }
            const std::string& v = argv[++i];
            if (a == "--db") {
                if (v.empty()) {
                    return ctx.usage("option '--db' needs a file path");
                }
                if (ctx.dbPath || ctx.server) {
                    return ctx.usage("option '--db' given twice; give one database");
                }
                if (db::isServerTarget(v)) {
                    ctx.server = v;
                } else {
                    ctx.dbPath = fs::path(v);
                }
            } else if (v == "text") {
                ctx.format = Format::Text;
                ctx.formatGiven = true;
            } else if (v == "json") {
                ctx.format = Format::Json;
                ctx.formatGiven = true;
            } else {
                return ctx.usage("unknown format '" + v + "' (expected text or json)");
            }
            continue;
        }
        if (a.starts_with("-") && a != "-") {
            return ctx.usage("unknown option '" + a + "'");
        }
        break;
    }
    if (i >= argv.size()) {
        printHelp(err);
        return kUsage;
    }
    const std::string& name = argv[i];
    if (ctx.server) {
        for (std::size_t k = i + 1; k < argv.size(); ++k) {
            if (argv[k] == "--clinician" || argv[k].starts_with("--clinician=")) {
                return ctx.fail(Error::refused(
                    "'--clinician' is not used with a clinic server: you sign, and write "
                    "addenda and overrides, as the clinician you logged in as; leave it out"));
            }
        }
    }
    for (const Command& c : kCommands) {
        if (c.name == name) {
            const std::vector<std::string> rest(argv.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                                argv.end());
            // Asking for help is never a mistake: anywhere after the command it prints that
            // command's usage and succeeds, whatever else the line holds (`-h` alike).
            if (std::any_of(rest.begin(), rest.end(),
                            [](const std::string& a) { return a == "--help" || a == "-h"; })) {
                printCommandHelp(out, name);
                return kOk;
            }
            return c.run(ctx, rest);
        }
    }
    return ctx.usage("unknown command '" + name + "'");
}

} // namespace hepdesk::cli
