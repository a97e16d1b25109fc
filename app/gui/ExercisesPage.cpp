#include "ExercisesPage.h"

#include "CatalogFilterModel.h"
#include "CatalogModel.h"
#include "DosageEditor.h"
#include "KeyText.h"
#include "ProgramModel.h"
#include "ProtocolChooser.h"
#include "UiLanguage.h"
#include "hepdesk/core/ProgramEligibility.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <set>

namespace hepdesk::gui {
namespace {

QString fromView(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QComboBox* filterBox(const QString& all, const std::set<std::string>& ids, QWidget* parent) {
    auto* c = new QComboBox(parent);
    // Long choices ("This patient's regions: low back, neck") must not widen the window past a
    // small screen: the list opens wide enough to read them.
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(12);
    c->addItem(all, QString());
    for (const auto& id : ids) {
        c->addItem(CatalogModel::humanize(id), QString::fromStdString(id));
    }
    return c;
}

} // namespace

ExercisesPage::ExercisesPage(const Catalog& catalog, ProgramModel& program, QWidget* parent)
    : QWidget(parent), catalog_(catalog), program_(program), lang_(uiLanguage()) {
    setObjectName(QStringLiteral("exercisesPage"));
    catalogModel_ = new CatalogModel(this);
    catalogModel_->setCatalog(&catalog_);
    filter_ = new CatalogFilterModel(this);
    filter_->setSourceModel(catalogModel_);
    filter_->setSortCaseSensitivity(Qt::CaseInsensitive);

    QLayout* filters = buildFilters();
    QWidget* catalogSide = buildCatalogSide(filters);
    buildProgramList();
    buildDosageEditors();
    connectProgram();
    QWidget* programScroll = buildProgramSide();
    auto* split = new QSplitter(this);
    split->addWidget(catalogSide);
    split->addWidget(programScroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    buildHandoutNotice();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(handoutNotice_);
    layout->addWidget(split, 1);

    updateWarning();
    loadDosageEditors();
}

// The search and the region, position and equipment filters over the catalog.
QLayout* ExercisesPage::buildFilters() {
    std::set<std::string> regions;
    std::set<std::string> positions;
    std::set<std::string> equipment;
    for (const CatalogEntry& e : catalog_.entries()) {
        if (!e.isExercise()) {
            continue;
        }
        for (Region r : e.regions) {
            regions.insert(std::string(toId(r)));
        }
        positions.insert(e.position);
        equipment.insert(e.equipment.begin(), e.equipment.end());
    }

    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("exerciseSearch"));
    search_->setPlaceholderText(tr("Search exercises (%1); Enter goes to the list")
                                    .arg(keyText(QKeySequence(Qt::CTRL | Qt::Key_F))));
    search_->setAccessibleName(tr("Exercise search"));
    search_->setClearButtonEnabled(true);
    // The hint stays whole (with the clear button beside it), in Spanish too.
    search_->setMinimumWidth(search_->fontMetrics().horizontalAdvance(search_->placeholderText()) +
                             48);
    region_ = filterBox(tr("All regions"), regions, this);
    region_->insertItem(0, tr("This patient's regions"), QStringLiteral("@patient"));
    region_->setCurrentIndex(0);
    region_->setAccessibleName(tr("Region filter"));
    position_ = filterBox(tr("All positions"), positions, this);
    position_->setAccessibleName(tr("Position filter"));
    equipment_ = filterBox(tr("Any equipment"), equipment, this);
    equipment_->insertItem(1, tr("No equipment"), QStringLiteral("none"));
    equipment_->setAccessibleName(tr("Equipment filter"));
    connect(search_, &QLineEdit::textChanged, filter_, &CatalogFilterModel::setText);
    auto* findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, [this] {
        search_->setFocus(Qt::ShortcutFocusReason);
        search_->selectAll();
    });
    addAction(findAction);
    connect(region_, &QComboBox::currentIndexChanged, this, [this] { applyRegionFilter(); });
    connect(position_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setPosition(position_->currentData().toString()); });
    connect(equipment_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setEquipment(equipment_->currentData().toString()); });
    // The search has a row of its own so that its hint is whole without widening the window.
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(region_, 1);
    filterRow->addWidget(position_, 1);
    filterRow->addWidget(equipment_, 1);
    auto* filters = new QVBoxLayout;
    filters->addWidget(search_);
    filters->addLayout(filterRow);
    return filters;
}

