// What every record page and endpoint checks first: a signed-in member of this review (anyone
// else gets the same 404 as an unknown id, so review ids cannot be probed), and a version number
// that is a positive integer.
import { error } from '@sveltejs/kit';
import { requireUser } from '#lib/server/guards.ts';
import { failPage } from '#lib/server/forms.ts';
import { getFramework, SIGNATURE_MEANINGS, type Framework, type SignatureMeaning } from '#lib/shared/framework/index.ts';
import type { MeaningInfo } from '#lib/record/types.ts';
import type { RecordLanguage } from '#lib/shared/framework/languages.ts';
import { m } from '#lib/paraglide/messages.js';

export async function openReview(locals: App.Locals, url: URL, reviewId: string) {
	const user = requireUser(locals, url);
	const opened = await locals.services.reviews.open(user.id, reviewId);
	if (!opened.ok) error(404, opened.error.message);
	return { user, ...opened.value };
}

export function versionNumber(param: string): number {
	if (!/^[1-9][0-9]{0,8}$/.test(param)) error(404, m.record_no_such_version());
	return Number(param);
}

export { failPage };

export function isMeaning(value: string): value is SignatureMeaning {
	return (SIGNATURE_MEANINGS as readonly string[]).includes(value);
}

/** The meanings as the review's framework words them; codes alone when the framework is unknown. */
export function meaningsOf(framework: Framework | null): MeaningInfo[] {
	return SIGNATURE_MEANINGS.map((code, i) => {
		const option = framework?.signOff.signatureMeanings.find((m) => m.code === code);
		return {
			code,
			label: option?.label ?? code,
			signer: option?.signer ?? code,
			statement: option?.statement ?? '',
			order: option?.order ?? i + 1
		};
	});
}

/** The review's framework, in the given language (a frozen version's: its record language). */
export function frameworkOf(review: { frameworkId: string; frameworkVersion: string }, language?: RecordLanguage): Framework | null {
	return getFramework(review.frameworkId, review.frameworkVersion, language);
}
