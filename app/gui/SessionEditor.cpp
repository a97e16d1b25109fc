#include "SessionEditor.h"

#include "AppPreferences.h"
#include "CatalogModel.h"
#include "DateText.h"
#include "ExercisesPage.h"
#include "HandoutExporter.h"
#include "HandoutPage.h"
#include "KeyText.h"
#include "ProgramModel.h"
#include "PsfsForm.h"
#include "ScreeningPage.h"
#include "Services.h"
#include "SignPage.h"
#include "TriageBanner.h"
#include "UiLanguage.h"
#include "WindowPlacement.h"
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/AtomicFile.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/visit/HandoutSnapshot.h"
#include "hepdesk/visit/OverrideReason.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hepdesk::gui {

namespace {

/// The exercise's name in the interface language (its id when the catalog has none).
QString exerciseNameIn(const Catalog& catalog, const std::string& id) {
    const CatalogEntry* e = catalog.find(id);
    return e != nullptr ? QString::fromStdString(e->name.text(uiLanguage()))
                        : QString::fromStdString(id);
}

std::unique_ptr<visit::VisitWorkflow> workflowOf(Services& services) {
    return std::make_unique<visit::VisitWorkflow>(
        visit::Repositories{services.patients(), services.sessions(), services.clinicians(),
                            services.clinic()},
        services.catalog(), services.rules(), services.writer());
}

} // namespace

Result<visit::StartedSession> SessionEditor::newSession(Services& services, const Patient& patient,
                                                        std::int64_t followUpFrom) {
    visit::StartOptions options;
    // On a clinic server the clinician logged in; else the clinician set on this computer, if
    // they exist in this database (another --db file has its own clinicians).
    if (services.onServer()) {
        if (auto me = services.loggedInClinician()) {
            options.clinicianId = me->id;
        }
    } else if (const auto who = AppPreferences().clinicianId();
               who != 0 && services.clinicians().get(who).ok()) {
        options.clinicianId = who;
    }
    const AppPreferences prefs;
    options.handout.language = prefs.handoutLanguage().toStdString();
    options.handout.largePrint = prefs.handoutLargePrint();
    if (followUpFrom != 0) {
        options.followUpFrom = followUpFrom;
    }
    return workflowOf(services)->start(patient.id, options);
}

void SessionEditor::showStarted(const visit::CarriedOver& carried,
                                const std::vector<std::string>& leftOut) {
    screening_->setCarried(carried.findings);
    if (carried.fromSession != 0) {
        // A follow-up asks how often each exercise of the last program was done.
        std::vector<std::pair<std::string, QString>> rows;
        for (const ProgramItem& item : session_.program.items) {
            rows.emplace_back(item.exerciseId,
                              exerciseNameIn(services_.catalog(), item.exerciseId));
        }
        screening_->psfsForm()->setAdherenceExercises(rows);
    }
    QStringList left;
    for (const std::string& why : leftOut) {
        left << QString::fromStdString(why);
    }
    if (!left.isEmpty()) {
        status_->showMessage(left.join(QStringLiteral("; ")));
    }
}

SessionEditor::SessionEditor(Services& services, Patient patient, Session session, QWidget* parent)
    : QWidget(parent, Qt::Window), services_(services), patient_(std::move(patient)),
      session_(std::move(session)), visit_(workflowOf(services)) {
    setObjectName(QStringLiteral("sessionEditor"));
    setAttribute(Qt::WA_DeleteOnClose, false);

    buildSteps();
    buildTabs();
    QAction* closeAction = buildSaveAndShortcuts();
    QHBoxLayout* top = buildHeader();
    layoutEditor(top, closeAction);
    connectSteps();
    loadSession();
}

// The banner, the four steps' pages and the handout exporter.
void SessionEditor::buildSteps() {
    banner_ = new TriageBanner(this);
    banner_->setRules(&services_.rules().triage());
    screening_ = new ScreeningPage(services_.rules().items(), this);
    screening_->psfsForm()->setExerciseNames(
        [this](const std::string& id) { return exerciseNameIn(services_.catalog(), id); });
    program_ = new ProgramModel(services_.catalog(), this);
    exercises_ = new ExercisesPage(services_.catalog(), *program_, this);
    exercises_->catalogModel()->setFigures(&services_.writer().figures());
    exercises_->setRules(&services_.rules().eligibility());
    exercises_->setProtocolLibrary(&services_.protocols());
    exercises_->setTriageRules(&services_.rules().triage());
    handout_ = new HandoutPage(services_.writer(), services_.catalog(), this);
    // A draft starts on the paper chosen in Settings; a signed session keeps its own (below).
    handout_->setPaper(AppPreferences().handoutPaper());
    sign_ = new SignPage(this);
    sign_->setRules(&services_.rules().triage());
    sign_->setClinicianNames(
        [this](std::optional<std::int64_t> id) { return id ? clinicianName(id) : QString(); });
    exporter_ = new HandoutExporter(services_.writer(), this);
    connect(exporter_, &HandoutExporter::finished, this, &SessionEditor::onExportFinished);
    connect(exporter_, &HandoutExporter::failed, this, &SessionEditor::onExportFailed);
}

