#pragma once

#include "hepdesk/core/Program.h"

#include <QWidget>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLayoutItem;
class QLabel;
class QSpinBox;

namespace hepdesk::gui {

/// The one dosage editor (the program step and the clinic-exercise dialog): sets, repetitions,
/// a hold or duration in seconds or minutes, times a day, days a week, weeks and each side.
/// What is typed stays as typed: a value outside the core's named limits is not kept and the
/// editor says so beside the boxes, and the unit is changed only when the time converts exactly.
class DosageEditor final : public QWidget {
    Q_OBJECT
public:
    /// `accessKeys`: Alt+letter access keys on the labels (the program step); off where the
    /// window's own fields use those letters (the clinic-exercise dialog).
    explicit DosageEditor(QWidget* parent = nullptr, bool accessKeys = true);

    /// Shows `d` (no dosageEdited signal) and clears any message.
    void setDosage(const Dosage& d);
    /// The last dosage within the limits: what was set or last accepted from typing.
    [[nodiscard]] const Dosage& dosage() const { return dosage_; }
    /// True when the boxes show a dosage within the limits (no refusal is shown).
    [[nodiscard]] bool isAcceptable() const { return acceptable_; }
    void setEditable(bool editable);

    [[nodiscard]] QSpinBox* setsBox() const { return sets_; }
    [[nodiscard]] QSpinBox* repsBox() const { return reps_; }
    [[nodiscard]] QSpinBox* holdBox() const { return hold_; }
    [[nodiscard]] QComboBox* holdUnitBox() const { return unit_; }
    [[nodiscard]] QSpinBox* timesPerDayBox() const { return perDay_; }
    [[nodiscard]] QSpinBox* daysPerWeekBox() const { return days_; }
    [[nodiscard]] QSpinBox* weeksBox() const { return weeks_; }
    [[nodiscard]] QCheckBox* perSideBox() const { return perSide_; }
    [[nodiscard]] QLabel* messageLabel() const { return message_; }

    /// True when the fields stand in two columns (wide enough), false when in one.
    [[nodiscard]] bool inTwoColumns() const { return twoColumns_; }

    /// As narrow as the one-column form: it turns into one column when its panel is narrow.
    [[nodiscard]] QSize minimumSizeHint() const override;

signals:
    /// The user changed the dosage to `d`, which is within the limits.
    void dosageEdited(const hepdesk::Dosage& d);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    /// Two label-field columns, or one on a narrow side panel (a laptop's session window).
    void layOut(bool twoColumns);
    void typed();
    void unitChosen();
    void say(const QString& text);
    [[nodiscard]] Dosage shown() const;
    [[nodiscard]] HoldUnit shownUnit() const;

    Dosage dosage_;
    bool acceptable_ = true;
    bool loading_ = false;
    QSpinBox* sets_ = nullptr;
    QSpinBox* reps_ = nullptr;
    QSpinBox* hold_ = nullptr;
    QComboBox* unit_ = nullptr;
    QSpinBox* perDay_ = nullptr;
    QSpinBox* days_ = nullptr;
    QSpinBox* weeks_ = nullptr;
    QCheckBox* perSide_ = nullptr;
    QLabel* message_ = nullptr;
    QGridLayout* grid_ = nullptr;
    /// Sets, repetitions, hold, how often, days a week, weeks: each a label and its field.
    std::vector<std::pair<QWidget*, QLayoutItem*>> rows_;
    bool twoColumns_ = true;
    int twoColumnWidth_ = 0; ///< the narrowest the two-column form can be
    int oneColumnWidth_ = 0; ///< the narrowest the one-column form can be
};

} // namespace hepdesk::gui
