#include "TriageBanner.h"

#include "UiLanguage.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace hepdesk::gui {

TriageBanner::TriageBanner(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("triageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // The banner is read by screen readers as one live region: its name is the whole verdict.
    setAccessibleName(tr("Triage"));

    icon_ = new QLabel(this);
    icon_->setObjectName(QStringLiteral("triageIcon"));
    icon_->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("triageTitle"));
    QFont titleFont = title_->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    title_->setFont(titleFont);
    action_ = new QLabel(this);
    action_->setObjectName(QStringLiteral("triageAction"));
    action_->setWordWrap(true);
    QFont actionFont = action_->font();
    actionFont.setBold(true);
    action_->setFont(actionFont);
    findings_ = new QLabel(this);
    findings_->setObjectName(QStringLiteral("triageFindings"));
    findings_->setWordWrap(true);
    findings_->setTextFormat(Qt::PlainText);

    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(title_);
    text->addWidget(action_);
    text->addWidget(findings_);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(10, 8, 10, 8);
    row->addWidget(icon_, 0, Qt::AlignTop);
    row->addLayout(text, 1);

    setAssessment(TriageLevel::Routine, {});
}

QColor TriageBanner::background(TriageLevel level) {
    switch (level) {
    case TriageLevel::Emergency:
        return QColor(0xA3, 0x00, 0x00); // deep red: white text 8.6:1
    case TriageLevel::UrgentReferral:
        return QColor(0xFF, 0xC1, 0x07); // amber: black text 12:1
    case TriageLevel::ReferAndMonitor:
        return QColor(0xE3, 0xEE, 0xFA); // pale blue
    case TriageLevel::Routine:
        break;
    }
    return QColor(0xE6, 0xF4, 0xEA); // pale green
}

QString TriageBanner::levelLabel(TriageLevel level) {
    switch (level) {
    case TriageLevel::Emergency:
        return tr("Emergency");
    case TriageLevel::UrgentReferral:
        return tr("Urgent referral");
    case TriageLevel::ReferAndMonitor:
        return tr("Refer and monitor");
    case TriageLevel::Routine:
        break;
    }
    return tr("Routine");
}

QColor TriageBanner::foreground(TriageLevel level) {
    return level == TriageLevel::Emergency ? QColor(Qt::white) : QColor(0x10, 0x10, 0x10);
}

void TriageBanner::setScreeningState(bool recorded, const QStringList& exerciseCautions) {
    recorded_ = recorded;
    cautions_ = exerciseCautions;
}

QString TriageBanner::headline() const {
    if (level_ == TriageLevel::Routine && !recorded_) {
        return tr("Screening not done yet");
    }
    if (level_ == TriageLevel::Routine && !cautions_.isEmpty()) {
        return tr("Routine: no red flags; exercise cautions recorded");
    }
    switch (level_) {
    case TriageLevel::Emergency:
        return tr("EMERGENCY: emergency referral now");
    case TriageLevel::UrgentReferral:
        return tr("URGENT: medical referral first");
    case TriageLevel::ReferAndMonitor:
        return tr("Refer and monitor");
    case TriageLevel::Routine:
        break;
    }
    return tr("Routine: no red flags recorded");
}

void TriageBanner::setContradiction(bool contradiction) {
    contradiction_ = contradiction;
    action_->setText(instruction());
    setAccessibleDescription(headline() + QStringLiteral(". ") + instruction());
}

QString TriageBanner::instruction() const {
    // An emergency or urgent referral is never hidden by a slip elsewhere in the screening.
    if (contradiction_ && handoutAllowedWithoutOverride(level_)) {
        return tr("The screening contradicts itself: correct it on the Screening step. "
                  "Exercises, the handout and signing wait until then.");
    }
    if (level_ == TriageLevel::Routine && !recorded_) {
        return tr("Nothing is recorded yet: tick the red flags and conditions that apply, or "
                  "record the pain scores or a questionnaire. The screening decides whether "
                  "exercises may be given.");
    }
    if (level_ == TriageLevel::Routine && !cautions_.isEmpty()) {
        return tr("A handout is allowed. Exercises are checked against: %1.")
            .arg(cautions_.join(QStringLiteral("; ")));
    }
    switch (level_) {
    case TriageLevel::Emergency:
        return tr("Send the patient to emergency care today: the findings below say why. Do not "
                  "start exercise. A handout needs a recorded override reason.");
    case TriageLevel::UrgentReferral:
        return tr("Refer to a physician before exercise: the findings below say why. A handout "
                  "needs a recorded override reason.");
    case TriageLevel::ReferAndMonitor:
        return tr("A handout is allowed. Follow up the findings below; affected exercises carry "
                  "cautions.");
    case TriageLevel::Routine:
        break;
    }
    return tr("A handout is allowed.");
}

void TriageBanner::setAssessment(TriageLevel level, const std::vector<Finding>& findings) {
    level_ = level;
    QPalette pal = palette();
    const bool unscreened = level == TriageLevel::Routine && !recorded_;
    // Grey, not the calm green of "no red flags": nothing has been checked yet.
    pal.setColor(QPalette::Window, unscreened ? QColor(0xEC, 0xEC, 0xEC) : background(level));
    pal.setColor(QPalette::WindowText, foreground(level));
    setPalette(pal);

    QStyle::StandardPixmap pixmap =
        unscreened ? QStyle::SP_MessageBoxQuestion : QStyle::SP_MessageBoxInformation;
    if (level == TriageLevel::Emergency) {
        pixmap = QStyle::SP_MessageBoxCritical;
    } else if (level == TriageLevel::UrgentReferral) {
        pixmap = QStyle::SP_MessageBoxWarning;
    }
    const bool serious = !handoutAllowedWithoutOverride(level);
    const int iconSize = serious ? 40 : 24;
    icon_->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(iconSize, iconSize));

    title_->setText(headline());
    action_->setText(instruction());
    QStringList lines;
    const std::string lang = uiLanguage();
    for (const Finding& f : findings) {
        lines << tr("• %1 — %2")
                     .arg(levelLabel(f.level),
                          QString::fromStdString(rules_ != nullptr ? rules_->reasonIn(f, lang)
                                                                   : f.reason));
    }
    findings_->setText(lines.join(QLatin1Char('\n')));
    findings_->setVisible(!lines.isEmpty());
    setLineWidth(serious ? 3 : 1);
    setAccessibleDescription(headline() + QStringLiteral(". ") + instruction());
}

} // namespace hepdesk::gui
