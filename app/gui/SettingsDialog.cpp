#include "SettingsDialog.h"

#include "AppPreferences.h"
#include "DecodedImageCache.h"
#include "ErrorLabel.h"
#include "Vocabulary.h"
#include "hepdesk/core/FhirIds.h"
#include "hepdesk/core/Sha256.h"
#include "hepdesk/core/handout/ImageIntake.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImage>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace hepdesk::gui {
SettingsDialog::SettingsDialog(db::ClinicRepository& clinic, db::ClinicianRepository& clinicians,
                               QWidget* parent)
    : QDialog(parent), clinicRepo_(clinic), clinicianRepo_(clinicians) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    // Created in this order: the order of the boxes on screen and of the tab key.
    QGroupBox* clinicBox = buildClinicBox();
    QGroupBox* clinicianBox = buildClinicianBox();
    QGroupBox* handoutBox = buildHandoutBox();
    QGroupBox* interfaceBox = buildInterfaceBox();
    QGroupBox* backupBox = buildBackupBox();
    error_ = newErrorLabel(this, QStringLiteral("settingsError"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    welcome_ = new QLabel(
        tr("Welcome to HepDesk. Enter your clinic and your name first: they "
           "are printed on every handout, and your name signs your sessions. "
           "You can change them later in Settings (%1).")
            .arg(QKeySequence(QKeySequence::Preferences).isEmpty()
                     ? QStringLiteral("Ctrl+,")
                     : QKeySequence(QKeySequence::Preferences).toString(QKeySequence::NativeText)),
        this);
    welcome_->setObjectName(QStringLiteral("settingsWelcome"));
    welcome_->setWordWrap(true);
    welcome_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(welcome_);
    layout->addWidget(clinicBox);
    layout->addWidget(clinicianBox);
    layout->addWidget(handoutBox);
    layout->addWidget(interfaceBox);
    layout->addWidget(backupBox);
    layout->addWidget(error_);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    // The logo is held in memory, not in a field.
    guard_.addValue(tr("Logo"), [this] {
        if (clinic_.logo.empty()) {
            return QString();
        }
        const QByteArray bytes = QByteArray::fromStdString(clinic_.logo);
        return tr("%1, %2 bytes, SHA-256 %3")
            .arg(QString::fromStdString(clinic_.logoMime))
            .arg(bytes.size())
            .arg(QString::fromStdString(sha256Hex(clinic_.logo).substr(0, 12)));
    });
    guard_.markClean();
}

// Name, address, phone, logo and record-number system: the clinic's, in the database.
QGroupBox* SettingsDialog::buildClinicBox() {
    clinicName_ = new QLineEdit(this);
    clinicName_->setAccessibleName(tr("Clinic name"));
    clinicAddress_ = new QPlainTextEdit(this);
    clinicAddress_->setAccessibleName(tr("Clinic address"));
    clinicAddress_->setTabChangesFocus(true);
    clinicAddress_->setFixedHeight(clinicAddress_->fontMetrics().lineSpacing() * 4);
    clinicPhone_ = new QLineEdit(this);
    clinicPhone_->setAccessibleName(tr("Clinic phone"));
    recordSystem_ = new QLineEdit(this);
    recordSystem_->setObjectName(QStringLiteral("recordSystemEdit"));
    recordSystem_->setAccessibleName(tr("Record number system"));
    recordSystem_->setPlaceholderText(tr("for example urn:oid:1.2.3 (empty: HepDesk's own)"));
    recordSystem_->setToolTip(tr("The address your health record gives to its record numbers. "
                                 "Exports for the health record (FHIR) name it."));
    logo_ = new QLabel(this);
    logo_->setObjectName(QStringLiteral("logoPreview"));
    logo_->setMinimumSize(160, 60);
    logo_->setAlignment(Qt::AlignCenter);
    logo_->setFrameShape(QFrame::StyledPanel);
    auto* chooseLogo = new QPushButton(tr("Choose &logo…"), this);
    auto* removeLogo = new QPushButton(tr("Remove logo"), this);
    connect(chooseLogo, &QPushButton::clicked, this, &SettingsDialog::chooseLogo);
    connect(removeLogo, &QPushButton::clicked, this, [this] {
        clinic_.logo.clear();
        clinic_.logoMime.clear();
        showLogo();
    });
    auto* logoRow = new QHBoxLayout;
    logoRow->addWidget(logo_);
    logoRow->addWidget(chooseLogo);
    logoRow->addWidget(removeLogo);
    logoRow->addStretch(1);

    auto* clinicBox = new QGroupBox(tr("Clinic (printed on every handout)"), this);
    auto* clinicForm = new QFormLayout(clinicBox);
    clinicForm->addRow(tr("&Name:"), clinicName_);
    clinicForm->addRow(tr("&Address:"), clinicAddress_);
    clinicForm->addRow(tr("&Phone:"), clinicPhone_);
    clinicForm->addRow(tr("Logo:"), logoRow);
    clinicForm->addRow(tr("Record n&umber system:"), recordSystem_);

    return clinicBox;
}

// The clinician using this computer: named when they sign.
QGroupBox* SettingsDialog::buildClinicianBox() {
    clinicianName_ = new QLineEdit(this);
    clinicianName_->setAccessibleName(tr("Clinician name"));
    credentials_ = new QLineEdit(this);
    credentials_->setAccessibleName(tr("Credentials"));
    credentials_->setPlaceholderText(tr("for example PT, DPT"));
    serverSigner_ = new QLabel(this);
    serverSigner_->setObjectName(QStringLiteral("serverSigner"));
    serverSigner_->setWordWrap(true);
    serverSigner_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* clinicianBox = new QGroupBox(tr("You (named when you sign a session)"), this);
    clinicianForm_ = new QFormLayout(clinicianBox);
    clinicianForm_->addRow(tr("Full na&me:"), clinicianName_);
    clinicianForm_->addRow(tr("&Credentials:"), credentials_);
    clinicianForm_->addRow(serverSigner_);
    clinicianForm_->setRowVisible(serverSigner_, false);

    return clinicianBox;
}

// Defaults for new handouts on this computer.
QGroupBox* SettingsDialog::buildHandoutBox() {
    language_ = new QComboBox(this);
    language_->setAccessibleName(tr("Default handout language"));
    addLanguageItems(*language_);
    printSize_ = new QComboBox(this);
    printSize_->setAccessibleName(tr("Default print size"));
    printSize_->addItem(tr("Regular (12 pt)"), false);
    printSize_->addItem(tr("Large print (18 pt)"), true);
    paper_ = new QComboBox(this);
    paper_->setObjectName(QStringLiteral("defaultPaper"));
    paper_->setAccessibleName(tr("Default paper size"));
    paper_->addItem(tr("A4"), static_cast<int>(handout::HandoutOptions::Paper::A4));
    paper_->addItem(tr("US Letter"), static_cast<int>(handout::HandoutOptions::Paper::Letter));
    auto* handoutBox = new QGroupBox(tr("Handouts"), this);
    auto* handoutForm = new QFormLayout(handoutBox);
    handoutForm->addRow(tr("Default lan&guage:"), language_);
    handoutForm->addRow(tr("Default print si&ze:"), printSize_);
    handoutForm->addRow(tr("Default pape&r:"), paper_);

    return handoutBox;
}

QGroupBox* SettingsDialog::buildInterfaceBox() {
    interfaceLanguage_ = new QComboBox(this);
    interfaceLanguage_->setObjectName(QStringLiteral("interfaceLanguage"));
    interfaceLanguage_->setAccessibleName(tr("Interface language"));
    // Language names in their own language, so a person can find theirs whatever is showing.
    interfaceLanguage_->addItem(tr("System language"), AppPreferences::systemLanguageChoice());
    addLanguageItems(*interfaceLanguage_);
    auto* interfaceBox = new QGroupBox(tr("Interface"), this);
    auto* interfaceForm = new QFormLayout(interfaceBox);
    interfaceForm->addRow(tr("&Interface language:"), interfaceLanguage_);
    auto* restartNote = new QLabel(
        tr("A new interface language shows the next time HepDesk starts."), interfaceBox);
    restartNote->setWordWrap(true);
    interfaceForm->addRow(restartNote);

    return interfaceBox;
}

QGroupBox* SettingsDialog::buildBackupBox() {
    backupFolder_ = new QLineEdit(this);
    backupFolder_->setAccessibleName(tr("Backup folder"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::chooseBackupFolder);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(backupFolder_, 1);
    folderRow->addWidget(browse);
    backupKeep_ = new QSpinBox(this);
    backupKeep_->setAccessibleName(tr("Backups to keep"));
    backupKeep_->setRange(AppPreferences::kMinBackupKeep, AppPreferences::kMaxBackupKeep);
    auto* backupBox = new QGroupBox(tr("Automatic daily backup"), this);
    backupForm_ = new QFormLayout(backupBox);
    auto* folderLabel = new QLabel(tr("&Folder:"), backupBox);
    folderLabel->setBuddy(backupFolder_);
    backupForm_->addRow(folderLabel, folderRow);
    backupForm_->addRow(tr("&Keep the newest:"), backupKeep_);
    serverBackup_ = new QLabel(
        tr("On a clinic server the records are backed up on the server, not on this computer: "
           "the clinic's administrator runs 'hepdesk-cli db backup' there."),
        backupBox);
    serverBackup_->setObjectName(QStringLiteral("serverBackup"));
    serverBackup_->setWordWrap(true);
    backupForm_->addRow(serverBackup_);
    backupForm_->setRowVisible(serverBackup_, false);

    return backupBox;
}

Status SettingsDialog::load() {
    auto clinic = clinicRepo_.load();
    if (!clinic) {
        return clinic.error();
    }
    clinic_ = std::move(clinic).value();
    clinician_ = Clinician{};
    const AppPreferences prefs;
    if (const std::int64_t id = prefs.clinicianId(); id != 0) {
        auto c = clinicianRepo_.get(id);
        if (c) {
            clinician_ = std::move(c).value();
        }
    }
    clinicName_->setText(QString::fromStdString(clinic_.name));
    clinicAddress_->setPlainText(QString::fromStdString(clinic_.address));
    clinicPhone_->setText(QString::fromStdString(clinic_.phone));
    recordSystem_->setText(QString::fromStdString(clinic_.recordSystem));
    clinicianName_->setText(QString::fromStdString(clinician_.name));
    credentials_->setText(QString::fromStdString(clinician_.credentials));
    language_->setCurrentIndex(std::max(0, language_->findData(prefs.handoutLanguage())));
    printSize_->setCurrentIndex(prefs.handoutLargePrint() ? 1 : 0);
    paper_->setCurrentIndex(std::max(0, paper_->findData(static_cast<int>(prefs.handoutPaper()))));
    interfaceLanguage_->setCurrentIndex(
        std::max(0, interfaceLanguage_->findData(prefs.interfaceLanguage())));
    backupFolder_->setText(prefs.backupFolder());
    backupKeep_->setValue(prefs.backupKeep());
    showLogo();
    guard_.markClean();
    return {};
}

Status SettingsDialog::setLogoFile(const QString& path) {
    // Core's intake: the type from the first bytes, the logo's size limit, the EXIF orientation;
    // a folder, /dev/zero or a FIFO is refused (named), never read without end or waited on.
    auto image = handout::intakeImageFile(QFile::encodeName(path).toStdString(),
                                          handout::ImageUse::ClinicLogo);
    if (!image) {
        return image.error();
    }
    // The preview's decoder must manage it too (a JPEG's data is checked only here).
    if (DecodedImageCache::decode((*image)->bytes, logo_->minimumSize()).isNull()) {
        return Error::invalid(
            tr("Logo %1: the image is damaged and cannot be decoded.").arg(path).toStdString());
    }
    clinic_.logo = (*image)->bytes;
    clinic_.logoMime = std::string(handout::mimeTypeOf(**image));
    showLogo();
    return {};
}

bool SettingsDialog::needsFirstRun(db::ClinicRepository& clinic,
                                   db::ClinicianRepository& clinicians) {
    const auto c = clinic.load();
    const std::int64_t who = AppPreferences().clinicianId();
    return !c || c->name.empty() || who == 0 || !clinicians.get(who).ok();
}

void SettingsDialog::setServerLogin(const QString& login, const Result<Clinician>& me) {
    onServer_ = true;
    // The server signs with the login (its triggers refuse any other signer): a name typed
    // here would sign nothing, so there is none to type.
    clinicianForm_->setRowVisible(clinicianName_, false);
    clinicianForm_->setRowVisible(credentials_, false);
    clinicianForm_->setRowVisible(serverSigner_, true);
    // This computer backs up a file only (MainWindow::startAutomaticBackup): no folder to choose.
    backupForm_->setRowVisible(0, false);
    backupForm_->setRowVisible(backupKeep_, false);
    backupForm_->setRowVisible(serverBackup_, true);
    if (!me) {
        serverSigner_->setText(
            tr("You sign as the clinician of your server login (%1), but this login is not one "
               "of the clinic's clinicians yet. Ask the clinic's administrator to add you.")
                .arg(login));
        return;
    }
    const QString who = me->credentials.empty()
                            ? QString::fromStdString(me->name)
                            : QStringLiteral("%1, %2").arg(QString::fromStdString(me->name),
                                                           QString::fromStdString(me->credentials));
    serverSigner_->setText(
        tr("You sign as the clinician of your server login (%1): %2. The clinic's "
           "administrator changes the name and credentials on the server.")
            .arg(login, who));
}

void SettingsDialog::setFirstRun(bool firstRun) {
    firstRun_ = firstRun;
    welcome_->setVisible(firstRun);
    setWindowTitle(firstRun ? tr("Welcome to HepDesk") : tr("Settings"));
    if (firstRun) {
        clinicName_->setFocus();
    }
}

Status SettingsDialog::save() {
    const QString clinicianName = clinicianName_->text().trimmed();
    if (firstRun_ && clinicName_->text().trimmed().isEmpty()) {
        return Error::invalid(tr("Clinic name: type the name printed on handouts.").toStdString());
    }
    if (firstRun_ && !onServer_ && clinicianName.isEmpty()) {
        return Error::invalid(
            tr("Full name: type your name; it signs your sessions.").toStdString());
    }
    if (!onServer_ && clinicianName.isEmpty() && !credentials_->text().trimmed().isEmpty()) {
        return Error::invalid(
            tr("Full name: type your name to go with the credentials.").toStdString());
    }
    const QString folder = backupFolder_->text().trimmed();
    if (!onServer_ && (folder.isEmpty() || QDir::isRelativePath(folder))) {
        return Error::invalid(tr("Backup folder: choose a full path (for example %1).")
                                  .arg(AppPreferences().backupFolder())
                                  .toStdString());
    }
    const std::string recordSystem = recordSystem_->text().trimmed().toStdString();
    if (!recordSystem.empty() && !fhir::checkSystemUri(recordSystem, "record number system")) {
        return Error::invalid(tr("Record number system: type the full address your health "
                                 "record uses, such as urn:oid:1.2.3 or "
                                 "https://clinic.example/mrn (no spaces), or leave it empty.")
                                  .toStdString());
    }
    ClinicSettings c = clinic_;
    c.name = clinicName_->text().trimmed().toStdString();
    c.address = clinicAddress_->toPlainText().trimmed().toStdString();
    c.phone = clinicPhone_->text().trimmed().toStdString();
    c.recordSystem = recordSystem;
    // On a server only an administrator may change the clinic: unchanged, it is not written,
    // so a clinician can still change this computer's preferences.
    if (!onServer_ || !(c == clinic_)) {
        if (auto s = clinicRepo_.save(c); !s) {
            if (onServer_ && s.error().kind == Error::Kind::Refused) {
                return Error::refused(
                    tr("Clinic: only the clinic's administrator can change the clinic's name, "
                       "address, phone, logo or record number system on the server. Put them "
                       "back as they were, or ask your administrator.")
                        .toStdString());
            }
            return s;
        }
    }
    clinic_ = c;

    std::int64_t clinicianId = clinician_.id;
    if (!onServer_ && !clinicianName.isEmpty()) {
        Clinician who = clinician_;
        who.name = clinicianName.toStdString();
        who.credentials = credentials_->text().trimmed().toStdString();
        if (who.id == 0) {
            auto id = clinicianRepo_.add(who);
            if (!id) {
                return id.error();
            }
            who.id = *id;
        } else if (auto s = clinicianRepo_.update(who); !s) {
            return s;
        }
        clinician_ = who;
        clinicianId = who.id;
    }

    AppPreferences prefs;
    prefs.setHandoutLanguage(language_->currentData().toString());
    prefs.setHandoutLargePrint(printSize_->currentData().toBool());
    prefs.setHandoutPaper(
        static_cast<handout::HandoutOptions::Paper>(paper_->currentData().toInt()));
    prefs.setInterfaceLanguage(interfaceLanguage_->currentData().toString());
    if (!onServer_) { // hidden on a server: a file's backup settings stay as they were
        prefs.setBackupFolder(folder);
        prefs.setBackupKeep(backupKeep_->value());
    }
    if (!onServer_) { // the server's signer is the login, not this computer's choice
        prefs.setClinicianId(clinicianId);
    }
    guard_.markClean();
    return {};
}

void SettingsDialog::accept() {
    if (auto s = save(); !s) {
        error_->setText(QString::fromStdString(s.error().message) +
                        tr("\nNothing was saved; correct it and press Save again."));
        error_->show();
        adjustSize();
        return;
    }
    QDialog::accept();
}

void SettingsDialog::reject() {
    if (guard_.confirmDiscard(this)) {
        QDialog::reject();
    }
}

void SettingsDialog::chooseLogo() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Clinic logo"), QString(),
                                                      tr("Images (*.png *.jpg *.jpeg)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto s = setLogoFile(path); !s) {
        error_->setText(QString::fromStdString(s.error().message));
        error_->show();
        adjustSize();
    }
}

void SettingsDialog::chooseBackupFolder() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Backup folder"), backupFolder_->text());
    if (!dir.isEmpty()) {
        backupFolder_->setText(dir);
    }
}

void SettingsDialog::showLogo() {
    if (clinic_.logo.empty()) {
        logo_->setPixmap({});
        logo_->setText(tr("No logo"));
        return;
    }
    const QImage img = DecodedImageCache::decode(clinic_.logo, logo_->minimumSize() * 4);
    logo_->setPixmap(QPixmap::fromImage(img).scaled(logo_->minimumSize(), Qt::KeepAspectRatio,
                                                    Qt::SmoothTransformation));
}

} // namespace hepdesk::gui
