#include "PsfsForm.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

namespace hepdesk::gui {
namespace {

constexpr int kNotRated = -1; ///< the spin boxes' special value: "not rated" / "not asked"

QString mean(double m) {
    return QLocale().toString(m, 'f', 1); // "4,5" in Spanish
}

} // namespace

PsfsForm::PsfsForm(QWidget* parent)
    : QGroupBox(tr("Patient-Specific Functional Scale (PSFS)"), parent) {
    setObjectName(QStringLiteral("psfsForm"));
    auto* layout = new QVBoxLayout(this);
    // A group box title does not wrap: the scale's anchors go in a label that does.
    auto* how = new QLabel(tr("Up to five activities in the patient's own words, each rated "
                              "0 (unable to do it) to 10 (as before the problem)."),
                           this);
    how->setObjectName(QStringLiteral("psfsHow"));
    how->setWordWrap(true);
    layout->addWidget(how);
    auto* form = new QFormLayout;
    form->setVerticalSpacing(2);
    for (std::size_t i = 0; i < kPsfsMaxActivities; ++i) {
        activities_[i] = new QLineEdit(this);
        activities_[i]->setObjectName(QStringLiteral("psfsActivity%1").arg(i + 1));
        activities_[i]->setMaxLength(static_cast<int>(kPsfsMaxActivityBytes / 2));
        activities_[i]->setPlaceholderText(tr("Activity %1").arg(i + 1));
        ratings_[i] = new QSpinBox(this);
        ratings_[i]->setObjectName(QStringLiteral("psfsRating%1").arg(i + 1));
        ratings_[i]->setRange(kNotRated, 10);
        ratings_[i]->setSpecialValueText(tr("not rated"));
        ratings_[i]->setValue(kNotRated);
        auto* row = new QHBoxLayout;
        row->addWidget(activities_[i], 1);
        row->addWidget(ratings_[i]);
        form->addRow(QStringLiteral("%1.").arg(i + 1), row);
        connect(activities_[i], &QLineEdit::textChanged, this, [this] {
            if (!loading_) {
                emit changed();
            }
        });
        connect(ratings_[i], &QSpinBox::valueChanged, this, [this] {
            if (!loading_) {
                emit changed();
            }
        });
    }
    layout->addLayout(form);
    score_ = new QLabel(this);
    score_->setObjectName(QStringLiteral("psfsScore"));
    QFont bold = score_->font();
    bold.setBold(true);
    score_->setFont(bold);
    score_->setWordWrap(true);
    layout->addWidget(score_);

    adherenceBox_ = new QGroupBox(tr("Exercise log: days done of %1").arg(kAdherenceDays), this);
    adherenceBox_->setObjectName(QStringLiteral("adherenceForm"));
    adherenceRows_ = new QFormLayout(adherenceBox_);
    adherenceRows_->setVerticalSpacing(2);
    adherenceBox_->setVisible(false);
    layout->addWidget(adherenceBox_);
    showScore(std::nullopt);
}

void PsfsForm::fill(Screening& s) const {
    s.psfs.clear();
    for (std::size_t i = 0; i < kPsfsMaxActivities; ++i) {
        const std::string activity = activities_[i]->text().trimmed().toStdString();
        if (activity.empty()) {
            continue; // a rating without its activity means nothing
        }
        PsfsActivity a{activity, std::nullopt};
        if (ratings_[i]->value() != kNotRated) {
            a.rating = ratings_[i]->value();
        }
        s.psfs.push_back(std::move(a));
    }
    s.adherence.clear();
    for (const auto& [id, box] : adherence_) {
        s.adherence.push_back(Adherence{
            id, box->value() == kNotRated ? std::nullopt : std::optional<int>(box->value())});
    }
}

void PsfsForm::set(const Screening& s) {
    loading_ = true;
    for (std::size_t i = 0; i < kPsfsMaxActivities; ++i) {
        const bool has = i < s.psfs.size();
        activities_[i]->setText(has ? QString::fromStdString(s.psfs[i].activity) : QString());
        ratings_[i]->setValue(has && s.psfs[i].rating ? *s.psfs[i].rating : kNotRated);
    }
    std::vector<std::pair<std::string, QString>> rows;
    for (const Adherence& a : s.adherence) {
        rows.emplace_back(a.exerciseId,
                          nameOf_ ? nameOf_(a.exerciseId) : QString::fromStdString(a.exerciseId));
    }
    setAdherenceExercises(rows);
    for (const Adherence& a : s.adherence) {
        if (QSpinBox* box = adherenceBox(a.exerciseId)) {
            box->setValue(a.daysDone.value_or(kNotRated));
        }
    }
    loading_ = false;
}

void PsfsForm::setAdherenceExercises(
    const std::vector<std::pair<std::string, QString>>& exercises) {
    const bool wasLoading = loading_;
    loading_ = true;
    std::vector<std::pair<std::string, int>> kept;
    for (const auto& [id, box] : adherence_) {
        kept.emplace_back(id, box->value());
    }
    while (adherenceRows_->rowCount() > 0) {
        adherenceRows_->removeRow(0);
    }
    adherence_.clear();
    for (const auto& [id, name] : exercises) {
        auto* box = new QSpinBox(adherenceBox_);
        box->setObjectName(QStringLiteral("adherence_") + QString::fromStdString(id));
        box->setRange(kNotRated, kAdherenceDays);
        box->setSpecialValueText(tr("not asked"));
        box->setSuffix(tr(" of %1 days").arg(kAdherenceDays));
        box->setValue(kNotRated);
        for (const auto& [keptId, value] : kept) {
            if (keptId == id) {
                box->setValue(value);
            }
        }
        connect(box, &QSpinBox::valueChanged, this, [this] {
            if (!loading_) {
                emit changed();
            }
        });
        adherenceRows_->addRow(name, box);
        adherence_.emplace_back(id, box);
    }
    adherenceBox_->setVisible(!adherence_.empty());
    loading_ = wasLoading;
}

QSpinBox* PsfsForm::adherenceBox(const std::string& id) const {
    for (const auto& [rowId, box] : adherence_) {
        if (rowId == id) {
            return box;
        }
    }
    return nullptr;
}

void PsfsForm::showScore(const std::optional<PsfsScore>& score) {
    if (!score) {
        score_->setText(tr("PSFS: not rated"));
        return;
    }
    score_->setText(tr("PSFS mean: %1 of 10 (%2 of %3 activities rated)")
                        .arg(mean(score->mean))
                        .arg(score->rated)
                        .arg(score->activities));
}

void PsfsForm::setReadOnly(bool readOnly) {
    for (std::size_t i = 0; i < kPsfsMaxActivities; ++i) {
        activities_[i]->setReadOnly(readOnly);
        ratings_[i]->setEnabled(!readOnly);
    }
    for (const auto& [id, box] : adherence_) {
        (void)id;
        box->setEnabled(!readOnly);
    }
}

} // namespace hepdesk::gui
