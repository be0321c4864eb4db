import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	describeDifference,
	differenceSummaryText,
	differsMarkedly,
	needsDifferenceRationale,
	pendingDifferences,
	pendingDifferencesMessage,
	scoreDifference,
	signedDifference,
	summariseDifferences
} from './self-vs-independent.ts';
import { readIndependentScore, setDifferenceRationale, setIndependentScore } from './reviewer.ts';
import { readSelfScoreImport, setSelfScoreImport } from './grid.ts';

const pair = (selfScore: number | null, independentScore: number | null, differenceRationale = '') => ({ selfScore, independentScore, differenceRationale });

describe('the self against independent difference rule', () => {
	it('measures independent minus self, and nothing while either score is missing', () => {
		expect(scoreDifference(pair(4, 1))).toBe(-3);
		expect(scoreDifference(pair(1, 3))).toBe(2);
		expect(scoreDifference(pair(null, 3))).toBeNull();
		expect(scoreDifference(pair(3, null))).toBeNull();
	});

	it('marks a difference of 2 or more in either direction, not 1', () => {
		expect(differsMarkedly(pair(4, 2))).toBe(true);
		expect(differsMarkedly(pair(0, 5))).toBe(true);
		expect(differsMarkedly(pair(3, 2))).toBe(false);
		expect(differsMarkedly(pair(3, 3))).toBe(false);
		expect(differsMarkedly(pair(null, 0))).toBe(false);
	});

	it('needs a rationale only for a marked difference without one; blank text does not count', () => {
		expect(needsDifferenceRationale(pair(4, 1))).toBe(true);
		expect(needsDifferenceRationale(pair(4, 1, '   '))).toBe(true);
		expect(needsDifferenceRationale(pair(4, 1, 'Self-assessment counted plans as practice.'))).toBe(false);
		expect(needsDifferenceRationale(pair(4, 3))).toBe(false);
		// Records frozen before the field existed have no differenceRationale key at all.
		expect(needsDifferenceRationale({ selfScore: 5, independentScore: 1 })).toBe(true);
	});

	it('says the difference in words and signs, so the highlight never relies on colour', () => {
		expect(describeDifference(pair(4, 1))).toBe('Differs by 3 (independent lower)');
		expect(describeDifference(pair(1, 3))).toBe('Differs by 2 (independent higher)');
		expect(describeDifference(pair(2, 2))).toBe('Same level');
		expect(describeDifference(pair(null, 2))).toBe('');
		expect(signedDifference(pair(4, 1))).toBe('\u22123');
		expect(signedDifference(pair(1, 3))).toBe('+2');
		expect(signedDifference(pair(2, 2))).toBe('0');
	});

	it('summarises how many elements differ and how many still need a rationale', () => {
		const items = [
			{ code: 'A1', ...pair(4, 1) },
			{ code: 'A2', ...pair(3, 1, 'Seen on the gate log.') },
			{ code: 'B1', ...pair(3, 2) },
			{ code: 'B2', ...pair(null, 2) }
		];
		const summary = summariseDifferences(items);
		expect(summary).toEqual({ compared: 3, marked: ['A1', 'A2'], needingRationale: ['A1'] });
		expect(differenceSummaryText(summary)).toBe('2 elements differ by 2 or more; 1 still needs a rationale.');
		expect(differenceSummaryText(summariseDifferences(items.slice(1, 2)))).toBe('1 element differs by 2 or more; every one has a difference rationale.');
		expect(differenceSummaryText(summariseDifferences([]))).toBe('No element has both a self-score and an independent score yet.');
	});

	it('names every blocking element with code, title and both levels in the freeze refusal', () => {
		const pending = pendingDifferences([
			{ code: 'A1', title: 'Accountable manager', ...pair(4, 1) },
			{ code: 'B1', title: 'Risk assessment', ...pair(3, 2) }
		]);
		expect(pending).toEqual([{ code: 'A1', title: 'Accountable manager', selfScore: 4, independentScore: 1 }]);
		expect(pendingDifferencesMessage(pending)).toContain('A1 Accountable manager (self 4, independent 1)');
		expect(pendingDifferencesMessage(pending)).toMatch(/^The record cannot be frozen yet: 1 element differs by 2 or more .* Add a difference rationale to it in the GAP grid\.$/);
	});

	it('speaks the language it is asked for, the reader’s by default', () => {
		expect(describeDifference(pair(4, 1), 'fr')).toBe('Diffère de 3 (note indépendante inférieure)');
		expect(describeDifference(pair(4, 1), 'es')).toBe('Difiere en 3 (independiente más baja)');
		expect(describeDifference(pair(4, 1), 'ar')).toBe('يختلف بمقدار 3 (الدرجة المستقلة أدنى)');
		const two = pendingDifferences([
			{ code: 'A1', title: 'Dirigeant responsable', ...pair(4, 1) },
			{ code: 'B1', title: 'Évaluation des risques', ...pair(5, 2) }
		]);
		const french = pendingDifferencesMessage(two, 'fr');
		expect(french).toContain('2 éléments s’écartent de 2 niveaux ou plus');
		expect(french).toContain('A1 Dirigeant responsable (auto-évaluation 4, note indépendante 1) ; B1 Évaluation des risques');
		expect(pendingDifferencesMessage(two, 'ar')).toContain('؛ B1');
	});
});

