import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';

export type OutboxMail = {
	id: number;
	kind: string;
	dedupeKey: string | null;
	toAddress: string;
	toName: string;
	subject: string;
	textBody: string;
	htmlBody: string;
	/** The one link the mail is about (shown to copy when no mail server is configured). */
	link: string | null;
	/** The body holds a secret link: blanked once delivered. */
	secret: boolean;
	createdAt: number;
	attempts: number;
	nextAttemptAt: number;
	sentAt: number | null;
	lastError: string | null;
};

export type NewOutboxMail = Pick<OutboxMail, 'kind' | 'toAddress' | 'toName' | 'subject' | 'textBody' | 'htmlBody' | 'link' | 'secret'> & {
	dedupeKey?: string | null;
};

type Raw = {
	id: number;
	kind: string;
	dedupe_key: string | null;
	to_address: string;
	to_name: string;
	subject: string;
	text_body: string;
	html_body: string;
	link: string | null;
	secret: number;
	created_at: number;
	attempts: number;
	next_attempt_at: number;
	sent_at: number | null;
	last_error: string | null;
};

const toMail = (r: Raw): OutboxMail => ({
	id: r.id,
	kind: r.kind,
	dedupeKey: r.dedupe_key,
	toAddress: r.to_address,
	toName: r.to_name,
	subject: r.subject,
	textBody: r.text_body,
	htmlBody: r.html_body,
	link: r.link,
	secret: r.secret === 1,
	createdAt: r.created_at,
	attempts: r.attempts,
	nextAttemptAt: r.next_attempt_at,
	sentAt: r.sent_at,
	lastError: r.last_error
});

export function createMailOutboxQueries(db: Db) {
	// OR IGNORE on dedupe_key: a second "once" mail (the same digest after a restart) is no row.
	const insert = db.prepare(
		`INSERT OR IGNORE INTO mail_outbox (kind, dedupe_key, to_address, to_name, subject, text_body, html_body, link, secret, created_at, next_attempt_at)
		 VALUES (@kind, @dedupeKey, @toAddress, @toName, @subject, @textBody, @htmlBody, @link, @secret, @createdAt, @createdAt)`
	);
	const due = db.prepare('SELECT * FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?');
	const recent = db.prepare('SELECT * FROM mail_outbox ORDER BY id DESC LIMIT ?');
	const byId = db.prepare('SELECT * FROM mail_outbox WHERE id = ?');
	const sent = db.prepare(
		`UPDATE mail_outbox SET sent_at = @at, attempts = attempts + 1, last_error = NULL,
		 text_body = CASE WHEN secret = 1 THEN '' ELSE text_body END,
		 html_body = CASE WHEN secret = 1 THEN '' ELSE html_body END,
		 link = CASE WHEN secret = 1 THEN NULL ELSE link END
		 WHERE id = @id`
	);
	const failed = db.prepare('UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?');
	const pendingCount = db.prepare('SELECT COUNT(*) AS n FROM mail_outbox WHERE sent_at IS NULL');
	return {
		/** The new row's id, or null when a mail with this dedupe key exists already. */
		insert(mail: NewOutboxMail, at: number): number | null {
			const result = insert.run({ ...mail, dedupeKey: mail.dedupeKey ?? null, secret: mail.secret ? 1 : 0, createdAt: at });
			return result.changes === 1 ? Number(result.lastInsertRowid) : null;
		},
		due: (at: number, limit = 20) => (due.all(at, limit) as Raw[]).map(toMail),
		recent: (limit = 100) => (recent.all(limit) as Raw[]).map(toMail),
		findById: (id: number) => {
			const row = byId.get(id) as Raw | undefined;
			return row ? toMail(row) : null;
		},
		markSent: (id: number, at: number) => void sent.run({ id, at }),
		markFailed: (id: number, nextAttemptAt: number, error: string) => void failed.run(nextAttemptAt, error.slice(0, 500), id),
		pendingCount: (): number => (pendingCount.get() as { n: number }).n
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type MailOutboxQueries = ReturnType<typeof createMailOutboxQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type MailOutboxRepository = Async<MailOutboxQueries>;
export const createMailOutboxRepository = (db: Db): MailOutboxRepository => toAsync(createMailOutboxQueries(db));
