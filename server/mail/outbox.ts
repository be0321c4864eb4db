// The durable outbox. A mail is a row written in the same SQLite transaction as the action that
// causes it (an invitation, a reset link, a freeze), so the action and its mail commit together
// or not at all; a crash after the commit leaves the row for the sender. The sender delivers due
// rows through SMTP and retries failures with exponential backoff (30 s doubling, at most an hour),
// logging each failure: mail is never lost, and an outage of the mail server never fails the
// action. Delivery is at least once (a crash between the SMTP answer and marking the row sent
// sends that one mail again); "once" mails (the daily digest) carry a dedupe key instead.
//
// Without SMTP_URL nothing is sent: the rows wait in the outbox, which administrators can read,
// and each mail's link is shown to copy.
import type { Logger } from '../logger.ts';
import type { MailOutboxRepository, NewOutboxMail, OutboxMail } from '../persistence/mail-outbox.ts';
import type { MailTransport } from './transport.ts';
import type { Tx } from '../persistence/store.ts';

const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
/** How often the sender looks for due mail when nothing woke it. */
const POLL_MS = 15_000;

export function retryDelay(attempts: number): number {
	return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

type Deps = {
	outbox: MailOutboxRepository;
	transport: MailTransport | null;
	logger: Logger;
	now: () => number;
};

export function createMailOutbox(deps: Deps) {
	let timer: NodeJS.Timeout | null = null;
	let running: Promise<void> | null = null;
	let stopped = false;

	async function deliverDue(): Promise<void> {
		const transport = deps.transport;
		if (!transport) return;
		for (;;) {
			const batch = await deps.outbox.due(deps.now());
			if (batch.length === 0) return;
			for (const mail of batch) {
				if (stopped) return;
				try {
					await transport.send(mail);
					await deps.outbox.markSent(mail.id, deps.now());
					deps.logger.info('mail.sent', { id: mail.id, kind: mail.kind, to: mail.toAddress, attempt: mail.attempts + 1 });
				} catch (error) {
					const message = error instanceof Error ? error.message : String(error);
					const next = deps.now() + retryDelay(mail.attempts + 1);
					await deps.outbox.markFailed(mail.id, next, message);
					deps.logger.warn('mail.failed', { id: mail.id, kind: mail.kind, to: mail.toAddress, attempt: mail.attempts + 1, retryAt: new Date(next).toISOString(), error: message });
				}
			}
		}
	}

	let queued: Promise<void> | null = null;

	/**
	 * One delivery pass at a time. A call during a pass gets one more pass after it (shared by
	 * every call that arrives meanwhile), so mail written during a pass is never left behind.
	 */
	function flush(): Promise<void> {
		if (running) {
			queued ??= running.then(() => {
				queued = null;
				return flush();
			});
			return queued;
		}
		running = deliverDue()
			.catch((error) => deps.logger.error('mail.sender_failed', { error: String(error) }))
			.finally(() => {
				running = null;
			});
		return running;
	}

	function wake(id: number | null): number | null {
		if (id !== null && deps.transport && !stopped) setImmediate(() => void flush());
		return id;
	}

	return {
		configured: deps.transport !== null,

		/**
		 * Writes one mail inside the transaction of the action that causes it; the sender is woken
		 * after the current tick (by then the transaction has committed). Returns null when a mail
		 * with the same dedupe key exists already.
		 */
		enqueueIn: (tx: Pick<Tx, 'mailOutbox'>, mail: NewOutboxMail): number | null => wake(tx.mailOutbox.insert(mail, deps.now())),

		/** The same for a mail that belongs to no other write (the daily digest). */
		enqueue: async (mail: NewOutboxMail): Promise<number | null> => wake(await deps.outbox.insert(mail, deps.now())),

		/** Delivers every due mail now (tests, and the loop). */
		flush,

		start() {
			if (!deps.transport || timer) return;
			timer = setInterval(() => void flush(), POLL_MS);
			timer.unref();
			void flush();
		},

		async stop() {
			stopped = true;
			if (timer) clearInterval(timer);
			timer = null;
			await running;
			await queued;
			deps.transport?.close();
		},

		recent: (limit?: number): Promise<OutboxMail[]> => deps.outbox.recent(limit),
		pendingCount: () => deps.outbox.pendingCount()
	};
}

export type MailOutbox = ReturnType<typeof createMailOutbox>;
