// Mail in the right language (issue 14): mail about a review in that review's record language,
// mail about an account in the person's saved interface language. The mails are written outside
// any request here, as the freeze hook and the digest timer write them.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createAction } from '../../src/lib/shared/documents/plan.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import type { RecordLanguage } from '../../src/lib/shared/framework/languages.ts';
import type { NewOutboxMail } from '../persistence/mail-outbox.ts';
import type { Tx } from '../persistence/store.ts';
import type { ParticipantRow, ReviewRepository, ReviewRow } from '../persistence/reviews.ts';
import type { UserRepository, UserRow } from '../persistence/users.ts';
import type { Logger } from '../logger.ts';
import { MEANING_LABELS } from '../records/declaration.ts';
import { queueDueDigests } from './due-digest.ts';
import { createPublicLinks } from './links.ts';
import { meaningLabel, requestSignatures } from './signature-requests.ts';
import { invitationMail, passwordResetMail } from './templates.ts';
import { requestVerification } from './verification-requests.ts';

const links = createPublicLinks({ origin: 'https://psems.example', port: 3000 });
const EXPIRES = Date.UTC(2026, 11, 11, 9, 30);

function review(id: string, title: string, recordLanguage: RecordLanguage): ReviewRow {
	return { id, title, portName: 'Port de Marseille', portCountry: 'France', kind: 'independent_review', scheduledOn: null, frameworkId: 'psems-gap', frameworkVersion: '1.0', createdBy: 'u-fac', createdAt: 0, recordLanguage, previousReviewId: null, previousVersion: null };
}

function participant(reviewId: string, userId: string, name: string, role: ParticipantRow['role']): ParticipantRow {
	return { reviewId, userId, name, email: `${userId}@port.test`, role, department: null, addedAt: 0 };
}

function outbox() {
	const mails: NewOutboxMail[] = [];
	const keys = new Set<string>();
	return {
		mails,
		enqueueIn: (_tx: unknown, mail: NewOutboxMail): number | null => keep(mail),
		enqueue: (mail: NewOutboxMail): Promise<number | null> => Promise.resolve(keep(mail))
	};
	function keep(mail: NewOutboxMail): number | null {
		if (mail.dedupeKey && keys.has(mail.dedupeKey)) return null;
		if (mail.dedupeKey) keys.add(mail.dedupeKey);
		mails.push(mail);
		return mails.length;
	}
}

describe('invitation mail', () => {
	it('is written in the review’s record language, subject, role, expiry date and HTML language included', () => {
		const mail = invitationMail({ to: { email: 'h@port.test', name: 'Hélène' }, inviterName: 'Fran Müller', reviewTitle: 'Revue 2026', portName: 'Port de Marseille', role: 'department_head', link: 'https://psems.example/invite/x', expiresAt: EXPIRES, language: 'fr' });
		expect(mail.subject).toBe('Invitation : Revue 2026');
		expect(mail.textBody).toContain('Bonjour Hélène,');
		expect(mail.textBody).toContain('Fran Müller vous invite à participer à la revue PSeMS « Revue 2026 » (Port de Marseille) en tant que chef de service.');
		expect(mail.textBody).toContain('jusqu’au 11 décembre 2026 à 09:30 UTC.');
		expect(mail.textBody).toContain('Accepter l’invitation: https://psems.example/invite/x');
		expect(mail.htmlBody).toContain('<html lang="fr" dir="ltr">');
		expect(mail.textBody).not.toMatch(/Hello|invites you|Accept the invitation/);
	});

	it('stays in English when the caller names no language, with the role label it was given', () => {
		const mail = invitationMail({ to: { email: 'h@port.test', name: 'Hana' }, inviterName: 'Fran', reviewTitle: 'Eastmouth GAP review', portName: 'Eastmouth', roleLabel: 'department head', link: 'https://psems.example/invite/x', expiresAt: EXPIRES });
		expect(mail.subject).toBe('Invitation: Eastmouth GAP review');
		expect(mail.textBody).toContain('Fran invites you to take part in the PSeMS review "Eastmouth GAP review" (Eastmouth) as department head.');
		expect(mail.textBody).toContain('The link is for you alone and can be used once, until 11 December 2026 at 09:30 UTC.');
		expect(mail.htmlBody).toContain('<html lang="en-GB" dir="ltr">');
	});
});

