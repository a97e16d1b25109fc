#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/LocalizedText.h"
#include "hepdesk/core/Screening.h"
#include "hepdesk/core/ScreeningItems.h"
#include "hepdesk/core/TriageRules.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hepdesk {

/// One consistency check of templates/rules/screening_checks.json: when `when` holds, the
/// screening contradicts itself (refuse) or holds a value that is possible but unlikely (warn).
struct ScreeningCheck {
    enum class Effect { Refuse, Warn };
    std::string id;
    Effect effect = Effect::Warn;
    std::vector<std::string> fields; ///< the screening fields involved, as the user names them
    LocalizedText message;           ///< clinician-facing, English and Spanish
    TriageCondition when;
};

/// A check that fired on a screening.
struct ScreeningIssue {
    const ScreeningCheck* check = nullptr;
    /// "sex and findings: ..." in `lang`, naming every field involved.
    [[nodiscard]] std::string text(std::string_view lang = "en") const;
};

/// The screening consistency checks, as data: contradictions refused, unlikely values warned.
class ScreeningChecks {
public:
    /// Loads and validates `file` against the screening items (finding ids, conditions, texts in
    /// English and Spanish, field names).
    static Result<ScreeningChecks> loadFile(const std::filesystem::path& file,
                                            const ScreeningItems& items);

    [[nodiscard]] const std::vector<ScreeningCheck>& checks() const { return checks_; }
    /// Every check that fires on `s`, in file order.
    [[nodiscard]] std::vector<ScreeningIssue> evaluate(const Screening& s) const;
    /// The first contradiction of `s` as an invalid-input error naming `source` and the fields,
    /// or success when the screening is consistent.
    [[nodiscard]] Status refuseContradictions(const Screening& s, std::string_view source) const;
    /// The warnings about `s` (possible but unlikely values).
    [[nodiscard]] std::vector<ScreeningIssue> warnings(const Screening& s) const;

private:
    std::vector<ScreeningCheck> checks_;
};

} // namespace hepdesk
