import { getLocale } from '../paraglide/runtime.js';
import { m } from '../paraglide/messages.js';
import type { RecordLanguage as InterfaceLocale } from './framework/languages.ts';

export const REVIEW_KINDS = ['self_assessment', 'independent_review'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** A kind of review named in a language (the reader's by default). */
export function reviewKindLabel(kind: ReviewKind, locale: InterfaceLocale = getLocale()): string {
	return kind === 'self_assessment' ? m.common_kind_self_assessment({}, { locale }) : m.common_kind_independent_review({}, { locale });
}

/** Read at each access, so it speaks the language of the request that reads it. */
export const REVIEW_KIND_LABELS: Readonly<Record<ReviewKind, string>> = Object.freeze({
	get self_assessment() {
		return reviewKindLabel('self_assessment');
	},
	get independent_review() {
		return reviewKindLabel('independent_review');
	}
});