describe('password reset mail', () => {
	const base = { link: 'https://psems.example/reset/t', minutes: 60, byAdministrator: false };

	it('is written in the person’s saved interface language', () => {
		const spanish = passwordResetMail({ ...base, to: { email: 'a@port.test', name: 'Ana', locale: 'es' } });
		expect(spanish.subject).toBe('Restablezca su contraseña');
		expect(spanish.textBody).toContain('Hola, Ana:');
		expect(spanish.textBody).toContain('El enlace funciona una sola vez, durante 60 minutos.');
		expect(spanish.htmlBody).toContain('<html lang="es" dir="ltr">');

		const french = passwordResetMail({ ...base, byAdministrator: true, to: { email: 'f@port.test', name: 'Fanny', locale: 'fr' } });
		expect(french.subject).toBe('Réinitialisez votre mot de passe');
		expect(french.textBody).toContain('Un administrateur a demandé un lien de réinitialisation du mot de passe de votre compte.');

		const arabic = passwordResetMail({ ...base, to: { email: 'k@port.test', name: 'Karim', locale: 'ar' } });
		expect(arabic.subject).toBe('إعادة تعيين كلمة المرور');
		expect(arabic.htmlBody).toContain('<html lang="ar" dir="rtl">');
		// The link and the product name keep reading left to right inside the Arabic mail.
		expect(arabic.htmlBody).toContain('<bdi dir="ltr">https://psems.example/reset/t</bdi>');
	});

	it('is in English for a person who saved no language', () => {
		for (const locale of [null, undefined]) {
			const mail = passwordResetMail({ ...base, to: { email: 'a@port.test', name: 'Ana', locale } });
			expect(mail.subject).toBe('Reset your password');
			expect(mail.textBody).toContain('Someone (we hope you) asked to reset the password of your account.');
		}
	});
});

describe('signature requests after a freeze', () => {
	/** The freeze's transaction as requestSignatures reads it: the review and its people. */
	function reviewsWith(row: ReviewRow): Pick<Tx, 'reviews' | 'mailOutbox'> {
		const people = [participant(row.id, 'u-fac', 'Fran', 'facilitator'), participant(row.id, 'u-sam', 'Sam', 'security_manager'), participant(row.id, 'u-alex', 'Alex', 'accountable_manager'), participant(row.id, 'u-hana', 'Hana', 'department_head')];
		return { reviews: { findById: (id: string) => (id === row.id ? row : null), participants: () => people } } as unknown as Pick<Tx, 'reviews' | 'mailOutbox'>;
	}

	it('are written in the review’s record language, with the meaning in that language’s framework words', () => {
		const mail = outbox();
		const queued = requestSignatures(reviewsWith(review('r-fr', 'Revue de Marseille', 'fr')), { mail, links }, { reviewId: 'r-fr', version: 2, frozenBy: { id: 'u-fac', name: 'Fran' } });
		expect(queued).toBe(2);
		const toAlex = mail.mails.find((m) => m.toAddress === 'u-alex@port.test');
		expect(toAlex?.subject).toBe('La version 2 de « Revue de Marseille » est prête pour votre signature');
		expect(toAlex?.textBody).toContain('Fran a figé la version 2 du dossier d’évaluation de « Revue de Marseille ».');
		expect(toAlex?.textBody).toContain('au titre de « Approuvé et accepté (dirigeant responsable) »');
		expect(toAlex?.textBody).toContain('Ouvrir la version 2: https://psems.example/reviews/r-fr/record/2');
	});

	it('keep the English wording of an English review, meaning labels as the declaration names them', () => {
		const english = review('r-en', 'Signing review', 'en');
		for (const meaning of ['attested', 'reviewed', 'approved'] as const) expect(meaningLabel(english, meaning, 'en')).toBe(MEANING_LABELS[meaning]);
		const mail = outbox();
		requestSignatures(reviewsWith(english), { mail, links }, { reviewId: 'r-en', version: 1, frozenBy: { id: 'u-fac', name: 'Fran' } });
		expect(mail.mails.map((m) => m.subject)).toEqual(['Version 1 of "Signing review" is ready for your signature', 'Version 1 of "Signing review" is ready for your signature']);
	});
});

