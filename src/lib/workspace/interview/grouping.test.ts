import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK } from '#lib/shared/framework/index.ts';
import { addEntry, InterviewEntries, moveEntry, readInterview } from '#lib/shared/documents/interview.ts';
import { countByElement, groupEntries, moveTarget } from './grouping.ts';

const isElement = (code: string) => DEFAULT_FRAMEWORK.elements.some((e) => e.code === code);
const author = { id: 'u1', name: 'Fran' };

/** A document with entries added in the given order; returns their ids by question text. */
function docWith(...entries: Array<[string, string]>) {
	const doc = new Y.Doc();
	const ids: Record<string, string> = {};
	for (const [elementCode, promptAsked] of entries) {
		const added = addEntry(doc, { elementCode, promptId: null, promptAsked, author }, isElement);
		if (!added.ok) throw new Error(added.error.message);
		ids[promptAsked] = added.value;
	}
	return { doc, ids };
}

const questionsOf = (doc: Y.Doc) =>
	groupEntries(DEFAULT_FRAMEWORK, readInterview(doc)).map((g) => [g.code, g.entries.map((e) => e.promptAsked)]);

describe('grouping interview entries by element', () => {
	it('lists groups in framework order, keeps document order inside a group and counts entries', () => {
		const { doc } = docWith(['C1', 'c-first'], ['A1', 'a-first'], ['C1', 'c-second'], ['A2', 'a2']);
		expect(questionsOf(doc)).toEqual([
			['A1', ['a-first']],
			['A2', ['a2']],
			['C1', ['c-first', 'c-second']]
		]);
		expect(Object.fromEntries(countByElement(readInterview(doc)))).toEqual({ C1: 2, A1: 1, A2: 1 });
	});

	it('shows entries naming an unknown element in a group of their own at the end', () => {
		const { doc, ids } = docWith(['A1', 'a'], ['B1', 'b']);
		InterviewEntries.entryMap(doc, ids.a)?.set('elementCode', 'Z9');
		const groups = groupEntries(DEFAULT_FRAMEWORK, readInterview(doc));
		expect(groups.map((g) => [g.code, g.element?.code ?? null])).toEqual([
			['B1', 'B1'],
			['Z9', null]
		]);
	});
});

describe('moving an entry within its group', () => {
	it('swaps with the previous entry of the same element, skipping entries of other elements', () => {
		const { doc, ids } = docWith(['A1', 'one'], ['B1', 'other'], ['A1', 'two']);
		const target = moveTarget(readInterview(doc), ids.two, 'up');
		expect(target).toEqual({ beforeId: ids.one });
		if (target) moveEntry(doc, ids.two, target.beforeId);
		expect(questionsOf(doc)).toEqual([
			['A1', ['two', 'one']],
			['B1', ['other']]
		]);
	});

	it('swaps with the next entry of the same element, also when that entry is last in the document', () => {
		const { doc, ids } = docWith(['A1', 'one'], ['B1', 'other'], ['A1', 'two']);
		const target = moveTarget(readInterview(doc), ids.one, 'down');
		expect(target).toEqual({ beforeId: null });
		if (target) moveEntry(doc, ids.one, target.beforeId);
		expect(questionsOf(doc)[0]).toEqual(['A1', ['two', 'one']]);

		const { doc: doc2, ids: ids2 } = docWith(['A1', 'one'], ['A1', 'two'], ['B1', 'other']);
		const target2 = moveTarget(readInterview(doc2), ids2.one, 'down');
		expect(target2).toEqual({ beforeId: ids2.other });
		if (target2) moveEntry(doc2, ids2.one, target2.beforeId);
		expect(questionsOf(doc2)[0]).toEqual(['A1', ['two', 'one']]);
	});

	it('offers no move up for the first entry of a group or down for the last', () => {
		const { doc, ids } = docWith(['A1', 'one'], ['A1', 'two'], ['B1', 'alone']);
		const entries = readInterview(doc);
		expect(moveTarget(entries, ids.one, 'up')).toBeUndefined();
		expect(moveTarget(entries, ids.two, 'down')).toBeUndefined();
		expect(moveTarget(entries, ids.alone, 'up')).toBeUndefined();
		expect(moveTarget(entries, 'missing', 'down')).toBeUndefined();
	});
});