// The steps as tabs, each with its Ctrl+number shortcut.
void SessionEditor::buildTabs() {
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("sessionSteps"));
    tabs_->addTab(screening_, tr("&1 Screening"));
    tabs_->addTab(exercises_, tr("&2 Exercises"));
    tabs_->addTab(handout_, tr("&3 Handout"));
    tabs_->addTab(sign_, tr("&4 Sign"));
    for (int i = 0; i < 4; ++i) {
        auto* step = new QAction(this);
        step->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        tabs_->setTabToolTip(
            i,
            tr("Step %1 (%2)").arg(i + 1).arg(step->shortcut().toString(QKeySequence::NativeText)));
        connect(step, &QAction::triggered, this, [this, i] { showStep(static_cast<Step>(i)); });
        addAction(step);
    }
}

// Save, export, print, preview and close, with their shortcuts; returns the close action.
QAction* SessionEditor::buildSaveAndShortcuts() {
    state_ = new QLabel(this);
    state_->setObjectName(QStringLiteral("sessionState"));
    save_ = new QPushButton(tr("&Save"), this);
    save_->setObjectName(QStringLiteral("saveSession"));
    save_->setToolTip(tr("Store the session (%1)").arg(keyText(QKeySequence::Save)));
    auto* saveAction = new QAction(this);
    saveAction->setShortcut(QKeySequence::Save);
    addAction(saveAction);
    auto doSave = [this] { saveAndReport(); };
    connect(saveAction, &QAction::triggered, this, doSave);
    connect(save_, &QPushButton::clicked, this, doSave);
    auto* exportAction = new QAction(this);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(exportAction, &QAction::triggered, this, [this] { onExport(); });
    auto* printAction = new QAction(this);
    printAction->setShortcut(QKeySequence::Print);
    connect(printAction, &QAction::triggered, this, [this] { onPrint(); });
    auto* previewAction = new QAction(this);
    previewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(previewAction, &QAction::triggered, this, [this] { onPrintPreview(); });
    auto* closeAction = new QAction(this);
    closeAction->setShortcut(QKeySequence::Close);
    connect(closeAction, &QAction::triggered, this, &QWidget::close);
    addActions({exportAction, printAction, previewAction, closeAction});
    for (QWidget* field : findChildren<QLineEdit*>()) { // spin boxes' fields too
        field->installEventFilter(this);
    }
    for (QWidget* field : findChildren<QPlainTextEdit*>()) {
        field->installEventFilter(this);
    }
    return closeAction;
}

// The patient's name, the session's state and Save.
QHBoxLayout* SessionEditor::buildHeader() {
    auto* top = new QHBoxLayout;
    auto* who = new QLabel(this);
    who->setTextFormat(Qt::PlainText);
    QFont f = who->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    who->setFont(f);
    who->setText(QString::fromStdString(patient_.name));
    top->addWidget(who);
    top->addWidget(state_, 1);
    top->addWidget(save_);
    return top;
}

void SessionEditor::layoutEditor(QHBoxLayout* top, QAction* closeAction) {
    status_ = new QStatusBar(this);
    status_->setObjectName(QStringLiteral("sessionStatus"));
    status_->setSizeGripEnabled(false);

    auto* layout = new QVBoxLayout(this);
    buildMenu(closeAction);
    layout->addLayout(top);
    layout->addWidget(banner_);
    layout->addWidget(tabs_, 1);
    layout->addWidget(status_);
}

