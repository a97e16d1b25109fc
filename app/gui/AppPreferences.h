#pragma once

#include "hepdesk/core/handout/Handout.h"

#include <QString>
#include <cstdint>

namespace hepdesk::gui {

/// This computer's preferences, typed: one named key per setting, its default and its bounds
/// in one place (KeePassXC's Config). Kept per user in QSettings (appSettings()); clinic and
/// clinician records live in the database. Read when needed, so a value saved in Settings is
/// what every open window reads next.
class AppPreferences final {
public:
    enum class Key {
        HandoutLanguage,   ///< "en" or "es": the language new sessions' handouts start in
        HandoutLargePrint, ///< new sessions' handouts start in large print
        HandoutPaper,      ///< A4 or Letter for new sessions (the region's until chosen)
        InterfaceLanguage, ///< "system", or a language of the interface
        BackupFolder,      ///< the automatic daily backup's folder (a full path)
        BackupKeep,        ///< how many daily backups to keep
        ClinicianId,       ///< the clinician using this computer (0: none yet)
    };
    /// The QSettings key a preference is stored under ("handout/language").
    static QString keyName(Key key);

    static constexpr int kMinBackupKeep = 1;
    static constexpr int kMaxBackupKeep = 365;
    static constexpr int kDefaultBackupKeep = 14;
    /// The interface-language choice that follows the system's languages.
    static QString systemLanguageChoice() { return QStringLiteral("system"); }

    [[nodiscard]] QString handoutLanguage() const;
    void setHandoutLanguage(const QString& lang);
    [[nodiscard]] bool handoutLargePrint() const;
    void setHandoutLargePrint(bool large);
    [[nodiscard]] handout::HandoutOptions::Paper handoutPaper() const;
    void setHandoutPaper(handout::HandoutOptions::Paper paper);
    /// "system" or a language code of core's list; anything else reads as "system".
    [[nodiscard]] QString interfaceLanguage() const;
    void setInterfaceLanguage(const QString& choice);
    [[nodiscard]] QString backupFolder() const;
    void setBackupFolder(const QString& folder);
    [[nodiscard]] int backupKeep() const;
    void setBackupKeep(int keep);
    [[nodiscard]] std::int64_t clinicianId() const;
    void setClinicianId(std::int64_t id);

    /// Forgets one preference: it reads as its default again.
    void reset(Key key);
};

} // namespace hepdesk::gui
