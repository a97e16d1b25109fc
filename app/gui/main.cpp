#include "MainWindow.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/core/Version.h"
#include "hepdesk/db/Backup.h"
#include "hepdesk/db/Database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>
#include <filesystem>

namespace {

/// Reports a fatal start-up problem where the person will see it: a dialog when there is a
/// screen, and always on stderr (for scripts and the offscreen platform).
void reportFatal(const QString& message) {
    std::fprintf(stderr, "hepdesk: %s\n", qUtf8Printable(message));
    if (QGuiApplication::platformName() != QLatin1String("offscreen")) {
        QMessageBox::critical(nullptr, QObject::tr("HepDesk cannot start"), message);
    }
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("HepDesk"));
    QApplication::setApplicationVersion(QString::fromLatin1(hepdesk::kVersion));

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
    parser.addOption(dbOption);
    parser.addOption(shotOption);
    if (!parser.parse(QApplication::arguments())) {
        std::fprintf(stderr, "hepdesk: %s (see hepdesk --help)\n",
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
    auto db = hepdesk::db::Database::open(dbPath.toStdString());
    if (!db) {
        reportFatal(QString::fromStdString(db.error().message));
        return 2;
    }

    // Once a day, the first start makes an online backup beside the database and keeps the
    // newest 14. A failed backup must not keep the clinic from working: it is reported.
    {
        const std::filesystem::path file = std::filesystem::absolute(dbPath.toStdString());
        auto backup = hepdesk::db::backupIfDue(*db, file.parent_path() / "backups", 14,
                                               hepdesk::Clock::current());
        if (!backup) {
            std::fprintf(stderr, "hepdesk: automatic backup failed: %s\n",
                         backup.error().message.c_str());
        }
    }

    hepdesk::gui::MainWindow window(*db);
    window.show();

    if (parser.isSet(shotOption)) {
        const QString target = parser.value(shotOption);
        QTimer::singleShot(0, &window, [&window, target] {
            const bool saved = window.grab().save(target, "PNG");
            if (!saved) {
                std::fprintf(stderr, "hepdesk: cannot save screenshot to %s\n",
                             qUtf8Printable(target));
            }
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
