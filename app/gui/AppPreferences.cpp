#include "AppPreferences.h"

#include "AppSettings.h"
#include "hepdesk/core/LocalizedText.h"

#include <QDir>
#include <QLocale>
#include <QStandardPaths>
#include <algorithm>

namespace hepdesk::gui {
namespace {

using Paper = handout::HandoutOptions::Paper;

QVariant read(AppPreferences::Key key, const QVariant& fallback) {
    return appSettings().value(AppPreferences::keyName(key), fallback);
}

void write(AppPreferences::Key key, const QVariant& value) {
    appSettings().setValue(AppPreferences::keyName(key), value);
}

} // namespace

QString AppPreferences::keyName(Key key) {
    switch (key) {
    case Key::HandoutLanguage:
        return QStringLiteral("handout/language");
    case Key::HandoutLargePrint:
        return QStringLiteral("handout/largePrint");
    case Key::HandoutPaper:
        return QStringLiteral("handout/paper");
    case Key::InterfaceLanguage:
        return QStringLiteral("interface/language");
    case Key::BackupFolder:
        return QStringLiteral("backup/folder");
    case Key::BackupKeep:
        return QStringLiteral("backup/keep");
    case Key::ClinicianId:
        return QStringLiteral("clinician/id");
    }
    return {};
}

QString AppPreferences::handoutLanguage() const {
    const QString v = read(Key::HandoutLanguage, QString()).toString();
    return isLanguage(v.toStdString()) ? v : QString::fromUtf8(kLanguages[0]);
}

void AppPreferences::setHandoutLanguage(const QString& lang) {
    write(Key::HandoutLanguage, lang);
}

bool AppPreferences::handoutLargePrint() const {
    return read(Key::HandoutLargePrint, false).toBool();
}

void AppPreferences::setHandoutLargePrint(bool large) {
    write(Key::HandoutLargePrint, large);
}

Paper AppPreferences::handoutPaper() const {
    // Until chosen, the paper of the computer's region (Letter in the US).
    const Paper regional =
        QLocale().measurementSystem() == QLocale::ImperialUSSystem ? Paper::Letter : Paper::A4;
    const int stored = read(Key::HandoutPaper, static_cast<int>(regional)).toInt();
    return stored == static_cast<int>(Paper::Letter) ? Paper::Letter : Paper::A4;
}

void AppPreferences::setHandoutPaper(Paper paper) {
    write(Key::HandoutPaper, static_cast<int>(paper));
}

QString AppPreferences::interfaceLanguage() const {
    const QString v = read(Key::InterfaceLanguage, QString()).toString();
    return isLanguage(v.toStdString()) ? v : systemLanguageChoice();
}

void AppPreferences::setInterfaceLanguage(const QString& choice) {
    write(Key::InterfaceLanguage,
          isLanguage(choice.toStdString()) ? choice : systemLanguageChoice());
}

QString AppPreferences::backupFolder() const {
    const QString fallback = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                 .filePath(QStringLiteral("backups"));
    return read(Key::BackupFolder, fallback).toString();
}

void AppPreferences::setBackupFolder(const QString& folder) {
    write(Key::BackupFolder, folder);
}

int AppPreferences::backupKeep() const {
    return std::clamp(read(Key::BackupKeep, kDefaultBackupKeep).toInt(), kMinBackupKeep,
                      kMaxBackupKeep);
}

void AppPreferences::setBackupKeep(int keep) {
    write(Key::BackupKeep, std::clamp(keep, kMinBackupKeep, kMaxBackupKeep));
}

std::int64_t AppPreferences::clinicianId() const {
    return read(Key::ClinicianId, 0).toLongLong();
}

void AppPreferences::setClinicianId(std::int64_t id) {
    write(Key::ClinicianId, QVariant::fromValue<qlonglong>(id));
}

void AppPreferences::reset(Key key) {
    appSettings().remove(keyName(key));
}

} // namespace hepdesk::gui
