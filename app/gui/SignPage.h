#pragma once

#include "hepdesk/core/Session.h"
#include "hepdesk/core/TriageRules.h"

#include <QWidget>
#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QStringListModel;
class QToolButton;

namespace hepdesk::gui {

/// Step 4 of a session: what will be signed (triage, program, handouts), the Sign button, and
/// after signing whether each reprint matches the signed handout, in words; the hashes, byte
/// counts and UTC times are behind "Details". Then the addenda, each with its author: the
/// only way a signed session changes.
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
    /// Whether the draft's screening records anything (the visit layer's requireScreening):
    /// until then the summary says the screening is not done, not "Triage: Routine".
    void setScreeningRecorded(bool recorded) { screeningRecorded_ = recorded; }
    /// Who signs this draft, when it is not chosen here (a clinic server's login); empty hides
    /// the line ("signSigner").
    void setSigner(const QString& text);
    [[nodiscard]] QString signerText() const;
    /// The SHA-256 of the handout as signed (from the session's snapshot; empty: none kept).
    void setSignedFingerprint(const QString& sha256) { signedSha256_ = sha256; }
    /// Names a clinician by id (addenda authors); without it addenda show no author.
    void setClinicianNames(std::function<QString(std::optional<std::int64_t>)> nameOf) {
        nameOf_ = std::move(nameOf);
    }
    /// What the page says about the reprints in words (empty before signing or reprinting).
    [[nodiscard]] QString reprintText() const;
    [[nodiscard]] QToolButton* detailsButton() const { return detailsButton_; }
    [[nodiscard]] QLabel* detailsLabel() const { return details_; }

    [[nodiscard]] QPushButton* signButton() const { return sign_; }
    /// The handout's optional parts to sign with: the same choice as step 3's (the editor
    /// keeps the two in step); shown ticked as signed afterwards, read-only.
    [[nodiscard]] QCheckBox* exerciseLogBox() const { return exerciseLog_; }
    [[nodiscard]] QCheckBox* goalsBox() const { return goals_; }
    void setExtras(bool exerciseLog, bool goals);
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
    /// The exercise log page or "Your goals" was ticked or cleared here.
    void extrasEdited(bool exerciseLog, bool goals);

private:
    // The constructor's parts, in the order they run (widget creation order is the tab order).
    void buildSummary();
    void buildActions();
    QWidget* buildAddenda();
    QLabel* signer_ = nullptr;
    const TriageRules* rules_ = nullptr;
    QLabel* summary_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* reprint_ = nullptr;
    QToolButton* detailsButton_ = nullptr;
    QLabel* details_ = nullptr;
    QString signedSha256_;
    std::function<QString(std::optional<std::int64_t>)> nameOf_;
    QPushButton* sign_ = nullptr;
    QCheckBox* exerciseLog_ = nullptr;
    QCheckBox* goals_ = nullptr;
    QPushButton* referral_ = nullptr;
    QStringListModel* addenda_ = nullptr;
    QListView* addendaView_ = nullptr;
    QPlainTextEdit* addendum_ = nullptr;
    QPushButton* addAddendum_ = nullptr;
    QString signBlocked_;
    bool signed_ = false;
    bool screeningRecorded_ = true;
};

} // namespace hepdesk::gui
