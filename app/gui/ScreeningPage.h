#pragma once

#include "hepdesk/core/OutcomeScores.h"
#include "hepdesk/core/Screening.h"
#include "hepdesk/core/ScreeningChecks.h"
#include "hepdesk/core/ScreeningItems.h"

#include <QWidget>
#include <map>
#include <optional>
#include <string>

class QBoxLayout;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QSlider;
class QSpinBox;
class QPlainTextEdit;
class QScrollArea;

namespace hepdesk::gui {
class PsfsForm;
}

namespace hepdesk::gui {

/// Step 1 of a session: the screening form, generated from the rules data (red flags and
/// contraindications grouped as check boxes, NPRS sliders, STarT Back, ODI and NDI) with the
/// live scores the clinical core computes. It records answers only; it decides nothing.
class ScreeningPage final : public QWidget {
    Q_OBJECT
public:
    /// `items` must outlive the page.
    explicit ScreeningPage(const ScreeningItems& items, QWidget* parent = nullptr);

    [[nodiscard]] Screening screening() const;
    /// Fills the form (without emitting screeningChanged).
    void setScreening(const Screening& s);
    /// Shows the scores the core computed for the current answers.
    void showScores(const OutcomeScores& scores);
    /// Shows the screening checks that fire, each naming the fields involved, in the interface
    /// language: a contradiction above the form (the later steps stay locked until it is
    /// fixed) and beside each field it names; an unlikely value beside its field only.
    void showChecks(const std::vector<ScreeningIssue>& issues);
    /// The contradictions, above the form; hidden when there are none.
    [[nodiscard]] QLabel* checksLabel() const { return checks_; }
    /// The checks naming `field` (a screening field: age, sex, regions, pain_now, pain_best,
    /// pain_worst, duration_days, findings, odi, ndi, start_back), shown beside it; hidden
    /// when none does.
    [[nodiscard]] QLabel* fieldCheck(const std::string& field) const;
    [[nodiscard]] bool hasContradiction() const { return contradiction_; }
    /// The Neck Disability Index form (hidden unless the neck is a painful region or answered).
    [[nodiscard]] QWidget* ndiForm() const { return ndiGroup_; }
    void setReadOnly(bool readOnly);
    /// Marks the findings a follow-up carried from the last visit "from the last visit,
    /// confirm" until the clinician unticks them.
    void setCarried(const std::vector<std::string>& findingIds);

    [[nodiscard]] QCheckBox* findingBox(const std::string& id) const;
    [[nodiscard]] QSlider* painSlider(int which) const; ///< 0 now, 1 best, 2 worst
    [[nodiscard]] QComboBox* startBackBox(const std::string& id) const;
    [[nodiscard]] QComboBox* odiBox(const std::string& id) const;
    [[nodiscard]] QComboBox* ndiBox(const std::string& id) const;
    [[nodiscard]] QCheckBox* regionBox(Region r) const;
    /// The "from the last visit, confirm" mark beside finding `id`.
    [[nodiscard]] QLabel* carriedMark(const std::string& id) const;
    [[nodiscard]] QString scoresText() const;
    /// The PSFS activities and ratings, and the adherence per exercise at a follow-up.
    [[nodiscard]] PsfsForm* psfsForm() const { return psfs_; }

    /// The visit's date and time (a stored UTC moment "YYYY-MM-DDTHH:MM:SSZ"), shown in local
    /// time without emitting visitTimeEdited.
    void setVisitTime(const std::string& utc);
    /// Says why the visit time typed was refused (empty: hides the message).
    void showVisitTimeProblem(const QString& text);
    /// The visit day and the age on it, as the visit layer worked them out for a late entry.
    void setVisitDay(const std::string& date, std::optional<int> age);
    /// "Visit date and time (late entry)": set earlier for a visit recorded afterwards.
    [[nodiscard]] QDateTimeEdit* visitTimeEdit() const { return visitTime_; }
    [[nodiscard]] QLabel* visitTimeProblem() const { return visitTimeProblem_; }
signals:
    /// Any answer changed: the editor re-assesses and the session is unsaved.
    void screeningChanged();
    /// The clinician changed the visit's date and time (as "YYYY-MM-DDTHH:MM:SSZ", UTC).
    void visitTimeEdited(const QString& utc);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    /// Side by side when both columns fit beside each other at their narrowest, else the
    /// questionnaires under the findings: a laptop window never scrolls sideways.
    void updateColumns();
    QWidget* buildFindings();
    QWidget* buildPatientAndPain();
    QWidget* buildQuestionnaires();
    QComboBox* answerBox(const QuestionItem& q, bool startBack);
    QLabel* newFieldCheck(const std::string& field, QWidget* parent);
    void changed();
    void updateNdiVisibility();

    const ScreeningItems& items_;
    QScrollArea* scroll_ = nullptr;
    QBoxLayout* columns_ = nullptr;
    QWidget* leftColumn_ = nullptr;
    QWidget* rightColumn_ = nullptr;
    bool loading_ = false;
    std::string date_;
    std::string notesKept_;
    QDateTimeEdit* visitTime_ = nullptr;
    QLabel* visitTimeProblem_ = nullptr;
    QString shownVisitTime_; ///< the visit time last set, UTC ISO: only a change is emitted
    QSpinBox* age_ = nullptr;
    QComboBox* sex_ = nullptr;
    QSpinBox* duration_ = nullptr;
    std::map<Region, QCheckBox*> regions_;
    std::map<std::string, QCheckBox*> findings_;
    std::map<std::string, QLabel*> carried_;
    QCheckBox* painRecorded_[3] = {};
    QSlider* pain_[3] = {};
    QLabel* painValue_[3] = {};
    std::map<std::string, QComboBox*> startBack_;
    std::map<std::string, QComboBox*> odi_;
    std::map<std::string, QComboBox*> ndi_;
    QLabel* checks_ = nullptr;
    std::map<std::string, QLabel*> fieldChecks_;
    bool contradiction_ = false;
    QLabel* startBackScore_ = nullptr;
    QLabel* odiScore_ = nullptr;
    QLabel* ndiScore_ = nullptr;
    QWidget* ndiGroup_ = nullptr;    ///< the NDI, shown for neck pain
    QObject* wheelFilter_ = nullptr; ///< see WheelScrollsPast
    QPlainTextEdit* notes_ = nullptr;
    PsfsForm* psfs_ = nullptr;
};

} // namespace hepdesk::gui
