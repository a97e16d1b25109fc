#include "DosageEditor.h"

#include "ErrorLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

namespace hepdesk::gui {
namespace {

/// How far a box lets one type. Wider than every dosage limit on purpose: a spin box drops a
/// keystroke that would leave its range (900 became 90), so the range only guards typing and
/// the core's limits decide, with a message.
constexpr int kTypingMax = 99999;

QSpinBox* spinBox(QWidget* parent, int minimum, const QString& name) {
    auto* s = new QSpinBox(parent);
    s->setRange(minimum, kTypingMax);
    s->setAccessibleName(name);
    // A value is taken when typing ends (Enter, Tab, another field), not at each keystroke:
    // typing 5000 must not store 500 on the way.
    s->setKeyboardTracking(false);
    return s;
}

} // namespace

DosageEditor::DosageEditor(QWidget* parent, bool accessKeys) : QWidget(parent) {
    setObjectName(QStringLiteral("dosageEditor"));
    sets_ = spinBox(this, 0, tr("Sets"));
    reps_ = spinBox(this, 0, tr("Repetitions"));
    reps_->setSpecialValueText(tr("none"));
    hold_ = spinBox(this, 0, tr("Hold or duration"));
    hold_->setObjectName(QStringLiteral("dosageHold"));
    hold_->setSpecialValueText(tr("none"));
    unit_ = new QComboBox(this);
    unit_->setObjectName(QStringLiteral("dosageHoldUnit"));
    unit_->setAccessibleName(tr("Unit of the hold"));
    unit_->addItem(tr("seconds"), static_cast<int>(HoldUnit::Seconds));
    unit_->addItem(tr("minutes"), static_cast<int>(HoldUnit::Minutes));
    perDay_ = spinBox(this, 0, tr("Times a day"));
    days_ = spinBox(this, 0, tr("Days a week"));
    days_->setObjectName(QStringLiteral("dosageDaysPerWeek"));
    weeks_ = spinBox(this, 0, tr("Number of weeks"));
    weeks_->setObjectName(QStringLiteral("dosageWeeks"));
    weeks_->setSpecialValueText(tr("not set"));
    perSide_ = new QCheckBox(tr("Each side"), this);
    message_ = newErrorLabel(this, QStringLiteral("dosageMessage"));

    auto* holdRow = new QHBoxLayout;
    holdRow->setContentsMargins(0, 0, 0, 0);
    holdRow->addWidget(hold_, 1);
    holdRow->addWidget(unit_);
    grid_ = new QGridLayout(this);
    grid_->setContentsMargins(0, 0, 0, 0);
    const auto label = [this, accessKeys](const QString& text, QWidget* buddy) {
        QString shown = text;
        if (!accessKeys) {
            shown.remove(QLatin1Char('&'));
        }
        auto* l = new QLabel(shown, this);
        l->setBuddy(buddy);
        return l;
    };
    const auto item = [](QWidget* w) { return new QWidgetItem(w); };
    rows_ = {{label(tr("S&ets:"), sets_), item(sets_)},
             {label(tr("Re&petitions:"), reps_), item(reps_)},
             {label(tr("&Hold:"), hold_), holdRow},
             {label(tr("How &often:"), perDay_), item(perDay_)},
             {label(tr("Days a wee&k:"), days_), item(days_)},
             {label(tr("Weeks:"), weeks_), item(weeks_)}};
    layOut(false);
    oneColumnWidth_ = grid_->minimumSize().width();
    layOut(true);
    twoColumnWidth_ = grid_->minimumSize().width();

    for (QSpinBox* box : {sets_, reps_, hold_, perDay_, days_, weeks_}) {
        connect(box, &QSpinBox::valueChanged, this, [this] { typed(); });
    }
    connect(perSide_, &QCheckBox::toggled, this, [this] { typed(); });
    connect(unit_, &QComboBox::currentIndexChanged, this, [this] { unitChosen(); });
    setDosage(Dosage{});
}

void DosageEditor::layOut(bool twoColumns) {
    twoColumns_ = twoColumns;
    for (const auto& [label, field] : rows_) {
        grid_->removeWidget(label);
        grid_->removeItem(field);
    }
    grid_->removeWidget(perSide_);
    grid_->removeWidget(message_);
    const int perRow = twoColumns ? 2 : 1;
    int row = 0;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        row = static_cast<int>(i) / perRow;
        const int column = (static_cast<int>(i) % perRow) * 2;
        grid_->addWidget(rows_[i].first, row, column);
        grid_->addItem(rows_[i].second, row, column + 1);
    }
    grid_->addWidget(perSide_, row + 1, 0, 1, 2 * perRow);
    grid_->addWidget(message_, row + 2, 0, 1, 2 * perRow);
    grid_->setColumnStretch(1, 1);
    grid_->setColumnStretch(3, twoColumns ? 1 : 0);
    // The tab order stays the reading order of the form in both shapes (creation order).
}

