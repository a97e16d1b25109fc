#pragma once

#include <QDialog>
#include <QString>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace hepdesk::gui {

/// File > Connect to clinic server…: where the clinic's PostgreSQL server is and who logs in.
/// The password is asked each time and kept only in memory for the connection (libpq's
/// ~/.pgpass is used when it is left empty); everything else is remembered on this computer.
class ConnectDialog final : public QDialog {
    Q_OBJECT
public:
    struct Settings {
        QString host;
        int port = 5432;
        QString database = QStringLiteral("hepdesk");
        QString user;
        QString sslMode = QStringLiteral("prefer");
        bool operator==(const Settings&) const = default;
    };
    /// libpq's sslmode values offered, safest last.
    static QStringList sslModes();

    explicit ConnectDialog(QWidget* parent = nullptr);

    void setSettings(const Settings& s);
    [[nodiscard]] Settings settings() const;
    /// The libpq key=value string for db::Store::open, with the password when one was typed.
    [[nodiscard]] QString conninfo() const;

    /// What this computer remembers (no password ever), and whether it opens on the server.
    static Settings remembered();
    static bool usesServer();
    /// Remembers `s` and that the app opens on the server from now on.
    static void remember(const Settings& s);
    /// Back to the database file on the next start (the server settings are kept to prefill).
    static void forgetServer();

    [[nodiscard]] QLineEdit* hostField() const { return host_; }
    [[nodiscard]] QSpinBox* portField() const { return port_; }
    [[nodiscard]] QLineEdit* databaseField() const { return database_; }
    [[nodiscard]] QLineEdit* userField() const { return user_; }
    [[nodiscard]] QLineEdit* passwordField() const { return password_; }
    [[nodiscard]] QComboBox* sslModeField() const { return sslMode_; }
    /// A line over the fields (why the dialog was shown, or why the last try failed).
    void setMessage(const QString& text);

private:
    void updateOk();

    QLabel* message_ = nullptr;
    QLineEdit* host_ = nullptr;
    QSpinBox* port_ = nullptr;
    QLineEdit* database_ = nullptr;
    QLineEdit* user_ = nullptr;
    QLineEdit* password_ = nullptr;
    QComboBox* sslMode_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
};

} // namespace hepdesk::gui
