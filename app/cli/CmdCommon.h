#pragma once

#include "Cli.h"
#include "CliArgs.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/Clinician.h"
#include "hepdesk/core/Patient.h"
#include "hepdesk/core/Screening.h"
#include "hepdesk/core/Session.h"
#include "hepdesk/core/TextEscape.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hepdesk::cli {

/// User text (a name, a note, an addendum) as text output shows it: control and escape
/// characters as visible escapes, so stored text can never drive the terminal.
inline std::string esc(std::string_view text) {
    return escapeForTerminal(text);
}

/// Shared by the patient and session commands: one way to print records.
nlohmann::json patientJson(const Patient& p);
/// "cat_cow 2x10", "pelvic_tilt 1x20s per side", with a times-a-day suffix when above one.
std::string dosageText(const ProgramItem& item);
/// One line for a session in a history list.
std::string summaryLine(const SessionSummary& s);
/// `session new`: assess the screening with the clinical core and store the session.
int newSession(Context& ctx, const CliArgs& a, db::Store& store);
/// A screening read from a JSON file, and the document itself (assess() points into it).
struct ScreeningFile {
    nlohmann::json doc;
    Screening screening;
};
/// Reads and checks the screening file `path`; the error names the file and field.
Result<ScreeningFile> readScreeningFile(const std::string& path);

/// Refuses a screening that contradicts itself (naming both fields) and prints a warning on
/// standard error for each possible but unlikely value (templates/rules/screening_checks.json).
Status checkScreening(const Context& ctx, const ClinicalRules& rules, const Screening& screening,
                      std::string_view source);
/// Prints `j` (indented) followed by a newline.
void printJson(Context& ctx, const nlohmann::json& j);
/// `clinician list` on a file and on a server: JSON, or one line per clinician (id, name,
/// credentials or "-", "inactive" when archived).
void printClinicians(Context& ctx, const std::vector<Clinician>& clinicians);

/// Where `db backup` writes, on a file and on a server alike: one FILE, or --folder DIR
/// keeping the newest --keep backups.
struct BackupTarget {
    std::optional<std::string> folder; ///< --folder, when given (no FILE then)
    int keep = 7;                      ///< --keep, 1 to 10000
};
/// Reads `db backup`'s arguments: exactly one FILE unless --folder is given (a usage error
/// otherwise) and a --keep within its bounds.
Result<BackupTarget> backupTarget(const CliArgs& a);

} // namespace hepdesk::cli
