#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Patient.h"
#include "hepdesk/core/Session.h"
#include "hepdesk/core/handout/Handout.h"
#include "hepdesk/visit/VisitWorkflow.h"

#include <QWidget>
#include <memory>

class QAction;
class QHBoxLayout;
class QLabel;
class QPrinter;
class QPushButton;
class QStatusBar;
class QTabWidget;

namespace hepdesk::gui {

class ExercisesPage;
class HandoutExporter;
class HandoutPage;
class ProgramModel;
class ScreeningPage;
class Services;
class SignPage;
class TriageBanner;

/// One visit, start to finish, in four steps the clinician moves between freely: screening,
/// exercises, handout, sign. The triage banner stays above every step. Every change is
/// re-assessed by the clinical core at once; the session is stored on Save (Ctrl+S), and the
/// window asks before closing with unsaved changes. A signed session opens read-only.
class SessionEditor final : public QWidget {
    Q_OBJECT
public:
    enum Step { ScreeningStep, ExercisesStep, HandoutStep, SignStep };

    /// A new session for `patient` (id 0), or a stored one. `services` must outlive it.
    SessionEditor(Services& services, Patient patient, Session session, QWidget* parent = nullptr);
    ~SessionEditor() override;

    /// A new session for `patient`; with `followUpFrom` (a session id) it starts from that
    /// session's program, with its lasting findings and patient facts carried into today's
    /// screening (the rest of today's answers start empty).
    static Result<visit::StartedSession> newSession(Services& services, const Patient& patient,
                                                    std::int64_t followUpFrom);
    /// Shows what a follow-up carried from the last visit (marks on the screening step) and
    /// what it left out of the last program (the status bar).
    void showStarted(const visit::CarriedOver& carried, const std::vector<std::string>& leftOut);

    [[nodiscard]] const Session& session() const { return session_; }
    [[nodiscard]] const Assessment& assessment() const { return assessment_; }
    [[nodiscard]] bool isModified() const { return modified_; }
    [[nodiscard]] bool isReadOnly() const { return session_.isSigned; }

    /// Stores the session (new or update). Errors are returned, not shown; a draft saved on
    /// another computer since this window read it is a Conflict (conflictMessage() says who
    /// and when) and nothing is written: the window keeps its edits.
    Status save();
    /// Save as the Save button does: a failure is shown; a Conflict asks whether to reload
    /// (box "draftConflictBox"; the window's edits stay unless Reload is chosen).
    void saveAndReport();
    /// Reads the session again from the database (what another computer saved); the window's
    /// unsaved edits are replaced.
    Status reloadFromDatabase();
    /// The visit layer's "changed on another computer by NAME at TIME; reload" in the
    /// interface language (empty when nothing is known).
    [[nodiscard]] QString conflictMessage() const;
    /// Saves, then writes the handout to `path` on a worker thread (Export is off meanwhile);
    /// when it is written its SHA-256 is recorded with the session and handoutExported() is
    /// emitted, else exportFailed() (and a message box names the file and the problem).
    /// Refused at once when the handout is blocked or an export is already running.
    Status startExport(const QString& path);
    /// Writes the referral letter (refer and monitor, urgent referral, emergency) of the session
    /// to `path`, in the handout's language, through the visit layer; refused when routine.
    Status exportReferral(const QString& path);
    [[nodiscard]] bool isExporting() const;
    [[nodiscard]] HandoutExporter* exporter() const { return exporter_; }
    [[nodiscard]] QStatusBar* statusBar() const { return status_; }
    /// Prints the handout on `printer` as it is set up (the print dialog's choice, or a PDF file
    /// in tests); refused with the reason while the handout is blocked, like the export.
    Status printHandout(QPrinter& printer);
    /// Saves, then signs as the configured clinician (on a clinic server: the clinician logged
    /// in, never another): the handout's snapshot and fingerprint are stored with the
    /// signature (the visit workflow's sign step).
    Status sign();
    Status addAddendum(const QString& text);

