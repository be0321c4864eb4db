// Layout of the progress chart: one row per element, a dot per signed review on the 0..5 scale,
// joined from the oldest to the newest, and the newest target as a diamond. Pure, so the board's
// numbers can be unit-tested and the server render matches the browser.
import { levelScale } from '../components/charts/scale.ts';
import type { ProgressElement } from '../shared/progress/port-progress.ts';
import { m } from '../paraglide/messages.js';

export const TREND = { width: 720, labelWidth: 290, rowHeight: 30, top: 34, right: 16 } as const;

export type TrendDot = { review: number; x: number; level: number; latest: boolean };
export type TrendRow = {
	code: string;
	label: string;
	y: number;
	dots: TrendDot[];
	/** From the first scored review's dot to the latest's; null with fewer than two scores. */
	span: { x1: number; x2: number; direction: 'up' | 'down' | 'same' } | null;
	targetX: number | null;
};

/**
 * `rtl`: the chart mirrored for a right-to-left reader (Arabic): labels on the right, level 0 at the
 * right end of the scale and 5 at the left, so the eye meets the element name, then its level, the
 * way the sentence reads. x0 is still the level-0 end of the scale (on the right when mirrored).
 */
export function layoutTrend(elements: ProgressElement[], reviewCount: number, rtl = false) {
	const x0 = rtl ? TREND.width - TREND.labelWidth : TREND.labelWidth;
	const x1 = rtl ? TREND.right : TREND.width - TREND.right;
	const x = levelScale(x0, x1);
	const rows: TrendRow[] = elements.map((element, i) => {
		const y = TREND.top + i * TREND.rowHeight + TREND.rowHeight / 2;
		const dots = element.levels.flatMap((l, review) =>
			l.level === null ? [] : [{ review, x: x(l.level), level: l.level, latest: review === reviewCount - 1 }]
		);
		const first = dots[0];
		const last = dots.at(-1);
		const span =
			first && last && first !== last
				? { x1: first.x, x2: last.x, direction: last.level > first.level ? ('up' as const) : last.level < first.level ? ('down' as const) : ('same' as const) }
				: null;
		const target = element.levels.at(-1)?.target ?? null;
		return { code: element.code, label: `${element.code} ${element.title}`, y, dots, span, targetX: target === null ? null : x(target) };
	});
	// Where the labels start (their reading start) and the side the plot grows away from level 0.
	const labelX = rtl ? TREND.width : 0;
	return { x0, x1, x, rows, labelX, rtl, height: TREND.top + elements.length * TREND.rowHeight + 8 };
}

/** "A1 went from 1 to 3": the chart's one-sentence summary for screen readers. */
export function describeTrend(elements: ProgressElement[], reviewCount: number): string {
	if (reviewCount === 0) return m.reviews_trend_none();
	const moved = elements.filter((e) => e.gapClosed !== null && e.gapClosed !== 0);
	const better = moved.filter((e) => (e.gapClosed ?? 0) > 0).length;
	const worse = moved.filter((e) => (e.gapClosed ?? 0) < 0).length;
	if (reviewCount === 1) return m.reviews_trend_one({ count: elements.length });
	return m.reviews_trend_many({ count: elements.length, reviews: reviewCount, better, worse });
}
