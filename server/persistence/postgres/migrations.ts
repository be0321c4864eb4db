// The PostgreSQL twin of ../migrations.ts: the same ids and names, producing the same tables,
// columns, keys, constraints, indexes and append-only triggers, in PostgreSQL's own types.
// Never edit a released step: add the next number here AND in ../migrations.ts (same id, same
// name). tests/integration/postgres/schema-parity.test.ts compares the two schemas and fails
// when one side has a step, table, column, index, key or trigger the other lacks. Each step runs
// in one transaction (migrate.ts), so a step cannot use CREATE INDEX CONCURRENTLY.
//
// Type choices (the test holds the exceptions in one list):
// - millisecond timestamps, sequences, sizes: BIGINT (SQLite's INTEGER is 64-bit; int4 overflows
//   in 2038 for seconds and at once for milliseconds). pg returns int8 as a string unless told.
// - Yjs states/updates and SHA-256 hashes kept as blobs: BYTEA (pg returns a Buffer, as SQLite).
// - the four 0/1 flags every repository reads as booleans (users.is_admin, may_create_reviews,
//   mail_outbox.secret, evidence_files.confidential): BOOLEAN. Binding 1/0 still works (PostgreSQL
//   reads '1'/'0' as booleans) and `= TRUE` works on both engines; reads return true/false.
// - hashed or canonical text stays TEXT: ISO times in the record (frozen_at, signed_at, at) and
//   JSON (record_json, details, ...) are fingerprinted byte for byte; jsonb/timestamptz would
//   re-render them and break the chain.
// - COLLATE NOCASE: a case-insensitive ICU collation named "nocase", so `email = $1` and the
//   repositories' `ORDER BY name COLLATE NOCASE` behave as in SQLite (see migration 1).

export type PostgresMigration = { id: number; name: string; sql: string };

/** Refusal of one change to an append-only table; the message is SQLite's RAISE(ABORT, ...) text. */
function refuse(trigger: string, table: string, when: 'UPDATE' | 'DELETE' | 'TRUNCATE', message: string): string {
	// Row triggers for UPDATE/DELETE, as SQLite's (a statement touching no row passes there too);
	// TRUNCATE has only statement triggers, and SQLite has no TRUNCATE, so it gets the delete text.
	const each = when === 'TRUNCATE' ? 'STATEMENT' : 'ROW';
	if (message.includes("'")) throw new Error(`${trigger}: a refusal message is pasted into SQL and may not contain a quote`);
	return `CREATE TRIGGER ${trigger} BEFORE ${when} ON ${table} FOR EACH ${each} EXECUTE FUNCTION psems_refuse_change('${message}');`;
}