QSize DosageEditor::minimumSizeHint() const {
    const QSize shaped = QWidget::minimumSizeHint();
    return {std::min(shaped.width(), oneColumnWidth_), shaped.height()};
}

void DosageEditor::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (const bool two = width() >= twoColumnWidth_; two != twoColumns_) {
        layOut(two);
    }
}

void DosageEditor::setDosage(const Dosage& d) {
    loading_ = true;
    dosage_ = d;
    sets_->setValue(d.sets);
    reps_->setValue(d.reps);
    unit_->setCurrentIndex(unit_->findData(static_cast<int>(d.holdUnit)));
    hold_->setValue(holdInUnit(d));
    perDay_->setValue(d.timesPerDay);
    days_->setValue(d.daysPerWeek);
    weeks_->setValue(d.weeks);
    perSide_->setChecked(d.perSide);
    loading_ = false;
    say(QString());
}

void DosageEditor::setEditable(bool editable) {
    for (QWidget* w : std::initializer_list<QWidget*>{sets_, reps_, hold_, unit_, perDay_, days_,
                                                      weeks_, perSide_}) {
        w->setEnabled(editable);
    }
}

HoldUnit DosageEditor::shownUnit() const {
    return static_cast<HoldUnit>(unit_->currentData().toInt());
}

Dosage DosageEditor::shown() const {
    Dosage d;
    d.sets = sets_->value();
    d.reps = reps_->value();
    d.holdUnit = shownUnit();
    d.holdSeconds = d.holdUnit == HoldUnit::Minutes ? hold_->value() * 60 : hold_->value();
    d.timesPerDay = perDay_->value();
    d.daysPerWeek = days_->value();
    d.weeks = weeks_->value();
    d.perSide = perSide_->isChecked();
    return d;
}

void DosageEditor::say(const QString& text) {
    acceptable_ = text.isEmpty();
    message_->setText(text);
    message_->setAccessibleName(text);
    message_->setVisible(!text.isEmpty());
}

void DosageEditor::typed() {
    if (loading_) {
        return;
    }
    const Dosage d = shown();
    // Minutes are checked as minutes so the message names what was typed (61 minutes, not
    // 3660 seconds).
    if (const Status s = validate(d, tr("Not kept").toStdString()); !s) {
        say(tr("%1. The program keeps the last allowed dosage until this is changed.")
                .arg(QString::fromStdString(s.error().message)));
        return;
    }
    say(QString());
    dosage_ = d;
    emit dosageEdited(d);
}

void DosageEditor::unitChosen() {
    if (loading_) {
        return;
    }
    // The same time in the other unit: 600 seconds are 10 minutes. A time that is not whole
    // minutes keeps its seconds, and the editor says why.
    const int value = hold_->value();
    loading_ = true;
    if (shownUnit() == HoldUnit::Minutes) {
        if (value % 60 != 0) {
            unit_->setCurrentIndex(unit_->findData(static_cast<int>(HoldUnit::Seconds)));
            loading_ = false;
            say(tr("%1 seconds is not a whole number of minutes, so the hold stays in seconds.")
                    .arg(value));
            return;
        }
        hold_->setValue(value / 60);
    } else if (value > kTypingMax / 60) {
        unit_->setCurrentIndex(unit_->findData(static_cast<int>(HoldUnit::Minutes)));
        loading_ = false;
        say(tr("%1 minutes is too long to show in seconds; the hold stays in minutes.").arg(value));
        return;
    } else {
        hold_->setValue(value * 60);
    }
    loading_ = false;
    typed();
}

} // namespace hepdesk::gui