// The catalog list with its filters, the selected exercise's details and the Add button.
QWidget* ExercisesPage::buildCatalogSide(QLayout* filters) {
    catalogView_ = new QTableView(this);
    catalogView_->setObjectName(QStringLiteral("catalogView"));
    catalogView_->setAccessibleName(tr("Exercise catalog"));
    catalogView_->setModel(filter_);
    catalogView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    catalogView_->setSelectionMode(QAbstractItemView::SingleSelection);
    catalogView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    catalogView_->setSortingEnabled(true);
    catalogView_->sortByColumn(CatalogModel::NameColumn, Qt::AscendingOrder);
    catalogView_->verticalHeader()->hide();
    catalogView_->setIconSize(CatalogModel::kPictureSize);
    catalogView_->verticalHeader()->setDefaultSectionSize(CatalogModel::kPictureSize.height() + 6);
    // Every column fits its content, the name (the one that matters) whole; on a narrow
    // window the list scrolls sideways rather than cut the names.
    catalogView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    catalogView_->horizontalHeader()->setStretchLastSection(true);
    connect(catalogView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showDetails(current); });
    connect(catalogView_, &QTableView::activated, this, [this] { addCurrent(); });
    // Enter in the search goes to the first match, where Enter adds it (as in the patient list).
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        if (filter_->rowCount() > 0) {
            catalogView_->setCurrentIndex(filter_->index(0, CatalogModel::NameColumn));
            catalogView_->setFocus(Qt::ShortcutFocusReason);
        }
    });

    details_ = new QTextBrowser(this);
    details_->setObjectName(QStringLiteral("exerciseDetails"));
    details_->setAccessibleName(tr("Exercise details and eligibility"));
    details_->setMinimumHeight(110);
    add_ = new QPushButton(tr("&Add to program"), this);
    add_->setObjectName(QStringLiteral("addExercise"));
    add_->setToolTip(tr("Add the selected exercise (Enter in the list)"));
    connect(add_, &QPushButton::clicked, this, [this] { addCurrent(); });
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("exerciseMessage"));
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::PlainText);

    auto* catalogSide = new QWidget(this);
    auto* catalogLayout = new QVBoxLayout(catalogSide);
    catalogLayout->setContentsMargins(0, 0, 0, 0);
    catalogLayout->addLayout(filters);
    catalogLayout->addWidget(catalogView_, 3);
    catalogLayout->addWidget(details_, 1);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(add_);
    addRow->addWidget(message_, 1);
    catalogLayout->addLayout(addRow);
    return catalogSide;
}

