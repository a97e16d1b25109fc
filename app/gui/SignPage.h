#pragma once

#include "hepdesk/core/Session.h"
#include "hepdesk/core/TriageRules.h"

#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QStringListModel;

namespace hepdesk::gui {

/// Step 4 of a session: what will be signed (triage, program, handouts with their hashes),
/// the Sign button, and after signing the addenda: the only way a signed session changes.
class SignPage final : public QWidget {
    Q_OBJECT
public:
    explicit SignPage(QWidget* parent = nullptr);

    /// Shows `session` as stored (signed or not) with the clinicians' names.
    void showSession(const Session& session, const QString& signerName);
    /// The rules whose reasons are shown in the interface language (nullptr: as stored, in
    /// English). They must outlive the page.
    void setRules(const TriageRules* rules) { rules_ = rules; }
    /// Why signing is not possible right now (empty: it is).
    void setSignBlocked(const QString& reason);

    [[nodiscard]] QPushButton* signButton() const { return sign_; }
    /// Referral letter…: enabled for refer and monitor, urgent referral and emergency.
    [[nodiscard]] QPushButton* referralButton() const { return referral_; }
    void setReferralAvailable(bool available);
    [[nodiscard]] QPushButton* addAddendumButton() const { return addAddendum_; }
    [[nodiscard]] QPlainTextEdit* addendumEdit() const { return addendum_; }
    [[nodiscard]] QStringListModel* addendaModel() const { return addenda_; }
    [[nodiscard]] QString summaryText() const;

signals:
    void signRequested();
    void addendumRequested(const QString& text);
    void referralRequested();

private:
    const TriageRules* rules_ = nullptr;
    QLabel* summary_ = nullptr;
    QLabel* status_ = nullptr;
    QPushButton* sign_ = nullptr;
    QPushButton* referral_ = nullptr;
    QStringListModel* addenda_ = nullptr;
    QListView* addendaView_ = nullptr;
    QPlainTextEdit* addendum_ = nullptr;
    QPushButton* addAddendum_ = nullptr;
    QString signBlocked_;
    bool signed_ = false;
};

} // namespace hepdesk::gui