// What an edit on one step changes on the others, and the steps' requests.
void SessionEditor::connectSteps() {
    connect(screening_, &ScreeningPage::screeningChanged, this, [this] {
        session_.screening = screening_->screening();
        reassess();
        setModified(true);
    });
    connect(screening_, &ScreeningPage::visitTimeEdited, this, [this](const QString& utc) {
        // Late entry: the visit layer decides (not in the future, not before the birth date,
        // never once signed); saving stores it with an audit line naming both times.
        if (auto set = visit_->setVisitTime(session_, utc.toStdString()); !set) {
            screening_->showVisitTimeProblem(QString::fromStdString(set.error().message));
            screening_->setVisitTime(session_.startedAt);
            return;
        }
        screening_->showVisitTimeProblem({});
        screening_->setVisitDay(session_.screening.date, session_.screening.age);
        session_.screening = screening_->screening();
        reassess();
        setModified(true);
    });
    connect(program_, &ProgramModel::programEdited, this, [this] {
        session_.program = program_->program();
        refreshHandout();
        setModified(true);
        showSignStep(); // "Program: 2 exercises" on step 4 follows the program
    });
    connect(handout_, &HandoutPage::optionsEdited, this, [this] {
        setModified(true);
        updateExercisesNotice();
    });
    // The exercise log page and "Your goals": one choice shown on steps 3 and 4, built into the
    // handout by the visit layer (as `handout --log --goals` does) and stored at signing.
    connect(handout_, &HandoutPage::extrasEdited, this, [this] {
        const visit::HandoutExtras e = handout_->extras();
        sign_->setExtras(e.exerciseLog, e.goals);
        refreshHandout();
    });
    connect(sign_, &SignPage::extrasEdited, this, [this](bool exerciseLog, bool goals) {
        handout_->setExtras({exerciseLog, goals});
        refreshHandout();
    });
    connect(handout_, &HandoutPage::exportRequested, this, [this] { onExport(); });
    connect(handout_, &HandoutPage::printRequested, this, [this] { onPrint(); });
    connect(handout_, &HandoutPage::printPreviewRequested, this, [this] { onPrintPreview(); });
    connect(sign_, &SignPage::signRequested, this, [this] {
        if (!confirmSign()) {
            return;
        }
        if (auto s = sign(); !s) {
            showError(tr("The session was not signed."), s.error(),
                      tr("Correct what the message names, then sign again."));
        }
    });
    connect(sign_, &SignPage::referralRequested, this, [this] { onReferral(); });
    connect(sign_, &SignPage::addendumRequested, this, [this](const QString& text) {
        if (auto s = addAddendum(text); !s) {
            showError(tr("The addendum was not added."), s.error(), tr("Try again."));
        }
    });
}

// Shows the session on every step.
void SessionEditor::loadSession() {
    screening_->setScreening(session_.screening);
    screening_->setVisitTime(session_.startedAt);
    program_->setProgram(session_.program);
    handout_->setOptions(session_.handoutOptions.language, session_.handoutOptions.largePrint,
                         session_.handoutOptions.overrideReason,
                         session_.handoutOptions.overrideKind);
    // The clinician reads the catalog and the program in the interface language; the handout
    // has its own language (step 3).
    exercises_->setLanguage(QString::fromStdString(uiLanguage()));
    reassess();
    applyReadOnly();
    setModified(session_.id == 0);
    WindowPlacement::restore(*this, QStringLiteral("sessionWindow"), QSize(1200, 820));
}

SessionEditor::~SessionEditor() = default;

void SessionEditor::reassess() {
    auto a = assess(session_.screening, services_.rules(), services_.catalog());
    if (a) {
        // Ticked findings that raised no triage finding only change the exercises.
        QStringList cautions;
        const std::string lang = uiLanguage();
        for (const std::string& id : session_.screening.findings) {
            const bool raised = std::any_of(a->findings.begin(), a->findings.end(),
                                            [&](const Finding& f) { return f.itemId == id; });
            const FindingItem* item = services_.rules().items().finding(id);
            if (!raised && item != nullptr) {
                cautions << QString::fromStdString(item->clinicianLabel.text(lang));
            }
        }
        banner_->setScreeningState(isScreeningRecorded(session_.screening), cautions);
    } else {
        banner_->setScreeningState(true, {});
    }
    if (!a) {
        // Only ids from the rules can be ticked, so this means the rules changed under a
        // stored session: say so rather than guess.
        assessment_ = Assessment{};
        banner_->setAssessment(TriageLevel::Routine, {});
        state_->setText(tr("This screening cannot be assessed: %1")
                            .arg(QString::fromStdString(a.error().message)));
    } else {
        assessment_ = std::move(a).value();
        banner_->setAssessment(assessment_.level, assessment_.findings);
    }
    session_.triage = assessment_.level;
    session_.findings = assessment_.findings;
    session_.scores = sessionScores(session_.screening, assessment_.scores);
    screening_->showScores(assessment_.scores);
    screening_->showChecks(services_.rules().checks().evaluate(session_.screening));
    lockStepsWhileContradictory();
    QStringList painful;
    for (Region r : session_.screening.regions) {
        painful << QString::fromUtf8(toId(r).data(), static_cast<qsizetype>(toId(r).size()));
    }
    exercises_->setPatientRegions(painful);
    exercises_->setAssessment(&assessment_);
    exercises_->setScreeningRecorded(visit::requireScreening(session_).ok());
    updateSignBlock();
    sign_->setReferralAvailable((session_.isSigned ? session_.triage : assessment_.level) !=
                                TriageLevel::Routine);
    handout_->setOverrideRequired(!handoutAllowedWithoutOverride(assessment_.level),
                                  TriageBanner::levelLabel(assessment_.level));
    refreshHandout();
    updateExercisesNotice();
}