// The program list and its buttons and shortcuts to reorder, swap and remove items.
void ExercisesPage::buildProgramList() {
    // The program.
    programView_ = new QListView(this);
    programView_->setObjectName(QStringLiteral("programView"));
    programView_->setAccessibleName(tr("Home program, in order"));
    programView_->setModel(&program_);
    programView_->setDragDropMode(QAbstractItemView::InternalMove);
    programView_->setDefaultDropAction(Qt::MoveAction);
    programView_->setDragEnabled(true);
    programView_->setAcceptDrops(true);
    programView_->setDropIndicatorShown(true);
    programView_->setWordWrap(true);
    warning_ = new QLabel(this);
    warning_->setObjectName(QStringLiteral("programWarning"));
    warning_->setWordWrap(true);
    QPalette wp = warning_->palette();
    wp.setColor(QPalette::WindowText, QColor(0x8A, 0x4B, 0x00));
    warning_->setPalette(wp);

    up_ = new QPushButton(tr("Move &up"), this);
    up_->setToolTip(keyText(QKeySequence(Qt::CTRL | Qt::Key_Up)));
    down_ = new QPushButton(tr("Move do&wn"), this);
    down_->setToolTip(keyText(QKeySequence(Qt::CTRL | Qt::Key_Down)));
    remove_ = new QPushButton(tr("&Remove"), this);
    remove_->setToolTip(keyText(QKeySequence(Qt::Key_Delete)));
    connect(up_, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(down_, &QPushButton::clicked, this, [this] { moveCurrent(+1); });
    connect(remove_, &QPushButton::clicked, this, [this] { removeCurrent(); });
    easier_ = new QPushButton(tr("Easier"), this);
    easier_->setObjectName(QStringLiteral("easierExercise"));
    harder_ = new QPushButton(tr("Harder"), this);
    harder_->setObjectName(QStringLiteral("harderExercise"));
    connect(easier_, &QPushButton::clicked, this, [this] { swapCurrent(Alternative::Easier); });
    connect(harder_, &QPushButton::clicked, this, [this] { swapCurrent(Alternative::Harder); });
    auto* upAction = new QAction(this);
    upAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up));
    upAction->setShortcutContext(Qt::WidgetShortcut);
    connect(upAction, &QAction::triggered, this, [this] { moveCurrent(-1); });
    auto* downAction = new QAction(this);
    downAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down));
    downAction->setShortcutContext(Qt::WidgetShortcut);
    connect(downAction, &QAction::triggered, this, [this] { moveCurrent(+1); });
    auto* removeAction = new QAction(this);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(removeAction, &QAction::triggered, this, [this] { removeCurrent(); });
    programView_->addActions({upAction, downAction, removeAction});
}

// The dosage and note of the selected program item, written back to the program as edited.
void ExercisesPage::buildDosageEditors() {
    dosage_ = new DosageEditor(this);
    note_ = new QLineEdit(this);
    note_->setObjectName(QStringLiteral("exerciseNote"));
    note_->setAccessibleName(tr("Note to the patient for this exercise"));
    note_->setPlaceholderText(tr("Note printed with this exercise (optional)"));
    note_->setMaxLength(300);
    connect(dosage_, &DosageEditor::dosageEdited, this, [this](const Dosage& d) {
        const int row = programView_->currentIndex().row();
        if (row >= 0) {
            program_.setDosage(row, d);
        }
    });
    connect(note_, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (programView_->currentIndex().isValid()) {
            program_.setData(programView_->currentIndex(), text, ProgramModel::NoteRole);
        }
    });
    connect(programView_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                loadDosageEditors();
                // The details pane follows the program item being dosed.
                const CatalogEntry* e =
                    current.isValid()
                        ? catalog_.find(
                              current.data(ProgramModel::ExerciseIdRole).toString().toStdString())
                        : nullptr;
                if (e != nullptr) {
                    showEntryDetails(*e);
                }
            });
}

// The buttons, the warning and the dosage editors follow the program's changes.
void ExercisesPage::connectProgram() {
    connect(&program_, &QAbstractItemModel::dataChanged, this,
            [this] { updateAlternativeButtons(); });
    connect(&program_, &QAbstractItemModel::rowsMoved, this,
            [this] { updateAlternativeButtons(); });
    connect(&program_, &QAbstractItemModel::rowsInserted, this, [this] { updateWarning(); });
    connect(&program_, &QAbstractItemModel::rowsRemoved, this, [this] { updateWarning(); });
    connect(&program_, &QAbstractItemModel::modelReset, this, [this] {
        updateWarning();
        loadDosageEditors();
    });
}

