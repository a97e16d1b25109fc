#pragma once

#include "Cli.h"
#include "CliArgs.h"
#include "hepdesk/core/Patient.h"
#include "hepdesk/core/Session.h"

#include <nlohmann/json.hpp>
#include <string>

namespace hepdesk::cli {

/// Shared by the patient and session commands: one way to print records.
nlohmann::json patientJson(const Patient& p);
/// "cat_cow 2x10", "pelvic_tilt 1x20s per side", with a times-a-day suffix when above one.
std::string dosageText(const ProgramItem& item);
/// One line for a session in a history list.
std::string summaryLine(const SessionSummary& s);
/// `session new`: assess the screening with the clinical core and store the session.
int newSession(Context& ctx, const CliArgs& a, db::Database& db);
/// Prints `j` (indented) followed by a newline.
void printJson(Context& ctx, const nlohmann::json& j);

} // namespace hepdesk::cli
