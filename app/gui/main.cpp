#include "AppPreferences.h"
#include "ConnectDialog.h"
#include "MainWindow.h"
#include "Services.h"
#include "StartupBenchmark.h"
#include "Translations.h"
#include "hepdesk/core/LocalizedText.h"
#include "hepdesk/core/Version.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/Store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>
#include <functional>
#include <optional>
#include <vector>

namespace {

/// Reports a fatal start-up problem where the person will see it: a dialog when there is a
/// screen, and always on stderr (for scripts and the offscreen platform).
void reportFatal(const QString& message) {
    (void)std::fprintf(stderr, "hepdesk: %s\n", qUtf8Printable(message));
    if (QGuiApplication::platformName() != QLatin1String("offscreen")) {
        QMessageBox::critical(nullptr, QObject::tr("HepDesk cannot start"), message);
    }
}

/// The value of `--lang` (either "--lang es" or "--lang=es"), read before the parser exists
/// because the parser's own help texts must already be translated. Empty when absent.
QString languageArgument(const QStringList& args) {
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size()) {
            return args[i + 1];
        }
        if (args[i].startsWith(QLatin1String("--lang="))) {
            return args[i].mid(7);
        }
    }
    return {};
}

} // namespace

int main(int argc, char** argv) {
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("HepDesk"));
    QApplication::setApplicationVersion(QString::fromLatin1(hepdesk::kVersion));

    // Interface language: --lang, else the Settings choice, else the system's languages.
    const QString langArgument = languageArgument(QApplication::arguments());
    if (!langArgument.isEmpty() && !hepdesk::isLanguage(langArgument.toStdString())) {
        (void)std::fprintf(stderr, "hepdesk: --lang: \"%s\" is not a language of HepDesk (%s)\n",
                           qUtf8Printable(langArgument),
                           qUtf8Printable(hepdesk::gui::Translations::choices().mid(1).join(
                               QStringLiteral(" or "))));
        return 2;
    }
    hepdesk::gui::Translations translations;
    const QString language = hepdesk::gui::Translations::resolve(
        langArgument.isEmpty() ? hepdesk::gui::AppPreferences().interfaceLanguage() : langArgument,
        QLocale::system().uiLanguages());
    if (QString why; !translations.install(language, &why)) {
        (void)std::fprintf(stderr, "hepdesk: %s\n", qUtf8Printable(why));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("HepDesk: back and neck screening and safe home-exercise handouts."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QObject::tr("Database file (default: %1), or a clinic "
                                                  "server's postgresql:// address.")
                                          .arg(QStringLiteral("<app data>/hepdesk.sqlite")),
                                      QObject::tr("path"));
    const QCommandLineOption shotOption(
        QStringLiteral("screenshot"),
        QObject::tr("Show the main window, save it as a PNG to <file>, and quit (smoke check)."),
        QObject::tr("file"));
    const QCommandLineOption benchOption(
        QStringLiteral("benchmark-startup"),
        QObject::tr("Print start-up, search and preview times, then quit."));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QObject::tr("Interface language for this run: en (English) or es (Spanish). Without "
                    "it, the choice in Settings, else the system language."),
        QObject::tr("language"));
    parser.addOptions({dbOption, shotOption, benchOption, langOption});
    if (!parser.parse(QApplication::arguments())) {
        (void)std::fprintf(stderr, "hepdesk: %s (see hepdesk --help)\n",
                           qUtf8Printable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        parser.showHelp(0);
    }
    if (parser.isSet(QStringLiteral("version"))) {
        parser.showVersion();
    }

    QString dbPath = parser.value(dbOption);
    if (dbPath.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (!QDir().mkpath(dir)) {
            reportFatal(QObject::tr("Cannot create the data folder %1.").arg(dir));
            return 1;
        }
        dbPath = QDir(dir).filePath(QStringLiteral("hepdesk.sqlite"));
    }
    const bool benchmark = parser.isSet(benchOption);
    auto phase = [&](const char* name) {
        if (benchmark) {
            (void)std::fprintf(stdout, "  phase %-16s %.1f ms\n", name,
                               static_cast<double>(sinceStart.nsecsElapsed()) / 1e6);
        }
    };
    phase("arguments");

    // Where the records are: --db (a file, or a postgresql:// URI or key=value string), else
    // the clinic server this computer connected to last (its password asked again), else the
    // database file in the app's data folder.
    std::unique_ptr<hepdesk::db::Store> server;
    if (hepdesk::db::isServerTarget(parser.value(dbOption).toStdString())) {
        auto opened = hepdesk::db::Store::open(parser.value(dbOption).toStdString());
        if (!opened) {
            reportFatal(QString::fromStdString(opened.error().message));
            return 2;
        }
        server = std::move(*opened);
    } else if (!parser.isSet(dbOption) && !parser.isSet(shotOption) && !benchmark &&
               hepdesk::gui::ConnectDialog::usesServer()) {
        hepdesk::gui::ConnectDialog dialog;
        dialog.setSettings(hepdesk::gui::ConnectDialog::remembered());
        dialog.setMessage(QObject::tr("Log in to the clinic server. Cancel opens the database "
                                      "file of this computer instead."));
        while (!server && dialog.exec() == QDialog::Accepted) {
            auto opened = hepdesk::db::Store::open(dialog.conninfo().toStdString());
            if (opened) {
                server = std::move(*opened);
                hepdesk::gui::ConnectDialog::remember(dialog.settings());
            } else {
                dialog.setMessage(QObject::tr("HepDesk could not connect: %1")
                                      .arg(QString::fromStdString(opened.error().message)));
            }
        }
        if (!server) {
            hepdesk::gui::ConnectDialog::forgetServer();
        }
    }

    std::optional<hepdesk::db::Database> file;
    if (!server) {
        // quick_check reads every page (seconds on a large clinic database): the window opens
        // without it and BackupRunner runs it at once on a worker thread (MainWindow goes
        // read-only if it finds damage). The command line keeps the check at open.
        auto db = hepdesk::db::Database::open(dbPath.toStdString(), {.quickCheck = false});
        if (!db) {
            phase("database_open");
            reportFatal(QString::fromStdString(db.error().message));
            return 2;
        }
        file.emplace(std::move(*db));
    }
    phase("database_open");
    auto services =
        server ? hepdesk::gui::Services::load(*server) : hepdesk::gui::Services::load(*file);
    phase("templates_loaded");
    if (!services) {
        reportFatal(QObject::tr("The program's data files are damaged or missing: %1\n"
                                "Reinstall HepDesk.")
                        .arg(QString::fromStdString(services.error().message)));
        return 1;
    }

    auto window = std::make_unique<hepdesk::gui::MainWindow>(**services);
    phase("window_built");
    window->show();
    if (benchmark) {
        return hepdesk::gui::StartupBenchmark::run(sinceStart, *window, **services, stdout);
    }
    window->startAutomaticBackup();
    if (!parser.isSet(shotOption)) {
        // First start: ask for the clinic and the clinician once the window is up.
        QTimer::singleShot(0, window.get(), [w = window.get()] { w->runFirstRunSetup(); });
    }

    // File > Connect to clinic server…: a new window on the server replaces this one; the
    // old window, its services and its database are let go once it is gone.
    struct Opened {
        std::unique_ptr<hepdesk::db::Store> store;
        std::unique_ptr<hepdesk::gui::Services> services;
        std::unique_ptr<hepdesk::gui::MainWindow> window;
    };
    std::vector<Opened> servers;
    std::function<void(hepdesk::gui::MainWindow*)> follow = [&](hepdesk::gui::MainWindow* w) {
        QObject::connect(w, &hepdesk::gui::MainWindow::serverOpened, w, [&, w] {
            Opened next;
            next.store = w->takeOpenedStore();
            auto loaded = hepdesk::gui::Services::load(*next.store);
            if (!loaded) {
                reportFatal(QString::fromStdString(loaded.error().message));
                return;
            }
            next.services = std::move(*loaded);
            next.window = std::make_unique<hepdesk::gui::MainWindow>(*next.services);
            next.window->show();
            follow(next.window.get());
            w->hide();
            servers.push_back(std::move(next));
        });
    };
    follow(window.get());

    if (parser.isSet(shotOption)) {
        const QString target = parser.value(shotOption);
        QTimer::singleShot(0, window.get(), [w = window.get(), target] {
            const bool saved = w->grab().save(target, "PNG");
            if (!saved) {
                (void)std::fprintf(stderr, "hepdesk: cannot save screenshot to %s\n",
                                   qUtf8Printable(target));
            }
            QApplication::exit(saved ? 0 : 1);
        });
    }
    const int code = QApplication::exec();
    // Windows before the services and databases they show.
    for (auto& o : servers) {
        o.window.reset();
    }
    window.reset();
    return code;
}