describe('verification requests', () => {
	it('are written in the review’s record language', () => {
		const mail = outbox();
		requestVerification({} as Pick<Tx, 'mailOutbox'>, { mail, links }, { review: review('r-es', 'Revisión de Valencia', 'es'), action: { actionId: 'a1', title: 'Vallar el muelle norte' }, by: { name: 'Olga' }, verifiers: [{ userId: 'u-sam', name: 'Sam', email: 'sam@port.test' }], at: 1 });
		expect(mail.mails[0].subject).toBe('Acción realizada, pendiente de su verificación: Vallar el muelle norte');
		expect(mail.mails[0].textBody).toContain('Olga informa de que la acción de mejora "Vallar el muelle norte" de "Revisión de Valencia" está realizada.');
	});
});

describe('the due digest', () => {
	const day = '2026-12-04';
	const owner: UserRow = { id: 'u-olive', email: 'olive@port.test', name: 'Olive Owner', passwordHash: '', isAdmin: false, mayCreateReviews: false, createdAt: 0, passwordChangedAt: 0, deactivatedAt: null, lastSignInAt: null, locale: null } as UserRow;

	function run(rows: ReviewRow[]) {
		const docs = new Map<string, Y.Doc>();
		for (const row of rows) {
			const doc = new Y.Doc();
			const fields = { linkedElements: ['A1'], owner: 'Olive Owner', priority: 'P2' as const, status: 'agreed' as const, successMeasure: '', expectedLevelAfter: null };
			createAction(doc, { ...fields, title: `Overdue in ${row.id}`, dueDate: '2026-12-01' }, { id: 'u-fac' }, () => true);
			createAction(doc, { ...fields, title: `Due today in ${row.id}`, dueDate: day }, { id: 'u-fac' }, () => true);
			docs.set(workspaceDocumentName(row.id), doc);
		}
		const mail = outbox();
		const deps = {
			reviews: { all: async () => rows, participants: async (id: string) => [participant(id, owner.id, owner.name, 'department_head')] } as unknown as ReviewRepository,
			users: { findById: async (id: string) => (id === owner.id ? owner : null) } as unknown as UserRepository,
			documentStore: { read: (name: string) => docs.get(name) as Y.Doc },
			mail,
			links,
			logger: { info() {}, warn() {}, error() {} } as unknown as Logger,
			now: () => Date.parse(`${day}T08:00:00Z`)
		};
		return { mail, queue: () => queueDueDigests(deps) };
	}

	it('is written in the review’s record language, one digest per language, once a day', async () => {
		const { mail, queue } = run([review('r-fr', 'Revue de Marseille', 'fr'), review('r-en', 'Eastmouth review', 'en')]);
		expect(await queue()).toBe(2);
		expect(await queue()).toBe(0);
		const [french] = mail.mails.filter((m) => m.subject.includes('échéance'));
		expect(french.subject).toBe(`2 actions d’amélioration à échéance (${day})`);
		expect(french.textBody).toContain('• Overdue in r-fr (Revue de Marseille) : en retard depuis le 2026-12-01 — https://psems.example/reviews/r-fr#plan');
		expect(french.textBody).toContain(`• Due today in r-fr (Revue de Marseille) : échéance le ${day}`);
		expect(french.textBody).not.toContain('r-en');
		expect(french.dedupeKey).toBe(`digest:u-olive:${day}:fr`);
		const [english] = mail.mails.filter((m) => m.subject.includes('due'));
		expect(english.subject).toBe(`2 improvement actions due (${day})`);
		expect(english.textBody).toContain('• Overdue in r-en (Eastmouth review): overdue since 2026-12-01');
		expect(english.dedupeKey).toBe(`digest:u-olive:${day}`);
	});

	it('counts in Arabic with the Arabic plural forms and declares right to left', async () => {
		const { mail, queue } = run([review('r-ar', 'مراجعة الدمام', 'ar')]);
		expect(await queue()).toBe(1);
		expect(mail.mails[0].subject).toBe(`إجراءا تحسين مستحقان (${day})`);
		expect(mail.mails[0].htmlBody).toContain('<html lang="ar" dir="rtl">');
	});
});
