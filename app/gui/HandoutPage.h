#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/handout/Handout.h"
#include "hepdesk/visit/VisitWorkflow.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPrinter;
class QPushButton;

namespace hepdesk {
class Catalog;
namespace handout {
class HandoutWriter;
}
} // namespace hepdesk

namespace hepdesk::gui {

class HandoutPreview;

/// Step 3 of a session: the live preview of the exact handout layout, its options (language,
/// large print, paper), the override reason an urgent or emergency triage requires, and
/// Export PDF… / Print… / Print preview…. The composer's safety refusals are shown as the
/// reason the handout cannot be made, never worked around.
class HandoutPage final : public QWidget {
    Q_OBJECT
public:
    HandoutPage(const handout::HandoutWriter& writer, const Catalog& catalog,
                QWidget* parent = nullptr);

    /// Lays out `request` (with the page's options and override reason applied) and previews
    /// it; when the core refuses, shows why and blocks export and print.
    void setRequest(handout::HandoutRequest request);
    /// The request as the page would export it (options and override reason applied; a
    /// read-only page's request is exported as given: a signed session's snapshot).
    [[nodiscard]] handout::HandoutRequest request() const;
    /// Whether the triage level needs an override reason before any handout.
    void setOverrideRequired(bool required, const QString& levelLabel);
    void setOptions(const std::string& lang, bool largePrint, const std::string& overrideReason,
                    const std::string& overrideKind = {});
    /// The override's kind id (visit::kOverrideKinds; empty: not chosen) and sentence.
    [[nodiscard]] std::string overrideKind() const;
    [[nodiscard]] std::string overrideSentence() const;
    void setPaper(handout::HandoutOptions::Paper paper);
    /// No handout can be made for the session (its request could not be built): says why.
    void setUnavailable(const QString& reason);
    void setReadOnly(bool readOnly);
    /// The optional parts ticked (the exercise log page, "Your goals"). The visit layer builds
    /// them into the request (HandoutChanges), and stores them at signing (HandoutExtras).
    [[nodiscard]] visit::HandoutExtras extras() const;
    /// Shows `extras` ticked (a signed session's, from its snapshot) without emitting.
    void setExtras(const visit::HandoutExtras& extras);
    [[nodiscard]] QCheckBox* exerciseLogBox() const { return exerciseLog_; }
    [[nodiscard]] QCheckBox* goalsBox() const { return goals_; }

    /// While an export runs its button is off (the editor writes the PDF on a worker).
    void setExporting(bool exporting);
    [[nodiscard]] bool isExporting() const { return exporting_; }
    /// Sets `printer` up for this handout before the print dialog: the handout's paper, portrait,
    /// no printer margins of its own (the layout has its margins), a document name.
    void preparePrinter(QPrinter& printer) const;
    /// Draws the handout on `printer` through the Qt painter, one sheet per page, each page
    /// scaled without distortion to the printable area; refused with the reason while the
    /// handout is blocked (an emergency or urgent triage without an override reason).
    Status printTo(QPrinter& printer);

    [[nodiscard]] bool canExport() const { return blockedReason_.isEmpty(); }
    [[nodiscard]] QString blockedReason() const { return blockedReason_; }
    /// The warning above Export: characters the handout's font cannot draw (shown as empty
    /// boxes), by field; hidden when every character can be drawn.
    [[nodiscard]] QLabel* undrawableLabel() const { return undrawable_; }
    [[nodiscard]] HandoutPreview* preview() const { return preview_; }
    [[nodiscard]] QPushButton* exportButton() const { return export_; }
    [[nodiscard]] QPushButton* printButton() const { return print_; }
    [[nodiscard]] QPushButton* printPreviewButton() const { return printPreview_; }
    [[nodiscard]] QLineEdit* overrideEdit() const { return override_; }
    [[nodiscard]] QComboBox* overrideKindBox() const { return overrideKind_; }
    [[nodiscard]] QCheckBox* clinicianCopyBox() const { return clinicianCopy_; }
    [[nodiscard]] QComboBox* languageBox() const { return language_; }
    [[nodiscard]] QCheckBox* largePrintBox() const { return largePrint_; }
    /// Milliseconds the last layout + preview redraw took.
    [[nodiscard]] double lastRedrawMs() const { return lastRedrawMs_; }

signals:
    /// The options or override reason changed (the session is unsaved).
    void optionsEdited();
    /// The exercise log page or "Your goals" was ticked or cleared (a choice of the handout,
    /// not of the session: the editor asks the visit layer for the handout again).
    void extrasEdited();
    /// The user asked for Export PDF… (the editor picks the file and records the hash).
    void exportRequested();
    void printRequested();
    void printPreviewRequested();

private:
    // The constructor's parts, in the order they run (widget creation order is the tab order).
    void buildOptions();
    void buildOverride();
    void buildNotices();
    void buildButtons();
    void connectOptions();
    void relayout();

    const handout::HandoutWriter& writer_;
    const Catalog& catalog_;
    handout::HandoutRequest request_;
    bool overrideRequired_ = false;
    bool readOnly_ = false;
    bool exporting_ = false;
    QString unavailable_;
    QString blockedReason_;
    double lastRedrawMs_ = 0;
    QLabel* blocked_ = nullptr;
    QLabel* undrawable_ = nullptr;
    QLabel* overrideLabel_ = nullptr;
    QLineEdit* override_ = nullptr;
    QComboBox* overrideKind_ = nullptr;
    QCheckBox* clinicianCopy_ = nullptr;
    QComboBox* language_ = nullptr;
    QCheckBox* largePrint_ = nullptr;
    QCheckBox* exerciseLog_ = nullptr;
    QCheckBox* goals_ = nullptr;
    QComboBox* paper_ = nullptr;
    QPushButton* export_ = nullptr;
    QPushButton* print_ = nullptr;
    QPushButton* printPreview_ = nullptr;
    HandoutPreview* preview_ = nullptr;
};

} // namespace hepdesk::gui
