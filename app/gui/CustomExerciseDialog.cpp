#include "CustomExerciseDialog.h"

#include "CatalogModel.h"
#include "Services.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>
#include <set>

namespace hepdesk::gui {
namespace {

const char* const kLangs[] = {"en", "es"};

std::vector<std::string> lines(const QPlainTextEdit* e) {
    std::vector<std::string> out;
    for (const QString& l : e->toPlainText().split(QLatin1Char('\n'))) {
        if (!l.trimmed().isEmpty()) {
            out.push_back(l.trimmed().toStdString());
        }
    }
    return out;
}

} // namespace

CustomExerciseDialog::CustomExerciseDialog(Services& services, QWidget* parent)
    : QDialog(parent), services_(services) {
    setObjectName(QStringLiteral("customExerciseDialog"));
    setWindowTitle(tr("Clinic exercise"));

    existing_ = new QComboBox(this);
    existing_->setAccessibleName(tr("Exercise to edit"));
    existing_->addItem(tr("New exercise"), QString());
    if (auto list = services_.customExercises().list()) {
        for (const auto& c : *list) {
            existing_->addItem(QString::fromStdString(c.name), QString::fromStdString(c.id));
        }
    }
    connect(existing_, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QString id = existing_->currentData().toString();
        // Loading another exercise replaces the form: ask first when it holds unsaved edits.
        if (!id.isEmpty() && !guard_.confirmDiscard(this)) {
            const QSignalBlocker block(existing_);
            existing_->setCurrentIndex(shownIndex_);
            return;
        }
        shownIndex_ = index;
        if (!id.isEmpty()) {
            (void)load(id.toStdString());
        }
    });
    guard_.ignore(existing_); // a chooser, not a field

