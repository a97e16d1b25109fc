#pragma once

#include "hepdesk/core/Error.h"

namespace hepdesk::db {

class Connection;

/// Schema version from which sessions are sealed at signing and the audit log is chained.
inline constexpr int kSealedSchema = 6;

/// Part of migration 6 (same transaction): gives the audit rows written before it their
/// chain hashes, in id order, as they are stored.
Status chainExistingAuditRows(Connection& conn);

/// After migrating to the latest schema: seals the sessions signed before seals existed
/// (listed by migration 6 in session_seal_pending) as they are stored now, each with an
/// audit row saying so. A session that cannot be read stays pending (verifyRecords names it).
Status sealSessionsSignedBeforeSeals(Connection& conn);

} // namespace hepdesk::db
