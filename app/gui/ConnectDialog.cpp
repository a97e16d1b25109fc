#include "ConnectDialog.h"

#include "AppSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hepdesk::gui {
namespace {

/// A libpq key=value value: quoted, with backslash and quote escaped, so any text is one value.
QString quoted(const QString& v) {
    QString out = v;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

} // namespace

QStringList ConnectDialog::sslModes() {
    return {QStringLiteral("disable"), QStringLiteral("prefer"), QStringLiteral("require"),
            QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
}

ConnectDialog::ConnectDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect to clinic server"));
    message_ = new QLabel(
        tr("Every workstation of the clinic can share one record on a PostgreSQL server. Log in "
           "with your own user name: you sign as yourself."),
        this);
    message_->setObjectName(QStringLiteral("connectMessage"));
    message_->setWordWrap(true);
    host_ = new QLineEdit(this);
    host_->setObjectName(QStringLiteral("serverHost"));
    host_->setPlaceholderText(tr("e.g. records.clinic.local"));
    port_ = new QSpinBox(this);
    port_->setObjectName(QStringLiteral("serverPort"));
    port_->setRange(1, 65535);
    port_->setValue(5432);
    database_ = new QLineEdit(this);
    database_->setObjectName(QStringLiteral("serverDatabase"));
    user_ = new QLineEdit(this);
    user_->setObjectName(QStringLiteral("serverUser"));
    password_ = new QLineEdit(this);
    password_->setObjectName(QStringLiteral("serverPassword"));
    password_->setEchoMode(QLineEdit::Password);
    password_->setPlaceholderText(tr("asked each time; empty: use ~/.pgpass"));
    sslMode_ = new QComboBox(this);
    sslMode_->setObjectName(QStringLiteral("serverSslMode"));
    const QStringList labels = {
        tr("No encryption (disable)"), tr("Encrypt when the server can (prefer)"),
        tr("Always encrypt (require)"), tr("Encrypt and check the certificate (verify-ca)"),
        tr("Encrypt, check the certificate and the name (verify-full)")};
    const QStringList modes = sslModes();
    for (int i = 0; i < modes.size(); ++i) {
        sslMode_->addItem(labels[i], modes[i]);
    }
    sslMode_->setCurrentIndex(1);

    auto* form = new QFormLayout;
    form->addRow(tr("&Server:"), host_);
    form->addRow(tr("&Port:"), port_);
    form->addRow(tr("&Database:"), database_);
    form->addRow(tr("&User:"), user_);
    form->addRow(tr("Pass&word:"), password_);
    form->addRow(tr("&Encryption:"), sslMode_);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* e : {host_, database_, user_}) {
        connect(e, &QLineEdit::textChanged, this, &ConnectDialog::updateOk);
    }

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(message_);
    layout->addLayout(form);
    layout->addWidget(buttons_);
    updateOk();
}

void ConnectDialog::setMessage(const QString& text) {
    message_->setText(text);
}

void ConnectDialog::updateOk() {
    const bool complete = !host_->text().trimmed().isEmpty() &&
                          !database_->text().trimmed().isEmpty() &&
                          !user_->text().trimmed().isEmpty();
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(complete);
}

void ConnectDialog::setSettings(const Settings& s) {
    host_->setText(s.host);
    port_->setValue(s.port);
    database_->setText(s.database);
    user_->setText(s.user);
    const int i = sslMode_->findData(s.sslMode);
    sslMode_->setCurrentIndex(i >= 0 ? i : 1);
    password_->clear();
    (host_->text().isEmpty() ? host_ : password_)->setFocus();
}

ConnectDialog::Settings ConnectDialog::settings() const {
    return {host_->text().trimmed(), port_->value(), database_->text().trimmed(),
            user_->text().trimmed(), sslMode_->currentData().toString()};
}

QString ConnectDialog::conninfo() const {
    const Settings s = settings();
    QString info = QStringLiteral("host=%1 port=%2 dbname=%3 user=%4 sslmode=%5")
                       .arg(quoted(s.host))
                       .arg(s.port)
                       .arg(quoted(s.database), quoted(s.user), quoted(s.sslMode));
    if (!password_->text().isEmpty()) {
        info += QStringLiteral(" password=") + quoted(password_->text());
    }
    return info;
}

ConnectDialog::Settings ConnectDialog::remembered() {
    QSettings q = appSettings();
    Settings s;
    s.host = q.value(QStringLiteral("server/host")).toString();
    s.port = q.value(QStringLiteral("server/port"), 5432).toInt();
    s.database = q.value(QStringLiteral("server/database"), s.database).toString();
    s.user = q.value(QStringLiteral("server/user")).toString();
    s.sslMode = q.value(QStringLiteral("server/sslmode"), s.sslMode).toString();
    return s;
}

bool ConnectDialog::usesServer() {
    return appSettings().value(QStringLiteral("server/use"), false).toBool();
}

void ConnectDialog::remember(const Settings& s) {
    QSettings q = appSettings();
    q.setValue(QStringLiteral("server/host"), s.host);
    q.setValue(QStringLiteral("server/port"), s.port);
    q.setValue(QStringLiteral("server/database"), s.database);
    q.setValue(QStringLiteral("server/user"), s.user);
    q.setValue(QStringLiteral("server/sslmode"), s.sslMode);
    q.setValue(QStringLiteral("server/use"), true);
}

void ConnectDialog::forgetServer() {
    appSettings().setValue(QStringLiteral("server/use"), false);
}

} // namespace hepdesk::gui
