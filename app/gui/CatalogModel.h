#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/EligibilityRules.h"
#include "hepdesk/core/ProgramEligibility.h"
#include "hepdesk/core/TriageRules.h"
#include "hepdesk/core/handout/Figure.h"

#include <QAbstractTableModel>
#include <QPixmap>
#include <QStringList>
#include <map>
#include <vector>

namespace hepdesk::gui {

/// The exercises of the catalog (shipped and the clinic's own) with this patient's eligibility:
/// one row per exercise, the eligibility verdict and its reasons from the core's assessment.
class CatalogModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        RegionColumn,
        PositionColumn,
        EquipmentColumn,
        EligibilityColumn,
        ColumnCount
    };
    enum Role {
        ExerciseIdRole = Qt::UserRole + 1,
        EligibilityRole,  ///< int(EligibilityStatus)
        ReasonsRole,      ///< the clinician-facing reasons, one per line
        RegionIdsRole,    ///< QStringList of region ids
        PositionIdRole,   ///< position id
        EquipmentIdsRole, ///< QStringList of equipment ids
        VerdictRole       ///< int(ProgramVerdict): may it be added now (core's checkProgramItem)
    };

    explicit CatalogModel(QObject* parent = nullptr);

    /// Shows the exercises of `catalog` (avoid entries are not offered). The catalog must stay
    /// valid until the next call.
    void setCatalog(const Catalog* catalog);
    /// Eligibility verdicts for the rows (nullptr: not screened yet).
    void setAssessment(const Assessment* assessment);
    /// The language of exercise names and steps (default: the interface language).
    void setLanguage(const QString& lang);
    /// The rules whose reasons are shown in the interface language (nullptr: as the assessment
    /// stores them, in English). They must outlive the model.
    void setRules(const EligibilityRules* rules);
    /// The triage rules whose reasons a blocked row shows (nullptr: as stored, in English).
    void setTriageRules(const TriageRules* rules);
    /// Whether the screening records anything yet (the visit layer's requireScreening): until
    /// then an eligible row says "Screening not done yet", not "Eligible".
    void setScreeningRecorded(bool recorded);
    /// Whether a valid override reason is recorded: it lifts an urgent or emergency triage's
    /// block on every row (never an exclusion).
    void setOverridden(bool overridden);
    /// The handout figures, drawn as row pictures (nullptr: none; a custom exercise's photo is
    /// shown either way). Must outlive the model.
    void setFigures(const std::map<std::string, handout::Figure, std::less<>>* figures);
    static constexpr QSize kPictureSize{72, 54};

    [[nodiscard]] const CatalogEntry* entryAt(int row) const;
    [[nodiscard]] int rowOf(const std::string& exerciseId) const;

    /// "lying_on_back" -> "Lying on back" (in the interface language): ids shown to the
    /// clinician in filters and columns. See vocabularyLabel().
    static QString humanize(const std::string& id);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    [[nodiscard]] const Eligibility* eligibilityAt(int row) const;
    // data()'s parts.
    [[nodiscard]] QVariant pictureOf(const CatalogEntry& e) const;
    [[nodiscard]] QStringList reasonsOf(const Eligibility* el,
                                        const ProgramDecision& decision) const;
    [[nodiscard]] QVariant eligibilityText(EligibilityStatus status,
                                           const ProgramDecision& decision) const;

    const Catalog* catalog_ = nullptr;
    const Assessment* assessment_ = nullptr;
    const EligibilityRules* rules_ = nullptr;
    const TriageRules* triageRules_ = nullptr;
    bool overridden_ = false;
    bool screeningRecorded_ = true;
    std::vector<const CatalogEntry*> rows_;
    std::string lang_;
    const std::map<std::string, handout::Figure, std::less<>>* figures_ = nullptr;
    mutable std::map<std::string, QPixmap> pictures_; ///< drawn on first show
};

} // namespace hepdesk::gui
