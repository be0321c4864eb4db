import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK } from '#lib/shared/framework/index.ts';
import { createAction, readPlan, updateAction, type ActionFields } from '#lib/shared/documents/plan.ts';
import { draftFromAction, emptyDraft, errorFor, fieldsFromAction, fieldsFromDraft, formErrorOf, mergeEdits } from './action-form.ts';

const isElement = (code: string) => DEFAULT_FRAMEWORK.elements.some((e) => e.code === code);
const author = { id: 'u1' };

function save(fields: ActionFields) {
	return createAction(new Y.Doc(), fields, author, isElement);
}

describe('turning the form into an action', () => {
	const filled = { ...emptyDraft('P2'), title: 'Name a deputy', linkedElements: ['A1'], dueDate: '2027-03-31', expectedLevelAfter: '4' };

	it('converts an empty date and an unset level to none', () => {
		expect(fieldsFromDraft({ ...filled, dueDate: '', expectedLevelAfter: '' })).toMatchObject({ dueDate: null, expectedLevelAfter: null });
		expect(fieldsFromDraft(filled)).toMatchObject({ dueDate: '2027-03-31', expectedLevelAfter: 4, priority: 'P2', status: 'proposed' });
	});

	it('lets the validator name each kind of bad input beside its field', () => {
		const cases: Array<[Partial<typeof filled>, string]> = [
			[{ title: '   ' }, 'title'],
			[{ linkedElements: [] }, 'linkedElements'],
			[{ dueDate: 'next Tuesday' }, 'dueDate'],
			[{ dueDate: '2027-02-30' }, 'dueDate'],
			[{ expectedLevelAfter: '7' }, 'expectedLevelAfter'],
			[{ expectedLevelAfter: 'high' }, 'expectedLevelAfter']
		];
		for (const [change, field] of cases) {
			const result = save(fieldsFromDraft({ ...filled, ...change }));
			if (result.ok) throw new Error(`accepted ${JSON.stringify(change)}`);
			const error = formErrorOf(result.error);
			expect(error.field).toBe(field);
			expect(errorFor(error, field as 'title')).toBe(result.error.message);
			expect(errorFor(error, 'owner')).toBeUndefined();
		}
	});

	it('refuses a half-typed date the browser reports as empty instead of clearing it', () => {
		const result = save(fieldsFromDraft({ ...filled, dueDate: '' }, { dueDateUnreadable: true }));
		expect(result).toMatchObject({ ok: false, error: { field: 'dueDate' } });
	});

	it('puts an error that names no field above the form', () => {
		const doc = new Y.Doc();
		const result = updateAction(doc, 'gone', fieldsFromDraft(filled), isElement);
		if (result.ok) throw new Error('updated a missing action');
		expect(formErrorOf(result.error)).toEqual({ field: 'form', message: 'That action was deleted by someone else.' });
	});

	it('round-trips a saved action through the edit form unchanged', () => {
		const doc = new Y.Doc();
		createAction(doc, fieldsFromDraft(filled), author, isElement);
		const [saved] = readPlan(doc);
		expect(draftFromAction(saved)).toEqual(filled);
	});
});

describe('saving an edit while someone else edits the same action', () => {
	it("keeps a colleague's change to a field this person did not touch", () => {
		const doc = new Y.Doc();
		const created = createAction(doc, fieldsFromDraft({ ...emptyDraft(), title: 'Train the gate staff', linkedElements: ['E1'] }), author, isElement);
		if (!created.ok) throw new Error('setup');
		const original = fieldsFromAction(readPlan(doc)[0]);
		// A colleague sets the owner while this person is changing the status.
		updateAction(doc, created.value, { ...original, owner: 'Training lead' }, isElement);
		const edited = { ...original, status: 'agreed' as const };
		const merged = mergeEdits(original, edited, fieldsFromAction(readPlan(doc)[0]));
		updateAction(doc, created.value, merged, isElement);
		expect(readPlan(doc)[0]).toMatchObject({ owner: 'Training lead', status: 'agreed' });
	});

	it("lets this person's change win on a field both changed", () => {
		const base: ActionFields = fieldsFromDraft({ ...emptyDraft(), title: 'A', linkedElements: ['A1'] });
		const merged = mergeEdits(base, { ...base, owner: 'Mine' }, { ...base, owner: 'Theirs', linkedElements: ['A1', 'A2'] });
		expect(merged).toMatchObject({ owner: 'Mine', linkedElements: ['A1', 'A2'] });
	});
});