function appendOnly(table: string, changed: string, deleted: string): string {
	return [
		refuse(`${table}_no_update`, table, 'UPDATE', changed),
		refuse(`${table}_no_delete`, table, 'DELETE', deleted),
		refuse(`${table}_no_truncate`, table, 'TRUNCATE', deleted)
	].join('\n');
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
	{
		id: 1,
		name: 'accounts, sessions, reviews, participants, invitations',
		sql: `
		-- SQLite's NOCASE folds ASCII letters only; this folds case in every script and keeps
		-- accents significant (ICU strength 2). Nondeterministic: equality and UNIQUE ignore case.
		-- PostgreSQL 15 refuses LIKE on such columns; no query uses LIKE on them.
		CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
		CREATE TABLE users (
			id TEXT PRIMARY KEY,
			email TEXT NOT NULL UNIQUE COLLATE nocase,
			name TEXT NOT NULL,
			password_hash TEXT NOT NULL,
			is_admin BOOLEAN NOT NULL DEFAULT FALSE,
			created_at BIGINT NOT NULL,
			password_changed_at BIGINT NOT NULL
		);
		CREATE TABLE sessions (
			id TEXT PRIMARY KEY,
			secret_hash BYTEA NOT NULL,
			user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
			created_at BIGINT NOT NULL,
			last_seen_at BIGINT NOT NULL
		);
		CREATE INDEX sessions_user ON sessions(user_id);
		CREATE TABLE reviews (
			id TEXT PRIMARY KEY,
			title TEXT NOT NULL,
			port_name TEXT NOT NULL,
			port_country TEXT NOT NULL,
			kind TEXT NOT NULL CHECK (kind IN ('self_assessment', 'independent_review')),
			scheduled_on TEXT,
			framework_id TEXT NOT NULL,
			framework_version TEXT NOT NULL,
			created_by TEXT NOT NULL REFERENCES users(id),
			created_at BIGINT NOT NULL
		);
		CREATE TABLE participants (
			review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
			user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
			role TEXT NOT NULL CHECK (role IN ('facilitator','security_manager','department_head','accountable_manager','observer')),
			department TEXT,
			added_at BIGINT NOT NULL,
			PRIMARY KEY (review_id, user_id)
		);
		CREATE INDEX participants_user ON participants(user_id);
		CREATE TABLE invitations (
			id TEXT PRIMARY KEY,
			token_hash BYTEA NOT NULL UNIQUE,
			review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
			email TEXT NOT NULL COLLATE nocase,
			name TEXT NOT NULL,
			role TEXT NOT NULL CHECK (role IN ('facilitator','security_manager','department_head','accountable_manager','observer')),
			department TEXT,
			invited_by TEXT NOT NULL REFERENCES users(id),
			created_at BIGINT NOT NULL,
			expires_at BIGINT NOT NULL,
			accepted_at BIGINT,
			accepted_by TEXT REFERENCES users(id),
			revoked_at BIGINT
		);
		CREATE INDEX invitations_review ON invitations(review_id);
		CREATE TABLE login_attempts (
			key TEXT NOT NULL,
			at BIGINT NOT NULL
		);
		CREATE INDEX login_attempts_key ON login_attempts(key, at);
		`
	},
	{
		id: 2,
		name: 'Yjs document state and the durable update log',
		sql: `
		CREATE TABLE documents (
			name TEXT PRIMARY KEY,
			state BYTEA NOT NULL,
			log_seq BIGINT NOT NULL DEFAULT 0,
			updated_at BIGINT NOT NULL
		);
		-- AUTOINCREMENT's twin: never reused. BY DEFAULT (not ALWAYS) so rows copied from SQLite keep
		-- their seq, as SQLite allows; after such a copy, setval the sequence past the highest seq.
		-- With several writers, seq order is not commit order (see SCALE.md on compaction).
		CREATE TABLE update_log (
			seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
			document_name TEXT NOT NULL,
			update_data BYTEA NOT NULL,
			created_at BIGINT NOT NULL
		);
		CREATE INDEX update_log_document ON update_log(document_name, seq);
		`
	},
	{
		id: 3,
		name: 'evaluation record: snapshots, signatures, hash-chained audit log (append-only)',
		sql: `
		CREATE TABLE snapshots (
			id TEXT PRIMARY KEY,
			review_id TEXT NOT NULL REFERENCES reviews(id),
			version INTEGER NOT NULL CHECK (version >= 1),
			label TEXT NOT NULL,
			note TEXT NOT NULL,
			frozen_at TEXT NOT NULL,
			frozen_by TEXT NOT NULL,
			frozen_by_name TEXT NOT NULL,
			content_hash TEXT NOT NULL,
			previous_chain_hash TEXT,
			chain_hash TEXT NOT NULL,
			record_json TEXT NOT NULL,
			workspace_state BYTEA NOT NULL,
			reviewer_state BYTEA NOT NULL,
			UNIQUE (review_id, version)
		);
		CREATE TABLE signatures (
			id TEXT PRIMARY KEY,
			snapshot_id TEXT NOT NULL REFERENCES snapshots(id),
			review_id TEXT NOT NULL,
			version INTEGER NOT NULL,
			meaning TEXT NOT NULL CHECK (meaning IN ('attested', 'reviewed', 'approved')),
			signer_user_id TEXT NOT NULL,
			printed_name TEXT NOT NULL,
			role TEXT NOT NULL,
			signed_at TEXT NOT NULL,
			record_hash TEXT NOT NULL,
			declaration_hash TEXT NOT NULL,
			UNIQUE (review_id, version, meaning, signer_user_id)
		);
		CREATE INDEX signatures_review ON signatures(review_id, version);
		-- seq is assigned by the application as last + 1 (no default, unlike SQLite's rowid alias),
		-- so a missing row shows as a gap.
		CREATE TABLE audit_log (
			seq BIGINT PRIMARY KEY,
			at TEXT NOT NULL,
			actor_id TEXT,
			actor_name TEXT,
			action TEXT NOT NULL,
			review_id TEXT,
			details TEXT NOT NULL,
			previous_hash TEXT,
			hash TEXT NOT NULL
		);
		CREATE INDEX audit_log_review ON audit_log(review_id, seq);
		-- One function for every refusal: the trigger passes the message. SQLSTATE 23001
		-- (restrict_violation) is a constraint error, as SQLite's SQLITE_CONSTRAINT_TRIGGER is.
		CREATE FUNCTION psems_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
		BEGIN
			RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'restrict_violation';
		END
		$fn$;
		${appendOnly('snapshots', 'snapshots are append-only: a frozen version cannot be changed', 'snapshots are append-only: a frozen version cannot be deleted')}
		${appendOnly('signatures', 'signatures are append-only: a signature cannot be changed', 'signatures are append-only: a signature cannot be deleted')}
		${appendOnly('audit_log', 'audit_log is append-only: an entry cannot be changed', 'audit_log is append-only: an entry cannot be deleted')}
		`
	},
	{
		id: 4,
		name: 'blind scoring rounds and their votes (votes are deleted when a round is revealed)',
		sql: `
		CREATE TABLE scoring_rounds (
			id TEXT PRIMARY KEY,
			review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
			element_code TEXT NOT NULL,
			number INTEGER NOT NULL CHECK (number >= 1),
			status TEXT NOT NULL CHECK (status IN ('open', 'revealed', 'cancelled')),
			opened_by TEXT NOT NULL REFERENCES users(id),
			opened_at BIGINT NOT NULL,
			closed_at BIGINT,
			voters_json TEXT,
			result_json TEXT,
			UNIQUE (review_id, element_code, number)
		);
		CREATE UNIQUE INDEX scoring_rounds_one_open ON scoring_rounds(review_id, element_code) WHERE status = 'open';
		-- Same table as SQLite, but SQLite's secure_delete has no PostgreSQL equivalent: a deleted
		-- vote stays in dead tuples and the WAL. Where open-round votes live on PostgreSQL is issue
		-- 12's Build item 3 (Redis, or encrypted with a per-round key); until then this mirrors SQLite.
		CREATE TABLE scoring_votes (
			round_id TEXT NOT NULL REFERENCES scoring_rounds(id) ON DELETE CASCADE,
			user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
			score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5),
			comment TEXT NOT NULL DEFAULT '',
			first_voted_at BIGINT NOT NULL,
			voted_at BIGINT NOT NULL,
			PRIMARY KEY (round_id, user_id)
		);
		`
	},
	{
		id: 5,
		name: 'people: reviewer right, deactivation, last sign-in; password resets; the mail outbox',
		sql: `
		ALTER TABLE users ADD COLUMN may_create_reviews BOOLEAN NOT NULL DEFAULT FALSE;
		UPDATE users SET may_create_reviews = TRUE WHERE is_admin;
		ALTER TABLE users ADD COLUMN deactivated_at BIGINT;
		ALTER TABLE users ADD COLUMN last_sign_in_at BIGINT;
		CREATE TABLE password_resets (
			id TEXT PRIMARY KEY,
			token_hash BYTEA NOT NULL UNIQUE,
			user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
			issued_by TEXT REFERENCES users(id),
			created_at BIGINT NOT NULL,
			expires_at BIGINT NOT NULL,
			used_at BIGINT,
			return_to TEXT NOT NULL DEFAULT '/'
		);
		CREATE INDEX password_resets_user ON password_resets(user_id);
		CREATE TABLE mail_outbox (
			id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
			kind TEXT NOT NULL,
			dedupe_key TEXT UNIQUE,
			to_address TEXT NOT NULL,
			to_name TEXT NOT NULL,
			subject TEXT NOT NULL,
			text_body TEXT NOT NULL,
			html_body TEXT NOT NULL,
			link TEXT,
			secret BOOLEAN NOT NULL DEFAULT FALSE,
			created_at BIGINT NOT NULL,
			attempts INTEGER NOT NULL DEFAULT 0,
			next_attempt_at BIGINT NOT NULL,
			sent_at BIGINT,
			last_error TEXT
		);
		CREATE INDEX mail_outbox_due ON mail_outbox(sent_at, next_attempt_at);
		`
	},
	{
		id: 6,
		name: 'sign-in with OpenID Connect: linked identities, pending sign-ins, signing proofs',
		sql: `
		CREATE TABLE oidc_identities (
			issuer TEXT NOT NULL,
			subject TEXT NOT NULL,
			user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
			email TEXT NOT NULL,
			linked_at BIGINT NOT NULL,
			PRIMARY KEY (issuer, subject)
		);
		CREATE INDEX oidc_identities_user ON oidc_identities(user_id);
		CREATE TABLE oidc_requests (
			state TEXT PRIMARY KEY,
			nonce TEXT NOT NULL,
			code_verifier TEXT NOT NULL,
			purpose TEXT NOT NULL CHECK (purpose IN ('sign_in', 'reauthenticate')),
			user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
			return_to TEXT NOT NULL,
			created_at BIGINT NOT NULL,
			expires_at BIGINT NOT NULL
		);
		CREATE TABLE signing_proofs (
			session_id TEXT PRIMARY KEY,
			user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
			authenticated_at BIGINT NOT NULL,
			expires_at BIGINT NOT NULL
		);
		`
	},
	{
		id: 7,
		name: 'evidence files (metadata; the bytes are content-addressed in the blob store)',
		sql: `
		-- confidential is BOOLEAN, so SQLite's CHECK (confidential IN (0, 1)) is the type itself.
		CREATE TABLE evidence_files (
			id TEXT PRIMARY KEY,
			review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
			target_kind TEXT NOT NULL CHECK (target_kind IN ('interview', 'element', 'action')),
			target_id TEXT NOT NULL,
			name TEXT NOT NULL,
			size BIGINT NOT NULL CHECK (size >= 0),
			sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
			media_type TEXT NOT NULL,
			confidential BOOLEAN NOT NULL DEFAULT FALSE,
			uploaded_by TEXT NOT NULL REFERENCES users(id),
			uploaded_at BIGINT NOT NULL,
			removed_at BIGINT,
			removed_by TEXT REFERENCES users(id),
			carried_from TEXT
		);
		CREATE INDEX evidence_files_review ON evidence_files(review_id, target_kind, target_id);
		CREATE INDEX evidence_files_sha256 ON evidence_files(sha256);
		`
	},
	{
		id: 8,
		name: 'follow-up of signed plan actions (the signed record stays immutable)',
		sql: `
		CREATE TABLE action_followups (
			review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
			action_id TEXT NOT NULL,
			version INTEGER NOT NULL,
			owner_user_id TEXT REFERENCES users(id),
			status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done_awaiting_verification', 'verified', 'sent_back')),
			progress_note TEXT NOT NULL DEFAULT '',
			updated_by TEXT REFERENCES users(id),
			updated_at BIGINT NOT NULL,
			completion_evidence TEXT NOT NULL DEFAULT '[]',
			level_reached INTEGER CHECK (level_reached BETWEEN 0 AND 5),
			verified_by TEXT REFERENCES users(id),
			verified_at BIGINT,
			send_back_reason TEXT NOT NULL DEFAULT '',
			sent_back_by TEXT REFERENCES users(id),
			sent_back_at BIGINT,
			PRIMARY KEY (review_id, action_id),
			CHECK (status <> 'verified' OR (level_reached IS NOT NULL AND verified_by IS NOT NULL)),
			CHECK (status <> 'sent_back' OR send_back_reason <> '')
		);
		CREATE INDEX action_followups_owner ON action_followups(owner_user_id);
		`
	},
	{
		id: 9,
		name: 'a review started from the signed record of an earlier review of the same port',
		sql: `
		ALTER TABLE reviews ADD COLUMN previous_review_id TEXT REFERENCES reviews(id);
		ALTER TABLE reviews ADD COLUMN previous_version INTEGER;
		`
	},
	{
		id: 10,
		name: "the language a review's record is frozen in (issue 14)",
		sql: `
		ALTER TABLE reviews ADD COLUMN record_language TEXT NOT NULL DEFAULT 'en' CHECK (record_language IN ('en', 'fr', 'es', 'ar'));
		`
	},
	{
		id: 11,
		name: 'the interface language a person chose (issue 14); unset means their browser decides',
		sql: `
		ALTER TABLE users ADD COLUMN locale TEXT CHECK (locale IS NULL OR locale IN ('en', 'fr', 'es', 'ar'));
		`
	}
];
