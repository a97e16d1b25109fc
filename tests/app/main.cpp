// GoogleTest entry point for widget tests: a real QApplication on the offscreen platform,
// with QStandardPaths in test mode so no test touches the user's own data or settings, and this
// process's settings (QSettings) in a folder of its own: ctest runs two test processes at once,
// and one must not read the preferences the other just saved.
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <cstdio>
#include <gtest/gtest.h>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("HepDeskTests"));
    const QTemporaryDir settings;
    if (!settings.isValid()) {
        std::fprintf(stderr, "cannot make a folder for this test process's settings: %s\n",
                     qPrintable(settings.errorString()));
        return 1;
    }
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
