#pragma once

#include <string_view>

namespace hepdesk::db {

/// Who may do what on a clinic server, applied after the versioned steps on every migration
/// (idempotent; a new schema version that adds a table adds its grants here):
///  - group roles hepdesk_clinician (patients, their own drafts, signing as themselves,
///    addenda, overrides, handout records) and hepdesk_admin (clinic settings, clinic
///    exercises, clinicians and their logins); every login role is a member of one;
///  - triggers that tie the signer, an addendum's or override's clinician, the audit actor and
///    "created by" to session_user, so no workstation can write as someone else. Values the
///    client computed a hash over (signer, audit actor) or that it names explicitly (an
///    addendum's clinician) are refused when they are not the login's; the others (a draft's
///    clinician, a draft override's clinician, an override's actor, "created by") are
///    replaced by the login's whatever the client sends;
///  - a draft, its children, its handout records and the handout kept at signing are written
///    only by its owner's login;
///  - no UPDATE, DELETE or TRUNCATE on signed sessions, addenda, overrides or the audit log
///    for any of those roles (the rules of the record refuse them for everyone; only the schema
///    owner, which no workstation uses, could lift them).
extern const std::string_view kPgAccessRules;

} // namespace hepdesk::db
