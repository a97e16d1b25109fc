#pragma once

// The checks and audit wording of each record, shared by the SQLite and the server backends so
// both accept, refuse and describe a change the same way. The session checks are defined in
// SessionRecord.cpp (with the rest of a session's record rules), the others next to the SQLite
// repository they came from.

#include "hepdesk/core/ClinicSettings.h"
#include "hepdesk/core/Clinician.h"
#include "hepdesk/core/Error.h"
#include "hepdesk/core/Patient.h"
#include "hepdesk/core/Session.h"
#include "hepdesk/db/CustomExerciseRepository.h"

#include <string>
#include <string_view>

namespace hepdesk::db {

Status checkPatient(const Patient& p);
/// What an edit changed, field by field, for the audit log.
std::string patientChanges(const Patient& before, const Patient& after);
/// A date of birth typed in a search, as the ISO prefix it stands for; empty when not a date.
std::string searchDatePrefix(std::string_view query);
/// `query` without surrounding white space.
std::string trimmedQuery(std::string_view query);

Status checkClinician(const Clinician& c);
std::string clinicianChanges(const Clinician& before, const Clinician& after);

/// Text fields and logo of the clinic's settings.
Status checkClinicSettings(const ClinicSettings& s);

Status checkCustomExercise(const CustomExercise& e);

/// A session as stored new or edited: scores in range, texts, program dosages, handouts.
Status checkSession(const Session& s);
Status checkSessionHandout(const HandoutRecord& h);
/// For the audit line of a new session: ", visit time T, entered at NOW" when the visit time
/// given is not the moment it is stored (a late entry, or a draft saved a while after it
/// started); empty otherwise.
std::string visitTimeNote(const std::string& startedAt, const std::string& now);
/// For the audit line of an edit: "visit time changed from A to B" (a late entry corrected),
/// empty when the visit time stayed.
std::string visitTimeChange(const std::string& before, const std::string& after);
/// The handout's PDF kept at signing: a PDF, its SHA-256 its own, at least one page.
Status checkSignedPdf(const SignedHandoutPdf& p);
/// The screening as stored: its JSON text (InvalidInput when a text is not UTF-8).
Result<std::string> sessionScreeningText(const Screening& s);

} // namespace hepdesk::db