// The program side laid out: protocols, title, warning, list, buttons, dosage; it scrolls.
QWidget* ExercisesPage::buildProgramSide() {
    auto* dosage = new QGroupBox(tr("Dosage of the selected exercise"), this);
    auto* dosageForm = new QFormLayout(dosage);
    dosageForm->addRow(dosage_);
    dosageForm->addRow(tr("&Note:"), note_);

    // Two rows of buttons: five in one row do not fit beside the catalog on a laptop.
    auto* moveRow = new QHBoxLayout;
    moveRow->addWidget(up_);
    moveRow->addWidget(down_);
    moveRow->addStretch(1);
    auto* swapRow = new QHBoxLayout;
    swapRow->addWidget(easier_);
    swapRow->addWidget(harder_);
    swapRow->addStretch(1);
    swapRow->addWidget(remove_);

    auto* programSide = new QWidget(this);
    auto* programLayout = new QVBoxLayout(programSide);
    programLayout->setContentsMargins(0, 0, 0, 0);
    auto* programTitle = new QLabel(tr("<b>Home program</b> (drag, or %1 / %2, to reorder)")
                                        .arg(keyText(QKeySequence(Qt::CTRL | Qt::Key_Up)),
                                             keyText(QKeySequence(Qt::CTRL | Qt::Key_Down))),
                                    programSide);
    programTitle->setWordWrap(true);
    protocols_ = new ProtocolChooser(program_, programSide);
    programLayout->addWidget(protocols_);
    programLayout->addWidget(programTitle);
    programLayout->addWidget(warning_);
    programLayout->addWidget(programView_, 1);
    programLayout->addLayout(moveRow);
    programLayout->addLayout(swapRow);
    programLayout->addWidget(dosage);

    // On a small screen the program side scrolls rather than forcing the window wider than
    // the screen (the catalog side keeps its own minimum).
    auto* programScroll = new QScrollArea(this);
    programScroll->setWidget(programSide);
    programScroll->setWidgetResizable(true);
    programScroll->setFrameShape(QFrame::NoFrame);
    // Never narrower than its content: the program's buttons and dosage are never cut off; the
    // catalog side gives way (its list scrolls sideways).
    programScroll->setMinimumWidth(programSide->minimumSizeHint().width() +
                                   programScroll->verticalScrollBar()->sizeHint().width());
    return programScroll;
}

// The notice shown when the screening blocks a handout.
void ExercisesPage::buildHandoutNotice() {
    handoutNotice_ = new QLabel(this);
    handoutNotice_->setObjectName(QStringLiteral("exercisesHandoutBlocked"));
    handoutNotice_->setWordWrap(true);
    handoutNotice_->setTextFormat(Qt::PlainText);
    handoutNotice_->setAutoFillBackground(true);
    handoutNotice_->setMargin(8);
    QPalette np = handoutNotice_->palette();
    np.setColor(QPalette::Window, QColor(0xFD, 0xEC, 0xEA)); // as the Handout step's notice
    np.setColor(QPalette::WindowText, QColor(0x7A, 0x00, 0x00));
    handoutNotice_->setPalette(np);
    QFont bold = handoutNotice_->font();
    bold.setBold(true);
    handoutNotice_->setFont(bold);
    handoutNotice_->setVisible(false);
}

void ExercisesPage::setPatientRegions(const QStringList& regionIds) {
    patientRegions_ = regionIds;
    QStringList names;
    for (const QString& id : regionIds) {
        names << CatalogModel::humanize(id.toStdString());
    }
    const int i = region_->findData(QStringLiteral("@patient"));
    region_->setItemText(
        i, names.isEmpty()
               ? tr("This patient's regions (none recorded yet)")
               : tr("This patient's regions: %1").arg(names.join(QStringLiteral(", "))));
    applyRegionFilter();
}

void ExercisesPage::applyRegionFilter() {
    region_->setToolTip(region_->currentText()); // whole, when the box is narrow
    const QString choice = region_->currentData().toString();
    filter_->setRegions(choice == QLatin1String("@patient")
                            ? patientRegions_
                            : (choice.isEmpty() ? QStringList() : QStringList{choice}));
}

void ExercisesPage::setHandoutNotice(const QString& text) {
    handoutNotice_->setText(text);
    handoutNotice_->setAccessibleName(text);
    handoutNotice_->setVisible(!text.isEmpty());
}

