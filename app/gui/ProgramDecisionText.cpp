#include "ProgramDecisionText.h"

#include "TriageBanner.h"
#include "UiLanguage.h"

#include <QCoreApplication>
#include <QStringList>

namespace hepdesk::gui {
QString triageBlockText(const ProgramDecision& d, const TriageRules* rules) {
    if (!d.triageBlock) {
        return {};
    }
    QStringList why;
    const std::string lang = uiLanguage();
    for (const Finding& f : d.triageFindings) {
        const QString r =
            QString::fromStdString(rules != nullptr ? rules->reasonIn(f, lang) : f.reason);
        if (!why.contains(r)) {
            why << r;
        }
    }
    const QString level = TriageBanner::levelLabel(*d.triageBlock);
    return why.isEmpty() ? level
                         : QStringLiteral("%1 (%2)").arg(level, why.join(QStringLiteral("; ")));
}

QString programRefusalText(const ProgramDecision& d, const QString& name,
                           const QString& eligibilityReasons, const TriageRules* rules) {
    switch (d.verdict) {
    case ProgramVerdict::Excluded:
        return QCoreApplication::translate("hepdesk::gui::ProgramDecisionText",
                                           "%1 is excluded for this patient: %2")
            .arg(name, eligibilityReasons);
    case ProgramVerdict::BlockedByTriage:
        return QCoreApplication::translate(
                   "hepdesk::gui::ProgramDecisionText",
                   "%1 cannot be added: %2. Refer the patient first; to plan exercises anyway, "
                   "record an override reason on step 3.")
            .arg(name, triageBlockText(d, rules));
    case ProgramVerdict::Allowed:
    case ProgramVerdict::Caution:
        break;
    }
    return {};
}

} // namespace hepdesk::gui
