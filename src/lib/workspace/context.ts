// What every workspace section receives from the review page: the live session, the framework
// the review uses, who the user is, what they may do, and how to move between sections.
import type { ReviewSession } from '#lib/collab/review-session.svelte.ts';
import type { Framework } from '#lib/shared/framework/schema.ts';
import type { PresenceUser } from '#lib/shared/presence.ts';
import type { ReviewKind } from '#lib/shared/review-kinds.ts';

export const SECTIONS = [
	{ id: 'overview', label: 'Overview' },
	{ id: 'interview', label: 'Interview' },
	{ id: 'grid', label: 'GAP grid' },
	{ id: 'plan', label: 'Improvement plan' },
	{ id: 'board', label: 'Concerns board' }
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export const SECTION_LABELS: Record<string, string> = Object.fromEntries(SECTIONS.map((s) => [s.id, s.label]));

export function isSectionId(value: string): value is SectionId {
	return SECTIONS.some((s) => s.id === value);
}

export type WorkspacePermissions = {
	editWorkspace: boolean;
	editReviewer: boolean;
	manageParticipants: boolean;
	/** Department heads and other staff propose scores for their department. */
	propose: boolean;
};

/**
 * A request to bring one framework element into view in a section, made when following the
 * facilitator. `serial` grows with every request, so the same element asked for twice moves again.
 */
export type ElementRequest = { section: SectionId; elementCode: string; serial: number };

export type WorkspaceContext = {
	session: ReviewSession;
	framework: Framework;
	self: PresenceUser & { department: string | null };
	can: WorkspacePermissions;
	/** Which review this is (the grid offers importing self-scores on an independent review). */
	review?: { id: string; kind: ReviewKind };
	/** Shows a section and, when given, scrolls to and focuses the element with that id. */
	goTo(section: SectionId, focusId?: string): void;
	/** Set while following the facilitator to an element: the grid opens its panel, the interview shows its group. */
	readonly elementRequest?: ElementRequest | null;
};
