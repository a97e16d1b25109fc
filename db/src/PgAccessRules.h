#pragma once

#include <string_view>

namespace hepdesk::db {

/// Who may do what on a clinic server, applied after the versioned steps on every migration
/// (idempotent; a new schema version that adds a table adds its grants here):
///  - group roles hepdesk_clinician (patients, their own drafts, signing as themselves,
///    addenda, overrides, handout records) and hepdesk_admin (clinic settings, clinic
///    exercises, clinicians and their logins); every login role is a member of one;
///  - triggers that tie the signer, an addendum's or override's clinician, the audit actor and
///    "created by" to session_user, so no workstation can write as someone else;
///  - no UPDATE, DELETE or TRUNCATE on signed sessions, addenda, overrides or the audit log
///    for any of those roles (the rules of the record refuse them for everyone; only the schema
///    owner, which no workstation uses, could lift them).
extern const std::string_view kPgAccessRules;

} // namespace hepdesk::db
