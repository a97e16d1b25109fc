#pragma once

#include "UnsavedChangesGuard.h"
#include "hepdesk/core/Patient.h"

#include <QDate>
#include <QDialog>

class QLabel;
class QLineEdit;
class QDialogButtonBox;

namespace hepdesk::gui {

/// Creates or edits one patient: full Unicode name, date of birth, record number, contact.
/// OK only closes the dialog once every field is valid; otherwise it says which field is wrong
/// and why, and puts the cursor there. Closing it with changes (Esc, Cancel, the window's close
/// button) asks whether to discard them.
class PatientDialog final : public QDialog {
    Q_OBJECT
public:
    explicit PatientDialog(QWidget* parent = nullptr);

    /// Fills the fields from `p` (editing); the id is kept and returned by patient().
    void setPatient(const Patient& p);
    /// The patient as typed (names trimmed, exactly as written otherwise).
    [[nodiscard]] Patient patient() const;

    /// What is wrong with the fields: an empty message when they are valid.
    struct Problem {
        QString message;
        QLineEdit* field = nullptr;
    };
    /// Checks the fields; `today` bounds the date of birth (tests pass a fixed day).
    [[nodiscard]] Problem validate(const QDate& today) const;
    [[nodiscard]] QString errorText() const;
    /// The fields changed since the dialog was filled (empty after reverting them).
    [[nodiscard]] QStringList changedFields() const { return guard_.changedFields(); }

    [[nodiscard]] QLineEdit* nameEdit() const { return name_; }
    [[nodiscard]] QLineEdit* birthDateEdit() const { return birthDate_; }
    [[nodiscard]] QLineEdit* recordEdit() const { return record_; }
    [[nodiscard]] QLineEdit* contactEdit() const { return contact_; }

public slots:
    void accept() override;
    /// Asks before throwing edits away; Cancel in the question keeps the dialog open.
    void reject() override;

private:
    Patient original_;
    UnsavedChangesGuard guard_{this};
    QLineEdit* name_ = nullptr;
    QLineEdit* birthDate_ = nullptr;
    QLineEdit* record_ = nullptr;
    QLineEdit* contact_ = nullptr;
    QLabel* error_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
};

} // namespace hepdesk::gui
