// Numbered, append-only migrations. Never edit a released step: add the next number.
import type { Db } from './database.ts';

const MIGRATIONS: ReadonlyArray<{ id: number; name: string; sql: string }> = [
	{
		id: 1,
		name: 'accounts, sessions, reviews, participants, invitations',
		sql: `
		CREATE TABLE users (
			id TEXT PRIMARY KEY,
			email TEXT NOT NULL UNIQUE COLLATE NOCASE,
			name TEXT NOT NULL,
			password_hash TEXT NOT NULL,
			is_admin INTEGER NOT NULL DEFAULT 0,
			created_at INTEGER NOT NULL,
			password_changed_at INTEGER NOT NULL
		);
		CREATE TABLE sessions (
			id TEXT PRIMARY KEY,
			secret_hash BLOB NOT NULL,
			user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
			created_at INTEGER NOT NULL,
			last_seen_at INTEGER NOT NULL
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
			created_at INTEGER NOT NULL
		);
		CREATE TABLE participants (
			review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
			user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
			role TEXT NOT NULL CHECK (role IN ('facilitator','security_manager','department_head','accountable_manager','observer')),
			department TEXT,
			added_at INTEGER NOT NULL,
			PRIMARY KEY (review_id, user_id)
		);
		CREATE INDEX participants_user ON participants(user_id);
		CREATE TABLE invitations (
			id TEXT PRIMARY KEY,
			token_hash BLOB NOT NULL UNIQUE,
			review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
			email TEXT NOT NULL COLLATE NOCASE,
			name TEXT NOT NULL,
			role TEXT NOT NULL CHECK (role IN ('facilitator','security_manager','department_head','accountable_manager','observer')),
			department TEXT,
			invited_by TEXT NOT NULL REFERENCES users(id),
			created_at INTEGER NOT NULL,
			expires_at INTEGER NOT NULL,
			accepted_at INTEGER,
			accepted_by TEXT REFERENCES users(id),
			revoked_at INTEGER
		);
		CREATE INDEX invitations_review ON invitations(review_id);
		CREATE TABLE login_attempts (
			key TEXT NOT NULL,
			at INTEGER NOT NULL
		);
		CREATE INDEX login_attempts_key ON login_attempts(key, at);
		`
	},
	{
		id: 2,
		name: 'Yjs document state and the durable update log',
		sql: `
		-- state: the compacted Yjs update; log_seq: the highest update_log.seq folded into it.
		CREATE TABLE documents (
			name TEXT PRIMARY KEY,
			state BLOB NOT NULL,
			log_seq INTEGER NOT NULL DEFAULT 0,
			updated_at INTEGER NOT NULL
		);
		-- Every accepted update, appended before the client is acknowledged (DESIGN.md §5).
		CREATE TABLE update_log (
			seq INTEGER PRIMARY KEY AUTOINCREMENT,
			document_name TEXT NOT NULL,
			update_data BLOB NOT NULL,
			created_at INTEGER NOT NULL
		);
		CREATE INDEX update_log_document ON update_log(document_name, seq);
		`
	},
	{
		id: 3,
		name: 'evaluation record: snapshots, signatures, hash-chained audit log (append-only)',
		sql: `
		-- One frozen version of a review's record. record_json is the canonical JSON that
		-- content_hash fingerprints; the Yjs states let a version be reopened exactly.
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
			workspace_state BLOB NOT NULL,
			reviewer_state BLOB NOT NULL,
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
		-- seq is assigned as last + 1 (no AUTOINCREMENT gaps), so a missing row shows as a gap.
		CREATE TABLE audit_log (
			seq INTEGER PRIMARY KEY,
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
		CREATE TRIGGER snapshots_no_update BEFORE UPDATE ON snapshots
			BEGIN SELECT RAISE(ABORT, 'snapshots are append-only: a frozen version cannot be changed'); END;
		CREATE TRIGGER snapshots_no_delete BEFORE DELETE ON snapshots
			BEGIN SELECT RAISE(ABORT, 'snapshots are append-only: a frozen version cannot be deleted'); END;
		CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures
			BEGIN SELECT RAISE(ABORT, 'signatures are append-only: a signature cannot be changed'); END;
		CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
			BEGIN SELECT RAISE(ABORT, 'signatures are append-only: a signature cannot be deleted'); END;
		CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
			BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: an entry cannot be changed'); END;
		CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
			BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: an entry cannot be deleted'); END;
		`
	},
	{
		id: 4,
		name: 'blind scoring rounds and their votes (votes are deleted when a round is revealed)',
		sql: `
		-- A round is open until the facilitator reveals or cancels it; result_json holds the
		-- anonymous spread after a reveal and voters_json who took part (never what they chose).
		CREATE TABLE scoring_rounds (
			id TEXT PRIMARY KEY,
			review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
			element_code TEXT NOT NULL,
			number INTEGER NOT NULL CHECK (number >= 1),
			status TEXT NOT NULL CHECK (status IN ('open', 'revealed', 'cancelled')),
			opened_by TEXT NOT NULL REFERENCES users(id),
			opened_at INTEGER NOT NULL,
			closed_at INTEGER,
			voters_json TEXT,
			result_json TEXT,
			UNIQUE (review_id, element_code, number)
		);
		CREATE UNIQUE INDEX scoring_rounds_one_open ON scoring_rounds(review_id, element_code) WHERE status = 'open';
		-- The only place a person's blind score exists, and only while its round is open.
		CREATE TABLE scoring_votes (
			round_id TEXT NOT NULL REFERENCES scoring_rounds(id) ON DELETE CASCADE,
			user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
			score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5),
			comment TEXT NOT NULL DEFAULT '',
			first_voted_at INTEGER NOT NULL,
			voted_at INTEGER NOT NULL,
			PRIMARY KEY (round_id, user_id)
		);
		`
	},
	// Ids 5 and 6 belong to the administration work (issue 13); 7-9 to the assurance cycle (issue 15).
	{
		id: 5,
		name: 'people: reviewer right, deactivation, last sign-in; password resets; the mail outbox',
		sql: `
		-- may_create_reviews: the reviewer (facilitator pool) right an administrator grants. Every
		-- administrator before this step could create reviews, so they keep the right.
		ALTER TABLE users ADD COLUMN may_create_reviews INTEGER NOT NULL DEFAULT 0;
		UPDATE users SET may_create_reviews = 1 WHERE is_admin = 1;
		-- Set while the account is switched off: no sign-in, no session, no socket. Signatures and
		-- audit entries stay (they name the person as they were).
		ALTER TABLE users ADD COLUMN deactivated_at INTEGER;
		ALTER TABLE users ADD COLUMN last_sign_in_at INTEGER;
		-- A single-use reset link: only SHA-256 of the token is kept; used_at is set in the same
		-- transaction as the new password.
		CREATE TABLE password_resets (
			id TEXT PRIMARY KEY,
			token_hash BLOB NOT NULL UNIQUE,
			user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
			issued_by TEXT REFERENCES users(id),
			created_at INTEGER NOT NULL,
			expires_at INTEGER NOT NULL,
			used_at INTEGER,
			-- where the person was going when they asked (e.g. their review): they land there after
			return_to TEXT NOT NULL DEFAULT '/'
		);
		CREATE INDEX password_resets_user ON password_resets(user_id);
		-- Every mail the product sends is written here in the transaction of the action that causes
		-- it; a sender loop delivers it. dedupe_key makes "once" hold across restarts (a daily
		-- digest is keyed by person and day). Bodies holding a secret link are blanked once sent.
		CREATE TABLE mail_outbox (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			kind TEXT NOT NULL,
			dedupe_key TEXT UNIQUE,
			to_address TEXT NOT NULL,
			to_name TEXT NOT NULL,
			subject TEXT NOT NULL,
			text_body TEXT NOT NULL,
			html_body TEXT NOT NULL,
			link TEXT,
			secret INTEGER NOT NULL DEFAULT 0,
			created_at INTEGER NOT NULL,
			attempts INTEGER NOT NULL DEFAULT 0,
			next_attempt_at INTEGER NOT NULL,
			sent_at INTEGER,
			last_error TEXT
		);
		CREATE INDEX mail_outbox_due ON mail_outbox(sent_at, next_attempt_at);
		`
	},
	{
		id: 6,
		name: 'sign-in with OpenID Connect: linked identities, pending sign-ins, signing proofs',
		sql: `
		-- One identity at the provider (issuer + subject) belongs to one account.
		CREATE TABLE oidc_identities (
			issuer TEXT NOT NULL,
			subject TEXT NOT NULL,
			user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
			email TEXT NOT NULL,
			linked_at INTEGER NOT NULL,
			PRIMARY KEY (issuer, subject)
		);
		CREATE INDEX oidc_identities_user ON oidc_identities(user_id);
		-- An authorization request on its way to the provider: state, nonce and PKCE verifier stay
		-- on the server; the browser carries only the state (in a cookie and in the URL).
		CREATE TABLE oidc_requests (
			state TEXT PRIMARY KEY,
			nonce TEXT NOT NULL,
			code_verifier TEXT NOT NULL,
			purpose TEXT NOT NULL CHECK (purpose IN ('sign_in', 'reauthenticate')),
			user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
			return_to TEXT NOT NULL,
			created_at INTEGER NOT NULL,
			expires_at INTEGER NOT NULL
		);
		-- A fresh login at the provider, proven for one session, spent by one signature.
		CREATE TABLE signing_proofs (
			session_id TEXT PRIMARY KEY,
			user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
			authenticated_at INTEGER NOT NULL,
			expires_at INTEGER NOT NULL
		);
		`
	},
	{
		id: 7,
		name: 'evidence files (metadata; the bytes are content-addressed in the blob store)',
		sql: `
		-- One row per file attached to a review's interview entry, grid element or plan action.
		-- sha256 names the bytes in the blob store; several rows (and reviews) may share it.
		-- Confidential files are for facilitators and the security manager only; the flag lives
		-- here and never in a Yjs document, which every participant receives whole.
		CREATE TABLE evidence_files (
			id TEXT PRIMARY KEY,
			review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
			target_kind TEXT NOT NULL CHECK (target_kind IN ('interview', 'element', 'action')),
			target_id TEXT NOT NULL,
			name TEXT NOT NULL,
			size INTEGER NOT NULL CHECK (size >= 0),
			sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
			media_type TEXT NOT NULL,
			confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
			uploaded_by TEXT NOT NULL REFERENCES users(id),
			uploaded_at INTEGER NOT NULL,
			removed_at INTEGER,
			removed_by TEXT REFERENCES users(id),
			-- The row of an earlier review this one was carried from (evidence by reference).
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
			-- The signed version whose plan this follows (the latest signed one when last changed).
			version INTEGER NOT NULL,
			-- The account the plan's free-text owner matched when the owner last reported.
			owner_user_id TEXT REFERENCES users(id),
			status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done_awaiting_verification', 'verified', 'sent_back')),
			progress_note TEXT NOT NULL DEFAULT '',
			updated_by TEXT REFERENCES users(id),
			updated_at INTEGER NOT NULL,
			-- Evidence files (ids in evidence_files) attached when the owner marked it done, as JSON.
			completion_evidence TEXT NOT NULL DEFAULT '[]',
			level_reached INTEGER CHECK (level_reached BETWEEN 0 AND 5),
			verified_by TEXT REFERENCES users(id),
			verified_at INTEGER,
			send_back_reason TEXT NOT NULL DEFAULT '',
			sent_back_by TEXT REFERENCES users(id),
			sent_back_at INTEGER,
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
		name: 'the language a review\'s record is frozen in (issue 14)',
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

export function migrate(db: Db): void {
	db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
	const applied = new Set(
		(db.prepare('SELECT id FROM schema_migrations').all() as Array<{ id: number }>).map((r) => r.id)
	);
	const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
	for (const step of MIGRATIONS) {
		if (applied.has(step.id)) continue;
		db.transaction(() => {
			db.exec(step.sql);
			record.run(step.id, step.name, Date.now());
		})();
	}
}

export const LATEST_MIGRATION = Math.max(...MIGRATIONS.map((m) => m.id));
/** Every migration id, ascending (ids are reserved per branch, so the list may have gaps until merged). */
export const MIGRATION_IDS: readonly number[] = MIGRATIONS.map((m) => m.id).sort((a, b) => a - b);
