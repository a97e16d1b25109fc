#include "AppPreferences.h"
#include "MainWindow.h"
#include "Services.h"
#include "StartupBenchmark.h"
#include "Translations.h"
#include "hepdesk/core/LocalizedText.h"
#include "hepdesk/core/Version.h"
#include "hepdesk/db/Database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>

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
                                      QObject::tr("Database file (default: %1).")
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
    // quick_check reads every page (seconds on a large clinic database): the window opens
    // without it and BackupRunner runs it at once on a worker thread (MainWindow goes read-only
    // if it finds damage). The command line keeps the check at open.
    auto db = hepdesk::db::Database::open(dbPath.toStdString(), {.quickCheck = false});
    phase("database_open");
    if (!db) {
        reportFatal(QString::fromStdString(db.error().message));
        return 2;
    }
    auto services = hepdesk::gui::Services::load(*db);
    phase("templates_loaded");
    if (!services) {
        reportFatal(QObject::tr("The program's data files are damaged or missing: %1\n"
                                "Reinstall HepDesk.")
                        .arg(QString::fromStdString(services.error().message)));
        return 1;
    }

    hepdesk::gui::MainWindow window(**services);
    phase("window_built");
    window.show();
    if (benchmark) {
        return hepdesk::gui::StartupBenchmark::run(sinceStart, window, **services, stdout);
    }
    window.startAutomaticBackup();
    if (!parser.isSet(shotOption)) {
        // First start: ask for the clinic and the clinician once the window is up.
        QTimer::singleShot(0, &window, [&window] { window.runFirstRunSetup(); });
    }

    if (parser.isSet(shotOption)) {
        const QString target = parser.value(shotOption);
        QTimer::singleShot(0, &window, [&window, target] {
            const bool saved = window.grab().save(target, "PNG");
            if (!saved) {
                (void)std::fprintf(stderr, "hepdesk: cannot save screenshot to %s\n",
                                   qUtf8Printable(target));
            }
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
