// Compares two frozen versions: of this review's record (?from=1&to=2), or of an earlier review of
// the same port with this one (?from=<reviewId>:<version>&to=2, issue 15: the next review against
// the last). The versions come from the query string so a comparison has a stable, shareable URL;
// without them the latest two of this review are used. The other review is read like any record
// page: only by its members (others get "not found"), and only when it is of the same port
// (portKey, the progress page's rule).
import { error } from '@sveltejs/kit';
import { compareRecords, type ComparisonWords } from '#lib/shared/record/compare.ts';
import { getFramework } from '#lib/shared/framework/index.ts';
import { labelsFor } from '#lib/shared/labels.ts';
import type { RecordLanguage } from '#lib/shared/framework/languages.ts';
import { portKey } from '#lib/shared/progress/port-progress.ts';
import { failPage, openReview } from '../access.server.ts';
import type { PageServerLoad } from './$types';
import { recordLanguageOf } from '#lib/shared/record/record.ts';
import { m } from '#lib/paraglide/messages.js';

/** The words a comparison joins into values, in the later record's language, as the page's other framework words. */
function comparisonWords(frameworkId: string, frameworkVersion: string, language: RecordLanguage): ComparisonWords {
	const labels = labelsFor(getFramework(frameworkId, frameworkVersion, language), language);
	return {
		evidenceStatus: labels.evidenceStatus,
		followUpDone: m.record_compare_followup_done({}, { locale: language }),
		listSeparator: m.grid_list_separator({}, { locale: language })
	};
}

function asVersion(value: string | null, known: readonly number[]): number | null {
	if (value === null || !/^[1-9][0-9]{0,8}$/.test(value)) return null;
	const n = Number(value);
	return known.includes(n) ? n : null;
}

/** "3" (this review) or "<review id>:3" (another review); null for anything else. */
function parseFrom(value: string | null): { reviewId: string | null; version: string } | null {
	if (value === null) return null;
	const match = /^([0-9a-f-]{36}):([^:]*)$/i.exec(value);
	return match ? { reviewId: match[1].toLowerCase(), version: match[2] } : { reviewId: null, version: value };
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { user, review } = await openReview(locals, url, params.id);
	const records = locals.services.records;
	const listed = await records.listVersions(user.id, review.id);
	if (!listed.ok) failPage(listed.error);
	const numbers = listed.value.map((v) => v.version).sort((a, b) => a - b);
	const latest = numbers.at(-1) ?? null;
	const key = portKey(review.portName, review.portCountry);

	// The other reviews of this port the reader is a member of, with their versions (the "from" picker offers them).
	const others: Array<{ id: string; title: string; versions: Array<{ version: number; label: string; frozenAt: string }> }> = [];
	for (const r of await locals.services.reviews.listFor(user.id)) {
		if (r.id === review.id || portKey(r.portName, r.portCountry) !== key) continue;
		const versions = await records.listVersions(user.id, r.id);
		if (versions.ok && versions.value.length > 0) {
			others.push({ id: r.id, title: r.title, versions: versions.value.map((v) => ({ version: v.version, label: v.label, frozenAt: v.frozenAt })).sort((a, b) => a.version - b.version) });
		}
	}


	const asked = parseFrom(url.searchParams.get('from'));
	const fromReviewId = asked?.reviewId && asked.reviewId !== review.id ? asked.reviewId : null;
	let fromReview: { id: string; title: string; versions: Array<{ version: number; label: string; frozenAt: string }> } | null = null;
	if (fromReviewId) {
		const other = await locals.services.reviews.open(user.id, fromReviewId);
		if (!other.ok) error(404, m.record_compare_review_not_found());
		if (portKey(other.value.review.portName, other.value.review.portCountry) !== key) {
			error(400, m.record_compare_other_port({ title: other.value.review.title, port: other.value.review.portName, country: other.value.review.portCountry }));
		}
		fromReview = others.find((o) => o.id === fromReviewId) ?? { id: other.value.review.id, title: other.value.review.title, versions: [] };
	}
	const fromNumbers = fromReview ? fromReview.versions.map((v) => v.version) : numbers;

	const askedTo = url.searchParams.get('to');
	const to = asVersion(askedTo, numbers) ?? latest;
	// Without a "from", the version just before "to": what changed in this version.
	const from =
		asVersion(asked?.version ?? null, fromNumbers) ??
		(fromReview ? (fromNumbers.at(-1) ?? null) : to === null ? null : (numbers.filter((n) => n < to).at(-1) ?? null));
	const unknown = (asked !== null && asVersion(asked.version, fromNumbers) === null) || (askedTo !== null && asVersion(askedTo, numbers) === null);

	const base = {
		review: { id: review.id, title: review.title, portName: review.portName, portCountry: review.portCountry, frameworkId: review.frameworkId, frameworkVersion: review.frameworkVersion },
		versions: listed.value.map((v) => ({ version: v.version, label: v.label, frozenAt: v.frozenAt })).sort((a, b) => a.version - b.version),
		others,
		fromReview,
		from,
		to,
		unknown
	};
	if (from === null || to === null || (!fromReview && from === to)) return { ...base, comparison: null, language: null };
	const a = await records.getVersion(user.id, fromReview?.id ?? review.id, from);
	const b = await records.getVersion(user.id, review.id, to);
	if (!a.ok) failPage(a.error);
	if (!b.ok) failPage(b.error);
	// Nothing is swapped: "from" is whatever the reader chose, so a backwards comparison reads backwards.
	// Titles and framework words are the later record's, in its language.
	const language = recordLanguageOf(b.value.record);
	const words = comparisonWords(review.frameworkId, review.frameworkVersion, language);
	return { ...base, comparison: compareRecords(a.value.record, b.value.record, words), language };
};