void ExercisesPage::setAssessment(const Assessment* assessment) {
    assessment_ = assessment;
    catalogModel_->setAssessment(assessment);
    program_.setAssessment(assessment);
    showDetails(catalogView_->currentIndex());
    protocols_->setAssessment(assessment);
    updateAlternativeButtons();
}

void ExercisesPage::setRules(const EligibilityRules* rules) {
    rules_ = rules;
    catalogModel_->setRules(rules);
    program_.setRules(rules);
    showDetails(catalogView_->currentIndex());
}

void ExercisesPage::setTriageRules(const TriageRules* rules) {
    catalogModel_->setTriageRules(rules);
    program_.setTriageRules(rules);
    showDetails(catalogView_->currentIndex());
}

void ExercisesPage::setOverridden(bool overridden) {
    catalogModel_->setOverridden(overridden);
    program_.setOverridden(overridden);
    showDetails(catalogView_->currentIndex());
}

void ExercisesPage::setScreeningRecorded(bool recorded) {
    screeningRecorded_ = recorded;
    catalogModel_->setScreeningRecorded(recorded);
    showDetails(catalogView_->currentIndex());
}

void ExercisesPage::setReadOnly(bool readOnly) {
    readOnly_ = readOnly;
    program_.setReadOnly(readOnly);
    programView_->setDragDropMode(readOnly ? QAbstractItemView::NoDragDrop
                                           : QAbstractItemView::InternalMove);
    for (QWidget* w : std::initializer_list<QWidget*>{add_, up_, down_, remove_}) {
        w->setEnabled(!readOnly);
    }
    dosage_->setEditable(!readOnly && programView_->currentIndex().isValid());
    note_->setReadOnly(readOnly);
    protocols_->setReadOnly(readOnly);
    updateAlternativeButtons();
}

void ExercisesPage::setProtocolLibrary(visit::ProtocolLibrary* library) {
    protocols_->setLibrary(library);
}

void ExercisesPage::setLanguage(const QString& lang) {
    lang_ = lang.toStdString();
    catalogModel_->setLanguage(lang);
    program_.setLanguage(lang);
}

bool ExercisesPage::addExercise(const std::string& exerciseId) {
    const Status s = program_.add(exerciseId);
    if (!s) {
        message_->setText(QString::fromStdString(s.error().message));
        return false;
    }
    message_->setText(tr("Added; the program has %1 now.").arg(program_.rowCount()));
    programView_->setCurrentIndex(program_.index(program_.rowCount() - 1));
    return true;
}

void ExercisesPage::addCurrent() {
    const QModelIndex i = catalogView_->currentIndex();
    if (!i.isValid()) {
        message_->setText(tr("Select an exercise in the catalog first."));
        return;
    }
    const std::string id = i.siblingAtColumn(CatalogModel::NameColumn)
                               .data(CatalogModel::ExerciseIdRole)
                               .toString()
                               .toStdString();
    if (!confirmCaution(id)) {
        message_->setText(tr("Not added."));
        return;
    }
    addExercise(id);
}

bool ExercisesPage::confirmCaution(const std::string& exerciseId) {
    const Eligibility* el =
        assessment_ != nullptr ? assessment_->eligibilityOf(exerciseId) : nullptr;
    const CatalogEntry* entry = catalog_.find(exerciseId);
    if (el == nullptr || el->status != EligibilityStatus::Caution || entry == nullptr ||
        readOnly_) {
        return true;
    }
    for (const ProgramItem& item : program_.program().items) {
        if (item.exerciseId == exerciseId) {
            return true; // the model refuses the duplicate with its own message
        }
    }
    QStringList reasons;
    const std::string lang = uiLanguage();
    for (const auto& r : el->reasons) {
        reasons << QStringLiteral("• ") + QString::fromStdString(rules_ != nullptr
                                                                     ? rules_->reasonIn(r, lang)
                                                                     : r.clinicianReason);
    }
    QMessageBox box(QMessageBox::Warning, tr("Caution for this patient"),
                    tr("%1 needs caution for this patient:")
                        .arg(QString::fromStdString(entry->name.text(lang_))),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("cautionQuestion"));
    box.setInformativeText(reasons.join(QLatin1Char('\n')));
    QPushButton* add = box.addButton(tr("Add with caution"), QMessageBox::AcceptRole);
    box.addButton(tr("Do not add"), QMessageBox::RejectRole);
    box.setDefaultButton(add);
    box.exec();
    return box.clickedButton() == add;
}

