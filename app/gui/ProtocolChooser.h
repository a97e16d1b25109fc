#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Error.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace hepdesk::visit {
class ProtocolLibrary;
}

namespace hepdesk::gui {

class ProgramModel;

/// The protocol chooser of the exercises step: pick a shipped or saved protocol and apply it
/// to the program (each exercise re-checked for this patient by the visit layer: excluded ones
/// left out and named), save the current program under a name, rename or delete a saved one.
/// Shipped protocols are read-only.
class ProtocolChooser final : public QWidget {
    Q_OBJECT
public:
    /// `program` is the editor's model and must outlive the chooser.
    explicit ProtocolChooser(ProgramModel& program, QWidget* parent = nullptr);

    /// The library (nullptr: none, the chooser is disabled). It must outlive the chooser.
    void setLibrary(visit::ProtocolLibrary* library);
    void setAssessment(const Assessment* assessment);
    void setReadOnly(bool readOnly);
    /// Lists the protocols again, keeping the chosen one when it is still there.
    void reload(const QString& select = {});

    // The steps behind the buttons (the buttons ask for a name first).
    /// Adds the chosen protocol's eligible exercises after the program's; the result line names
    /// what was left out and why.
    Status applySelected();
    Status saveCurrentAs(const QString& name, bool replace);
    Status renameSelected(const QString& newName);
    Status deleteSelected();

    [[nodiscard]] QComboBox* choice() const { return choice_; }
    [[nodiscard]] QPushButton* applyButton() const { return apply_; }
    [[nodiscard]] QPushButton* saveButton() const { return save_; }
    [[nodiscard]] QPushButton* renameButton() const { return rename_; }
    [[nodiscard]] QPushButton* deleteButton() const { return delete_; }
    [[nodiscard]] QLabel* resultLabel() const { return result_; }

private:
    void updateButtons();
    void askSave();
    void askRename();
    void askDelete();
    void report(const Status& s, const QString& done);
    [[nodiscard]] bool selectedIsShipped() const;

    ProgramModel& program_;
    visit::ProtocolLibrary* library_ = nullptr;
    const Assessment* assessment_ = nullptr;
    bool readOnly_ = false;
    QComboBox* choice_ = nullptr;
    QPushButton* apply_ = nullptr;
    QPushButton* save_ = nullptr;
    QPushButton* rename_ = nullptr;
    QPushButton* delete_ = nullptr;
    QLabel* result_ = nullptr;
};

} // namespace hepdesk::gui
