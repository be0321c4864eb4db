// "Create a demo review": a filled workshop (participants, interview, scores, plan) so a newcomer
// sees the product working within a minute. The documents are built with the same writers the
// browser uses and stored before anyone opens them.
import * as Y from 'yjs';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import { DEFAULT_FRAMEWORK, frameworkRef, getElement } from '../../src/lib/shared/framework/index.ts';
import { reviewerDocumentName, workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { overviewNotes } from '../../src/lib/shared/documents/workspace.ts';
import { addEntry, addEvidence, addFollowUp, setEntryFlag, setIndicativeLevel, InterviewEntries } from '../../src/lib/shared/documents/interview.ts';
import { proposeScore, setSelfScore } from '../../src/lib/shared/documents/grid.ts';
import { setIndependentScore } from '../../src/lib/shared/documents/reviewer.ts';
import { createAction } from '../../src/lib/shared/documents/plan.ts';
import type { Tx } from '../persistence/store.ts';
import type { Services } from '../services.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { DEMO_ACTIONS, DEMO_INDEPENDENT, DEMO_INTERVIEWS, DEMO_PEOPLE, DEMO_PORT, DEMO_SELF_SCORES } from './demo-content.ts';

/** Demo accounts cannot sign in: this is not an argon2 hash, so every password check fails. */
const NO_PASSWORD = '!demo-account';

export function writeParagraphs(fragment: Y.XmlFragment, lines: readonly string[]): void {
	fragment.insert(
		fragment.length,
		lines.map((line) => {
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText(line)]);
			return paragraph;
		})
	);
}

/** The review, its people and both documents in one transaction: all of the demo or none of it. */
export function createDemoReview(services: Services, admin: SessionUser, now: number = Date.now()): Promise<Result<string>> {
	return services.store.transaction((tx) => writeDemoReview(tx, services, admin, now));
}

function writeDemoReview(tx: Tx, services: Services, admin: SessionUser, now: number): Result<string> {
	const created = services.reviews.createIn(tx, admin, {
		title: 'Demo: independent PSeMS review',
		...DEMO_PORT,
		kind: 'independent_review',
		scheduledOn: new Date(now).toISOString().slice(0, 10),
		framework: frameworkRef(DEFAULT_FRAMEWORK.id, DEFAULT_FRAMEWORK.version)
	});
	if (!created.ok) return created;
	const reviewId = created.value.id;
	const people = new Map<string, { id: string; name: string; department: string }>();
	for (const person of DEMO_PEOPLE) {
		const id = crypto.randomUUID();
		tx.users.insert({
			id,
			email: `demo-${person.key}-${reviewId.slice(0, 8)}@example.invalid`,
			name: person.name,
			passwordHash: NO_PASSWORD,
			isAdmin: false,
			createdAt: now
		});
		tx.reviews.addParticipant(reviewId, id, person.role, person.department, now);
		people.set(person.key, { id, name: person.name, department: person.department ?? '' });
	}

	const isElement = (code: string) => getElement(DEFAULT_FRAMEWORK, code) !== null;
	const workspace = new Y.Doc();
	const reviewer = new Y.Doc();
	writeParagraphs(overviewNotes(workspace), [
		'Opening: the chief executive, as accountable manager, opened the workshop and asked for candour.',
		'Scope: all five pillars; site visits to the north gate and the container terminal on day one.'
	]);
	for (const item of DEMO_INTERVIEWS) {
		const prompt = getElement(DEFAULT_FRAMEWORK, item.elementCode)?.prompts.find((p) => p.id === item.promptId);
		const entry = addEntry(
			workspace,
			{ elementCode: item.elementCode, promptId: item.promptId, promptAsked: prompt?.text ?? item.promptId, intervieweeRole: item.role, intervieweeDepartment: item.department, author: admin, now },
			isElement
		);
		if (!entry.ok) return fail('internal', `Demo interview could not be written: ${entry.error.message}`);
		const m = InterviewEntries.entryMap(workspace, entry.value);
		writeParagraphs(m?.get('answer') as Y.XmlFragment, item.answer);
		writeParagraphs(m?.get('observations') as Y.XmlFragment, item.observations);
		for (const evidence of item.evidence) addEvidence(workspace, entry.value, evidence);
		for (const followUp of item.followUps) addFollowUp(workspace, entry.value, followUp);
		setIndicativeLevel(workspace, entry.value, item.level);
		setEntryFlag(workspace, entry.value, 'readBackDone', true);
	}
	for (const [code, score] of Object.entries(DEMO_SELF_SCORES)) setSelfScore(workspace, code, score);
	for (const [code, judged] of Object.entries(DEMO_INDEPENDENT)) {
		setIndependentScore(reviewer, code, { ...judged, target: null, targetRationale: '', priorityOverride: null, overrideReason: '' });
	}
	const tom = people.get('tom');
	const priya = people.get('priya');
	if (tom) proposeScore(workspace, { elementCode: 'C1', user: tom, score: 3, comment: 'The north gate is the weak point; the others are solid.', now });
	if (priya) proposeScore(workspace, { elementCode: 'C3', user: priya, score: 2, comment: 'OT is a blind spot until the vendor contract changes.', now });
	for (const action of DEMO_ACTIONS) {
		createAction(
			workspace,
			{ title: action.title, linkedElements: [...action.linked], owner: action.owner, dueDate: action.due, priority: action.priority, status: action.status, successMeasure: action.measure, expectedLevelAfter: action.level },
			admin,
			isElement,
			now
		);
	}

	// Stored as compacted state before any client opens the documents.
	tx.documents.compact(workspaceDocumentName(reviewId), Y.encodeStateAsUpdate(workspace), 0, now);
	tx.documents.compact(reviewerDocumentName(reviewId), Y.encodeStateAsUpdate(reviewer), 0, now);
	services.logger.info('demo.created', { reviewId, by: admin.id });
	return ok(reviewId);
}