void SessionEditor::updateExercisesNotice() {
    const TriageLevel level = session_.isSigned ? session_.triage : assessment_.level;
    // A signed session keeps the override it was signed with (or given after signing).
    const bool overridden =
        session_.isSigned
            ? !session_.handoutOptions.overrideReason.empty() || !session_.overrides.empty()
            : visit::checkOverride(handout_->overrideKind(), handout_->overrideSentence()).ok();
    exercises_->setOverridden(overridden);
    if (handoutAllowedWithoutOverride(level)) {
        exercises_->setHandoutNotice({});
        return;
    }
    QStringList reasons;
    const std::string lang = uiLanguage();
    for (const Finding& f : assessment_.findings) {
        if (f.level == level) {
            const QString why =
                QString::fromStdString(services_.rules().triage().reasonIn(f, lang));
            if (!reasons.contains(why)) {
                reasons << why;
            }
        }
    }
    const QString because = reasons.join(QStringLiteral("; "));
    if (overridden) {
        exercises_->setHandoutNotice(
            tr("%1 (%2): a handout is given only under the override reason recorded on step 3.")
                .arg(TriageBanner::levelLabel(level), because));
    } else {
        exercises_->setHandoutNotice(
            tr("No handout and no exercises: %1 (%2). Refer the patient first. To plan "
               "exercises anyway, record an override reason on step 3.")
                .arg(TriageBanner::levelLabel(level), because));
    }
}

void SessionEditor::refreshHandout() {
    // One policy with the command line: a draft with today's rules, patient and clinic; a
    // signed session exactly as its snapshot. The page applies its own options to a draft,
    // and tests the override reason it shows.
    visit::HandoutChanges changes;
    if (!session_.isSigned) {
        changes.overrideReason = std::string();
        changes.exerciseLog = handout_->extras().exerciseLog;
        changes.goals = handout_->extras().goals;
    }
    if (!visit::requireScreening(session_).ok()) {
        // The visit layer's screen-first refusal, said in the interface language.
        handout_->setUnavailable(screeningNotRecordedText());
        return;
    }
    auto plan = visit_->handout(session_, changes);
    if (!plan) {
        handout_->setUnavailable(QString::fromStdString(plan.error().message));
        return;
    }
    if (plan->fromSnapshot) {
        const handout::HandoutRequest& r = plan->request;
        handout_->setOverrideRequired(!handoutAllowedWithoutOverride(r.assessment.level),
                                      TriageBanner::levelLabel(r.assessment.level));
        handout_->setOptions(r.options.lang, r.options.largePrint, r.overrideReason);
        handout_->setPaper(r.options.paper);
        handout_->setExtras({r.options.exerciseLog, !r.goals.empty()});
        sign_->setExtras(r.options.exerciseLog, !r.goals.empty());
    }
    handout_->setRequest(std::move(plan->request));
}

void SessionEditor::setModified(bool modified) {
    modified_ = modified && !session_.isSigned;
    updateTitle();
}

void SessionEditor::updateTitle() {
    QString state;
    if (session_.isSigned) {
        state = tr("Signed — read-only");
    } else if (session_.id == 0) {
        state = tr("New session — not saved yet");
    } else {
        state = modified_ ? tr("Draft — unsaved changes") : tr("Draft — saved");
    }
    state_->setText(state);
    setWindowTitle(tr("%1 — session %2 — HepDesk%3")
                       .arg(QString::fromStdString(patient_.name),
                            QString::fromStdString(session_.screening.date),
                            modified_ ? QStringLiteral(" *") : QString()));
    save_->setEnabled(!session_.isSigned);
}

void SessionEditor::buildMenu(QAction* closeAction) {
    // The same key as in the main window: the desktop's Preferences key, else Ctrl+,.
    const QKeySequence prefs = QKeySequence(QKeySequence::Preferences).isEmpty()
                                   ? QKeySequence(Qt::CTRL | Qt::Key_Comma)
                                   : QKeySequence(QKeySequence::Preferences);
    settingsAction_ = new QAction(tr("S&ettings…"), this);
    settingsAction_->setObjectName(QStringLiteral("sessionSettings"));
    settingsAction_->setShortcut(prefs);
    settingsAction_->setShortcutContext(Qt::WindowShortcut);
    connect(settingsAction_, &QAction::triggered, this, &SessionEditor::settingsRequested);
    addAction(settingsAction_);
    closeAction->setText(tr("&Close"));
    auto* bar = new QMenuBar(this);
    QMenu* menu = bar->addMenu(tr("Session"));
    menu->addAction(settingsAction_);
    menu->addSeparator();
    menu->addAction(closeAction);
    layout()->setMenuBar(bar);
}