void ExercisesPage::moveCurrent(int delta) {
    const int row = programView_->currentIndex().row();
    if (row >= 0 && program_.move(row, delta)) {
        programView_->setCurrentIndex(program_.index(row + delta));
    }
}

void ExercisesPage::removeCurrent() {
    const int row = programView_->currentIndex().row();
    if (row >= 0 && program_.remove(row)) {
        programView_->setCurrentIndex(program_.index(std::min(row, program_.rowCount() - 1)));
    }
}

void ExercisesPage::showDetails(const QModelIndex& proxyIndex) {
    if (!proxyIndex.isValid()) {
        details_->setPlainText(tr("Select an exercise to see how it is done and whether it is "
                                  "safe for this patient."));
        add_->setEnabled(false);
        return;
    }
    const QModelIndex source = filter_->mapToSource(proxyIndex);
    const CatalogEntry* e = catalogModel_->entryAt(source.row());
    if (e == nullptr) {
        return;
    }
    showEntryDetails(*e); // also decides whether Add is allowed (the one program check)
}

void ExercisesPage::showEntryDetails(const CatalogEntry& entry) {
    const CatalogEntry* e = &entry;
    const int row = catalogModel_->rowOf(e->id);
    const auto status =
        row < 0 ? EligibilityStatus::Eligible
                : static_cast<EligibilityStatus>(
                      catalogModel_->index(row, 0).data(CatalogModel::EligibilityRole).toInt());
    QString html = QStringLiteral("<h3>%1</h3>")
                       .arg(QString::fromStdString(e->name.text(lang_)).toHtmlEscaped());
    const QModelIndex source = row < 0 ? QModelIndex() : catalogModel_->index(row, 0);
    const auto verdict =
        row < 0 ? ProgramVerdict::Allowed
                : static_cast<ProgramVerdict>(source.data(CatalogModel::VerdictRole).toInt());
    if (assessment_ == nullptr) {
        html += tr("<p><i>Not screened yet: record the screening first.</i></p>");
    } else if (status == EligibilityStatus::Excluded) {
        html += tr("<p style='color:#A30000'><b>Excluded for this patient:</b></p>");
    } else if (verdict == ProgramVerdict::BlockedByTriage) {
        html += tr("<p style='color:#A30000'><b>Blocked by the triage: refer the patient "
                   "first.</b></p>");
    } else if (status == EligibilityStatus::Caution) {
        html += tr("<p style='color:#8A4B00'><b>Caution for this patient:</b></p>");
    } else if (!screeningRecorded_) {
        // Planning while the patient talks is fine; only the handout and signature wait.
        html += tr("<p><b>Screening not done yet.</b> The exercise can be planned; the handout "
                   "and the signature wait until the screening is recorded (step 1).</p>");
    } else {
        html += tr("<p style='color:#1B7F3A'><b>Eligible.</b></p>");
    }
    if (assessment_ != nullptr) {
        const QStringList reasons = source.data(CatalogModel::ReasonsRole)
                                        .toString()
                                        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (!reasons.isEmpty()) {
            html += QStringLiteral("<ul>");
            for (const QString& r : reasons) {
                html += QStringLiteral("<li>%1</li>").arg(r.toHtmlEscaped());
            }
            html += QStringLiteral("</ul>");
        }
    }
    html += QStringLiteral("<ol>");
    for (const auto& step : e->steps) {
        html += QStringLiteral("<li>%1</li>")
                    .arg(QString::fromStdString(step.text(lang_)).toHtmlEscaped());
    }
    html += QStringLiteral("</ol>");
    details_->setHtml(html);
    add_->setEnabled(!readOnly_ && assessment_ != nullptr && row >= 0 &&
                     (verdict == ProgramVerdict::Allowed || verdict == ProgramVerdict::Caution));
    (void)fromView;
}

