// The daily "your action is due" digest: for each person who owns improvement plan actions that are
// due today or overdue (and still open), one mail per day. The outbox row's dedupe key is
// digest:<user>:<day>, so the digest goes once per person and day even when the server restarts
// or several passes run the same day. An action's owner is free text in the plan: it is matched
// to a participant of that review by name or email address (case-insensitive).
import { readPlan } from '../../src/lib/shared/documents/plan.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import type { ReviewRepository } from '../persistence/reviews.ts';
import type { UserRepository } from '../persistence/users.ts';
import type { DocumentStore } from '../collab/document-store.ts';
import type { Logger } from '../logger.ts';
import type { MailOutbox } from './outbox.ts';
import type { PublicLinks } from './links.ts';
import { dueDigestMail, type DueAction } from './templates.ts';

const CLOSED = new Set(['verified_closed', 'cancelled', 'risk_accepted', 'done_awaiting_verification']);

type Deps = {
	reviews: ReviewRepository;
	users: UserRepository;
	documentStore: Pick<DocumentStore, 'read'>;
	mail: Pick<MailOutbox, 'enqueue'>;
	links: PublicLinks;
	logger: Logger;
	now: () => number;
};

/** Queues today's digests; returns how many new mails were written. */
export function queueDueDigests(deps: Deps): number {
	const day = new Date(deps.now()).toISOString().slice(0, 10);
	const byPerson = new Map<string, DueAction[]>();
	for (const review of deps.reviews.all()) {
		const participants = deps.reviews.participants(review.id);
		let actions;
		try {
			actions = readPlan(deps.documentStore.read(workspaceDocumentName(review.id)));
		} catch (error) {
			deps.logger.warn('mail.digest_review_unreadable', { reviewId: review.id, error: String(error) });
			continue;
		}
		for (const action of actions) {
			if (!action.dueDate || action.dueDate > day || CLOSED.has(action.status)) continue;
			const owner = action.owner.trim().toLowerCase();
			if (!owner) continue;
			const person = participants.find((p) => p.name.toLowerCase() === owner || p.email.toLowerCase() === owner);
			if (!person) continue;
			const list = byPerson.get(person.userId) ?? [];
			list.push({ reviewTitle: review.title, title: action.title, dueDate: action.dueDate, overdue: action.dueDate < day, link: deps.links.to(`/reviews/${review.id}#plan`) });
			byPerson.set(person.userId, list);
		}
	}
	let queued = 0;
	for (const [userId, actions] of byPerson) {
		const user = deps.users.findById(userId);
		if (!user || user.deactivatedAt !== null) continue;
		actions.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
		const id = deps.mail.enqueue({
			kind: 'due_digest',
			dedupeKey: `digest:${userId}:${day}`,
			toAddress: user.email,
			toName: user.name,
			secret: false,
			...dueDigestMail({ to: user, day, actions, link: deps.links.to('/') })
		});
		if (id !== null) queued++;
	}
	return queued;
}

/** Runs the digest once an hour, from DIGEST_HOUR_UTC on each day. */
export function startDigestSchedule(deps: Deps & { hourUtc: number }): () => void {
	const tick = () => {
		if (new Date(deps.now()).getUTCHours() < deps.hourUtc) return;
		try {
			const queued = queueDueDigests(deps);
			if (queued > 0) deps.logger.info('mail.digest_queued', { queued });
		} catch (error) {
			deps.logger.error('mail.digest_failed', { error: String(error) });
		}
	};
	tick();
	const timer = setInterval(tick, 60 * 60_000);
	timer.unref();
	return () => clearInterval(timer);
}