void SessionEditor::showSignStep() {
    QString signedSha;
    if (session_.isSigned && !session_.signedSnapshot.empty()) {
        if (auto snap = visit::snapshotFromJson(session_.signedSnapshot, "snapshot")) {
            signedSha = QString::fromStdString(snap->handoutSha256);
        }
    }
    sign_->setSignedFingerprint(signedSha);
    sign_->showSession(session_, clinicianName(session_.signedBy));
}

void SessionEditor::settingsChanged() {
    applyReadOnly(); // "enter your name in Settings" goes once a clinician is set
    refreshHandout();
}

void SessionEditor::applyReadOnly() {
    const bool ro = session_.isSigned;
    screening_->setReadOnly(ro);
    exercises_->setReadOnly(ro);
    handout_->setReadOnly(ro);
    QString blocked;
    const auto who = signer();
    if (!ro && !who) {
        blocked = QString::fromStdString(who.error().message);
    } else if (!ro && *who == 0) {
        blocked = tr("To sign, enter your name and credentials in Settings first.");
    }
    // On a clinic server the signer is the login, shown and never chosen.
    sign_->setSigner(
        services_.onServer() && who && *who != 0
            ? tr("You sign as %1, logged in to %2.").arg(clinicianName(*who), services_.where())
            : QString());
    signerBlocked_ = blocked;
    updateSignBlock();
    updateTitle();
}

QString SessionEditor::screeningNotRecordedText() {
    return tr("Screening not done yet: record the red flags and conditions found, the pain scores "
              "or a questionnaire on step 1. Until then no handout is given and the session "
              "cannot be signed.");
}

void SessionEditor::updateSignBlock() {
    QString blocked = signerBlocked_;
    const bool recorded = visit::requireScreening(session_).ok();
    if (blocked.isEmpty() && !recorded) {
        blocked = screeningNotRecordedText();
    }
    sign_->setScreeningRecorded(recorded);
    sign_->setSignBlocked(blocked);
    showSignStep();
}

QString SessionEditor::clinicianName(std::optional<std::int64_t> id) const {
    if (!id) {
        return tr("unknown clinician");
    }
    auto c = services_.clinicians().get(*id);
    if (!c) {
        return tr("clinician #%1").arg(*id);
    }
    QString name = QString::fromStdString(c->name);
    if (!c->credentials.empty()) {
        name += QStringLiteral(", ") + QString::fromStdString(c->credentials);
    }
    return name;
}

Status SessionEditor::save() {
    if (session_.isSigned) {
        return Error::refused(
            tr("This session is signed: it can no longer change. Add an addendum instead.")
                .toStdString());
    }
    const handout::HandoutRequest r = handout_->request();
    session_.screening = screening_->screening();
    session_.program = program_->program();
    session_.handoutOptions.language = r.options.lang;
    session_.handoutOptions.largePrint = r.options.largePrint;
    session_.handoutOptions.overrideReason = handout_->overrideSentence();
    session_.handoutOptions.overrideKind = handout_->overrideKind();
    if (auto saved = visit_->saveDraft(session_); !saved) {
        return saved.error();
    }
    setModified(false);
    showSignStep();
    emit sessionSaved(session_.id);
    return {};
}

void SessionEditor::saveAndReport() {
    auto s = save();
    if (s) {
        return;
    }
    if (s.error().kind == Error::Kind::Conflict) {
        // Never a silent overwrite, and never silently lost edits: the person chooses.
        QMessageBox box(QMessageBox::Warning, tr("HepDesk"), tr("The session was not saved."),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("draftConflictBox"));
        const QString why = conflictMessage();
        box.setInformativeText(
            (why.isEmpty() ? QString::fromStdString(s.error().message) : why) +
            QStringLiteral("\n\n") +
            tr("Reload shows what was saved there; your changes in this window are then "
               "replaced. Keep my changes leaves them on screen (nothing is saved) so you can "
               "note what you need first."));
        QPushButton* reload = box.addButton(tr("&Reload"), QMessageBox::DestructiveRole);
        reload->setObjectName(QStringLiteral("conflictReload"));
        QPushButton* keep = box.addButton(tr("&Keep my changes"), QMessageBox::RejectRole);
        keep->setObjectName(QStringLiteral("conflictKeep"));
        box.setDefaultButton(keep);
        box.setEscapeButton(keep);
        box.exec();
        if (box.clickedButton() == reload) {
            if (auto r = reloadFromDatabase(); !r) {
                showError(tr("The session could not be reloaded."), r.error(), tr("Try again."));
            }
        } else {
            status_->showMessage(tr("Not saved: %1").arg(why));
        }
        return;
    }
    QString todo;
    if (s.error().kind == Error::Kind::Refused) {
        // A refusal (an archived patient, a signed session) is no disk problem.
        todo = tr("Your answers are still on screen; nothing was stored.");
    } else if (services_.onServer()) {
        todo = tr("Your answers are still on screen; nothing was stored. Save again when the "
                  "clinic server answers (check the network, or ask who looks after it).");
    } else {
        todo = tr("Your answers are still on screen. Check the disk and try again.");
    }
    status_->showMessage(tr("The session was not saved: save again."));
    showError(tr("The session was not saved."), s.error(), todo);
}