    id_ = new QLineEdit(this);
    id_->setAccessibleName(tr("Identifier"));
    id_->setPlaceholderText(tr("lowercase_with_underscores, e.g. clinic_wall_slide"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Edit:"), existing_);
    form->addRow(tr("&Identifier:"), id_);
    for (const char* lang : kLangs) {
        const QString l = QString::fromLatin1(lang);
        name_[lang] = new QLineEdit(this);
        name_[lang]->setAccessibleName(tr("Name (%1)").arg(l));
        form->addRow(tr("Name (%1):").arg(l), name_[lang]);
    }
    auto* regionRow = new QHBoxLayout;
    for (Region r : {Region::Neck, Region::MidBack, Region::LowBack}) {
        regions_[r] = new QCheckBox(CatalogModel::humanize(std::string(toId(r))), this);
        regionRow->addWidget(regions_[r]);
    }
    form->addRow(tr("Regions:"), regionRow);
    position_ = new QComboBox(this);
    position_->setEditable(true);
    position_->setAccessibleName(tr("Position"));
    std::set<std::string> positions;
    for (const CatalogEntry& e : services_.catalog().entries()) {
        if (e.isExercise()) {
            positions.insert(e.position);
        }
    }
    for (const auto& p : positions) {
        position_->addItem(QString::fromStdString(p));
    }
    form->addRow(tr("&Position:"), position_);
    equipment_ = new QLineEdit(this);
    equipment_->setAccessibleName(tr("Equipment"));
    equipment_->setPlaceholderText(tr("ids separated by commas, e.g. mat, chair"));
    form->addRow(tr("E&quipment:"), equipment_);
    auto* moves = new QGridLayout;
    int i = 0;
    for (Movement m :
         {Movement::Flexion, Movement::Extension, Movement::Rotation, Movement::SideBend,
          Movement::Traction, Movement::SoftTissue, Movement::Breathing}) {
        movements_[m] = new QCheckBox(CatalogModel::humanize(std::string(toId(m))), this);
        moves->addWidget(movements_[m], i / 4, i % 4);
        ++i;
    }
    // Movements decide which eligibility rules apply: a twist marked as rotation is cautioned
    // for weak bones like the shipped twists.
    form->addRow(tr("Movements:"), moves);
    for (const char* lang : kLangs) {
        const QString l = QString::fromLatin1(lang);
        steps_[lang] = new QPlainTextEdit(this);
        steps_[lang]->setTabChangesFocus(true);
        steps_[lang]->setAccessibleName(tr("Steps (%1), one per line").arg(l));
        steps_[lang]->setFixedHeight(steps_[lang]->fontMetrics().lineSpacing() * 5);
        form->addRow(tr("Steps (%1), one per line:").arg(l), steps_[lang]);
    }
    for (const char* lang : kLangs) {
        const QString l = QString::fromLatin1(lang);
        tips_[lang] = new QPlainTextEdit(this);
        tips_[lang]->setTabChangesFocus(true);
        tips_[lang]->setAccessibleName(tr("Tips (%1), one per line").arg(l));
        tips_[lang]->setFixedHeight(tips_[lang]->fontMetrics().lineSpacing() * 3);
        form->addRow(tr("Tips (%1):").arg(l), tips_[lang]);
    }
    for (const char* lang : kLangs) {
        const QString l = QString::fromLatin1(lang);
        stopIf_[lang] = new QPlainTextEdit(this);
        stopIf_[lang]->setTabChangesFocus(true);
        stopIf_[lang]->setAccessibleName(tr("Stop if (%1), one per line").arg(l));
        stopIf_[lang]->setFixedHeight(stopIf_[lang]->fontMetrics().lineSpacing() * 3);
        form->addRow(tr("Stop if (%1):").arg(l), stopIf_[lang]);
    }
    for (const char* lang : kLangs) {
        const QString l = QString::fromLatin1(lang);
        illustration_[lang] = new QLineEdit(this);
        illustration_[lang]->setAccessibleName(tr("Picture description (%1)").arg(l));
        form->addRow(tr("Picture in words (%1):").arg(l), illustration_[lang]);
    }
    auto spin = [this](int lo, int hi, int v) {
        auto* s = new QSpinBox(this);
        s->setRange(lo, hi);
        s->setValue(v);
        return s;
    };
    sets_ = spin(1, 10, 1);
    reps_ = spin(0, 100, 10);
    hold_ = spin(0, 600, 0);
    perDay_ = spin(1, 10, 1);
    perSide_ = new QCheckBox(tr("each side"), this);
    auto* dose = new QHBoxLayout;
    for (auto [label, box] : {std::pair{tr("sets"), sets_}, std::pair{tr("reps"), reps_},
                              std::pair{tr("hold s"), hold_}, std::pair{tr("× a day"), perDay_}}) {
        box->setAccessibleName(label);
        dose->addWidget(box);
        dose->addWidget(new QLabel(label, this));
    }
    dose->addWidget(perSide_);
    form->addRow(tr("Default dosage:"), dose);

    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setTextFormat(Qt::PlainText);
    QPalette pal = error_->palette();
    pal.setColor(QPalette::WindowText, QColor(0xA3, 0x00, 0x00));
    error_->setPalette(pal);
    error_->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &CustomExerciseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CustomExerciseDialog::reject);
    for (auto* edit : findChildren<QPlainTextEdit*>()) {
        edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        edit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addWidget(buttons);
    setMinimumWidth(640);
    guard_.markClean();
}

QLineEdit* CustomExerciseDialog::nameEdit(const char* lang) const {
    return name_.at(lang);
}
QPlainTextEdit* CustomExerciseDialog::stepsEdit(const char* lang) const {
    return steps_.at(lang);
}
QPlainTextEdit* CustomExerciseDialog::stopIfEdit(const char* lang) const {
    return stopIf_.at(lang);
}
QPlainTextEdit* CustomExerciseDialog::tipsEdit(const char* lang) const {
    return tips_.at(lang);
}

CatalogEntry CustomExerciseDialog::entry() const {
    CatalogEntry e;
    e.id = id_->text().trimmed().toStdString();
    e.kind = CatalogEntry::Kind::Exercise;
    for (const char* lang : kLangs) {
        e.name.byLang[lang] = name_.at(lang)->text().trimmed().toStdString();
        e.illustration.byLang[lang] = illustration_.at(lang)->text().trimmed().toStdString();
    }
    for (const auto& [r, box] : regions_) {
        if (box->isChecked()) {
            e.regions.push_back(r);
        }
    }
    e.position = position_->currentText().trimmed().toStdString();
    for (const QString& q : equipment_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        e.equipment.push_back(q.trimmed().toStdString());
    }
    for (const auto& [m, box] : movements_) {
        if (box->isChecked()) {
            e.movements.push_back(m);
        }
    }
    // Steps and stop signs are paired by line: line 3 in English is line 3 in Spanish.
    auto paired = [](const std::map<std::string, QPlainTextEdit*>& edits) {
        const auto en = lines(edits.at("en"));
        const auto es = lines(edits.at("es"));
        std::vector<LocalizedText> out;
        for (std::size_t k = 0; k < std::max(en.size(), es.size()); ++k) {
            LocalizedText t;
            t.byLang["en"] = k < en.size() ? en[k] : std::string();
            t.byLang["es"] = k < es.size() ? es[k] : std::string();
            out.push_back(std::move(t));
        }
        return out;
    };
    e.steps = paired(steps_);
    e.stopIf = paired(stopIf_);
    e.tips = paired(tips_);
    e.defaultDosage = Dosage{sets_->value(), reps_->value(), hold_->value(), perDay_->value(),
                             perSide_->isChecked()};
    return e;
}

Status CustomExerciseDialog::load(const std::string& id) {
    auto stored = services_.customExercises().get(id);
    if (!stored) {
        return stored.error();
    }
    const CatalogEntry* e = services_.catalog().find(id);
    if (e == nullptr) {
        return Error::invalid("Clinic exercise " + id +
                              " no longer passes the catalog checks; re-enter it.");
    }
    id_->setText(QString::fromStdString(e->id));
    for (const char* lang : kLangs) {
        name_[lang]->setText(QString::fromStdString(e->name.text(lang)));
        illustration_[lang]->setText(QString::fromStdString(e->illustration.text(lang)));
        QStringList s;
        for (const auto& step : e->steps) {
            s << QString::fromStdString(step.text(lang));
        }
        steps_[lang]->setPlainText(s.join(QLatin1Char('\n')));
        QStringList st;
        for (const auto& stop : e->stopIf) {
            st << QString::fromStdString(stop.text(lang));
        }
        stopIf_[lang]->setPlainText(st.join(QLatin1Char('\n')));
        QStringList tp;
        for (const auto& tip : e->tips) {
            tp << QString::fromStdString(tip.text(lang));
        }
        tips_[lang]->setPlainText(tp.join(QLatin1Char('\n')));
    }
    for (const auto& [r, box] : regions_) {
        box->setChecked(std::find(e->regions.begin(), e->regions.end(), r) != e->regions.end());
    }
    for (const auto& [m, box] : movements_) {
        box->setChecked(std::find(e->movements.begin(), e->movements.end(), m) !=
                        e->movements.end());
    }
    position_->setCurrentText(QString::fromStdString(e->position));
    QStringList eq;
    for (const auto& q : e->equipment) {
        eq << QString::fromStdString(q);
    }
    equipment_->setText(eq.join(QStringLiteral(", ")));
    sets_->setValue(e->defaultDosage.sets);
    reps_->setValue(e->defaultDosage.reps);
    hold_->setValue(e->defaultDosage.holdSeconds);
    perDay_->setValue(e->defaultDosage.timesPerDay);
    perSide_->setChecked(e->defaultDosage.perSide);
    guard_.markClean();
    return {};
}

Status CustomExerciseDialog::save() {
    const CatalogEntry e = entry();
    const CatalogEntry* shipped = services_.catalog().find(e.id);
    if (shipped != nullptr) {
        auto mine = services_.customExercises().get(e.id);
        if (!mine) {
            return Error::invalid("Identifier: \"" + e.id +
                                  "\" is a shipped exercise; choose another identifier.");
        }
    }
    // The same checks as a shipped catalog file, through the same parser.
    const nlohmann::json j = toJson(e);
    auto checked = catalogEntryFromJson(j, "clinic exercise \"" + e.id + "\"");
    if (!checked) {
        return checked.error();
    }
    if (auto s = services_.customExercises().put({e.id, e.name.text("en"), j.dump(2)}); !s) {
        return s;
    }
    guard_.markClean();
    return services_.reloadCustomExercises();
}

void CustomExerciseDialog::accept() {
    if (auto s = save(); !s) {
        error_->setText(QString::fromStdString(s.error().message) +
                        tr("\nNothing was saved; correct it and press Save again."));
        error_->show();
        return;
    }
    QDialog::accept();
}

void CustomExerciseDialog::reject() {
    if (guard_.confirmDiscard(this)) {
        QDialog::reject();
    }
}

} // namespace hepdesk::gui
