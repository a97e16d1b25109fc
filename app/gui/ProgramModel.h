#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/EligibilityRules.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/Program.h"
#include "hepdesk/core/Progressions.h"
#include "hepdesk/core/TriageRules.h"

#include <QAbstractListModel>

namespace hepdesk::gui {

/// The session's home program as an ordered list: reorder by drag and drop or moveRows, edit
/// dosage and the clinician's note through roles. Adding an exercise the assessment excludes is
/// refused with the core's reason; a signed session's program is read-only.
class ProgramModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        ExerciseIdRole = Qt::UserRole + 1,
        SetsRole,
        RepsRole,
        HoldSecondsRole,
        TimesPerDayRole,
        PerSideRole,
        NoteRole,
        DosageTextRole,
        EligibilityRole, ///< int(EligibilityStatus)
    };
    /// Above this many exercises adherence drops: the editor shows a warning.
    static constexpr int kRecommendedMaximum = 6;

    /// `catalog` names the exercises and must outlive the model.
    explicit ProgramModel(const Catalog& catalog, QObject* parent = nullptr);

    void setProgram(Program program);
    /// setProgram as an edit of the clinician (a protocol applied): the session is unsaved.
    void replaceProgram(Program program);
    [[nodiscard]] const Program& program() const { return program_; }
    /// The eligibility verdicts adding is checked against (nullptr: no screening yet, and then
    /// nothing can be added). The pointer must stay valid until the next call.
    void setAssessment(const Assessment* assessment);
    void setReadOnly(bool readOnly);
    [[nodiscard]] bool isReadOnly() const { return readOnly_; }
    void setLanguage(const QString& lang);
    /// The rules whose reasons the tool tips show in the interface language (nullptr: as the
    /// assessment stores them, in English). They must outlive the model.
    void setRules(const EligibilityRules* rules) { rules_ = rules; }
    /// The triage rules that name why an urgent or emergency triage blocks adding (nullptr: the
    /// stored English reasons). They must outlive the model.
    void setTriageRules(const TriageRules* rules) { triageRules_ = rules; }
    /// Whether a valid override reason is recorded: it lifts the triage's block on adding
    /// (never an exclusion).
    void setOverridden(bool overridden) { overridden_ = overridden; }

    /// Appends `exerciseId` with the catalog's default dosage. Refused (with the reason) when
    /// read-only, when the exercise is unknown, already in the program, excluded, or blocked by
    /// an urgent or emergency triage without an override (core's checkProgramItem).
    Status add(const std::string& exerciseId);
    /// Replaces row `row`'s dosage; refused (false) when read-only or outside the core's limits.
    bool setDosage(int row, const Dosage& d);
    bool remove(int row);
    /// Swaps row `row` in place for its easier or harder version (core swapForAlternative:
    /// dosage kept where it fits, note kept). Refused when read-only, unscreened, or when the
    /// version is missing, excluded or already in the program.
    Status swapForAlternative(int row, Alternative which);
    /// Moves one row up (-1) or down (+1); false at the ends or when read-only.
    bool move(int row, int delta);
    [[nodiscard]] bool overRecommended() const {
        return static_cast<int>(program_.items.size()) > kRecommendedMaximum;
    }

    /// "2 × 10, hold 5 s, twice a day, each side, 5 days a week, 6 weeks": the clinician's
    /// summary of a dosage, with how often in the same plain words as the handout.
    static QString dosageText(const Dosage& d);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                  const QModelIndex& destinationParent, int destinationChild) override;
    [[nodiscard]] Qt::DropActions supportedDropActions() const override;
    [[nodiscard]] QStringList mimeTypes() const override;
    [[nodiscard]] QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

signals:
    /// The program changed (order, items, dosage or notes): the session is unsaved.
    void programEdited();

private:
    const Catalog& catalog_;
    const Assessment* assessment_ = nullptr;
    const EligibilityRules* rules_ = nullptr;
    const TriageRules* triageRules_ = nullptr;
    bool overridden_ = false;
    Program program_;
    std::string lang_ = "en";
    bool readOnly_ = false;
};

} // namespace hepdesk::gui
