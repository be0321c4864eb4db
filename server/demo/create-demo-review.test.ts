import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestServices, insertUser, type TestServices } from '../../tests/helpers/services.ts';
import { reviewerDocumentName, workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { readInterview, plainAnswer } from '../../src/lib/shared/documents/interview.ts';
import { readPlan } from '../../src/lib/shared/documents/plan.ts';
import { readElementRows } from '../../src/lib/shared/documents/element-rows.ts';
import { DEFAULT_FRAMEWORK } from '../../src/lib/shared/framework/index.ts';
import { createDemoReview } from './create-demo-review.ts';

let services: TestServices;
beforeEach(() => (services = createTestServices()));
afterEach(() => services.cleanup());

async function stored(name: string): Promise<Y.Doc> {
	const { state, updates } = await services.repos.documents.load(name);
	const doc = new Y.Doc();
	if (state) Y.applyUpdate(doc, state);
	for (const u of updates) Y.applyUpdate(doc, u);
	return doc;
}

describe('demo review', () => {
	it('creates a filled workshop the administrator facilitates, with well-formed documents', async () => {
		const admin = insertUser(services, { name: 'Ada Admin', isAdmin: true });
		const created = await createDemoReview(services, admin);
		if (!created.ok) throw new Error(created.error.message);

		const opened = await services.reviews.open(admin.id, created.value);
		if (!opened.ok) throw new Error(opened.error.message);
		expect(opened.value.role).toBe('facilitator');
		expect(opened.value.participants.map((p) => p.role).sort()).toEqual(
			['accountable_manager', 'department_head', 'department_head', 'facilitator', 'security_manager'].sort()
		);

		const problems: string[] = [];
		const workspace = await stored(workspaceDocumentName(created.value));
		const reviewer = await stored(reviewerDocumentName(created.value));
		const interview = readInterview(workspace, problems);
		expect(interview.length).toBe(7);
		expect(plainAnswer(interview[0]).answer).toContain('accountable manager');
		expect(readPlan(workspace, problems)).toHaveLength(5);
		const rows = readElementRows(DEFAULT_FRAMEWORK, workspace, reviewer, problems);
		expect(rows.filter((r) => r.selfScore !== null)).toHaveLength(16);
		expect(rows.find((r) => r.element.code === 'A2')).toMatchObject({ current: 2, gap: 3, priority: 'P1' });
		expect(problems).toEqual([]);
	});

	it('refuses a user who is not an administrator and creates nothing', async () => {
		const user = insertUser(services, { name: 'Nina Nonadmin' });
		const created = await createDemoReview(services, user);
		expect(created.ok).toBe(false);
		expect(await services.reviews.listFor(user.id)).toEqual([]);
	});
});
