// One frozen version as a document, and signing it. Who may sign with which meaning is the
// policy's answer (sign_attested, sign_reviewed, sign_approved), asked again in the action; the
// records service checks the password and the role a third time before it appends anything.
import { fail } from '@sveltejs/kit';
import { getServices, may } from '#lib/server/services.ts';
import { errorsOf, formError, readForm, statusOf } from '#lib/server/forms.ts';
import { SIGNATURE_MEANINGS } from '#lib/shared/framework/index.ts';
import type { SignatureItem } from '#lib/record/types.ts';
import { failPage, frameworkOf, isMeaning, meaningsOf, openReview, versionNumber } from '../access.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	const { user, review, role } = openReview(locals, url, params.id);
	const version = versionNumber(params.version);
	const records = getServices().records;
	const got = records.getVersion(user.id, review.id, version);
	if (!got.ok) failPage(got.error);
	const frozen = got.value;
	const listed = records.listVersions(user.id, review.id);
	const latest = listed.ok ? Math.max(version, ...listed.value.map((v) => v.version)) : version;

	// Meanings this person may still add: allowed by their role and not yet signed by them here.
	const open = frozen.superseded
		? []
		: SIGNATURE_MEANINGS.filter(
				(meaning) => may(role, `sign_${meaning}`) && !frozen.signatures.some((s) => s.meaning === meaning && s.signerUserId === user.id)
			);
	const toSign = open.flatMap((meaning) => {
		const declaration = records.declaration(review.id, version, meaning);
		return declaration.ok ? [{ meaning, declaration: declaration.value }] : [];
	});
	const signatures: SignatureItem[] = frozen.signatures.map((s) => ({
		id: s.id,
		meaning: s.meaning,
		printedName: s.printedName,
		role: s.role,
		signedAt: s.signedAt,
		recordHash: s.recordHash,
		declarationHash: s.declarationHash
	}));
	return {
		review: { id: review.id, title: review.title, portName: review.portName, portCountry: review.portCountry },
		version: {
			version: frozen.version,
			label: frozen.label,
			note: frozen.note,
			frozenAt: frozen.frozenAt,
			frozenByName: frozen.frozenByName,
			contentHash: frozen.contentHash,
			chainHash: frozen.chainHash,
			superseded: frozen.superseded,
			status: frozen.status
		},
		record: frozen.record,
		signatures,
		latest,
		meanings: meaningsOf(frameworkOf(review)),
		integrity: records.verifyReview(review.id),
		toSign,
		/** A role that could sign (were the version current), for the "superseded" explanation. */
		maySign: SIGNATURE_MEANINGS.some((meaning) => may(role, `sign_${meaning}`)),
		canExport: may(role, 'export'),
		justFrozen: url.searchParams.get('frozen') === '1'
	};
};

export const actions: Actions = {
	sign: async ({ locals, url, params, request }) => {
		const { user, role, review } = openReview(locals, url, params.id);
		const version = versionNumber(params.version);
		// The password is read, passed on and never echoed back to the page.
		const form = readForm(await request.formData(), ['meaning', 'confirm', 'password']);
		const meaning = form.meaning;
		if (!isMeaning(meaning)) return fail(400, { meaning, errors: formError('Choose what your signature means.') });
		if (!may(role, `sign_${meaning}`)) {
			return fail(403, { meaning, errors: formError('Your role in this review cannot sign with this meaning.') });
		}
		const errors: Record<string, string> = {};
		if (form.confirm !== 'yes') errors.confirm = 'Tick the box to confirm that you have read the record and the declaration.';
		if (form.password === '') errors.password = 'Enter your password to sign.';
		if (Object.keys(errors).length > 0) return fail(400, { meaning, errors });

		const records = getServices().records;
		const current = records.getVersion(user.id, review.id, version);
		if (!current.ok) return fail(statusOf(current.error), { meaning, errors: errorsOf(current.error) });
		if (current.value.superseded) {
			return fail(409, { meaning, errors: formError('A later version has been frozen, so this one can no longer be signed. Sign the latest version instead.') });
		}
		const signed = await records.sign(user, review.id, version, { meaning, password: form.password });
		if (!signed.ok) {
			// A refused password belongs next to the password field, whatever field the service names.
			const wrongPassword = signed.error.code === 'unauthenticated' || signed.error.field === 'password';
			const message = wrongPassword ? { password: signed.error.message } : errorsOf(signed.error);
			return fail(statusOf(signed.error), { meaning, errors: message });
		}
		return { meaning, signed: { printedName: signed.value.printedName, signedAt: signed.value.signedAt } };
	}
};
