import { describe, expect, it } from 'vitest';
import { hasRtl, visualRuns } from './bidi-text.ts';

// What fontkit receives, run by run from left to right: a right-to-left run in logical order
// (fontkit reverses and joins it), anything else in visual order.
const runs = (line: string) => visualRuns(line).runs.map((r) => r.text);

describe('bidirectional runs for the PDF', () => {
	it('leaves text without right-to-left letters as one left-to-right run', () => {
		expect(hasRtl('Sûreté ≥ 4')).toBe(false);
		expect(visualRuns('Sûreté ≥ 4')).toEqual({ rtl: false, runs: [{ text: 'Sûreté ≥ 4', level: 0 }] });
	});

	it('keeps an Arabic sentence one run in logical order, right to left', () => {
		expect(visualRuns('تقييم التهديدات ونقاط الضعف والمخاطر')).toEqual({ rtl: true, runs: [{ text: 'تقييم التهديدات ونقاط الضعف والمخاطر', level: 1 }] });
	});

	it('puts Latin codes and numbers inside Arabic where a reader expects them, in their own order', () => {
		// Logical: "the element A1 at level 3"; read from the right, A1 and 3 stay left to right.
		expect(runs('العنصر A1 في المستوى 3')).toEqual(['3', ' في المستوى ', 'A1', 'العنصر ']);
	});

	it('mirrors brackets in a right-to-left context, as the Unicode algorithm asks', () => {
		const [left, middle, right] = runs('وفعال (PSOE) المستخدم');
		expect(middle).toBe('PSOE');
		// fontkit reverses the run, so the bracket typed last ends up leftmost: mirrored, it reads "(".
		expect(left).toBe('( المستخدم');
		expect(right).toBe('وفعال )');
	});

	it('keeps an English line with an Arabic name left to right, the name as one run', () => {
		expect(visualRuns('Port of الدمام, Saudi Arabia')).toEqual({
			rtl: false,
			runs: [
				{ text: 'Port of ', level: 0 },
				{ text: 'الدمام', level: 1 },
				{ text: ', Saudi Arabia', level: 0 }
			]
		});
	});
});
