// A review with one person per role (real argon2 passwords for those who sign) on temporary
// services, and a way to edit its stored documents the way the collab server would store them.
import * as Y from 'yjs';
import { createReviewAs, createTestClock, createTestServices, insertUser, addParticipant, type TestServices } from '../helpers/services.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import type { SessionUser } from '../../server/auth/sessions.ts';
import type { Role } from '../../src/lib/shared/roles.ts';
import { reviewerDocumentName, workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { readStored } from '../../server/collab/document-store.ts';

export const PASSWORD = 'correct horse battery staple';

export type RecordsFixture = {
	services: TestServices;
	clock: ReturnType<typeof createTestClock>;
	reviewId: string;
	facilitator: SessionUser;
	securityManager: SessionUser;
	departmentHead: SessionUser;
	accountableManager: SessionUser;
	/** Applies `change` to the stored documents, as one update each appended to the durable log. */
	edit(change: (docs: { workspace: Y.Doc; reviewer: Y.Doc }) => void): void;
	freeze(label?: string): ReturnType<TestServices['records']['freeze']>;
};

export async function createRecordsFixture(): Promise<RecordsFixture> {
	const clock = createTestClock();
	const services = createTestServices({ now: clock.now });
	const facilitator = insertUser(services, { name: 'Fran Facilitator', isAdmin: true });
	const reviewId = createReviewAs(services, facilitator).id;
	const person = async (name: string, role: Role, department: string | null = null) => {
		const user = insertUser(services, { name });
		addParticipant(services, reviewId, user, role, department);
		await services.repos.users.setPassword(user.id, await hashPassword(PASSWORD), 0);
		return user;
	};
	await services.repos.users.setPassword(facilitator.id, await hashPassword(PASSWORD), 0);
	const securityManager = await person('Sam Security', 'security_manager');
	const departmentHead = await person('Dee Head', 'department_head', 'Operations');
	const accountableManager = await person('Alex Accountable', 'accountable_manager');

	const edit: RecordsFixture['edit'] = (change) => {
		const names = { workspace: workspaceDocumentName(reviewId), reviewer: reviewerDocumentName(reviewId) };
		const docs = {
			workspace: readStored(services.store.tx.documents, names.workspace),
			reviewer: readStored(services.store.tx.documents, names.reviewer)
		};
		const before = { workspace: Y.encodeStateVector(docs.workspace), reviewer: Y.encodeStateVector(docs.reviewer) };
		change(docs);
		for (const kind of ['workspace', 'reviewer'] as const) {
			const update = Y.encodeStateAsUpdate(docs[kind], before[kind]);
			services.documentStore.append(names[kind], update);
		}
	};
	return {
		services,
		clock,
		reviewId,
		facilitator,
		securityManager,
		departmentHead,
		accountableManager,
		edit,
		freeze: (label = 'Agreed at the closing session') => services.records.freeze(facilitator, reviewId, { label, note: '' })
	};
}

/** Unwraps a Result in a test, failing with its message. */
export function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
	if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
	return result.value;
}

/** An independent score as the facilitator's form saves it; `target` and `rationale` where a test needs them. */
export function independentScore(score: number, opts: { target?: number | null; rationale?: string; differenceRationale?: string } = {}) {
	const target = opts.target ?? null;
	return {
		score,
		target,
		targetRationale: target !== null && target < 3 ? 'Agreed with the board for this cycle' : '',
		confidence: 'high' as const,
		rationale: opts.rationale ?? 'Seen in the duty logs',
		priorityOverride: null,
		overrideReason: '',
		...(opts.differenceRationale !== undefined ? { differenceRationale: opts.differenceRationale } : {})
	};
}
