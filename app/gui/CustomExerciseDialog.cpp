#include "CustomExerciseDialog.h"

#include "CatalogModel.h"
#include "DecodedImageCache.h"
#include "DosageEditor.h"
#include "ErrorLabel.h"
#include "FigureThumbnail.h"
#include "Services.h"
#include "hepdesk/core/LocalizedText.h"
#include "hepdesk/core/handout/Handout.h"
#include "hepdesk/core/handout/ImageIntake.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>
#include <set>

namespace hepdesk::gui {
namespace {

constexpr QSize kPhotoPreview{176, 132};

/// Core's languages (kLanguages): one field of each text per language.
const std::vector<std::string>& languageCodes() {
    static const std::vector<std::string> codes(std::begin(kLanguages), std::end(kLanguages));
    return codes;
}

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

    buildChooser();
    QFormLayout* form = buildDescriptionRows();
    buildMovementRow(form);
    buildTextRows(form);
    buildPhotoRow(form);

    dosage_ = new DosageEditor(this, false); // Edit, Photo and Position have E, H and P
    dosage_->setDosage(Dosage{1, 10, 0, 1, false});
    form->addRow(tr("Default dosage:"), dosage_);

    error_ = newErrorLabel(this, QString());
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
    // The photo is held in memory, not in a field.
    guard_.addValue(tr("Photo"), [this] {
        return photo_ ? tr("%1 × %2 pixels, %3 bytes")
                            .arg(photo_->pixelWidth)
                            .arg(photo_->pixelHeight)
                            .arg(static_cast<qulonglong>(photo_->bytes.size()))
                      : QString();
    });
    guard_.markClean();
}

// The chooser of the exercise to edit (a new one, or one of the clinic's).
void CustomExerciseDialog::buildChooser() {
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
}

// The form, with what describes the exercise: identifier, names, regions, position, equipment.
QFormLayout* CustomExerciseDialog::buildDescriptionRows() {
    id_ = new QLineEdit(this);
    id_->setAccessibleName(tr("Identifier"));
    id_->setPlaceholderText(tr("lowercase_with_underscores, e.g. clinic_wall_slide"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Edit:"), existing_);
    form->addRow(tr("&Identifier:"), id_);
    for (const std::string& lang : languageCodes()) {
        const QString l = QString::fromStdString(lang);
        name_[lang] = new QLineEdit(this);
        name_[lang]->setAccessibleName(tr("Name (%1)").arg(l));
        form->addRow(tr("Name (%1):").arg(l), name_[lang]);
    }
    auto* regionRow = new QHBoxLayout;
    for (Region r : kRegions) {
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
    return form;
}

void CustomExerciseDialog::buildMovementRow(QFormLayout* form) {
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
}

// Steps, tips, stop-if lines and the picture in words, in each language.
void CustomExerciseDialog::buildTextRows(QFormLayout* form) {
    for (const std::string& lang : languageCodes()) {
        const QString l = QString::fromStdString(lang);
        steps_[lang] = new QPlainTextEdit(this);
        steps_[lang]->setTabChangesFocus(true);
        steps_[lang]->setAccessibleName(tr("Steps (%1), one per line").arg(l));
        steps_[lang]->setFixedHeight(steps_[lang]->fontMetrics().lineSpacing() * 5);
        form->addRow(tr("Steps (%1), one per line:").arg(l), steps_[lang]);
    }
    for (const std::string& lang : languageCodes()) {
        const QString l = QString::fromStdString(lang);
        tips_[lang] = new QPlainTextEdit(this);
        tips_[lang]->setTabChangesFocus(true);
        tips_[lang]->setAccessibleName(tr("Tips (%1), one per line").arg(l));
        tips_[lang]->setFixedHeight(tips_[lang]->fontMetrics().lineSpacing() * 3);
        form->addRow(tr("Tips (%1):").arg(l), tips_[lang]);
    }
    for (const std::string& lang : languageCodes()) {
        const QString l = QString::fromStdString(lang);
        stopIf_[lang] = new QPlainTextEdit(this);
        stopIf_[lang]->setTabChangesFocus(true);
        stopIf_[lang]->setAccessibleName(tr("Stop if (%1), one per line").arg(l));
        stopIf_[lang]->setFixedHeight(stopIf_[lang]->fontMetrics().lineSpacing() * 3);
        form->addRow(tr("Stop if (%1):").arg(l), stopIf_[lang]);
    }
    for (const std::string& lang : languageCodes()) {
        const QString l = QString::fromStdString(lang);
        illustration_[lang] = new QLineEdit(this);
        illustration_[lang]->setAccessibleName(tr("Picture description (%1)").arg(l));
        form->addRow(tr("Picture in words (%1):").arg(l), illustration_[lang]);
    }
}

void CustomExerciseDialog::buildPhotoRow(QFormLayout* form) {
    photoPreview_ = new QLabel(this);
    photoPreview_->setObjectName(QStringLiteral("customExercisePhoto"));
    photoPreview_->setAccessibleName(tr("Photo"));
    photoPreview_->setFixedSize(kPhotoPreview);
    photoPreview_->setFrameShape(QFrame::StyledPanel);
    photoPreview_->setAlignment(Qt::AlignCenter);
    photoPreview_->setWordWrap(true);
    choosePhoto_ = new QPushButton(tr("Choose p&hoto…"), this);
    choosePhoto_->setObjectName(QStringLiteral("choosePhoto"));
    choosePhoto_->setToolTip(tr("A PNG or JPEG picture of the exercise, at most 5 MiB"));
    removePhoto_ = new QPushButton(tr("Remo&ve photo"), this);
    removePhoto_->setObjectName(QStringLiteral("removePhoto"));
    connect(choosePhoto_, &QPushButton::clicked, this, &CustomExerciseDialog::choosePhoto);
    connect(removePhoto_, &QPushButton::clicked, this, &CustomExerciseDialog::removePhoto);
    auto* photoHint = new QLabel(tr("Printed on the handout where the catalog's exercises have "
                                    "their drawing. PNG or JPEG, at most 5 MiB."),
                                 this);
    photoHint->setWordWrap(true);
    auto* photoButtons = new QVBoxLayout;
    photoButtons->addWidget(choosePhoto_);
    photoButtons->addWidget(removePhoto_);
    photoButtons->addWidget(photoHint);
    photoButtons->addStretch(1);
    auto* photoRow = new QHBoxLayout;
    photoRow->addWidget(photoPreview_);
    photoRow->addLayout(photoButtons, 1);
    form->addRow(tr("Photo:"), photoRow);
    showPhoto();
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
    for (const std::string& lang : languageCodes()) {
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
        std::map<std::string, std::vector<std::string>> byLang;
        std::size_t count = 0;
        for (const std::string& lang : languageCodes()) {
            byLang[lang] = lines(edits.at(lang));
            count = std::max(count, byLang[lang].size());
        }
        std::vector<LocalizedText> out;
        for (std::size_t k = 0; k < count; ++k) {
            LocalizedText t;
            for (const auto& [lang, text] : byLang) {
                t.byLang[lang] = k < text.size() ? text[k] : std::string();
            }
            out.push_back(std::move(t));
        }
        return out;
    };
    e.steps = paired(steps_);
    e.stopIf = paired(stopIf_);
    e.tips = paired(tips_);
    e.defaultDosage = dosage_->dosage();
    e.photo = photo_;
    return e;
}

Result<std::shared_ptr<const handout::ImageData>>
CustomExerciseDialog::readPhotoFile(const QString& path) const {
    // Core's intake, as for the clinic logo and the database: a regular file only (a folder,
    // /dev/zero or a FIFO is refused before a byte is read), the photo's size limit, the type
    // from the first bytes, the pixel limit, every PNG decoded, a phone JPEG's EXIF orientation
    // kept for the PDF and the preview to stand it upright. Its message names the file and the
    // problem.
    auto image = handout::intakeImageFile(QFile::encodeName(path).toStdString(),
                                          handout::ImageUse::ExercisePhoto);
    if (!image) {
        return image.error();
    }
    // The preview's decoder must manage it too (a JPEG's picture data is checked only here).
    if (DecodedImageCache::decode((*image)->bytes, QSize(64, 64)).isNull()) {
        return Error::invalid(tr("Photo %1: the picture is damaged and cannot be shown. Save it "
                                 "again from the camera or photo program and choose it again.")
                                  .arg(QDir::toNativeSeparators(path))
                                  .toStdString());
    }
    return image;
}

bool CustomExerciseDialog::setPhotoFile(const QString& path) {
    auto photo = readPhotoFile(path);
    if (!photo) {
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("Clinic exercise"),
                            tr("The photo %1 cannot be used.").arg(QDir::toNativeSeparators(path)),
                            QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("photoProblem"));
        // Core's message ("photo '/path' is a folder, not a regular file") as a sentence.
        QString why = QString::fromStdString(photo.error().message);
        if (!why.isEmpty()) {
            why[0] = why[0].toUpper();
        }
        box->setInformativeText(why + QStringLiteral("\n\n") +
                                (photo_ ? tr("The exercise keeps its current photo.")
                                        : tr("The exercise still has no photo.")));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    photo_ = std::move(photo).value();
    showPhoto();
    return true;
}

void CustomExerciseDialog::removePhoto() {
    photo_.reset();
    showPhoto();
}

void CustomExerciseDialog::choosePhoto() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a photo of the exercise"),
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
        tr("Photos (*.png *.jpg *.jpeg *.PNG *.JPG *.JPEG)"));
    if (!path.isEmpty()) {
        setPhotoFile(path);
    }
}

void CustomExerciseDialog::showPhoto() {
    removePhoto_->setEnabled(photo_ != nullptr);
    if (!photo_) {
        photoPreview_->setText(tr("No photo"));
        photoPreview_->setAccessibleDescription(tr("No photo: the handout shows no picture"));
        return;
    }
    const QSize inside = kPhotoPreview - QSize(8, 8);
    photoPreview_->setPixmap(FigureThumbnail::renderPhoto(*photo_, inside, devicePixelRatioF()));
    photoPreview_->setAccessibleDescription(
        tr("Photo of %1 × %2 pixels").arg(photo_->pixelWidth).arg(photo_->pixelHeight));
}

Status CustomExerciseDialog::load(const std::string& id) {
    auto stored = services_.customExercises().get(id);
    if (!stored) {
        return stored.error();
    }
    const CatalogEntry* e = services_.catalog().find(id);
    if (e == nullptr) {
        return Error::invalid(
            tr("Clinic exercise %1 no longer passes the catalog checks; re-enter it.")
                .arg(QString::fromStdString(id))
                .toStdString());
    }
    id_->setText(QString::fromStdString(e->id));
    for (const std::string& lang : languageCodes()) {
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
    dosage_->setDosage(e->defaultDosage);
    photo_ = e->photo;
    showPhoto();
    guard_.markClean();
    return {};
}

QSpinBox* CustomExerciseDialog::repsBox() const {
    return dosage_->repsBox();
}

Status CustomExerciseDialog::save() {
    if (!dosage_->isAcceptable()) {
        // Never save the last allowed dosage in place of what the boxes show.
        return Error::invalid(dosage_->messageLabel()->text().toStdString());
    }
    const CatalogEntry e = entry();
    const CatalogEntry* shipped = services_.catalog().find(e.id);
    if (shipped != nullptr) {
        auto mine = services_.customExercises().get(e.id);
        if (!mine) {
            return Error::invalid(
                tr("Identifier: \"%1\" is a shipped exercise; choose another identifier.")
                    .arg(QString::fromStdString(e.id))
                    .toStdString());
        }
    }
    // The same checks as a shipped catalog file, through the same parser.
    const nlohmann::json j = toJson(e);
    auto checked = catalogEntryFromJson(j, "clinic exercise \"" + e.id + "\"");
    if (!checked) {
        return checked.error();
    }
    db::CustomExercise stored{e.id, e.name.text("en"), j.dump(2), {}, {}};
    if (photo_) {
        stored.photo = photo_->bytes;
        stored.photoMime =
            photo_->format == handout::ImageData::Format::Png ? "image/png" : "image/jpeg";
    }
    if (auto s = services_.customExercises().put(stored); !s) {
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