QString SessionEditor::conflictMessage() const {
    if (session_.id == 0) {
        return {};
    }
    // The time as the app shows every moment: local, in the interface's locale format.
    auto text = visit_->changedElsewhere(session_.id, uiLanguage(), [](const std::string& iso) {
        return dateTimeText(iso).toStdString();
    });
    return text ? QString::fromStdString(*text) : QString();
}

Status SessionEditor::reloadFromDatabase() {
    auto stored = services_.sessions().get(session_.id);
    if (!stored) {
        return stored.error();
    }
    session_ = std::move(stored).value();
    screening_->setScreening(session_.screening);
    program_->setProgram(session_.program);
    handout_->setOptions(session_.handoutOptions.language, session_.handoutOptions.largePrint,
                         session_.handoutOptions.overrideReason,
                         session_.handoutOptions.overrideKind);
    reassess();
    applyReadOnly();
    setModified(false);
    status_->showMessage(tr("Reloaded the session as it was saved on the other computer."));
    return {};
}

Result<std::int64_t> SessionEditor::signer() const {
    if (services_.onServer()) {
        auto me = services_.loggedInClinician();
        if (!me) {
            return Error::refused(
                tr("You are logged in to the clinic server as a user who is not one of its "
                   "clinicians (%1). Ask the clinic's administrator to add you.")
                    .arg(QString::fromStdString(me.error().message))
                    .toStdString());
        }
        return me->id;
    }
    const auto who = AppPreferences().clinicianId();
    if (who == 0 || !services_.clinicians().get(who).ok()) {
        return std::int64_t{0};
    }
    return who;
}

Status SessionEditor::startExport(const QString& path) {
    if (!handout_->canExport()) {
        return Error::refused(handout_->blockedReason().toStdString());
    }
    if (isExporting()) {
        return Error::refused(
            tr("A handout is already being written; wait until it is done.").toStdString());
    }
    if (!session_.isSigned) {
        if (auto s = save(); !s) {
            return s;
        }
    }
    // The worker gets copies: the request as shown, and the catalog entries (photos shared,
    // never changed), so nothing it reads can change while it writes.
    exportPlan_ = visit::HandoutPlan{};
    exportPlan_.request = handout_->request();
    if (session_.isSigned) {
        // A signed session's handout is its snapshot's (the page shows exactly that request).
        visit::HandoutChanges changes;
        changes.clinicianCopy = exportPlan_.request.options.clinicianCopy;
        auto plan = visit_->handout(session_, changes);
        if (!plan) {
            return plan.error();
        }
        exportPlan_ = std::move(*plan);
    }
    HandoutExporter::Job job{exportPlan_, services_.catalog().entries(),
                             std::filesystem::path(path.toStdString())};
    if (!exporter_->start(std::move(job))) {
        return Error::refused(
            tr("A handout is already being written; wait until it is done.").toStdString());
    }
    handout_->setExporting(true);
    status_->showMessage(tr("Writing the handout to %1…").arg(QDir::toNativeSeparators(path)));
    return {};
}

Status SessionEditor::exportReferral(const QString& path) {
    if (!session_.isSigned) {
        if (auto s = save(); !s) {
            return s;
        }
    }
    // The visit layer writes the letter from the session as stored: findings, scores, clinic.
    auto letter = visit_->referralLetter(session_, handout_->request().options.lang,
                                         handout_->request().options.paper);
    if (!letter) {
        return letter.error();
    }
    auto pdf = visit_->renderReferral(*letter);
    if (!pdf) {
        return pdf.error();
    }
    if (auto st = writeFileAtomically(std::filesystem::path(path.toStdString()), *pdf, 0600); !st) {
        return st;
    }
    status_->showMessage(tr("Referral letter saved to %1").arg(QDir::toNativeSeparators(path)),
                         15000);
    return {};
}

