// Follow-up of signed plan actions (issue 15, part 2), as the browser and the server see it. The
// signed record never changes: what happens to its actions afterwards lives in SQLite beside it
// (server/followup/), keyed by review and action id.
import { z } from 'zod';
import { getLocale } from '../paraglide/runtime.js';
import { m } from '../paraglide/messages.js';
import type { RecordLanguage as InterfaceLocale } from './framework/languages.ts';

/** What a follow-up can be. The owner sets the first three; the verifier the last two. */
export const FOLLOWUP_STATUSES = ['not_started', 'in_progress', 'done_awaiting_verification', 'sent_back', 'verified'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

export const OWNER_STATUSES = ['not_started', 'in_progress', 'done_awaiting_verification'] as const;
export type OwnerStatus = (typeof OWNER_STATUSES)[number];

/** A follow-up status in a language (the reader's by default). */
export function followupStatusLabel(status: FollowupStatus, locale: InterfaceLocale = getLocale()): string {
	const options = { locale };
	switch (status) {
		case 'not_started': return m.reviews_status_not_started({}, options);
		case 'in_progress': return m.reviews_status_in_progress({}, options);
		case 'done_awaiting_verification': return m.reviews_status_done_awaiting_verification({}, options);
		case 'sent_back': return m.reviews_status_sent_back({}, options);
		case 'verified': return m.reviews_status_verified({}, options);
	}
}

/** Read at each access, so `FOLLOWUP_STATUS_LABELS[status]` speaks the request's language. */
export const FOLLOWUP_STATUS_LABELS: Readonly<Record<FollowupStatus, string>> = Object.freeze(
	Object.defineProperties(
		{} as Record<FollowupStatus, string>,
		Object.fromEntries(FOLLOWUP_STATUSES.map((status) => [status, { enumerable: true, get: () => followupStatusLabel(status) }]))
	)
);

export const PROGRESS_NOTE_MAX = 4000;
export const SEND_BACK_REASON_MAX = 2000;

const LEVEL_MESSAGE = () => m.reviews_error_level();

/** The owner's report: a status of their own and the progress note (the whole note, replaced). */
export const FollowupUpdateInput = z.object({
	status: z.enum(OWNER_STATUSES, { error: () => m.reviews_error_status() }),
	note: z
		.string({ error: () => m.reviews_error_note_text() })
		.trim()
		.max(PROGRESS_NOTE_MAX, { error: () => m.reviews_error_note_max({ max: PROGRESS_NOTE_MAX }) })
		.default('')
});
export type FollowupUpdateInput = z.infer<typeof FollowupUpdateInput>;

export const VerifyActionInput = z.object({
	// "3" from a form, 3 from JSON; an empty field stays empty (coercing would make it 0).
	level: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
		z.number({ error: LEVEL_MESSAGE }).int({ error: LEVEL_MESSAGE }).min(0, { error: LEVEL_MESSAGE }).max(5, { error: LEVEL_MESSAGE })
	)
});

export const SendBackInput = z.object({
	reason: z
		.string({ error: () => m.reviews_error_reason_text() })
		.trim()
		.min(1, { error: () => m.reviews_error_reason_empty() })
		.max(SEND_BACK_REASON_MAX, { error: () => m.reviews_error_reason_max({ max: SEND_BACK_REASON_MAX }) })
});

/** A file attached to the action as its follow-up shows it (only files the viewer may see). */
export type FollowupEvidence = { id: string; name: string; size: number; confidential: boolean };

/** One action of a signed version with its follow-up, as a page shows it. */
export type FollowedAction = {
	reviewId: string;
	reviewTitle: string;
	portName: string;
	/** The signed version whose plan holds the action. */
	version: number;
	actionId: string;
	title: string;
	linkedElements: string[];
	/** The owner as the record holds it (free text). */
	owner: string;
	/** The account that owner matched, if any. */
	ownerUserId: string | null;
	ownerName: string | null;
	dueDate: string | null;
	priority: string;
	expectedLevelAfter: number | null;
	successMeasure: string;
	/** The status the record froze (the plan's own status codes). */
	recordStatus: string;
	/** Cancelled, risk accepted or verified closed in the record: nothing left to follow. */
	closedInRecord: boolean;
	status: FollowupStatus;
	progressNote: string;
	updatedByName: string | null;
	updatedAt: number | null;
	levelReached: number | null;
	verifiedByName: string | null;
	verifiedAt: number | null;
	sendBackReason: string;
	sentBackByName: string | null;
	sentBackAt: number | null;
	/** Due date passed and not verified. */
	overdue: boolean;
	evidence: FollowupEvidence[];
	/** What the viewer may do here. */
	canUpdate: boolean;
	canVerify: boolean;
};

/** One entry of an action's history (from the audit log). */
export type FollowupEvent = { at: string; actorName: string | null; text: string };

/** Overdue: the due date (YYYY-MM-DD) is before today (UTC) and the action is not verified. */
export function isOverdue(dueDate: string | null, status: FollowupStatus, today: string): boolean {
	return dueDate !== null && dueDate !== '' && dueDate < today && status !== 'verified';
}
