#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

class QWidget;

namespace hepdesk::gui {

/// What a form held when it was loaded, so that closing it with changes asks "Discard
/// changes?" and names what would be lost. The fields are the form's input widgets (line and
/// text edits, combo and spin boxes, check boxes), named by their accessible name; values no
/// widget shows (a logo held in memory) are added with addValue. Values are compared, not edit
/// events counted: typing a letter and deleting it again leaves the form unchanged.
class UnsavedChangesGuard final {
    Q_DECLARE_TR_FUNCTIONS(UnsavedChangesGuard)
public:
    /// `form` must outlive the guard (a dialog owns its guard).
    explicit UnsavedChangesGuard(QWidget* form);

    /// Leaves `widget` and its children out: a chooser that loads another record is not a field.
    void ignore(const QWidget* widget);
    /// A value no widget holds, read each time the form is compared.
    void addValue(const QString& label, std::function<QString()> value);
    /// The form's current values become the saved state (after loading or saving).
    void markClean();

    /// The names of the fields that differ from the saved state, in the form's order.
    [[nodiscard]] QStringList changedFields() const;
    [[nodiscard]] bool isModified() const { return !changedFields().isEmpty(); }

    /// Whether the form may close: true when nothing changed or the user chose Discard in the
    /// question (Cancel, the default, keeps the form open with its edits).
    [[nodiscard]] bool confirmDiscard(QWidget* parent) const;

private:
    struct Field {
        const QWidget* widget = nullptr; ///< null for a value added with addValue
        QString label;
        QString value;
    };
    [[nodiscard]] std::vector<Field> current() const;
    [[nodiscard]] bool ignored(const QWidget* widget) const;
    [[nodiscard]] QString cleanValue(const Field& now) const;

    QWidget* form_;
    std::vector<const QWidget*> ignored_; // children of the form: they live as long
    std::vector<std::pair<QString, std::function<QString()>>> extra_;
    std::vector<Field> clean_;
};

} // namespace hepdesk::gui
