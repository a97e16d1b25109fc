#include "PatientDialog.h"

#include "ErrorLabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace hepdesk::gui {
namespace {

constexpr int kMaxName = 200;
constexpr int kMaxField = 100;

/// Keeps a field at least as wide as its placeholder, so the hint is never cut off (the
/// Spanish ones are longer).
void fitPlaceholder(QLineEdit* edit) {
    const int text = edit->fontMetrics().horizontalAdvance(edit->placeholderText());
    edit->setMinimumWidth(text + 24); // the frame and text margins
}

} // namespace

PatientDialog::PatientDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("patientDialog"));
    setWindowTitle(tr("New patient"));

    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("patientName"));
    name_->setAccessibleName(tr("Full name"));
    name_->setMaxLength(kMaxName);
    birthDate_ = new QLineEdit(this);
    birthDate_->setObjectName(QStringLiteral("patientBirthDate"));
    birthDate_->setAccessibleName(tr("Date of birth"));
    birthDate_->setPlaceholderText(tr("YYYY-MM-DD (optional)"));
    birthDate_->setMaxLength(10);
    record_ = new QLineEdit(this);
    record_->setObjectName(QStringLiteral("patientRecord"));
    record_->setAccessibleName(tr("Record number"));
    record_->setPlaceholderText(tr("The clinic's chart number (optional)"));
    record_->setMaxLength(kMaxField);
    contact_ = new QLineEdit(this);
    contact_->setObjectName(QStringLiteral("patientContact"));
    contact_->setAccessibleName(tr("Contact"));
    contact_->setPlaceholderText(tr("Phone or e-mail (optional)"));
    contact_->setMaxLength(kMaxField);

    error_ = newErrorLabel(this, QStringLiteral("patientError"));

    for (QLineEdit* e : {birthDate_, record_, contact_}) {
        fitPlaceholder(e);
    }

    auto* form = new QFormLayout;
    form->addRow(tr("&Full name:"), name_);
    form->addRow(tr("&Date of birth:"), birthDate_);
    form->addRow(tr("&Record number:"), record_);
    form->addRow(tr("&Contact:"), contact_);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons_, &QDialogButtonBox::accepted, this, &PatientDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &PatientDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addWidget(buttons_);
    setMinimumWidth(420);
    guard_.markClean();
}

void PatientDialog::setPatient(const Patient& p) {
    original_ = p;
    setWindowTitle(p.id == 0 ? tr("New patient") : tr("Edit patient"));
    name_->setText(QString::fromStdString(p.name));
    birthDate_->setText(QString::fromStdString(p.birthDate));
    record_->setText(QString::fromStdString(p.recordNumber));
    contact_->setText(QString::fromStdString(p.contact));
    guard_.markClean();
}

Patient PatientDialog::patient() const {
    Patient p = original_;
    p.name = name_->text().trimmed().toStdString();
    p.birthDate = birthDate_->text().trimmed().toStdString();
    p.recordNumber = record_->text().trimmed().toStdString();
    p.contact = contact_->text().trimmed().toStdString();
    return p;
}

PatientDialog::Problem PatientDialog::validate(const QDate& today) const {
    const QString name = name_->text().trimmed();
    if (name.isEmpty()) {
        return {tr("Full name: type the patient's name (any alphabet is fine)."), name_};
    }
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control) {
            return {tr("Full name: remove the control character (a tab or line break)."), name_};
        }
    }
    const QString dob = birthDate_->text().trimmed();
    if (!dob.isEmpty()) {
        const QDate d = QDate::fromString(dob, Qt::ISODate);
        if (!d.isValid() || dob.size() != 10) {
            return {tr("Date of birth: \"%1\" is not a date. Write it as YYYY-MM-DD, for "
                       "example 1975-04-01, or leave it empty.")
                        .arg(dob),
                    birthDate_};
        }
        if (d > today) {
            return {tr("Date of birth: %1 is in the future.").arg(dob), birthDate_};
        }
        if (d.year() < 1900) {
            return {tr("Date of birth: %1 is before 1900; check the year.").arg(dob), birthDate_};
        }
    }
    return {};
}

QString PatientDialog::errorText() const {
    return error_->text();
}

void PatientDialog::accept() {
    const Problem problem = validate(QDate::currentDate());
    if (!problem.message.isEmpty()) {
        error_->setText(problem.message);
        error_->show();
        adjustSize(); // grow to fit the message: a clipped explanation helps no one
        problem.field->setFocus();
        return;
    }
    error_->clear();
    error_->hide();
    QDialog::accept();
}

void PatientDialog::reject() {
    if (guard_.confirmDiscard(this)) {
        QDialog::reject();
    }
}

} // namespace hepdesk::gui
