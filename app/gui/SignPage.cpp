#include "SignPage.h"

#include "KeyText.h"
#include "TriageBanner.h"
#include "UiLanguage.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QVBoxLayout>

namespace hepdesk::gui {

SignPage::SignPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("signPage"));
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("signSummary"));
    summary_->setTextFormat(Qt::PlainText);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("signStatus"));
    status_->setWordWrap(true);
    QFont bold = status_->font();
    bold.setBold(true);
    status_->setFont(bold);
    // Alt+G: Alt+S is the session window's Save.
    sign_ = new QPushButton(tr("Si&gn session"), this);
    sign_->setObjectName(QStringLiteral("signSession"));
    sign_->setToolTip(tr("Sign: the session can no longer be changed, only added to (%1)")
                          .arg(accessKeyText(sign_->text())));
    connect(sign_, &QPushButton::clicked, this, &SignPage::signRequested);
    referral_ = new QPushButton(tr("Referral le&tter…"), this);
    referral_->setObjectName(QStringLiteral("referralLetter"));
    referral_->setToolTip(tr("A one-page letter to the patient's doctor or the emergency "
                             "department: findings, scores and your advice"));
    referral_->setEnabled(false);
    connect(referral_, &QPushButton::clicked, this, &SignPage::referralRequested);

    addenda_ = new QStringListModel(this);
    addendaView_ = new QListView(this);
    addendaView_->setObjectName(QStringLiteral("addendaView"));
    addendaView_->setAccessibleName(tr("Addenda"));
    addendaView_->setModel(addenda_);
    addendaView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    addendaView_->setWordWrap(true);
    addendum_ = new QPlainTextEdit(this);
    addendum_->setObjectName(QStringLiteral("addendumText"));
    addendum_->setAccessibleName(tr("New addendum"));
    addendum_->setPlaceholderText(tr("A correction or note to add to the signed session"));
    addendum_->setTabChangesFocus(true);
    addendum_->setMaximumHeight(addendum_->fontMetrics().lineSpacing() * 5);
    addAddendum_ = new QPushButton(tr("Add a&ddendum"), this);
    addAddendum_->setObjectName(QStringLiteral("addAddendum"));
    connect(addAddendum_, &QPushButton::clicked, this, [this] {
        const QString text = addendum_->toPlainText().trimmed();
        if (!text.isEmpty()) {
            emit addendumRequested(text);
        }
    });

    auto* addendaBox = new QGroupBox(tr("Addenda"), this);
    auto* addendaLayout = new QVBoxLayout(addendaBox);
    addendaLayout->addWidget(addendaView_, 1);
    addendaLayout->addWidget(addendum_);
    addendaLayout->addWidget(addAddendum_, 0, Qt::AlignLeft);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(status_);
    auto* actions = new QHBoxLayout;
    actions->addWidget(sign_);
    actions->addWidget(referral_);
    actions->addStretch(1);
    layout->addLayout(actions);
    layout->addWidget(addendaBox, 1);
}

void SignPage::setReferralAvailable(bool available) {
    referral_->setEnabled(available);
    referral_->setToolTip(
        available ? tr("A one-page letter to the patient's doctor or the emergency department: "
                       "findings, scores and your advice")
                  : tr("A referral letter is for refer and monitor, urgent referral or emergency; "
                       "this screening is routine"));
}

void SignPage::showSession(const Session& s, const QString& signerName) {
    QStringList lines;
    lines << tr("Triage: %1").arg(TriageBanner::levelLabel(s.triage));
    const std::string lang = uiLanguage();
    for (const Finding& f : s.findings) {
        lines << tr("  • %1").arg(
            QString::fromStdString(rules_ != nullptr ? rules_->reasonIn(f, lang) : f.reason));
    }
    lines << tr("Program: %1 exercises").arg(s.program.items.size());
    if (!s.handoutOptions.overrideReason.empty()) {
        lines << tr("Override reason: %1")
                     .arg(QString::fromStdString(s.handoutOptions.overrideReason));
    }
    if (s.handouts.empty()) {
        lines << tr("Handouts: none recorded yet");
    }
    for (const HandoutRecord& h : s.handouts) {
        lines << tr("Handout %1, %2 bytes, %3%4, SHA-256 %5")
                     .arg(QString::fromStdString(h.createdAt))
                     .arg(h.byteSize)
                     .arg(QString::fromStdString(h.language),
                          h.largePrint ? tr(", large print") : QString(),
                          QString::fromStdString(h.sha256));
    }
    for (const HandoutOverride& o : s.overrides) {
        lines << tr("Override after signing, %1 by %2: %3")
                     .arg(QString::fromStdString(o.createdAt), QString::fromStdString(o.actor),
                          QString::fromStdString(o.reason));
    }
    summary_->setText(lines.join(QLatin1Char('\n')));

    signed_ = s.isSigned;
    if (s.isSigned) {
        status_->setText(tr("Signed by %1 at %2. The session is read-only; add an addendum to "
                            "correct or complete it.")
                             .arg(signerName, QString::fromStdString(s.signedAt)));
    } else {
        status_->setText(signBlocked_.isEmpty()
                             ? tr("Draft. Signing records the handout's fingerprint and locks the "
                                  "session.")
                             : signBlocked_);
    }
    QStringList addenda;
    for (const Addendum& a : s.addenda) {
        addenda << tr("%1 — %2").arg(QString::fromStdString(a.createdAt),
                                     QString::fromStdString(a.text));
    }
    addenda_->setStringList(addenda);
    sign_->setEnabled(!s.isSigned && signBlocked_.isEmpty());
    sign_->setVisible(!s.isSigned);
    addendum_->setEnabled(s.isSigned);
    addAddendum_->setEnabled(s.isSigned);
    if (s.isSigned) {
        addendum_->clear();
    }
}

void SignPage::setSignBlocked(const QString& reason) {
    signBlocked_ = reason;
    if (!signed_) {
        sign_->setEnabled(reason.isEmpty());
        if (!reason.isEmpty()) {
            status_->setText(reason);
        }
    }
}

QString SignPage::summaryText() const {
    return summary_->text() + QLatin1Char('\n') + status_->text();
}

} // namespace hepdesk::gui
