// Compares two frozen versions of a review's record. The versions come from the query string
// (?from=1&to=2) so a comparison has a stable, shareable URL; without them the latest two are used.
import { compareRecords } from '#lib/shared/record/compare.ts';
import { failPage, openReview } from '../access.server.ts';
import type { PageServerLoad } from './$types';

function asVersion(value: string | null, known: readonly number[]): number | null {
	if (value === null || !/^[1-9][0-9]{0,8}$/.test(value)) return null;
	const n = Number(value);
	return known.includes(n) ? n : null;
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	const { user, review } = openReview(locals, url, params.id);
	const records = locals.services.records;
	const listed = records.listVersions(user.id, review.id);
	if (!listed.ok) failPage(listed.error);
	const numbers = listed.value.map((v) => v.version).sort((a, b) => a - b);
	const latest = numbers.at(-1) ?? null;

	const askedFrom = url.searchParams.get('from');
	const askedTo = url.searchParams.get('to');
	const to = asVersion(askedTo, numbers) ?? latest;
	// Without a "from", the version just before "to": what changed in this version.
	const from = asVersion(askedFrom, numbers) ?? (to === null ? null : (numbers.filter((n) => n < to).at(-1) ?? null));
	const unknown = (askedFrom !== null && asVersion(askedFrom, numbers) === null) || (askedTo !== null && asVersion(askedTo, numbers) === null);

	const base = {
		review: { id: review.id, title: review.title, portName: review.portName, portCountry: review.portCountry, frameworkId: review.frameworkId, frameworkVersion: review.frameworkVersion },
		versions: listed.value.map((v) => ({ version: v.version, label: v.label, frozenAt: v.frozenAt })).sort((a, b) => a.version - b.version),
		from,
		to,
		unknown
	};
	if (from === null || to === null || from === to) return { ...base, comparison: null };
	const a = records.getVersion(user.id, review.id, from);
	const b = records.getVersion(user.id, review.id, to);
	if (!a.ok) failPage(a.error);
	if (!b.ok) failPage(b.error);
	// Nothing is swapped: "from" is whatever the reader chose, so a backwards comparison reads backwards.
	return { ...base, comparison: compareRecords(a.value.record, b.value.record) };
};
