#include "hepdesk/db/Migrations.h"

#include "RecordSeals.h"

#include <array>
#include <string>

namespace hepdesk::db {
namespace {

// Never edit a migration that has shipped: add a new one.
constexpr std::array kMigrations = {
    Migration{1, R"sql(
CREATE TABLE patient (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    birth_date    TEXT NOT NULL DEFAULT '',
    record_number TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at    TEXT NOT NULL
);
CREATE INDEX patient_name ON patient(name);
)sql"},
    Migration{2, R"sql(
CREATE TABLE clinic_settings (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    name       TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    logo       BLOB,
    logo_mime  TEXT NOT NULL DEFAULT ''
               CHECK (logo_mime IN ('', 'image/png', 'image/jpeg')),
    updated_at TEXT NOT NULL,
    CHECK ((logo IS NULL) = (logo_mime = ''))
);
CREATE TABLE clinician (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    credentials TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL
);
ALTER TABLE patient ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
UPDATE patient SET updated_at = created_at;
CREATE INDEX patient_record_number ON patient(record_number COLLATE NOCASE)
    WHERE record_number <> '';
CREATE INDEX patient_birth_date ON patient(birth_date) WHERE birth_date <> '';

-- Search keys are folded by ICU in hepdesk_search_key() (registered on every connection
-- HepDesk opens); triggers keep the index in the same transaction as the patient row.
CREATE VIRTUAL TABLE patient_search USING fts5(
    name, record,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
INSERT INTO patient_search(rowid, name, record)
    SELECT id, hepdesk_search_key(name), hepdesk_search_key(record_number) FROM patient;
CREATE TRIGGER patient_search_insert AFTER INSERT ON patient BEGIN
    INSERT INTO patient_search(rowid, name, record)
        VALUES (new.id, hepdesk_search_key(new.name), hepdesk_search_key(new.record_number));
END;
CREATE TRIGGER patient_search_update AFTER UPDATE OF name, record_number ON patient BEGIN
    UPDATE patient_search SET name = hepdesk_search_key(new.name),
                              record = hepdesk_search_key(new.record_number)
        WHERE rowid = old.id;
END;
CREATE TRIGGER patient_search_delete AFTER DELETE ON patient BEGIN
    DELETE FROM patient_search WHERE rowid = old.id;
END;
)sql"},
    Migration{3, R"sql(
CREATE TABLE session (
    id                      INTEGER PRIMARY KEY,
    patient_id              INTEGER NOT NULL REFERENCES patient(id),
    clinician_id            INTEGER REFERENCES clinician(id),
    started_at              TEXT NOT NULL,
    screening_json          TEXT NOT NULL CHECK (json_valid(screening_json)),
    triage                  TEXT NOT NULL CHECK (triage IN
                                ('routine', 'refer_and_monitor', 'urgent_referral', 'emergency')),
    pain_now                INTEGER CHECK (pain_now BETWEEN 0 AND 10),
    pain_best               INTEGER CHECK (pain_best BETWEEN 0 AND 10),
    pain_worst              INTEGER CHECK (pain_worst BETWEEN 0 AND 10),
    odi_percent             REAL CHECK (odi_percent BETWEEN 0 AND 100),
    ndi_percent             REAL CHECK (ndi_percent BETWEEN 0 AND 100),
    start_back_total        INTEGER CHECK (start_back_total BETWEEN 0 AND 9),
    start_back_psychosocial INTEGER CHECK (start_back_psychosocial BETWEEN 0 AND 5),
    start_back_risk         TEXT CHECK (start_back_risk IN ('low', 'medium', 'high')),
    handout_language        TEXT NOT NULL DEFAULT 'en',
    handout_large_print     INTEGER NOT NULL DEFAULT 0 CHECK (handout_large_print IN (0, 1)),
    handout_override_reason TEXT NOT NULL DEFAULT '',
    signed_at               TEXT,
    signed_by               INTEGER REFERENCES clinician(id),
    created_at              TEXT NOT NULL,
    CHECK ((signed_at IS NULL) = (signed_by IS NULL))
);
CREATE INDEX session_patient ON session(patient_id, started_at, id);

CREATE TABLE session_finding (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    item_id    TEXT NOT NULL,
    rule_id    TEXT NOT NULL,
    level      TEXT NOT NULL CHECK (level IN
                   ('routine', 'refer_and_monitor', 'urgent_referral', 'emergency')),
    reason     TEXT NOT NULL,
    PRIMARY KEY (session_id, position)
) WITHOUT ROWID;

CREATE TABLE program_item (
    session_id    INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    exercise_id   TEXT NOT NULL CHECK (length(exercise_id) > 0),
    sets          INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 10),
    reps          INTEGER NOT NULL CHECK (reps BETWEEN 0 AND 100),
    hold_seconds  INTEGER NOT NULL CHECK (hold_seconds BETWEEN 0 AND 600),
    times_per_day INTEGER NOT NULL CHECK (times_per_day BETWEEN 1 AND 10),
    per_side      INTEGER NOT NULL CHECK (per_side IN (0, 1)),
    note          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, position)
) WITHOUT ROWID;

CREATE TABLE handout (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    sha256      TEXT NOT NULL
                CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    byte_size   INTEGER NOT NULL CHECK (byte_size > 0),
    language    TEXT NOT NULL,
    large_print INTEGER NOT NULL CHECK (large_print IN (0, 1)),
    created_at  TEXT NOT NULL
);
CREATE INDEX handout_session ON handout(session_id);

CREATE TABLE addendum (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES session(id),
    clinician_id INTEGER REFERENCES clinician(id),
    created_at   TEXT NOT NULL,
    text         TEXT NOT NULL CHECK (length(trim(text)) > 0)
);
CREATE INDEX addendum_session ON addendum(session_id);

-- A signed session is a legal record: the database itself refuses to change it.
CREATE TRIGGER session_signed_no_update BEFORE UPDATE ON session
WHEN old.signed_at IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
CREATE TRIGGER session_signed_no_delete BEFORE DELETE ON session
WHEN old.signed_at IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be deleted');
END;
CREATE TRIGGER session_finding_signed_no_insert BEFORE INSERT ON session_finding
WHEN (SELECT signed_at FROM session WHERE id = new.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
CREATE TRIGGER session_finding_signed_no_update BEFORE UPDATE ON session_finding
WHEN (SELECT signed_at FROM session WHERE id = old.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
CREATE TRIGGER session_finding_signed_no_delete BEFORE DELETE ON session_finding
WHEN (SELECT signed_at FROM session WHERE id = old.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
CREATE TRIGGER program_item_signed_no_insert BEFORE INSERT ON program_item
WHEN (SELECT signed_at FROM session WHERE id = new.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
CREATE TRIGGER program_item_signed_no_update BEFORE UPDATE ON program_item
WHEN (SELECT signed_at FROM session WHERE id = old.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
CREATE TRIGGER program_item_signed_no_delete BEFORE DELETE ON program_item
WHEN (SELECT signed_at FROM session WHERE id = old.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
-- Handout records prove what a patient was given: they may be added (a reprint after
-- signing) but never altered or removed once the session is signed.
CREATE TRIGGER handout_signed_no_update BEFORE UPDATE ON handout
WHEN (SELECT signed_at FROM session WHERE id = old.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a handout record of a signed session cannot be changed');
END;
CREATE TRIGGER handout_signed_no_delete BEFORE DELETE ON handout
WHEN (SELECT signed_at FROM session WHERE id = old.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a handout record of a signed session cannot be changed');
END;
-- Addenda correct signed sessions; an unsigned session is simply edited.
CREATE TRIGGER addendum_needs_signed_session BEFORE INSERT ON addendum
WHEN (SELECT signed_at FROM session WHERE id = new.session_id) IS NULL BEGIN
    SELECT RAISE(ABORT, 'addenda are for signed sessions; edit the unsigned session instead');
END;
CREATE TRIGGER addendum_no_update BEFORE UPDATE ON addendum BEGIN
    SELECT RAISE(ABORT, 'an addendum cannot be changed; add another addendum');
END;
CREATE TRIGGER addendum_no_delete BEFORE DELETE ON addendum BEGIN
    SELECT RAISE(ABORT, 'an addendum cannot be deleted');
END;
)sql"},
    Migration{4, R"sql(
CREATE TABLE custom_exercise (
    id         TEXT PRIMARY KEY CHECK (length(id) > 0 AND id NOT GLOB '*[^a-z0-9_]*'),
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    json       TEXT NOT NULL CHECK (json_valid(json) AND json_type(json) = 'object'),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
)sql"},
    Migration{5, R"sql(
-- An optional photo per clinic exercise, printed on the handout instead of a drawn figure.
-- The repository checks the bytes (PNG or JPEG signature matching the type, at most 5 MiB);
-- the table keeps the two columns consistent whatever writes to it.
ALTER TABLE custom_exercise ADD COLUMN photo BLOB
    CHECK (photo IS NULL OR length(photo) BETWEEN 1 AND 5242880);
ALTER TABLE custom_exercise ADD COLUMN photo_mime TEXT NOT NULL DEFAULT ''
    CHECK (photo_mime IN ('', 'image/png', 'image/jpeg') AND (photo_mime = '') = (photo IS NULL));
)sql"},
    Migration{6, R"sql(
-- Tamper evidence. A signed session keeps a SHA-256 seal of its content as signed (see
-- db/TamperCheck.h for what it covers) and how many handout records it had then. Each audit
-- row holds the previous row's hash and its own: a chain that breaks where a row is changed,
-- removed or inserted outside HepDesk. HepDesk computes both; 'db check' verifies them.
ALTER TABLE session ADD COLUMN seal TEXT
    CHECK (seal IS NULL OR (length(seal) = 64 AND seal NOT GLOB '*[^0-9a-f]*'));
ALTER TABLE session ADD COLUMN seal_handouts INTEGER CHECK (seal_handouts >= 0);
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
-- Sessions signed before seals existed, sealed once as they stand by the step that follows
-- the migrations (it reads each session as HepDesk does); the rows already in the audit log
-- are chained in this migration's transaction (db::migrate).
CREATE TABLE session_seal_pending (
    session_id INTEGER PRIMARY KEY REFERENCES session(id)
);
INSERT INTO session_seal_pending(session_id) SELECT id FROM session WHERE signed_at IS NOT NULL;
)sql"},
    Migration{7, R"sql(
-- What a signed session's handout is made from (patient name, clinician, clinic details and
-- logo, language, print size, paper, override reason, program, findings and assessment), as
-- JSON written at signing: a reprint uses it, never today's details or rules. Written in the
-- signing transaction before signed_at is set; session_signed_no_update keeps it after.
ALTER TABLE session ADD COLUMN signed_snapshot TEXT
    CHECK (signed_snapshot IS NULL OR json_valid(signed_snapshot));

-- An override of the handout block given after signing (an emergency or urgent session signed
-- without a reason): who, when and why, append-only like an addendum.
CREATE TABLE session_override (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES session(id),
    clinician_id INTEGER REFERENCES clinician(id),
    actor        TEXT NOT NULL CHECK (length(trim(actor)) > 0),
    created_at   TEXT NOT NULL,
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0)
);
CREATE INDEX session_override_session ON session_override(session_id);
CREATE TRIGGER session_override_needs_signed_session BEFORE INSERT ON session_override
WHEN (SELECT signed_at FROM session WHERE id = new.session_id) IS NULL BEGIN
    SELECT RAISE(ABORT, 'an override after signing is for signed sessions; edit the unsigned session instead');
END;
CREATE TRIGGER session_override_no_update BEFORE UPDATE ON session_override BEGIN
    SELECT RAISE(ABORT, 'an override cannot be changed');
END;
CREATE TRIGGER session_override_no_delete BEFORE DELETE ON session_override BEGIN
    SELECT RAISE(ABORT, 'an override cannot be deleted');
END;
)sql"},
    Migration{8, R"sql(
-- The search key now lowers letters before transliterating them (db/src/SearchKey.cpp): index
-- every stored name and record number again with it.
DELETE FROM patient_search;
INSERT INTO patient_search(rowid, name, record)
    SELECT id, hepdesk_search_key(name), hepdesk_search_key(record_number) FROM patient;
)sql"},
    Migration{9, R"sql(
-- Saved programs (clinic protocols): a named, ordered list of exercises with dosage and note,
-- reused across patients. Applying one re-checks every entry against the patient's screening
-- (visit layer); the rows here decide nothing clinical. Names are unique ignoring case.
CREATE TABLE protocol (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE
               CHECK (length(trim(name)) > 0 AND length(CAST(name AS BLOB)) <= 100),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE protocol_exercise (
    protocol_id   INTEGER NOT NULL REFERENCES protocol(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL CHECK (position >= 0),
    exercise_id   TEXT NOT NULL CHECK (length(exercise_id) > 0),
    sets          INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 10),
    reps          INTEGER NOT NULL CHECK (reps BETWEEN 0 AND 100),
    hold_seconds  INTEGER NOT NULL CHECK (hold_seconds BETWEEN 0 AND 600),
    times_per_day INTEGER NOT NULL CHECK (times_per_day BETWEEN 1 AND 10),
    per_side      INTEGER NOT NULL CHECK (per_side IN (0, 1)),
    note          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (protocol_id, position),
    UNIQUE (protocol_id, exercise_id)
) WITHOUT ROWID;
)sql"},
    Migration{10, R"sql(
-- Patient-Specific Functional Scale: up to five activities in the patient's words, each rated
-- 0..10 or not yet rated (NULL: carried over to a follow-up and not re-rated).
CREATE TABLE session_psfs (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position BETWEEN 0 AND 4),
    activity   TEXT NOT NULL CHECK (length(trim(activity)) > 0),
    rating     INTEGER CHECK (rating BETWEEN 0 AND 10),
    PRIMARY KEY (session_id, position),
    UNIQUE (session_id, activity)
) WITHOUT ROWID;

-- Days of the 14-day exercise log the patient did each exercise; NULL = not asked (never 0).
CREATE TABLE session_adherence (
    session_id  INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 0),
    exercise_id TEXT NOT NULL CHECK (length(exercise_id) > 0),
    days_done   INTEGER CHECK (days_done BETWEEN 0 AND 14),
    PRIMARY KEY (session_id, position),
    UNIQUE (session_id, exercise_id)
) WITHOUT ROWID;

CREATE TRIGGER session_psfs_signed_no_insert BEFORE INSERT ON session_psfs
WHEN (SELECT signed_at FROM session WHERE id = new.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
CREATE TRIGGER session_psfs_signed_no_update BEFORE UPDATE ON session_psfs
WHEN (SELECT signed_at FROM session WHERE id = old.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
CREATE TRIGGER session_psfs_signed_no_delete BEFORE DELETE ON session_psfs
WHEN (SELECT signed_at FROM session WHERE id = old.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
CREATE TRIGGER session_adherence_signed_no_insert BEFORE INSERT ON session_adherence
WHEN (SELECT signed_at FROM session WHERE id = new.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
CREATE TRIGGER session_adherence_signed_no_update BEFORE UPDATE ON session_adherence
WHEN (SELECT signed_at FROM session WHERE id = old.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
CREATE TRIGGER session_adherence_signed_no_delete BEFORE DELETE ON session_adherence
WHEN (SELECT signed_at FROM session WHERE id = old.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
)sql"},
    Migration{11, R"sql(
-- An override of an urgent or emergency triage names its kind from a short list with the
-- clinician's sentence, and who recorded it and when (a draft's; after signing
-- session_override keeps who and when already). Empty or NULL for overrides recorded before.
ALTER TABLE session ADD COLUMN handout_override_kind TEXT NOT NULL DEFAULT ''
    CHECK (handout_override_kind IN
        ('', 'declines_referral', 'seen_by_doctor_today', 'referral_arranged', 'other'));
ALTER TABLE session ADD COLUMN handout_override_by INTEGER REFERENCES clinician(id);
ALTER TABLE session ADD COLUMN handout_override_at TEXT;
ALTER TABLE session_override ADD COLUMN kind TEXT NOT NULL DEFAULT ''
    CHECK (kind IN ('', 'declines_referral', 'seen_by_doctor_today', 'referral_arranged', 'other'));
)sql"},
    Migration{12, R"sql(
-- A dosage as the clinician typed it: a hold or a duration such as walking up to 60 minutes
-- (core's kHoldSecondsLimit), its unit (seconds, or whole minutes), days a week (7: every day)
-- and weeks (0: not said). SQLite cannot change a CHECK in place, so program_item and
-- protocol_exercise are rebuilt with their rows. The new columns take the values that mean
-- "as before", so a signed session reads back as it was signed and its seal still holds.
-- Dropping a table drops its triggers (its implicit delete fires none): the signed-session
-- triggers of migration 3 are created again as they were.
CREATE TABLE program_item_v12 (
    session_id    INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    exercise_id   TEXT NOT NULL CHECK (length(exercise_id) > 0),
    sets          INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 10),
    reps          INTEGER NOT NULL CHECK (reps BETWEEN 0 AND 100),
    hold_seconds  INTEGER NOT NULL CHECK (hold_seconds BETWEEN 0 AND 3600),
    times_per_day INTEGER NOT NULL CHECK (times_per_day BETWEEN 1 AND 10),
    per_side      INTEGER NOT NULL CHECK (per_side IN (0, 1)),
    note          TEXT NOT NULL DEFAULT '',
    hold_unit     TEXT NOT NULL DEFAULT 's' CHECK (hold_unit IN ('s', 'min')),
    days_per_week INTEGER NOT NULL DEFAULT 7 CHECK (days_per_week BETWEEN 1 AND 7),
    weeks         INTEGER NOT NULL DEFAULT 0 CHECK (weeks BETWEEN 0 AND 52),
    CHECK (hold_unit = 's' OR hold_seconds % 60 = 0),
    PRIMARY KEY (session_id, position)
) WITHOUT ROWID;
INSERT INTO program_item_v12(session_id, position, exercise_id, sets, reps, hold_seconds,
                             times_per_day, per_side, note)
    SELECT session_id, position, exercise_id, sets, reps, hold_seconds, times_per_day,
           per_side, note FROM program_item;
DROP TABLE program_item;
ALTER TABLE program_item_v12 RENAME TO program_item;
CREATE TRIGGER program_item_signed_no_insert BEFORE INSERT ON program_item
WHEN (SELECT signed_at FROM session WHERE id = new.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
CREATE TRIGGER program_item_signed_no_update BEFORE UPDATE ON program_item
WHEN (SELECT signed_at FROM session WHERE id = old.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
CREATE TRIGGER program_item_signed_no_delete BEFORE DELETE ON program_item
WHEN (SELECT signed_at FROM session WHERE id = old.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;

CREATE TABLE protocol_exercise_v12 (
    protocol_id   INTEGER NOT NULL REFERENCES protocol(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL CHECK (position >= 0),
    exercise_id   TEXT NOT NULL CHECK (length(exercise_id) > 0),
    sets          INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 10),
    reps          INTEGER NOT NULL CHECK (reps BETWEEN 0 AND 100),
    hold_seconds  INTEGER NOT NULL CHECK (hold_seconds BETWEEN 0 AND 3600),
    times_per_day INTEGER NOT NULL CHECK (times_per_day BETWEEN 1 AND 10),
    per_side      INTEGER NOT NULL CHECK (per_side IN (0, 1)),
    note          TEXT NOT NULL DEFAULT '',
    hold_unit     TEXT NOT NULL DEFAULT 's' CHECK (hold_unit IN ('s', 'min')),
    days_per_week INTEGER NOT NULL DEFAULT 7 CHECK (days_per_week BETWEEN 1 AND 7),
    weeks         INTEGER NOT NULL DEFAULT 0 CHECK (weeks BETWEEN 0 AND 52),
    CHECK (hold_unit = 's' OR hold_seconds % 60 = 0),
    PRIMARY KEY (protocol_id, position),
    UNIQUE (protocol_id, exercise_id)
) WITHOUT ROWID;
INSERT INTO protocol_exercise_v12(protocol_id, position, exercise_id, sets, reps, hold_seconds,
                                  times_per_day, per_side, note)
    SELECT protocol_id, position, exercise_id, sets, reps, hold_seconds, times_per_day,
           per_side, note FROM protocol_exercise;
DROP TABLE protocol_exercise;
ALTER TABLE protocol_exercise_v12 RENAME TO protocol_exercise;
)sql"},
    Migration{13, R"sql(
-- The identifier system of patients' record numbers in the clinic's health record (the FHIR
-- export): an absolute URI (a scheme, ':', no spaces or control characters), or '' for
-- HepDesk's own.
ALTER TABLE clinic_settings ADD COLUMN record_system TEXT NOT NULL DEFAULT ''
    CHECK (record_system = '' OR (
        length(CAST(record_system AS BLOB)) <= 500
        AND substr(record_system, 1, 1) GLOB '[A-Za-z]'
        AND instr(record_system, ':') > 1
        AND substr(record_system, 1, instr(record_system, ':') - 1) NOT GLOB '*[^A-Za-z0-9+.-]*'
        AND length(record_system) > instr(record_system, ':')
        AND record_system NOT GLOB ('*[' || char(1) || '-' || char(32) || char(127) || ']*')));
)sql"},
    Migration{14, R"sql(
-- A draft's row version: each save of a draft adds one, and a save from a window that read an
-- older version is refused (two computers on one draft: never a silent overwrite).
ALTER TABLE session ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0 CHECK (row_version >= 0);
)sql"},
    Migration{15, R"sql(
-- The handout's PDF exactly as it stood at signing, kept with the session: a reprint of a signed
-- session is these bytes, whatever fonts, templates or rules the installation has later.
-- Written in the signing transaction before signed_at is set; never changed or removed.
CREATE TABLE signed_handout (
    session_id INTEGER PRIMARY KEY REFERENCES session(id),
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
    pages      INTEGER NOT NULL CHECK (pages > 0),
    pdf        BLOB NOT NULL CHECK (length(pdf) > 0)
);
CREATE TRIGGER signed_handout_needs_unsigned_session BEFORE INSERT ON signed_handout
WHEN (SELECT signed_at FROM session WHERE id = new.session_id) IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a signed session cannot be changed; add an addendum instead');
END;
CREATE TRIGGER signed_handout_no_update BEFORE UPDATE ON signed_handout BEGIN
    SELECT RAISE(ABORT, 'the handout kept at signing cannot be changed');
END;
CREATE TRIGGER signed_handout_no_delete BEFORE DELETE ON signed_handout BEGIN
    SELECT RAISE(ABORT, 'the handout kept at signing cannot be deleted');
END;
)sql"},
    Migration{16, R"sql(
-- Nothing to change here: step 16 speeds up patient search on a clinic server (each word's
-- chain and one index for it, PostgreSQL only). This file's FTS5 index already finds a word
-- split over adjacent stored words ("obrien" for "O'Brien") with one phrase query.
)sql"},
    Migration{17, R"sql(
-- Schema 17 is a clinic server's (db/src/PgSchema.cpp): the server fills in a draft's clinician
-- from the login and keeps a draft's handout records to its owner. A file has no logins: the
-- clinician named in Settings writes and signs, so nothing changes here. The step exists to
-- keep one version number for both backends.
)sql"},
};

} // namespace

std::span<const Migration> migrations() {
    return kMigrations;
}

Status migrate(Connection& conn, int target) {
    if (target < 0) {
        target = kMigrations.back().version;
    }
    auto current = conn.queryInt("PRAGMA user_version");
    if (!current) {
        return current.error();
    }
    for (const Migration& m : kMigrations) {
        if (m.version <= *current || m.version > target) {
            continue;
        }
        auto tx = Transaction::begin(conn);
        if (!tx) {
            return tx.error();
        }
        if (auto s = conn.exec(m.sql); !s) {
            return Error::database("migration to schema " + std::to_string(m.version) +
                                   " failed: " + s.error().message);
        }
        if (m.version == kSealedSchema) {
            if (auto s = chainExistingAuditRows(conn); !s) {
                return Error::database("migration to schema 6 failed: " + s.error().message);
            }
        }
        if (auto s = conn.exec("PRAGMA user_version = " + std::to_string(m.version)); !s) {
            return s.error();
        }
        if (auto s = tx->commit(); !s) {
            return s.error();
        }
    }
    if (target == kMigrations.back().version) {
        return sealSessionsSignedBeforeSeals(conn);
    }
    return {};
}

} // namespace hepdesk::db
