#pragma once

#include "hepdesk/core/OutcomeScores.h"
#include "hepdesk/core/Screening.h"

#include <QGroupBox>
#include <functional>
#include <string>
#include <utility>
#include <vector>

class QLabel;
class QLineEdit;
class QSpinBox;
class QFormLayout;

namespace hepdesk::gui {

/// The Patient-Specific Functional Scale (up to five activities in the patient's words, each
/// rated 0-10 or not rated yet) and, at a follow-up, how many of the 14 logged days the patient
/// did each exercise (or "not asked"). It records answers; the core scores them.
class PsfsForm final : public QGroupBox {
    Q_OBJECT
public:
    explicit PsfsForm(QWidget* parent = nullptr);

    /// Writes the activities and adherence of the form into `s`.
    void fill(Screening& s) const;
    /// Shows the activities and adherence of `s` (without emitting changed).
    void set(const Screening& s);
    /// The exercises whose adherence can be entered (id, name shown), in program order; rows
    /// already entered keep their value.
    void setAdherenceExercises(const std::vector<std::pair<std::string, QString>>& exercises);
    /// Shows the PSFS mean the core computed.
    void showScore(const std::optional<PsfsScore>& score);
    /// How an exercise id is named in the adherence rows (the id itself until set).
    void setExerciseNames(std::function<QString(const std::string&)> nameOf) {
        nameOf_ = std::move(nameOf);
    }
    void setReadOnly(bool readOnly);

    [[nodiscard]] QLineEdit* activityEdit(int i) const { return activities_[i]; }
    [[nodiscard]] QSpinBox* ratingBox(int i) const { return ratings_[i]; }
    /// The days box of exercise `id` (nullptr when it has no row).
    [[nodiscard]] QSpinBox* adherenceBox(const std::string& id) const;
    [[nodiscard]] QLabel* scoreLabel() const { return score_; }

signals:
    void changed();

private:
    QLineEdit* activities_[kPsfsMaxActivities] = {};
    QSpinBox* ratings_[kPsfsMaxActivities] = {};
    QLabel* score_ = nullptr;
    QGroupBox* adherenceBox_ = nullptr;
    QFormLayout* adherenceRows_ = nullptr;
    std::vector<std::pair<std::string, QSpinBox*>> adherence_;
    std::function<QString(const std::string&)> nameOf_;
    bool loading_ = false;
};

} // namespace hepdesk::gui
