// One frozen version as a document, and signing it. Who may sign with which meaning is the
// policy's answer (sign_attested, sign_reviewed, sign_approved): the page offers what the review's
// permissions allow, and the records service decides the signature (role, version still current,
// password) before it appends anything.
import { fail } from '@sveltejs/kit';
import { errorsOf, formError, readForm, statusOf } from '#lib/server/forms.ts';
import { SIGNATURE_MEANINGS } from '#lib/shared/framework/index.ts';
import { recordLanguageOf } from '#lib/shared/record/record.ts';
import type { SignatureItem } from '#lib/record/types.ts';
import { failPage, frameworkOf, isMeaning, meaningsOf, openReview, versionNumber } from '../access.server.ts';
import type { Actions, PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { user, review, can } = await openReview(locals, url, params.id);
	const version = versionNumber(params.version);
	const records = locals.services.records;
	const got = await records.getVersion(user.id, review.id, version);
	if (!got.ok) failPage(got.error);
	const frozen = got.value;
	const listed = await records.listVersions(user.id, review.id);
	const latest = listed.ok ? Math.max(version, ...listed.value.map((v) => v.version)) : version;

	// Meanings this person may still add: allowed by their role and not yet signed by them here.
	const open = frozen.superseded
		? []
		: SIGNATURE_MEANINGS.filter(
				(meaning) => can[`sign_${meaning}`] && !frozen.signatures.some((s) => s.meaning === meaning && s.signerUserId === user.id)
			);
	const toSign: Array<{ meaning: (typeof open)[number]; declaration: { text: string; hash: string } }> = [];
	for (const meaning of open) {
		const declaration = await records.declaration(review.id, version, meaning);
		if (declaration.ok) toSign.push({ meaning, declaration: declaration.value });
	}

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
		// Worded in the record's language, as the declaration that is signed.
		meanings: meaningsOf(frameworkOf(review, recordLanguageOf(frozen.record))),
		integrity: await records.verifyReview(review.id),
		toSign,
		/** A role that could sign (were the version current), for the "superseded" explanation. */
		maySign: SIGNATURE_MEANINGS.some((meaning) => can[`sign_${meaning}`]),
		canExport: can.export,
		// After sign-off the plan's actions are followed up (the review's page, or one's own on My actions).
		followUp: frozen.signatures.some((s) => s.meaning === 'approved')
			? can.view_overdue
				? { href: `/reviews/${review.id}/follow-up`, mine: false }
				: { href: '/actions', mine: true }
			: null,
		proofs: await signingProofs(locals, user.id, toSign.length > 0),
		justFrozen: url.searchParams.get('frozen') === '1'
	};
};

/**
 * Which fresh proof the sign form asks for: the password where the account has one (and
 * passwords are on), a new login at the identity provider where one is configured; and whether
 * this session already holds an unspent provider proof.
 */
async function signingProofs(locals: App.Locals, userId: string, needed: boolean) {
	const { accounts, oidc } = locals.services;
	return {
		password: needed && (await accounts.hasUsablePassword(userId)),
		identityProvider: needed && oidc ? { name: oidc.displayName, confirmed: !!locals.sessionId && (await oidc.hasSigningProof(locals.sessionId, userId)) } : null
	};
}

export const actions: Actions = {
	sign: async ({ locals, url, params, request }) => {
		const { user, review } = await openReview(locals, url, params.id);
		const version = versionNumber(params.version);
		// The password is read, passed on and never echoed back to the page.
		const form = readForm(await request.formData(), ['meaning', 'confirm', 'password', 'proof']);
		const meaning = form.meaning;
		if (!isMeaning(meaning)) return fail(400, { meaning, errors: formError(m.record_sign_choose_meaning()) });
		if (form.confirm !== 'yes') {
			return fail(400, { meaning, errors: { confirm: m.record_sign_tick_box() } });
		}

		const proof = form.proof === 'identity_provider' ? 'identity_provider' : 'password';
		const signed = await locals.services.records.sign(user, review.id, version, {
			meaning,
			password: form.password,
			proof,
			sessionId: locals.sessionId ?? undefined
		});
		if (!signed.ok) {
			// A refused password belongs next to the password field, whatever field the service names.
			const wrongPassword = signed.error.code === 'unauthenticated' || signed.error.field === 'password';
			const message = wrongPassword ? { password: signed.error.message } : errorsOf(signed.error);
			return fail(statusOf(signed.error), { meaning, errors: message });
		}
		return { meaning, signed: { printedName: signed.value.printedName, signedAt: signed.value.signedAt } };
	}
};