void ExercisesPage::loadDosageEditors() {
    const QModelIndex i = programView_->currentIndex();
    const bool has = i.isValid();
    dosage_->setDosage(has ? program_.program().items[static_cast<std::size_t>(i.row())].dosage
                           : Dosage{});
    note_->setText(has ? i.data(ProgramModel::NoteRole).toString() : QString());
    dosage_->setEditable(has && !readOnly_);
    note_->setEnabled(has && !readOnly_);
    updateAlternativeButtons();
}

void ExercisesPage::updateAlternativeButtons() {
    if (easier_ == nullptr) {
        return; // during construction
    }
    const int row = programView_->currentIndex().row();
    for (const Alternative which : {Alternative::Easier, Alternative::Harder}) {
        QPushButton* b = which == Alternative::Easier ? easier_ : harder_;
        const QString kind = which == Alternative::Easier ? tr("easier") : tr("harder");
        QString tip;
        bool on = false;
        if (row < 0) {
            tip = tr("Select an exercise of the program to swap it for an %1 version.").arg(kind);
        } else if (readOnly_) {
            tip = tr("This session is signed: its program can no longer change.");
        } else if (assessment_ == nullptr) {
            tip = tr("Record the screening first: exercises are checked against it.");
        } else {
            const AlternativeOffer o = alternativeFor(
                catalog_, program_.program(), static_cast<std::size_t>(row), which, *assessment_);
            const CatalogEntry* alt = o.id.empty() ? nullptr : catalog_.find(o.id);
            const QString name =
                alt != nullptr ? QString::fromStdString(alt->name.text(lang_)) : QString();
            if (alt == nullptr) {
                tip = tr("No %1 version of this exercise in the catalog.").arg(kind);
            } else if (o.status == EligibilityStatus::Excluded) {
                QStringList why;
                const std::string lang = uiLanguage();
                for (const auto& r : o.reasons) {
                    why << tr("%1 (finding: %2)")
                               .arg(QString::fromStdString(rules_ != nullptr
                                                               ? rules_->reasonIn(r, lang)
                                                               : r.clinicianReason),
                                    QString::fromStdString(r.findingId));
                }
                tip = tr("The %1 version, %2, is excluded for this patient: %3")
                          .arg(kind, name, why.join(QStringLiteral("; ")));
            } else if (o.inProgram) {
                tip = tr("The %1 version, %2, is already in the program.").arg(kind, name);
            } else {
                on = true;
                tip = tr("Swap for %1, the %2 version, keeping the dosage where it fits.")
                          .arg(name, kind);
                if (o.status == EligibilityStatus::Caution) {
                    tip += QLatin1Char(' ') + tr("It carries a caution for this patient.");
                }
            }
        }
        b->setEnabled(on);
        b->setToolTip(tip);
        b->setAccessibleDescription(tip);
    }
}

void ExercisesPage::swapCurrent(Alternative which) {
    const int row = programView_->currentIndex().row();
    const Status s = program_.swapForAlternative(row, which);
    if (!s) {
        message_->setText(QString::fromStdString(s.error().message));
        return;
    }
    const CatalogEntry* now =
        catalog_.find(program_.program().items[static_cast<std::size_t>(row)].exerciseId);
    message_->setText(tr("Swapped for %1.").arg(QString::fromStdString(now->name.text(lang_))));
    programView_->setCurrentIndex(program_.index(row));
    loadDosageEditors();
}

void ExercisesPage::updateWarning() {
    if (program_.overRecommended()) {
        warning_->setText(tr("⚠ %1 exercises: more than %2 lowers how many patients keep doing "
                             "them. Consider fewer.")
                              .arg(program_.rowCount())
                              .arg(ProgramModel::kRecommendedMaximum));
        warning_->show();
    } else {
        warning_->clear();
        warning_->hide();
    }
}

} // namespace hepdesk::gui
