// The one answer to "may this user do this to this review" (STYLE.md: one policy module).
// Pages, form actions and the collaboration server all ask here; nothing else decides access.
import type { Role } from '../../src/lib/shared/roles.ts';
import type { DocumentKind } from '../../src/lib/shared/document-names.ts';

export const REVIEW_ACTIONS = [
	'view',
	'edit_workspace',
	'edit_reviewer',
	'manage_participants',
	'vote',
	'freeze',
	'sign_attested',
	'sign_reviewed',
	'sign_approved',
	'export',
	// The assurance cycle (issue 15): evidence files, follow-up of signed actions, the overdue view.
	'upload_evidence',
	'view_confidential',
	'verify_actions',
	'view_overdue',
	// Reporting progress on a signed action the person owns (the plan's owner matched to them).
	'update_own_actions',
	// Issue 14: the language the frozen record, its PDF and CSV are written in.
	'set_record_language'
] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const MATRIX: Record<Role, ReadonlySet<ReviewAction>> = {
	facilitator: new Set<ReviewAction>([
		'view',
		'edit_workspace',
		'edit_reviewer',
		'manage_participants',
		'vote',
		'freeze',
		'sign_attested',
		'export',
		'set_record_language',
		'upload_evidence',
		'view_confidential',
		'verify_actions',
		'view_overdue',
		'update_own_actions'
	]),
	security_manager: new Set<ReviewAction>([
		'view',
		'edit_workspace',
		'vote',
		'sign_reviewed',
		'export',
		'upload_evidence',
		'view_confidential',
		'verify_actions',
		'view_overdue',
		'update_own_actions'
	]),
	department_head: new Set<ReviewAction>(['view', 'edit_workspace', 'vote', 'export', 'upload_evidence', 'update_own_actions']),
	accountable_manager: new Set<ReviewAction>([
		'view',
		'edit_workspace',
		'vote',
		'sign_approved',
		'export',
		'upload_evidence',
		'view_overdue',
		'update_own_actions'
	]),
	observer: new Set<ReviewAction>(['view'])
};

/** role is null when the user is not a participant of the review. */
export function may(role: Role | null, action: ReviewAction): boolean {
	return role !== null && MATRIX[role].has(action);
}

export type DocumentAccess = 'none' | 'read' | 'write';

export function documentAccess(role: Role | null, kind: DocumentKind): DocumentAccess {
	if (!may(role, 'view')) return 'none';
	const writeAction: ReviewAction = kind === 'reviewer' ? 'edit_reviewer' : 'edit_workspace';
	return may(role, writeAction) ? 'write' : 'read';
}

/**
 * Creating reviews is a right an administrator grants (the reviewer, or facilitator, pool): the
 * creator becomes the review's first facilitator. Administrators do not have it by default; the
 * first account gets both.
 */
export function mayCreateReview(user: { mayCreateReviews: boolean }): boolean {
	return user.mayCreateReviews;
}

/** What only administrators do, across every review. */
export const ADMIN_ACTIONS = [
	'list_people',
	'grant_admin',
	'grant_reviewer',
	'deactivate_account',
	'issue_reset_link',
	'view_outbox'
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

export function mayAdminister(user: { isAdmin: boolean } | null, _action: AdminAction): boolean {
	return user?.isAdmin === true;
}