void SessionEditor::onReferral() {
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(tr("referral-letter-%1.pdf").arg(session_.id));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save referral letter"), suggested,
                                                      tr("PDF files (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto s = exportReferral(path); !s) {
        showError(tr("The referral letter was not written."), s.error(),
                  tr("Correct what the message names, then try again."));
    }
}

bool SessionEditor::isExporting() const {
    return exporter_->isRunning();
}

void SessionEditor::onExportFinished(const QString& path, const QString& sha256, qint64 byteSize) {
    handout_->setExporting(false);
    if (exportPlan_.request.options.clinicianCopy) {
        // Not given to the patient: the records prove only what the patient was given.
        status_->showMessage(tr("Clinician's copy saved to %1 (not recorded as a handout)")
                                 .arg(QDir::toNativeSeparators(path)),
                             15000);
        return;
    }
    // None twice for one SHA-256: a re-export of a signed session is the same handout.
    auto rec = visit_->recordHandout(session_.id, sha256.toStdString(), byteSize, exportPlan_,
                                     "file " + path.toStdString());
    if (!rec) {
        onExportFailed(path, tr("The PDF was written, but it could not be recorded with the "
                                "session: %1")
                                 .arg(QString::fromStdString(rec.error().message)));
        return;
    }
    if (std::none_of(session_.handouts.begin(), session_.handouts.end(),
                     [&](const HandoutRecord& h) { return h.id == rec->id; })) {
        session_.handouts.push_back(*rec);
        showSignStep();
    }
    // A reprint of a signed session is the handout as signed (visit::produceHandout refuses
    // one that would differ).
    status_->showMessage(tr("Handout saved to %1").arg(QDir::toNativeSeparators(path)), 15000);
    emit handoutExported(path, rec->id);
    if (closeAfterExport_) {
        closeAfterExport_ = false;
        close();
    }
}

