#pragma once

#include "UnsavedChangesGuard.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/Error.h"

#include <QDialog>
#include <map>
#include <memory>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace hepdesk::gui {

class DosageEditor;

class Services;

/// Creates or edits one of the clinic's own exercises with the catalog's fields (English and
/// Spanish text, regions, position, equipment, movements, steps, stop signs, dosage) and an
/// optional photo (PNG or JPEG) that the handout prints in place of a drawn figure. The entry
/// is validated by the core's catalog parser, exactly like a shipped file, before it is stored;
/// the eligibility rules then apply to it like to any other exercise.
class CustomExerciseDialog final : public QDialog {
    Q_OBJECT
public:
    explicit CustomExerciseDialog(Services& services, QWidget* parent = nullptr);

    /// Fills the form from a stored custom exercise.
    Status load(const std::string& id);
    /// The entry as typed (not yet validated).
    [[nodiscard]] CatalogEntry entry() const;
    /// Validates with the core and stores; the error names the field.
    Status save();

    [[nodiscard]] QLineEdit* idEdit() const { return id_; }
    [[nodiscard]] QLineEdit* nameEdit(const char* lang) const;
    [[nodiscard]] QPlainTextEdit* stepsEdit(const char* lang) const;
    [[nodiscard]] QPlainTextEdit* stopIfEdit(const char* lang) const;
    [[nodiscard]] QPlainTextEdit* tipsEdit(const char* lang) const;
    [[nodiscard]] QCheckBox* regionBox(Region r) const { return regions_.at(r); }
    [[nodiscard]] QCheckBox* movementBox(Movement m) const { return movements_.at(m); }
    [[nodiscard]] QComboBox* positionBox() const { return position_; }
    [[nodiscard]] QSpinBox* repsBox() const;
    [[nodiscard]] DosageEditor* dosageEditor() const { return dosage_; }
    /// The photo the exercise will be saved with (null: none).
    [[nodiscard]] const std::shared_ptr<const handout::ImageData>& photo() const { return photo_; }
    [[nodiscard]] QLabel* photoPreview() const { return photoPreview_; }
    [[nodiscard]] QPushButton* choosePhotoButton() const { return choosePhoto_; }
    [[nodiscard]] QPushButton* removePhotoButton() const { return removePhoto_; }

    /// Reads a PNG or JPEG file as the exercise's photo through core's image intake
    /// (handout::intakeImageFile: a regular file, at most 5 MiB, PNG or JPEG by its first
    /// bytes, EXIF orientation) and the preview's decoder. The error is core's (naming the file
    /// and what is wrong with it); the previous photo is then kept.
    Result<std::shared_ptr<const handout::ImageData>> readPhotoFile(const QString& path) const;

    /// The fields changed since the form was loaded or saved (empty after reverting them).
    [[nodiscard]] QStringList changedFields() const { return guard_.changedFields(); }

public slots:
    void accept() override;
    /// Asks before throwing edits away (Esc, Cancel, close); Cancel keeps the dialog open.
    void reject() override;
    /// Takes `path` as the photo (what "Choose photo…" does with the chosen file). A file that
    /// cannot be used is explained in a message box naming it, and the previous photo stays.
    bool setPhotoFile(const QString& path);
    void removePhoto();

private:
    // The constructor's parts, in the order they run (widget creation order is the tab order).
    void buildChooser();
    QFormLayout* buildDescriptionRows();
    void buildMovementRow(QFormLayout* form);
    void buildTextRows(QFormLayout* form);
    void buildPhotoRow(QFormLayout* form);
    void choosePhoto();
    void showPhoto();

    Services& services_;
    std::shared_ptr<const handout::ImageData> photo_;
    QLabel* photoPreview_ = nullptr;
    QPushButton* choosePhoto_ = nullptr;
    QPushButton* removePhoto_ = nullptr;
    QComboBox* existing_ = nullptr;
    QLineEdit* id_ = nullptr;
    std::map<std::string, QLineEdit*> name_;
    std::map<std::string, QPlainTextEdit*> steps_;
    std::map<std::string, QPlainTextEdit*> stopIf_;
    std::map<std::string, QPlainTextEdit*> tips_;
    std::map<std::string, QLineEdit*> illustration_;
    std::map<Region, QCheckBox*> regions_;
    std::map<Movement, QCheckBox*> movements_;
    QComboBox* position_ = nullptr;
    QLineEdit* equipment_ = nullptr;
    DosageEditor* dosage_ = nullptr;
    QLabel* error_ = nullptr;
    /// Closing or switching to another exercise with unsaved edits asks first.
    UnsavedChangesGuard guard_{this};
    int shownIndex_ = 0; ///< the entry of existing_ the form holds
};

} // namespace hepdesk::gui
