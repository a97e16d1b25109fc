#include "UnsavedChangesGuard.h"

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTextEdit>
#include <algorithm>

namespace hepdesk::gui {
namespace {

constexpr qsizetype kShownChars = 60;

QString withoutMnemonic(QString text) {
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.replace(QStringLiteral("&&"), QStringLiteral("&"));
    if (text.endsWith(QLatin1Char(':'))) {
        text.chop(1);
    }
    return text.trimmed();
}

/// How a value is shown in the question's details: short, one line.
QString shown(const QString& value) {
    if (value.isEmpty()) {
        return QCoreApplication::translate("UnsavedChangesGuard", "(empty)");
    }
    QString line = value.simplified();
    if (line.size() > kShownChars) {
        line = line.left(kShownChars) + QChar(0x2026);
    }
    return QStringLiteral("\u201C%1\u201D").arg(line);
}

} // namespace

UnsavedChangesGuard::UnsavedChangesGuard(QWidget* form) : form_(form) {}

void UnsavedChangesGuard::ignore(const QWidget* widget) {
    ignored_.push_back(widget);
}

void UnsavedChangesGuard::addValue(const QString& label, std::function<QString()> value) {
    extra_.emplace_back(label, std::move(value));
}

void UnsavedChangesGuard::markClean() {
    clean_ = current();
}

bool UnsavedChangesGuard::ignored(const QWidget* widget) const {
    for (const QWidget* w = widget; w != nullptr && w != form_; w = w->parentWidget()) {
        if (std::find(ignored_.begin(), ignored_.end(), w) != ignored_.end()) {
            return true;
        }
    }
    return false;
}

std::vector<UnsavedChangesGuard::Field> UnsavedChangesGuard::current() const {
    std::vector<Field> out;
    for (const QWidget* w : form_->findChildren<QWidget*>()) {
        if (ignored(w)) {
            continue;
        }
        // The line edits inside spin and combo boxes are read through their owner.
        const QWidget* parent = w->parentWidget();
        const bool inner = qobject_cast<const QAbstractSpinBox*>(parent) != nullptr ||
                           qobject_cast<const QComboBox*>(parent) != nullptr;
        QString value;
        if (const auto* e = qobject_cast<const QLineEdit*>(w); e != nullptr && !inner) {
            value = e->text();
        } else if (const auto* t = qobject_cast<const QPlainTextEdit*>(w);
                   t != nullptr && !t->isReadOnly()) {
            value = t->toPlainText();
        } else if (const auto* r = qobject_cast<const QTextEdit*>(w);
                   r != nullptr && !r->isReadOnly()) {
            value = r->toPlainText();
        } else if (const auto* c = qobject_cast<const QComboBox*>(w)) {
            value = c->currentText();
        } else if (const auto* s = qobject_cast<const QAbstractSpinBox*>(w)) {
            value = s->text();
        } else if (qobject_cast<const QCheckBox*>(w) != nullptr ||
                   qobject_cast<const QRadioButton*>(w) != nullptr) {
            value = static_cast<const QAbstractButton*>(w)->isChecked() ? tr("ticked")
                                                                        : tr("not ticked");
        } else {
            continue;
        }
        QString label = w->accessibleName();
        if (label.isEmpty()) {
            if (const auto* b = qobject_cast<const QAbstractButton*>(w)) {
                label = withoutMnemonic(b->text());
            }
        }
        if (label.isEmpty()) {
            for (const QLabel* l : form_->findChildren<QLabel*>()) {
                if (l->buddy() == w) {
                    label = withoutMnemonic(l->text());
                    break;
                }
            }
        }
        if (label.isEmpty()) {
            label = w->objectName().isEmpty() ? tr("an unnamed field") : w->objectName();
        }
        out.push_back({w, label, value});
    }
    for (const auto& [label, read] : extra_) {
        out.push_back({nullptr, label, read()});
    }
    return out;
}

QString UnsavedChangesGuard::cleanValue(const Field& now) const {
    // A field the saved state did not have (none today) counts as having been empty.
    const auto before = std::find_if(clean_.begin(), clean_.end(), [&now](const Field& f) {
        return f.widget == now.widget && (now.widget != nullptr || f.label == now.label);
    });
    return before != clean_.end() ? before->value : QString();
}

QStringList UnsavedChangesGuard::changedFields() const {
    QStringList changed;
    for (const Field& now : current()) {
        if (cleanValue(now) != now.value && !changed.contains(now.label)) {
            changed << now.label;
        }
    }
    return changed;
}

bool UnsavedChangesGuard::confirmDiscard(QWidget* parent) const {
    const QStringList changed = changedFields();
    if (changed.isEmpty()) {
        return true;
    }
    QStringList details;
    for (const Field& now : current()) {
        if (!changed.contains(now.label)) {
            continue;
        }
        details << tr("%1: %2 \u2192 %3").arg(now.label, shown(cleanValue(now)), shown(now.value));
    }
    QMessageBox box(QMessageBox::Question, tr("Unsaved changes"), tr("Discard changes?"),
                    QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setObjectName(QStringLiteral("discardChangesBox"));
    box.setInformativeText(tr("Changed and not saved: %1.\n\nDiscard throws these changes "
                              "away; Cancel goes back to them.")
                               .arg(QLocale().createSeparatedList(changed)));
    box.setDetailedText(details.join(QLatin1Char('\n')));
    box.setDefaultButton(QMessageBox::Cancel);
    box.setEscapeButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Discard;
}

} // namespace hepdesk::gui