void SessionEditor::onExportFailed(const QString& path, const QString& message) {
    handout_->setExporting(false);
    closeAfterExport_ = false; // the window stays open with the message
    status_->showMessage(tr("The handout was not exported."));
    // Not exec(): the result arrives from the worker, and the window stays usable meanwhile.
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("HepDesk"),
        tr("The handout was not exported to %1.").arg(QDir::toNativeSeparators(path)),
        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("exportFailedBox"));
    box->setInformativeText(message + QStringLiteral("\n\n") +
                            tr("Choose another folder or free some disk space, then try again."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit exportFailed(path, message);
}

Status SessionEditor::sign() {
    auto signerId = signer();
    if (!signerId) {
        return signerId.error();
    }
    const std::int64_t who = *signerId;
    if (who == 0) {
        return Error::refused(tr("No clinician is set up on this computer: enter your name and "
                                 "credentials in Settings, then sign.")
                                  .toStdString());
    }
    if (!session_.clinicianId) {
        session_.clinicianId = who;
    }
    if (auto s = save(); !s) {
        return s;
    }
    // The snapshot of the handout as it stands (on the paper chosen) and its fingerprint are
    // stored with the signature, so a later re-export is made from them, byte-identical.
    auto stored =
        visit_->sign(session_.id, who, handout_->request().options.paper, handout_->extras());
    if (!stored) {
        return stored.error();
    }
    session_ = std::move(stored->session);
    applyReadOnly();
    refreshHandout();
    emit sessionSaved(session_.id);
    return {};
}

Status SessionEditor::addAddendum(const QString& text) {
    std::optional<std::int64_t> clinician;
    if (auto who = signer(); who && *who != 0) {
        clinician = *who;
    }
    auto stored = visit_->addAddendum(session_.id, clinician, text.toStdString());
    if (!stored) {
        return stored.error();
    }
    session_ = std::move(stored).value();
    showSignStep();
    emit sessionSaved(session_.id);
    return {};
}

void SessionEditor::lockStepsWhileContradictory() {
    // The triage banner keeps its level (an emergency sign is never hidden by a slip elsewhere),
    // but no program, handout or signature is built on a screening that contradicts itself.
    const bool locked = screening_->hasContradiction() && !session_.isSigned;
    banner_->setContradiction(locked);
    for (int i = ExercisesStep; i <= SignStep; ++i) {
        tabs_->setTabEnabled(i, !locked);
    }
    if (locked) {
        tabs_->setCurrentIndex(ScreeningStep);
    }
}

void SessionEditor::showStep(Step step) {
    if (!tabs_->isTabEnabled(static_cast<int>(step))) {
        status_->showMessage(tr("Correct the screening first: it contradicts itself."), 5000);
        return;
    }
    tabs_->setCurrentIndex(static_cast<int>(step));
}

void SessionEditor::showError(const QString& what, const Error& error, const QString& todo) {
    QMessageBox box(QMessageBox::Warning, tr("HepDesk"), what, QMessageBox::Ok, this);
    box.setInformativeText(QString::fromStdString(error.message) + QStringLiteral("\n\n") + todo);
    box.exec();
}

bool SessionEditor::confirmSign() {
    QMessageBox box(QMessageBox::Question, tr("Sign this session?"),
                    tr("Sign the session of %1?").arg(QString::fromStdString(patient_.name)),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmSign"));
    box.setInformativeText(tr("After signing, the screening, the program and the handout can no "
                              "longer be changed; corrections and additions go in addenda."));
    QPushButton* signButton = box.addButton(tr("Sign"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(signButton);
    box.setEscapeButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == signButton;
}

bool SessionEditor::mayMakeHandout(const QString& what) {
    if (handout_->canExport()) {
        return true;
    }
    // The reason is shown once, above the preview on the Handout step; no dialog repeats it.
    showStep(HandoutStep);
    status_->showMessage(what + QLatin1Char(' ') + tr("The reason is shown above the preview."));
    return false;
}

QString SessionEditor::suggestedExportPath() const {
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString name = tr("%1 %2 session %3")
                       .arg(QString::fromStdString(patient_.name),
                            QString::fromStdString(session_.screening.date))
                       .arg(session_.id);
    // Characters a file name cannot hold on some systems become "-".
    for (QChar& c : name) {
        if (QStringLiteral("/\\:*?\"<>|").contains(c)) {
            c = QLatin1Char('-');
        }
    }
    return docs + QLatin1Char('/') + name + QStringLiteral(".pdf");
}

bool SessionEditor::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->keyCombination() == QKeyCombination(Qt::CTRL | Qt::Key_E)) {
            event->ignore(); // not the field's: the window's Export shortcut runs
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SessionEditor::onExport() {
    if (isExporting()) {
        status_->showMessage(tr("The handout is still being written; wait until it is done."));
        return;
    }
    if (!mayMakeHandout(tr("The handout cannot be exported yet."))) {
        return;
    }
    if (session_.id == 0) {
        // Stored first, so the suggested file name carries the session's number.
        if (auto s = save(); !s) {
            showError(tr("The handout was not exported."), s.error(),
                      tr("Correct what the message names, then export again."));
            return;
        }
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export handout"), suggestedExportPath(), tr("PDF files (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto s = startExport(path); !s) {
        showError(tr("The handout was not exported."), s.error(),
                  tr("Correct what the message names, then export again."));
    }
}

Status SessionEditor::printHandout(QPrinter& printer) {
    return handout_->printTo(printer); // refuses while blocked
}

void SessionEditor::onPrint() {
    if (!mayMakeHandout(tr("The handout cannot be printed yet."))) {
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    handout_->preparePrinter(printer);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    if (auto s = printHandout(printer); !s) {
        showError(tr("The handout was not printed."), s.error(), tr("Check the printer."));
    }
}

void SessionEditor::onPrintPreview() {
    // Blocked like printing: a preview of a handout that must not be given is not shown.
    if (!mayMakeHandout(tr("The handout cannot be printed yet."))) {
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    handout_->preparePrinter(printer);
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setObjectName(QStringLiteral("handoutPrintPreview"));
    dialog.setWindowTitle(tr("Print preview — %1").arg(QString::fromStdString(patient_.name)));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter* p) {
        if (auto s = printHandout(*p); !s) {
            showError(tr("The preview could not be drawn."), s.error(), tr("Try again."));
        }
    });
    dialog.exec();
}

void SessionEditor::closeEvent(QCloseEvent* event) {
    if (isExporting()) {
        // Closing now would drop the handout's record; the window closes once it is written.
        closeAfterExport_ = true;
        status_->showMessage(
            tr("The handout is still being written; this window closes when it is done."));
        event->ignore();
        return;
    }
    if (!modified_) {
        WindowPlacement::save(*this, QStringLiteral("sessionWindow"));
        event->accept();
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Unsaved session"),
        tr("This session has changes that are not saved. Save them before closing?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel) {
        event->ignore();
        return;
    }
    if (answer == QMessageBox::Save) {
        if (auto s = save(); !s) {
            showError(tr("The session was not saved."), s.error(),
                      tr("The window stays open so nothing is lost."));
            event->ignore();
            return;
        }
    }
    WindowPlacement::save(*this, QStringLiteral("sessionWindow"));
    event->accept();
}

} // namespace hepdesk::gui