describe('the difference rationale in the reviewer document', () => {
	it('is stored per element beside the score, read back trimmed, and left alone by a score save without it', () => {
		const doc = new Y.Doc();
		const input = { score: 1, target: null, targetRationale: '', confidence: null, rationale: 'No evidence.', priorityOverride: null, overrideReason: '' };
		setIndependentScore(doc, 'A1', { ...input, differenceRationale: '  The port counted a draft policy.  ' });
		expect(readIndependentScore(doc, 'A1').differenceRationale).toBe('The port counted a draft policy.');
		setIndependentScore(doc, 'A1', { ...input, score: 2 });
		expect(readIndependentScore(doc, 'A1')).toMatchObject({ score: 2, differenceRationale: 'The port counted a draft policy.' });
		expect(setDifferenceRationale(doc, 'B1', 'Only one terminal visited by the port.').ok).toBe(true);
		expect(readIndependentScore(doc, 'B1')).toMatchObject({ score: null, differenceRationale: 'Only one terminal visited by the port.' });
		expect(setDifferenceRationale(doc, 'B1', 'x'.repeat(4001)).ok).toBe(false);
	});

	it('reads older documents without the field as an empty rationale, and a malformed one as a problem', () => {
		const doc = new Y.Doc();
		const row = new Y.Map<unknown>();
		doc.getMap('scores').set('A1', row);
		row.set('score', 2);
		expect(readIndependentScore(doc, 'A1').differenceRationale).toBe('');
		row.set('differenceRationale', 42);
		const problems: string[] = [];
		expect(readIndependentScore(doc, 'A1', problems).differenceRationale).toBe('');
		expect(problems).toEqual(['independent score A1: differenceRationale is not text']);
	});
});

describe('the provenance of imported self-scores', () => {
	it('round-trips through the workspace grid meta and drops malformed levels', () => {
		const doc = new Y.Doc();
		expect(readSelfScoreImport(doc)).toBeNull();
		setSelfScoreImport(doc, {
			sourceReviewId: 'r-self',
			sourceTitle: 'Self-help GAP analysis 2026',
			sourceVersion: 2,
			sourceHash: 'abc123',
			importedAt: Date.UTC(2026, 10, 25),
			importedByName: 'Fran',
			scores: { A1: 4, B1: 3 }
		});
		expect(readSelfScoreImport(doc)).toEqual({
			sourceReviewId: 'r-self',
			sourceTitle: 'Self-help GAP analysis 2026',
			sourceVersion: 2,
			sourceHash: 'abc123',
			importedAt: Date.UTC(2026, 10, 25),
			importedByName: 'Fran',
			scores: { A1: 4, B1: 3 }
		});
		const meta = doc.getMap<Y.Map<unknown>>('gridMeta').get('selfScoreImport');
		meta?.set('scores', { A1: 9, B1: 3 });
		meta?.set('sourceVersion', null);
		expect(readSelfScoreImport(doc)).toMatchObject({ sourceVersion: null, sourceHash: null, scores: { B1: 3 } });
	});
});
