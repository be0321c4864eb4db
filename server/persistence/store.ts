// THE SEAM for a second storage backend (issue 12: PostgreSQL through Kysely over pg). Everything
// outside server/persistence/ reaches the database through a Store: asynchronous repositories,
// plus `transaction` for the few steps that must be atomic. A PostgreSQL store implements this
// same type; nothing else should need to know which backend runs.
//
// `transaction` is synchronous inside on purpose: better-sqlite3 cannot hold a transaction open
// across an await, so the unit of work gets the synchronous statements (`tx`) and must not await.
// Each call site is a place where PostgreSQL needs a real database transaction (or lock) instead.
import { openDatabase, type Db } from './database.ts';
import { toAsync, type Async } from './async.ts';
import { createUserQueries } from './users.ts';
import { createSessionQueries } from './sessions.ts';
import { createLoginAttemptQueries } from './login-attempts.ts';
import { createReviewQueries } from './reviews.ts';
import { createInvitationQueries } from './invitations.ts';
import { createDocumentQueries } from './documents.ts';
import { createSnapshotQueries } from './snapshots.ts';
import { createSignatureQueries } from './signatures.ts';
import { createAuditLogQueries } from './audit-log.ts';
import { createRoundQueries } from './rounds.ts';
import { createEvidenceFileQueries } from './evidence-files.ts';
import { createPasswordResetQueries } from './password-resets.ts';
import { createMailOutboxQueries } from './mail-outbox.ts';
import { createOidcQueries } from './oidc.ts';
import { createActionFollowupQueries } from './action-followups.ts';

function createQueries(db: Db) {
	return {
		users: createUserQueries(db),
		sessions: createSessionQueries(db),
		loginAttempts: createLoginAttemptQueries(db),
		reviews: createReviewQueries(db),
		invitations: createInvitationQueries(db),
		documents: createDocumentQueries(db),
		snapshots: createSnapshotQueries(db),
		signatures: createSignatureQueries(db),
		auditLog: createAuditLogQueries(db),
		rounds: createRoundQueries(db),
		evidenceFiles: createEvidenceFileQueries(db),
		passwordResets: createPasswordResetQueries(db),
		mailOutbox: createMailOutboxQueries(db),
		oidc: createOidcQueries(db),
		actionFollowups: createActionFollowupQueries(db)
	};
}

/** The synchronous statements of every repository, handed to a transaction's unit of work. */
export type Tx = ReturnType<typeof createQueries>;

/** Every repository, asynchronous: what services use outside a transaction. */
export type Repositories = { [K in keyof Tx]: Async<Tx[K]> };

export type Store = Repositories & {
	/**
	 * Runs `work` atomically (one SQLite transaction; nested calls become savepoints) and settles
	 * with its result. `work` runs before this returns, so the order of writes is the caller's.
	 */
	transaction<T>(work: (tx: Tx) => T): Promise<T>;
	/**
	 * The same unit of work for a caller that is itself already inside `work` (a service helper
	 * shared by several transactions). SQLite only; PostgreSQL passes its transaction instead.
	 */
	readonly tx: Tx;
	/** The SQLite connection, for what has no repository: backup, verify's raw reads, tests. */
	readonly db: Db;
	readonly open: boolean;
	close(): void;
};

export function createStore(db: Db): Store {
	const tx = createQueries(db);
	const repositories = Object.fromEntries(Object.entries(tx).map(([name, queries]) => [name, toAsync(queries)])) as Repositories;
	return {
		...repositories,
		tx,
		db,
		transaction<T>(work: (tx: Tx) => T): Promise<T> {
			try {
				return Promise.resolve(db.transaction(() => work(tx))());
			} catch (error) {
				return Promise.reject(error);
			}
		},
		get open() {
			return db.open;
		},
		close() {
			if (db.open) db.close();
		}
	};
}

export const openStore = (file: string): Store => createStore(openDatabase(file));
