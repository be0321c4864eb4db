import { describe, it, expect } from 'vitest';
import { documentAccess, may, mayCreateReview, mayAdminister, ADMIN_ACTIONS, REVIEW_ACTIONS } from './policy.ts';
import type { DocumentAccess, ReviewAction } from './policy.ts';
import { ROLES, type Role } from '../../src/lib/shared/roles.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../src/lib/shared/document-names.ts';

// The expected matrix is written out here, independently of policy.ts, from DESIGN.md §1:
// the facilitator runs everything and attests, the security manager reviews, the accountable
// manager approves, department heads co-edit and vote, observers only read, non-members nothing.
const Y = true;
const N = false;
const EXPECTED: Record<string, Record<ReviewAction, boolean>> = {
	// The next five (issue 15): upload evidence, see confidential evidence, verify followed-up
	// actions, see the overdue view, report progress on an action one owns; last, issue 14's record
	// language (facilitators only).
	//                   view  edit_ws edit_rev manage vote freeze attest review approve export upload confid verify overdue own language
	facilitator:         row(Y,    Y,      Y,       Y,     Y,   Y,     Y,     N,     N,      Y,     Y,     Y,     Y,     Y,      Y,  Y),
	security_manager:    row(Y,    Y,      N,       N,     Y,   N,     N,     Y,     N,      Y,     Y,     Y,     Y,     Y,      Y,  N),
	department_head:     row(Y,    Y,      N,       N,     Y,   N,     N,     N,     N,      Y,     Y,     N,     N,     N,      Y,  N),
	accountable_manager: row(Y,    Y,      N,       N,     Y,   N,     N,     N,     Y,      Y,     Y,     N,     N,     Y,      Y,  N),
	observer:            row(Y,    N,      N,       N,     N,   N,     N,     N,     N,      N,     N,     N,     N,     N,      N,  N),
	'non-member':        row(N,    N,      N,       N,     N,   N,     N,     N,     N,      N,     N,     N,     N,     N,      N,  N)
};

function row(...allowed: boolean[]): Record<ReviewAction, boolean> {
	return Object.fromEntries(REVIEW_ACTIONS.map((action, i) => [action, allowed[i]])) as Record<ReviewAction, boolean>;
}

const ACTORS: Array<[string, Role | null]> = [...ROLES.map((r): [string, Role | null] => [r, r]), ['non-member', null]];

const EXPECTED_DOCUMENT_ACCESS: Record<string, Record<DocumentKind, DocumentAccess>> = {
	facilitator: { workspace: 'write', reviewer: 'write' },
	security_manager: { workspace: 'write', reviewer: 'read' },
	department_head: { workspace: 'write', reviewer: 'read' },
	accountable_manager: { workspace: 'write', reviewer: 'read' },
	observer: { workspace: 'read', reviewer: 'read' },
	'non-member': { workspace: 'none', reviewer: 'none' }
};

describe('review policy', () => {
	it('knows exactly the fifteen review actions the matrix below covers', () => {
		expect([...REVIEW_ACTIONS]).toEqual([
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
			'upload_evidence',
			'view_confidential',
			'verify_actions',
			'view_overdue',
			'update_own_actions',
			'set_record_language'
		]);
	});

	const cases = ACTORS.flatMap(([label, role]) =>
		REVIEW_ACTIONS.map((action) => ({ label, role, action, allowed: EXPECTED[label][action] }))
	);

	it.each(cases)('$label may $action: $allowed', ({ role, action, allowed }) => {
		expect(may(role, action)).toBe(allowed);
	});

	it('lets exactly one role sign each signature meaning', () => {
		for (const action of ['sign_attested', 'sign_reviewed', 'sign_approved'] as const) {
			expect(ROLES.filter((r) => may(r, action))).toHaveLength(1);
		}
	});

	const documentCases = ACTORS.flatMap(([label, role]) =>
		DOCUMENT_KINDS.map((kind) => ({ label, role, kind, access: EXPECTED_DOCUMENT_ACCESS[label][kind] }))
	);

	it.each(documentCases)('$label gets $access access to the $kind document', ({ role, kind, access }) => {
		expect(documentAccess(role, kind)).toBe(access);
	});

	it('lets only people with the reviewer right create reviews, administrator or not', () => {
		expect(mayCreateReview({ mayCreateReviews: true })).toBe(true);
		expect(mayCreateReview({ mayCreateReviews: false })).toBe(false);
	});

	it('lets only administrators administer people', () => {
		for (const action of ADMIN_ACTIONS) {
			expect(mayAdminister({ isAdmin: true }, action)).toBe(true);
			expect(mayAdminister({ isAdmin: false }, action)).toBe(false);
			expect(mayAdminister(null, action)).toBe(false);
		}
	});
});
