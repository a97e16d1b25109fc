#pragma once

#include "UnsavedChangesGuard.h"
#include "hepdesk/core/ClinicSettings.h"
#include "hepdesk/core/Clinician.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/handout/Handout.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace hepdesk::db {
class ClinicRepository;
class ClinicianRepository;
} // namespace hepdesk::db

namespace hepdesk::gui {

/// Clinic details and logo, the clinician using this computer, the interface language, default
/// handout language and print size, and the automatic backup's folder and how many to keep. Clinic
/// and clinician go to the database (they are printed on handouts and named in signatures); the
/// rest are this computer's preferences (AppPreferences). On a clinic server the clinician is
/// the login's (setServerLogin). Closing it with changes asks whether to discard them.
class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(db::ClinicRepository& clinic, db::ClinicianRepository& clinicians,
                   QWidget* parent = nullptr);

    /// True while no clinic name or no clinician is set on this computer: the app asks for them
    /// on start.
    static bool needsFirstRun(db::ClinicRepository& clinic, db::ClinicianRepository& clinicians);
    /// First start: a welcome line, and the clinic's and the clinician's names are required.
    void setFirstRun(bool firstRun);
    /// On a clinic server the signer is the clinician of the login `login` (`me`, or the error
    /// saying the login is no clinician): the clinician fields are hidden and a line says so,
    /// as are the backup folder's (the server is backed up on the server); Save then stores no
    /// clinician nor backup folder, and stores the clinic only when it was changed (the server
    /// lets only an administrator change it).
    void setServerLogin(const QString& login, const Result<Clinician>& me);

    /// Fills the fields from the database and the preferences.
    Status load();
    /// Validates and stores; on failure nothing in the database changed and the error says why.
    Status save();
    /// Reads a PNG or JPEG logo; the error names the file and what is wrong with it.
    Status setLogoFile(const QString& path);

    [[nodiscard]] QLineEdit* clinicNameEdit() const { return clinicName_; }
    [[nodiscard]] QPlainTextEdit* clinicAddressEdit() const { return clinicAddress_; }
    [[nodiscard]] QLineEdit* clinicPhoneEdit() const { return clinicPhone_; }
    [[nodiscard]] QLineEdit* recordSystemEdit() const { return recordSystem_; }
    [[nodiscard]] QLineEdit* clinicianNameEdit() const { return clinicianName_; }
    [[nodiscard]] QLineEdit* credentialsEdit() const { return credentials_; }
    /// "You sign as the clinician of your server login (USER)…" (hidden on a file).
    [[nodiscard]] QLabel* serverSignerLabel() const { return serverSigner_; }
    [[nodiscard]] QComboBox* languageBox() const { return language_; }
    [[nodiscard]] QComboBox* interfaceLanguageBox() const { return interfaceLanguage_; }
    [[nodiscard]] QComboBox* printSizeBox() const { return printSize_; }
    [[nodiscard]] QComboBox* paperBox() const { return paper_; }
    [[nodiscard]] QLineEdit* backupFolderEdit() const { return backupFolder_; }
    [[nodiscard]] QSpinBox* backupKeepBox() const { return backupKeep_; }

    /// The fields changed since load() or save() (empty after reverting them).
    [[nodiscard]] QStringList changedFields() const { return guard_.changedFields(); }

public slots:
    void accept() override;
    /// Asks before throwing edits away; Cancel in the question keeps the dialog open.
    void reject() override;

private:
    // The constructor's parts, in the order they run (the tab order).
    QGroupBox* buildClinicBox();
    QGroupBox* buildClinicianBox();
    QGroupBox* buildHandoutBox();
    QGroupBox* buildInterfaceBox();
    QGroupBox* buildBackupBox();
    void chooseLogo();
    void chooseBackupFolder();
    void showLogo();

    db::ClinicRepository& clinicRepo_;
    db::ClinicianRepository& clinicianRepo_;
    ClinicSettings clinic_;
    Clinician clinician_;
    QLineEdit* clinicName_ = nullptr;
    QPlainTextEdit* clinicAddress_ = nullptr;
    QLineEdit* clinicPhone_ = nullptr;
    QLineEdit* recordSystem_ = nullptr;
    QLabel* logo_ = nullptr;
    QLineEdit* clinicianName_ = nullptr;
    QLineEdit* credentials_ = nullptr;
    QFormLayout* clinicianForm_ = nullptr;
    QLabel* serverSigner_ = nullptr;
    QFormLayout* backupForm_ = nullptr;
    QLabel* serverBackup_ = nullptr;
    bool onServer_ = false;
    QComboBox* language_ = nullptr;
    QComboBox* interfaceLanguage_ = nullptr;
    QComboBox* printSize_ = nullptr;
    QComboBox* paper_ = nullptr;
    QLineEdit* backupFolder_ = nullptr;
    QSpinBox* backupKeep_ = nullptr;
    QLabel* error_ = nullptr;
    QLabel* welcome_ = nullptr;
    bool firstRun_ = false;
    UnsavedChangesGuard guard_{this};
};

} // namespace hepdesk::gui
