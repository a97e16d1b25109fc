#include "SignPage.h"

#include "DateText.h"
#include "KeyText.h"
#include "TriageBanner.h"
#include "UiLanguage.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace hepdesk::gui {

SignPage::SignPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("signPage"));
    buildSummary();
    buildActions();
    QWidget* addendaBox = buildAddenda();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(status_);
    layout->addWidget(signer_);
    layout->addWidget(reprint_);
    layout->addWidget(exerciseLog_);
    layout->addWidget(goals_);
    auto* actions = new QHBoxLayout;
    actions->addWidget(sign_);
    actions->addWidget(referral_);
    actions->addStretch(1);
    layout->addLayout(actions);
    layout->addWidget(detailsButton_, 0, Qt::AlignLeft);
    layout->addWidget(details_);
    layout->addWidget(addendaBox, 1);
}

// What is signed: the summary, the status, the reprint note and the folded details.
void SignPage::buildSummary() {
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
    signer_ = new QLabel(this);
    signer_->setObjectName(QStringLiteral("signSigner"));
    signer_->setWordWrap(true);
    signer_->setTextFormat(Qt::PlainText);
    signer_->hide();
    reprint_ = new QLabel(this);
    reprint_->setObjectName(QStringLiteral("signReprint"));
    reprint_->setWordWrap(true);
    reprint_->setTextFormat(Qt::PlainText);
    reprint_->hide();
    detailsButton_ = new QToolButton(this);
    detailsButton_->setObjectName(QStringLiteral("signDetailsButton"));
    detailsButton_->setText(tr("Details"));
    detailsButton_->setCheckable(true);
    detailsButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    detailsButton_->setArrowType(Qt::RightArrow);
    detailsButton_->setAutoRaise(true);
    detailsButton_->setAccessibleName(tr("Show the fingerprints, sizes and times"));
    details_ = new QLabel(this);
    details_->setObjectName(QStringLiteral("signDetails"));
    details_->setTextFormat(Qt::PlainText);
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_->hide();
    connect(detailsButton_, &QToolButton::toggled, this, [this](bool open) {
        details_->setVisible(open);
        detailsButton_->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
}

// Sign (with the handout's extra pages) and the referral letter.
void SignPage::buildActions() {
    // Alt+G: Alt+S is the session window's Save.
    sign_ = new QPushButton(tr("Si&gn session"), this);
    sign_->setObjectName(QStringLiteral("signSession"));
    sign_->setToolTip(tr("Sign: the session can no longer be changed, only added to (%1)")
                          .arg(accessKeyText(sign_->text())));
    connect(sign_, &QPushButton::clicked, this, &SignPage::signRequested);
    exerciseLog_ = new QCheckBox(tr("Sign the handout with the exercise l&og page"), this);
    exerciseLog_->setObjectName(QStringLiteral("signExerciseLog"));
    goals_ = new QCheckBox(tr("Sign the handout with \"&Your goals\""), this);
    goals_->setObjectName(QStringLiteral("signGoals"));
    auto extras = [this] { emit extrasEdited(exerciseLog_->isChecked(), goals_->isChecked()); };
    connect(exerciseLog_, &QCheckBox::toggled, this, extras);
    connect(goals_, &QCheckBox::toggled, this, extras);
    referral_ = new QPushButton(tr("Referral le&tter…"), this);
    referral_->setObjectName(QStringLiteral("referralLetter"));
    referral_->setToolTip(tr("A one-page letter to the patient's doctor or the emergency "
                             "department: findings, scores and your advice"));
    referral_->setEnabled(false);
    connect(referral_, &QPushButton::clicked, this, &SignPage::referralRequested);
}

// The signed session's addenda and the field to add one.
QWidget* SignPage::buildAddenda() {
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
    return addendaBox;
}

void SignPage::setExtras(bool exerciseLog, bool goals) {
    const QSignalBlocker b1(exerciseLog_);
    const QSignalBlocker b2(goals_);
    exerciseLog_->setChecked(exerciseLog);
    goals_->setChecked(goals);
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
    lines << (s.isSigned || screeningRecorded_
                  ? tr("Triage: %1").arg(TriageBanner::levelLabel(s.triage))
                  : tr("Triage: none yet, the screening is not done"));
    const std::string lang = uiLanguage();
    for (const Finding& f : s.findings) {
        lines << tr("  • %1").arg(
            QString::fromStdString(rules_ != nullptr ? rules_->reasonIn(f, lang) : f.reason));
    }
    lines << tr("Program: %n exercise(s)", nullptr, static_cast<int>(s.program.items.size()));
    if (!s.handoutOptions.overrideReason.empty()) {
        lines << tr("Override reason: %1")
                     .arg(QString::fromStdString(s.handoutOptions.overrideReason));
    }
    QStringList details;
    if (s.handouts.empty()) {
        lines << tr("Handouts: none recorded yet");
    } else {
        lines << tr("Handouts made: %1, the last on %2")
                     .arg(s.handouts.size())
                     .arg(dateTimeText(s.handouts.back().createdAt));
    }
    for (const HandoutRecord& h : s.handouts) {
        details << tr("Handout %1 (UTC), %2 bytes, %3%4, SHA-256 %5")
                       .arg(QString::fromStdString(h.createdAt))
                       .arg(h.byteSize)
                       .arg(QString::fromStdString(h.language),
                            h.largePrint ? tr(", large print") : QString(),
                            QString::fromStdString(h.sha256));
    }
    if (s.isSigned) {
        details << tr("Signed %1 (UTC); the signed handout's SHA-256: %2")
                       .arg(QString::fromStdString(s.signedAt),
                            signedSha256_.isEmpty() ? tr("none kept") : signedSha256_);
    }
    for (const HandoutOverride& o : s.overrides) {
        lines << tr("Override after signing, %1 by %2: %3")
                     .arg(dateTimeText(o.createdAt), QString::fromStdString(o.actor),
                          QString::fromStdString(o.reason));
    }
    details_->setText(details.join(QLatin1Char('\n')));
    detailsButton_->setVisible(!details.isEmpty());
    if (details.isEmpty()) {
        detailsButton_->setChecked(false);
    }

    // Whether each handout made since signing matches the one signed, in words.
    QStringList reprints;
    if (s.isSigned && !signedSha256_.isEmpty()) {
        // The handout recorded at signing has the signing time and the signed fingerprint
        // (else: the last such before it); every record after it is a reprint.
        std::size_t first = 0;
        for (std::size_t i = 0; i < s.handouts.size(); ++i) {
            const HandoutRecord& h = s.handouts[i];
            if (QString::fromStdString(h.sha256) != signedSha256_ || h.createdAt > s.signedAt) {
                continue;
            }
            if (h.createdAt == s.signedAt) {
                first = i + 1;
                break;
            }
            first = i + 1;
        }
        if (first == 0) {
            while (first < s.handouts.size() && s.handouts[first].createdAt <= s.signedAt) {
                ++first;
            }
        }
        int same = 0;
        int differ = 0;
        for (std::size_t i = first; i < s.handouts.size(); ++i) {
            const HandoutRecord& h = s.handouts[i];
            if (QString::fromStdString(h.sha256) == signedSha256_) {
                ++same;
            } else {
                ++differ;
            }
        }
        if (differ == 0) {
            // A copy identical to the signed one is not recorded again: none differs.
            reprints << tr("Every copy printed from this session matches the signed handout "
                           "exactly: reprints are made from what was signed.");
        } else {
            reprints << tr("%1 of %2 reprints do NOT match the signed handout: they differ "
                           "from what was signed. Give the patient a copy that matches, or add an "
                           "addendum saying why.")
                            .arg(differ)
                            .arg(same + differ);
        }
    }
    reprint_->setText(reprints.join(QLatin1Char('\n')));
    reprint_->setVisible(!reprints.isEmpty());
    summary_->setText(lines.join(QLatin1Char('\n')));

    signed_ = s.isSigned;
    signer_->setVisible(!signer_->text().isEmpty() && !signed_);
    if (s.isSigned) {
        status_->setText(tr("Signed by %1 at %2. The session is read-only; add an addendum to "
                            "correct or complete it.")
                             .arg(signerName, dateTimeText(s.signedAt)));
    } else {
        status_->setText(signBlocked_.isEmpty()
                             ? tr("Draft. Signing records the handout's fingerprint and locks the "
                                  "session.")
                             : signBlocked_);
    }
    QStringList addenda;
    for (const Addendum& a : s.addenda) {
        const QString author = nameOf_ ? nameOf_(a.clinicianId) : QString();
        addenda << (author.isEmpty() ? tr("%1 — %2").arg(dateTimeText(a.createdAt),
                                                         QString::fromStdString(a.text))
                                     : tr("%1, %2 — %3")
                                           .arg(dateTimeText(a.createdAt), author,
                                                QString::fromStdString(a.text)));
    }
    addenda_->setStringList(addenda);
    sign_->setEnabled(!s.isSigned && signBlocked_.isEmpty());
    sign_->setVisible(!s.isSigned);
    // Signed: the boxes say what the handout was signed with, and can no longer change.
    exerciseLog_->setEnabled(!s.isSigned);
    goals_->setEnabled(!s.isSigned);
    addendum_->setEnabled(s.isSigned);
    addAddendum_->setEnabled(s.isSigned);
    if (s.isSigned) {
        addendum_->clear();
    }
}

void SignPage::setSigner(const QString& text) {
    signer_->setText(text);
    signer_->setVisible(!text.isEmpty() && !signed_);
}

QString SignPage::signerText() const {
    return signer_->isHidden() ? QString() : signer_->text();
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

QString SignPage::reprintText() const {
    return reprint_->isVisible() || !reprint_->text().isEmpty() ? reprint_->text() : QString();
}

QString SignPage::summaryText() const {
    return summary_->text() + QLatin1Char('\n') + status_->text();
}

} // namespace hepdesk::gui
