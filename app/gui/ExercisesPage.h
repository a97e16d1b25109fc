#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/EligibilityRules.h"
#include "hepdesk/core/Progressions.h"
#include "hepdesk/core/TriageRules.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QListView;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace hepdesk::visit {
class ProtocolLibrary;
}

namespace hepdesk::gui {

class CatalogFilterModel;
class DosageEditor;
class CatalogModel;
class ProgramModel;
class ProtocolChooser;

/// Step 2 of a session: the catalog with this patient's eligibility (search and filters, the
/// reason for every caution or exclusion in a details pane), and the program beside it with
/// reordering, dosage and a note per exercise.
class ExercisesPage final : public QWidget {
    Q_OBJECT
public:
    /// `catalog` must outlive the page; `program` is the editor's model.
    ExercisesPage(const Catalog& catalog, ProgramModel& program, QWidget* parent = nullptr);

    void setAssessment(const Assessment* assessment);
    /// The rules whose reasons the catalog, the program and the details pane show in the
    /// interface language (nullptr: as stored, in English). They must outlive the page.
    void setRules(const EligibilityRules* rules);
    /// The triage rules that say why an urgent or emergency triage blocks every exercise.
    void setTriageRules(const TriageRules* rules);
    /// Whether a valid override reason is recorded (step 3): it lifts the triage's block.
    void setOverridden(bool overridden);
    /// Whether the screening records anything yet (the visit layer's requireScreening): until
    /// then exercises may be planned, but no row or details pane says "Eligible".
    void setScreeningRecorded(bool recorded);
    void setReadOnly(bool readOnly);
    /// The language of exercise names and steps in the lists and details (default: the
    /// interface language; the clinician reads the catalog in it whatever the handout's).
    void setLanguage(const QString& lang);
    /// The protocols the chooser offers (nullptr: none). The library must outlive the page.
    void setProtocolLibrary(visit::ProtocolLibrary* library);
    [[nodiscard]] ProtocolChooser* protocolChooser() const { return protocols_; }

    /// The patient's painful regions (ids) from the screening: by default the catalog shows
    /// only their exercises, until the clinician widens the region filter.
    void setPatientRegions(const QStringList& regionIds);

    /// Adds the catalog row's exercise; a refusal (excluded, duplicate) is shown on the page.
    bool addExercise(const std::string& exerciseId);

    [[nodiscard]] CatalogModel* catalogModel() const { return catalogModel_; }
    [[nodiscard]] CatalogFilterModel* filterModel() const { return filter_; }
    [[nodiscard]] QTableView* catalogView() const { return catalogView_; }
    [[nodiscard]] QListView* programView() const { return programView_; }
    [[nodiscard]] QLineEdit* searchEdit() const { return search_; }
    [[nodiscard]] QComboBox* regionFilter() const { return region_; }
    [[nodiscard]] QComboBox* positionFilter() const { return position_; }
    [[nodiscard]] QComboBox* equipmentFilter() const { return equipment_; }
    [[nodiscard]] QLabel* messageLabel() const { return message_; }
    /// Says above the catalog that no handout can be given for this triage, and why (empty:
    /// hidden). The exercises may still be planned.
    void setHandoutNotice(const QString& text);
    [[nodiscard]] QLabel* handoutNotice() const { return handoutNotice_; }
    [[nodiscard]] QLabel* warningLabel() const { return warning_; }
    [[nodiscard]] QTextBrowser* detailsPane() const { return details_; }
    [[nodiscard]] QPushButton* addButton() const { return add_; }
    /// Swap the selected program entry for its easier / harder version (disabled, with the
    /// reason in the tool tip, when there is none, it is excluded or already in the program).
    [[nodiscard]] QPushButton* easierButton() const { return easier_; }
    [[nodiscard]] QPushButton* harderButton() const { return harder_; }
    /// The selected program item's dosage.
    [[nodiscard]] DosageEditor* dosageEditor() const { return dosage_; }

private:
    // The constructor's parts, in the order they run (widget creation order is the tab order).
    QLayout* buildFilters();
    QWidget* buildCatalogSide(QLayout* filters);
    void buildProgramList();
    void buildDosageEditors();
    void connectProgram();
    QWidget* buildProgramSide();
    void buildHandoutNotice();
    void showDetails(const QModelIndex& proxyIndex);
    /// How the exercise is done and whether it is safe for this patient.
    void showEntryDetails(const CatalogEntry& entry);
    void addCurrent();
    /// Asks once, showing the caution's reasons, before a cautioned exercise is added; true to
    /// add (also when there is no caution).
    bool confirmCaution(const std::string& exerciseId);
    void moveCurrent(int delta);
    void removeCurrent();
    void loadDosageEditors();
    void updateWarning();
    void updateAlternativeButtons();
    void swapCurrent(Alternative which);
    void applyRegionFilter();

    const Catalog& catalog_;
    ProgramModel& program_;
    const Assessment* assessment_ = nullptr;
    const EligibilityRules* rules_ = nullptr;
    bool readOnly_ = false;
    bool screeningRecorded_ = true;
    std::string lang_ = "en";
    QStringList patientRegions_;
    CatalogModel* catalogModel_ = nullptr;
    CatalogFilterModel* filter_ = nullptr;
    QLineEdit* search_ = nullptr;
    QComboBox* region_ = nullptr;
    QComboBox* position_ = nullptr;
    QComboBox* equipment_ = nullptr;
    QTableView* catalogView_ = nullptr;
    QTextBrowser* details_ = nullptr;
    QPushButton* add_ = nullptr;
    QLabel* message_ = nullptr;
    QLabel* handoutNotice_ = nullptr;
    QListView* programView_ = nullptr;
    QLabel* warning_ = nullptr;
    DosageEditor* dosage_ = nullptr;
    QLineEdit* note_ = nullptr;
    QPushButton* up_ = nullptr;
    QPushButton* down_ = nullptr;
    QPushButton* remove_ = nullptr;
    ProtocolChooser* protocols_ = nullptr;
    QPushButton* easier_ = nullptr;
    QPushButton* harder_ = nullptr;
};

} // namespace hepdesk::gui
