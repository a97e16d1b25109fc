#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/TriageLevel.h"
#include "hepdesk/core/TriageRules.h"

#include <QFrame>
#include <QStringList>
#include <vector>

class QLabel;

namespace hepdesk::gui {

/// The screening's verdict at the top of the session: emergency and urgent levels in red or
/// amber with an icon, the level in words and what to do now; routine and refer-and-monitor calm.
class TriageBanner final : public QFrame {
    Q_OBJECT
public:
    explicit TriageBanner(QWidget* parent = nullptr);

    /// Shows `level` and the findings that raised it (most serious first, as assess() sorts).
    void setAssessment(TriageLevel level, const std::vector<Finding>& findings);
    /// What the screening holds besides its triage, for the next setAssessment(): whether
    /// anything is recorded yet (isScreeningRecorded; until then a routine level means "not
    /// screened", not "no red flags") and the ticked findings that change only the exercises
    /// (their labels: "Osteoporosis or osteopenia").
    void setScreeningState(bool recorded, const QStringList& exerciseCautions);
    [[nodiscard]] bool screeningRecorded() const { return recorded_; }
    /// While the screening contradicts itself the banner says so instead of "a handout is
    /// allowed" (an emergency or urgent referral keeps its own instruction).
    void setContradiction(bool contradiction);
    /// The rules whose reasons are shown in the interface language (nullptr: as stored, in
    /// English). They must outlive the banner; set them before setAssessment().
    void setRules(const TriageRules* rules) { rules_ = rules; }

    [[nodiscard]] TriageLevel level() const { return level_; }
    [[nodiscard]] QString headline() const;
    [[nodiscard]] QString instruction() const;

    /// Colours per level: background and text; contrast is at least 7:1 for every pair.
    /// The level's short name in the interface language ("Urgent referral").
    static QString levelLabel(TriageLevel level);
    static QColor background(TriageLevel level);
    static QColor foreground(TriageLevel level);

private:
    TriageLevel level_ = TriageLevel::Routine;
    bool recorded_ = true;
    QStringList cautions_;
    bool contradiction_ = false;
    const TriageRules* rules_ = nullptr;
    QLabel* icon_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* action_ = nullptr;
    QLabel* findings_ = nullptr;
};

} // namespace hepdesk::gui
