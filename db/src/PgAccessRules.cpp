#include "PgAccessRules.h"

namespace hepdesk::db {

const std::string_view kPgAccessRules = R"sql(
DO $$
BEGIN
    -- Roles belong to the whole server: another HepDesk database may have made them already.
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hepdesk_clinician') THEN
        BEGIN
            CREATE ROLE hepdesk_clinician NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hepdesk_admin') THEN
        BEGIN
            CREATE ROLE hepdesk_admin NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
    END IF;
END $$;

-- The login role of each clinician (NULL for clinicians without one: records kept from a
-- file, or people who never log in).
ALTER TABLE clinician ADD COLUMN IF NOT EXISTS login text UNIQUE;
ALTER TABLE patient ADD COLUMN IF NOT EXISTS created_by text;
ALTER TABLE session ADD COLUMN IF NOT EXISTS created_by text;
ALTER TABLE addendum ADD COLUMN IF NOT EXISTS created_by text;
ALTER TABLE session_override ADD COLUMN IF NOT EXISTS created_by text;

-- A workstation's role: anything but a superuser or the owner of the schema (which runs
-- migrations and moves practices, and which no workstation uses).
CREATE OR REPLACE FUNCTION hepdesk_is_workstation() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT NOT COALESCE((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
       AND session_user <> (SELECT pg_get_userbyid(relowner) FROM pg_class
                            WHERE oid = 'public.session'::regclass)
$$;

-- The clinician logged in, or an error naming the login that is not one.
CREATE OR REPLACE FUNCTION hepdesk_login_clinician() RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    me bigint;
BEGIN
    SELECT id INTO me FROM clinician WHERE login = session_user AND active;
    IF me IS NULL THEN
        RAISE EXCEPTION 'the login % is not an active clinician of this clinic', session_user;
    END IF;
    RETURN me;
END $$;

CREATE OR REPLACE FUNCTION hepdesk_stamp_created_by() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    new.created_by := session_user;
    RETURN new;
END $$;
DROP TRIGGER IF EXISTS patient_created_by ON patient;
CREATE TRIGGER patient_created_by BEFORE INSERT ON patient
    FOR EACH ROW EXECUTE FUNCTION hepdesk_stamp_created_by();
DROP TRIGGER IF EXISTS session_created_by ON session;
CREATE TRIGGER session_created_by BEFORE INSERT ON session
    FOR EACH ROW EXECUTE FUNCTION hepdesk_stamp_created_by();

-- Signing: the signer is the clinician logged in. The seal (computed by the client) covers
-- the signer, so a different one is refused rather than silently replaced.
CREATE OR REPLACE FUNCTION hepdesk_signer_is_login() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    me bigint;
BEGIN
    IF hepdesk_is_workstation() THEN
        me := hepdesk_login_clinician();
        IF new.signed_by IS DISTINCT FROM me THEN
            RAISE EXCEPTION 'you are logged in as % (clinician %): a session is signed by the clinician who is logged in, not by clinician %',
                session_user, me, new.signed_by;
        END IF;
    END IF;
    RETURN new;
END $$;
DROP TRIGGER IF EXISTS session_signer_is_login ON session;
CREATE TRIGGER session_signer_is_login BEFORE UPDATE ON session
    FOR EACH ROW WHEN (old.signed_at IS NULL AND new.signed_at IS NOT NULL)
    EXECUTE FUNCTION hepdesk_signer_is_login();

-- A draft belongs to the clinician who started it: only their login changes, deletes or
-- signs it (admins too follow this rule; the schema owner, which moves practices with
-- `db copy`, is exempt as it is not a workstation). Its owner is the clinician whose login
-- created it; a draft created by the schema owner (copied from a file) belongs to the
-- clinician it names when that one has a login, else to no one in particular. Signed
-- sessions are kept by their own triggers. `doing` is 'change or sign', 'delete' or 'sign'.
CREATE OR REPLACE FUNCTION hepdesk_require_draft_owner(sid bigint, doing text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    owner_login text;
    owner_name text;
BEGIN
    IF sid IS NULL OR NOT hepdesk_is_workstation() THEN
        RETURN;
    END IF;
    SELECT COALESCE(creator.login, named.login), COALESCE(creator.name, named.name)
        INTO owner_login, owner_name
        FROM session s
        LEFT JOIN clinician creator ON creator.login = s.created_by
        LEFT JOIN clinician named ON named.id = s.clinician_id AND named.login IS NOT NULL
        WHERE s.id = sid AND s.signed_at IS NULL;
    IF owner_login IS NULL OR owner_login = session_user THEN
        RETURN; -- gone (a cascade), signed (guarded elsewhere), unowned, or the caller's own
    END IF;
    RAISE EXCEPTION 'session % is %''s draft; only % can % it (you are logged in as %)',
        sid, owner_name, owner_name, doing, session_user
        USING ERRCODE = 'P0001';
END $$;

CREATE OR REPLACE FUNCTION hepdesk_session_draft_owner_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    me bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM hepdesk_require_draft_owner(old.id, 'delete');
        RETURN old;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        PERFORM hepdesk_require_draft_owner(old.id,
            CASE WHEN new.signed_at IS NOT NULL THEN 'sign' ELSE 'change or sign' END);
        IF hepdesk_is_workstation() THEN
            new.created_by := old.created_by; -- a draft is not handed to someone else
        END IF;
    END IF;
    -- Schema 17: a session's clinician is the clinician logged in, whatever the client sends
    -- (as "created by"; a client's value is replaced, not refused: HepDesk sends the login's
    -- clinician anyway, and an older window's stale choice should not lose the visit). Signing
    -- keeps the clinician the seal was computed over (the signer is checked on its own).
    IF hepdesk_is_workstation() THEN
        IF TG_OP = 'INSERT' OR new.signed_at IS NULL THEN
            new.clinician_id := hepdesk_login_clinician();
        ELSE
            new.clinician_id := old.clinician_id;
        END IF;
    END IF;
    -- A draft's override names the clinician logged in when it was recorded, never one the
    -- client says (as the signer); an unchanged override keeps who recorded it.
    IF hepdesk_is_workstation()
       AND (new.handout_override_by IS NOT NULL OR new.handout_override_reason <> ''
            OR new.handout_override_kind <> '') THEN
        IF TG_OP = 'UPDATE' AND new.handout_override_reason = old.handout_override_reason
           AND new.handout_override_kind = old.handout_override_kind
           AND new.handout_override_at IS NOT DISTINCT FROM old.handout_override_at THEN
            new.handout_override_by := old.handout_override_by;
        ELSE
            me := hepdesk_login_clinician();
            new.handout_override_by := me;
        END IF;
    END IF;
    RETURN new;
END $$;
DROP TRIGGER IF EXISTS session_draft_owner ON session;
CREATE TRIGGER session_draft_owner BEFORE INSERT OR UPDATE OR DELETE ON session
    FOR EACH ROW EXECUTE FUNCTION hepdesk_session_draft_owner_guard();

-- The findings, program, PSFS and adherence of a draft: its owner's, as the draft itself.
CREATE OR REPLACE FUNCTION hepdesk_child_draft_owner_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM hepdesk_require_draft_owner(old.session_id, 'change or sign');
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM hepdesk_require_draft_owner(new.session_id, 'change or sign');
        RETURN new;
    END IF;
    RETURN old;
END $$;
DO $$
DECLARE
    t text;
BEGIN
    -- signed_handout (schema 17): written in the signing transaction, so only by the owner.
    FOREACH t IN ARRAY ARRAY['session_finding', 'program_item', 'session_psfs',
                             'session_adherence', 'signed_handout'] LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_draft_owner', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION hepdesk_child_draft_owner_guard()',
                       t || '_draft_owner', t);
    END LOOP;
END $$;

-- Schema 17: the record of a handout printed or exported from a draft is its owner's, as the
-- draft (a signed session's reprint may be recorded by anyone: the owner check skips it).
CREATE OR REPLACE FUNCTION hepdesk_handout_draft_owner_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM hepdesk_require_draft_owner(new.session_id, 'print or export the handout of');
    RETURN new;
END $$;
DROP TRIGGER IF EXISTS handout_draft_owner ON handout;
CREATE TRIGGER handout_draft_owner BEFORE INSERT ON handout
    FOR EACH ROW EXECUTE FUNCTION hepdesk_handout_draft_owner_guard();

-- Addenda and overrides: written by the clinician logged in, "created by" the login; an
-- override's actor (the login's name, schema 17) is the login, whatever the client sends.
CREATE OR REPLACE FUNCTION hepdesk_writer_is_login() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    me bigint;
BEGIN
    new.created_by := session_user;
    IF hepdesk_is_workstation() THEN
        IF TG_TABLE_NAME = 'session_override' THEN
            new.actor := session_user;
        END IF;
        me := hepdesk_login_clinician();
        IF new.clinician_id IS NULL THEN
            new.clinician_id := me;
        ELSIF new.clinician_id <> me THEN
            RAISE EXCEPTION 'you are logged in as % (clinician %): you cannot write as clinician %',
                session_user, me, new.clinician_id;
        END IF;
    END IF;
    RETURN new;
END $$;
DROP TRIGGER IF EXISTS addendum_writer_is_login ON addendum;
CREATE TRIGGER addendum_writer_is_login BEFORE INSERT ON addendum
    FOR EACH ROW EXECUTE FUNCTION hepdesk_writer_is_login();
DROP TRIGGER IF EXISTS session_override_writer_is_login ON session_override;
CREATE TRIGGER session_override_writer_is_login BEFORE INSERT ON session_override
    FOR EACH ROW EXECUTE FUNCTION hepdesk_writer_is_login();

-- The audit log names the login that wrote it (the row hash, computed by the client, covers
-- the actor: a different one is refused, never rewritten).
CREATE OR REPLACE FUNCTION hepdesk_audit_actor_is_login() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF hepdesk_is_workstation() AND new.actor IS DISTINCT FROM session_user THEN
        RAISE EXCEPTION 'the audit log names the login that writes it (%), not %',
            session_user, new.actor;
    END IF;
    RETURN new;
END $$;
DROP TRIGGER IF EXISTS audit_log_actor_is_login ON audit_log;
CREATE TRIGGER audit_log_actor_is_login BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION hepdesk_audit_actor_is_login();

-- A clinician's login, made by an admin: the password reaches the server only as a
-- SCRAM-SHA-256 verifier computed by the client (libpq), never as text.
CREATE OR REPLACE FUNCTION hepdesk_add_login(p_login text, p_name text, p_credentials text,
                                             p_verifier text, p_admin boolean,
                                             p_created_at text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    new_id bigint;
BEGIN
    IF p_login !~ '^[a-z][a-z0-9_]{0,62}$' OR p_login LIKE 'pg\_%' OR p_login LIKE 'hepdesk\_%' THEN
        RAISE EXCEPTION 'login name "%" must be a lower-case letter then up to 62 letters, digits or _, not starting with pg_ or hepdesk_', p_login;
    END IF;
    IF p_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'the password must reach the server as a SCRAM-SHA-256 verifier';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE hepdesk_clinician',
                   p_login, p_verifier);
    IF p_admin THEN
        EXECUTE format('GRANT hepdesk_admin TO %I', p_login);
    END IF;
    INSERT INTO clinician(name, credentials, active, created_at, login)
        VALUES (p_name, p_credentials, true, p_created_at, p_login) RETURNING id INTO new_id;
    RETURN new_id;
END $$;
REVOKE ALL ON FUNCTION hepdesk_add_login(text, text, text, text, boolean, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hepdesk_add_login(text, text, text, text, boolean, text)
    TO hepdesk_admin;

-- What each group may do. Nothing here grants UPDATE, DELETE or TRUNCATE on addendum,
-- session_override or audit_log; signed sessions are refused by their triggers.
GRANT USAGE ON SCHEMA public TO hepdesk_clinician, hepdesk_admin;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO hepdesk_clinician, hepdesk_admin;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO hepdesk_clinician, hepdesk_admin;
GRANT INSERT, UPDATE ON patient TO hepdesk_clinician;
GRANT INSERT, DELETE ON patient_search TO hepdesk_clinician;
GRANT INSERT, UPDATE, DELETE ON session, session_finding, program_item, session_psfs,
    session_adherence TO hepdesk_clinician;
GRANT INSERT ON handout, signed_handout, addendum, session_override, audit_log
    TO hepdesk_clinician;
GRANT INSERT, UPDATE ON clinician, clinic_settings TO hepdesk_admin;
GRANT INSERT, UPDATE, DELETE ON custom_exercise TO hepdesk_admin;
GRANT INSERT ON audit_log TO hepdesk_admin;
-- Saved protocols are the clinic's shared programs: every clinician (admins are clinicians
-- too) saves, replaces, renames and removes them; each change is in the audit log under the
-- login. Nothing clinical rests on them (applying one re-checks it against the screening), so
-- they are not kept to admins as clinic exercises are.
GRANT INSERT, UPDATE, DELETE ON protocol, protocol_exercise TO hepdesk_clinician;
)sql";

} // namespace hepdesk::db
