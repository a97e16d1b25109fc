#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/Session.h"

#include <cstddef>
#include <string>
#include <vector>

namespace hepdesk::db {

class Connection;
class Database;

/// The seal of a signed session: SHA-256 (hex) of its canonical content, which is
/// toJson(session) (core/src/Session.cpp: screening, triage, findings, scores, program, handout
/// options, signer, signing time, and any field a later version adds there) without what
/// legitimately grows after signing: the addenda, overrides given after signing, and the
/// handout records after the first
/// `handoutsAtSigning`. Keys are sorted (nlohmann objects are ordered) and members that are
/// null or empty are left out, so a field added by a later version changes no older seal
/// until it has content.
Result<std::string> sessionSeal(const Session& session, std::size_t handoutsAtSigning);

/// Recomputes every signed session's seal and the whole audit-log hash chain; one line per
/// problem, naming the record ("session 3: signed content changed outside HepDesk (seal
/// mismatch)", "audit log row 17: hash mismatch ...", "audit log: row 12 missing ...").
/// Empty when every record is as HepDesk wrote it. A file older than schema 6 has nothing to
/// verify yet (it is sealed when it is migrated).
Result<std::vector<std::string>> verifyRecords(Database& db);
/// The same on any connection to a HepDesk file of `schemaVersion` (a backup being restored).
Result<std::vector<std::string>> verifyRecords(Connection& conn, int schemaVersion);

} // namespace hepdesk::db
