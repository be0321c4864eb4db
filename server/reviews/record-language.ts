// The record language of a review (issue 14): the language its next frozen version, and that
// version's page, PDF and CSV, are written in. Only facilitators choose it, because it decides the
// wording of what the accountable manager signs. Earlier versions keep the language they were
// frozen in (the record states it), so a change never rewrites a signed record.
import * as z from 'zod';
import { fail, ok, type Result } from '../../src/lib/shared/result.ts';
import { RECORD_LANGUAGES, RECORD_LANGUAGE_NAMES, getFramework, type RecordLanguage } from '../../src/lib/shared/framework/index.ts';
import type { Store } from '../persistence/store.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { may } from '../auth/policy.ts';
import { m } from '../../src/lib/paraglide/messages.js';
import type { AuditService } from '../records/audit.ts';

export const RecordLanguageForm = z.object({
	language: z.enum(RECORD_LANGUAGES, { error: () => m.reviews_error_record_language_choose({ languages: RECORD_LANGUAGES.map((l) => RECORD_LANGUAGE_NAMES[l]).join(', ') }) })
});

export type RecordLanguageDeps = { store: Pick<Store, 'transaction'>; audit: Pick<AuditService, 'appendIn'> };

export function createRecordLanguageService(deps: RecordLanguageDeps) {
	return {
		/** Sets the language; setting the language it already has changes nothing and logs nothing. */
		set: (actor: SessionUser, reviewId: string, input: unknown): Promise<Result<{ language: RecordLanguage; changed: boolean }>> =>
			deps.store.transaction((tx): Result<{ language: RecordLanguage; changed: boolean }> => {
			const review = tx.reviews.findById(reviewId);
			const me = review ? tx.reviews.participant(reviewId, actor.id) : null;
			if (!review || !me || !may(me.role, 'view')) return fail('not_found', m.reviews_error_review_not_found());
			if (!may(me.role, 'set_record_language')) return fail('forbidden', m.reviews_error_record_language_forbidden());
			const parsed = RecordLanguageForm.safeParse(input);
			if (!parsed.success) return fail('invalid_input', parsed.error.issues[0]?.message ?? m.reviews_error_record_language_missing(), 'language');
			const language = parsed.data.language;
			if (!getFramework(review.frameworkId, review.frameworkVersion, language)) {
				return fail('invalid_input', m.reviews_error_record_language_no_translation({ framework: review.frameworkId, version: review.frameworkVersion, language: RECORD_LANGUAGE_NAMES[language] }), 'language');
			}
			if (language === review.recordLanguage) return ok({ language, changed: false });
			tx.reviews.setRecordLanguage(reviewId, language);
			deps.audit.appendIn(tx, { actorId: actor.id, action: 'record_language_changed', reviewId, details: { from: review.recordLanguage, to: language } });
			return ok({ language, changed: true });
		})
	};
}

export type RecordLanguageService = ReturnType<typeof createRecordLanguageService>;
