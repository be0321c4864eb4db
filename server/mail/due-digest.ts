// The daily "your action is due" digest: for each person who owns improvement plan actions that are
// due today or overdue (and still open), one mail per day. The outbox row's dedupe key is
// digest:<user>:<day>, so the digest goes once per person and day even when the server restarts
// or several passes run the same day.
//
// Language (issue 14): mail about a review is in that review's record language. A digest lists
// actions of several reviews, so a person gets one digest per day for each record language among
// the reviews their due actions belong to (almost always just one): each mail is wholly in one
// language. The English digest keeps the key above; another language's is digest:<user>:<day>:<lang>. An action's owner is free text in the plan: it is matched
// to a participant of that review by email address or name (case-insensitive, server/followup/owners.ts).
// After sign-off the follow-up (server/followup) knows more than the live plan: an action its owner
// reported done or that was verified is not due, whatever the plan's own status still says.
import { readPlan } from '../../src/lib/shared/documents/plan.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import type { ReviewRepository } from '../persistence/reviews.ts';
import type { UserRepository } from '../persistence/users.ts';
import type { DocumentStore } from '../collab/document-store.ts';
import type { Logger } from '../logger.ts';
import type { MailOutbox } from './outbox.ts';
import type { PublicLinks } from './links.ts';
import { dueDigestMail, type DueAction } from './templates.ts';
import { matchOwner } from '../followup/owners.ts';
import type { FollowupStatus } from '../../src/lib/shared/followup.ts';
import type { RecordLanguage } from '../../src/lib/shared/framework/languages.ts';

const CLOSED = new Set(['verified_closed', 'cancelled', 'risk_accepted', 'done_awaiting_verification']);
const FOLLOWED_UP_DONE: ReadonlySet<FollowupStatus> = new Set(['done_awaiting_verification', 'verified']);

type Deps = {
	reviews: ReviewRepository;
	users: UserRepository;
	documentStore: Pick<DocumentStore, 'read'>;
	mail: Pick<MailOutbox, 'enqueue'>;
	links: PublicLinks;
	logger: Logger;
	now: () => number;
	/** The follow-up status of a signed action, null when nobody has reported on it. */
	followupStatus?: (reviewId: string, actionId: string) => Promise<FollowupStatus | null>;
};

/** Queues today's digests; returns how many new mails were written. */
export async function queueDueDigests(deps: Deps): Promise<number> {
	const day = new Date(deps.now()).toISOString().slice(0, 10);
	/** Person, then the record language of the reviews their due actions belong to. */
	const byPerson = new Map<string, Map<RecordLanguage, DueAction[]>>();
	for (const review of await deps.reviews.all()) {
		const participants = await deps.reviews.participants(review.id);
		let actions;
		try {
			actions = readPlan(await deps.documentStore.read(workspaceDocumentName(review.id)));
		} catch (error) {
			deps.logger.warn('mail.digest_review_unreadable', { reviewId: review.id, error: String(error) });
			continue;
		}
		for (const action of actions) {
			if (!action.dueDate || action.dueDate > day || CLOSED.has(action.status)) continue;
			const followed = (await deps.followupStatus?.(review.id, action.id)) ?? null;
			if (followed && FOLLOWED_UP_DONE.has(followed)) continue;
			const person = matchOwner(action.owner, participants);
			if (!person) continue;
			const language = review.recordLanguage ?? 'en';
			const languages = byPerson.get(person.userId) ?? new Map<RecordLanguage, DueAction[]>();
			const list = languages.get(language) ?? [];
			// A followed action is reported on from My actions; one not yet signed lives in the plan.
			const link = deps.links.to(followed ? '/actions' : `/reviews/${review.id}#plan`);
			list.push({ reviewTitle: review.title, title: action.title, dueDate: action.dueDate, overdue: action.dueDate < day, link });
			languages.set(language, list);
			byPerson.set(person.userId, languages);
		}
	}
	let queued = 0;
	for (const [userId, languages] of byPerson) {
		const user = await deps.users.findById(userId);
		if (!user || user.deactivatedAt !== null) continue;
		for (const [language, actions] of languages) {
			actions.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
			const id = await deps.mail.enqueue({
				kind: 'due_digest',
				dedupeKey: language === 'en' ? `digest:${userId}:${day}` : `digest:${userId}:${day}:${language}`,
				toAddress: user.email,
				toName: user.name,
				secret: false,
				...dueDigestMail({ to: user, day, actions, link: deps.links.to('/'), language })
			});
			if (id !== null) queued++;
		}
	}
	return queued;
}

/** Runs the digest once an hour, from DIGEST_HOUR_UTC on each day. */
export function startDigestSchedule(deps: Deps & { hourUtc: number }): () => void {
	const tick = async () => {
		if (new Date(deps.now()).getUTCHours() < deps.hourUtc) return;
		try {
			const queued = await queueDueDigests(deps);
			if (queued > 0) deps.logger.info('mail.digest_queued', { queued });
		} catch (error) {
			deps.logger.error('mail.digest_failed', { error: String(error) });
		}
	};
	void tick();
	const timer = setInterval(() => void tick(), 60 * 60_000);
	timer.unref();
	return () => clearInterval(timer);
}