    /// Shows `step`; a locked step (the screening contradicts itself) is not shown.
    void showStep(Step step);
    [[nodiscard]] ScreeningPage* screeningPage() const { return screening_; }
    [[nodiscard]] ExercisesPage* exercisesPage() const { return exercises_; }
    [[nodiscard]] HandoutPage* handoutPage() const { return handout_; }
    [[nodiscard]] SignPage* signPage() const { return sign_; }
    [[nodiscard]] TriageBanner* banner() const { return banner_; }
    [[nodiscard]] ProgramModel* programModel() const { return program_; }
    [[nodiscard]] QTabWidget* steps() const { return tabs_; }
    /// Session > Settings… (Ctrl+,): the main window opens the Settings dialog.
    [[nodiscard]] QAction* settingsAction() const { return settingsAction_; }
    /// Settings were saved: the Sign step and the handout follow the new clinician and clinic.
    void settingsChanged();

    /// Where Export suggests saving: the documents folder, the patient, the session's date and
    /// its number, so two sessions on one day never suggest the same file.
    [[nodiscard]] QString suggestedExportPath() const;

signals:
    /// The session was stored (the patient page refreshes its history).
    void sessionSaved(std::int64_t sessionId);
    /// The handout is at `path`, recorded as handout `handoutId` of the session.
    void handoutExported(const QString& path, qint64 handoutId);
    /// Nothing was exported to `path` (or it was written but could not be recorded).
    void exportFailed(const QString& path, const QString& message);
    /// Settings… was chosen in this window.
    void settingsRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

    /// Keeps Ctrl+E (export) working while a text field has the keyboard: Qt's text fields take
    /// Ctrl+E for "end of line" otherwise.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // The constructor's parts, in the order they run (widget creation order is the tab order).
    void buildSteps();
    void buildTabs();
    QAction* buildSaveAndShortcuts();
    QHBoxLayout* buildHeader();
    void layoutEditor(QHBoxLayout* top, QAction* closeAction);
    void connectSteps();
    void loadSession();
    /// The window's menu bar: the Session menu with Settings… and Close.
    void buildMenu(QAction* closeAction);
    void reassess();
    void lockStepsWhileContradictory();
    void refreshHandout();
    /// The Exercises step says when this triage blocks a handout, as the Handout step does.
    void updateExercisesNotice();
    void setModified(bool modified);
    void applyReadOnly();
    /// The Sign step's block: the signer's (set in applyReadOnly) first, else the visit layer's
    /// screen-first rule (requireScreening) for a draft.
    void updateSignBlock();
    /// Why a draft whose screening records nothing gets no handout and no signature yet.
    [[nodiscard]] static QString screeningNotRecordedText();
    /// The Sign step from session_, with the signed handout's fingerprint from its snapshot.
    void showSignStep();
    void updateTitle();
    void showError(const QString& what, const Error& error, const QString& todo);
    /// Signing cannot be undone: the Sign button asks first (Enter signs, Esc goes back).
    bool confirmSign();
    /// When the handout is blocked, shows the Handout step and says why; false then.
    bool mayMakeHandout(const QString& what);
    void onExport();
    void onReferral();
    void onExportFinished(const QString& path, const QString& sha256, qint64 byteSize);
    void onExportFailed(const QString& path, const QString& message);
    void onPrint();
    void onPrintPreview();
    [[nodiscard]] QString clinicianName(std::optional<std::int64_t> id) const;
    /// Who signs and writes addenda here: on a server the login's clinician (Refused when the
    /// login is not one), on a file the clinician chosen in Settings (0: none yet).
    Result<std::int64_t> signer() const;

    Services& services_;
    Patient patient_;
    Session session_;
    Assessment assessment_;
    bool modified_ = false;
    /// Why this computer's clinician cannot sign (empty: they can), from applyReadOnly().
    QString signerBlocked_;
    TriageBanner* banner_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QAction* settingsAction_ = nullptr;
    ScreeningPage* screening_ = nullptr;
    ProgramModel* program_ = nullptr;
    ExercisesPage* exercises_ = nullptr;
    HandoutPage* handout_ = nullptr;
    SignPage* sign_ = nullptr;
    QLabel* state_ = nullptr;
    QPushButton* save_ = nullptr;
    QStatusBar* status_ = nullptr;
    HandoutExporter* exporter_ = nullptr;
    /// The steps of the visit (save, handout, record, sign, addenda), shared with the CLI.
    std::unique_ptr<visit::VisitWorkflow> visit_;
    /// The handout the running export was started with (the record names its options).
    visit::HandoutPlan exportPlan_;
    bool closeAfterExport_ = false;
};

} // namespace hepdesk::gui
