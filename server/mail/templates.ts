// The words of every mail the product sends, as plain text and HTML (the same content; the HTML
// escapes everything it is given). Each template gives its one main link separately too, so the
// outbox can show it to copy when no mail server is configured.
//
// Language (issue 14): mail is written when something happens, often outside any request (a
// freeze's signature requests, the daily digest), so every message is called with an explicit
// locale and never with the request's. Mail about a review (invitation, signature request,
// verification request, due digest) is in that review's record language; mail about an account
// (password reset) in the person's saved interface language (users.locale), English when they
// saved none. Subjects too. The HTML declares the language and its direction.
import { m } from '../../src/lib/paraglide/messages.js';
import { formatTimestamp } from '../../src/lib/shared/format.ts';
import { RECORD_LANGUAGE_DIRECTIONS, RECORD_LANGUAGE_TAGS, type RecordLanguage } from '../../src/lib/shared/framework/languages.ts';
import { roleShortLabel, type Role } from '../../src/lib/shared/roles.ts';
import type { NewOutboxMail } from '../persistence/mail-outbox.ts';

/** `locale` is the person's saved interface language (a user row carries it); null or absent means English. */
export type Recipient = { email: string; name: string; locale?: RecordLanguage | null };
type Rendered = Pick<NewOutboxMail, 'subject' | 'textBody' | 'htmlBody' | 'link'>;

const PRODUCT = 'PSeMS Review Workshop';

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Paragraphs of text (with one optional button-like link) as a mail: text and HTML alike. */
function render(
	language: RecordLanguage,
	subject: string,
	greeting: string,
	paragraphs: string[],
	action: { label: string; url: string } | null,
	footer: string[] = []
): Rendered {
	const text = [
		greeting,
		'',
		...paragraphs.flatMap((p) => [p, '']),
		...(action ? [`${action.label}: ${action.url}`, ''] : []),
		...footer.flatMap((p) => [p, '']),
		`— ${PRODUCT}`
	].join('\n');
	const para = (p: string) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`;
	// Addresses and the product name read left to right inside a right-to-left mail.
	const ltr = (t: string) => `<bdi dir="ltr">${escapeHtml(t)}</bdi>`;
	const openAddress = action ? escapeHtml(m.exports_mail_open_address({ url: '\u0000' }, { locale: language })).replace('\u0000', ltr(action.url)) : '';
	const html = `<!doctype html><html lang="${RECORD_LANGUAGE_TAGS[language]}" dir="${RECORD_LANGUAGE_DIRECTIONS[language]}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:16px;line-height:1.5;color:#1b2733;max-width:36rem;margin:0 auto;padding:24px">
${para(greeting)}
${paragraphs.map(para).join('\n')}
${action ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#0b4f7c;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p><p style="margin:0 0 16px;font-size:14px;color:#4a5a68">${openAddress}</p>` : ''}
${footer.map(para).join('\n')}
<p style="margin:24px 0 0;font-size:14px;color:#4a5a68">${ltr(PRODUCT)}</p>
</body></html>`;
	return { subject, textBody: text, htmlBody: html, link: action?.url ?? null };
}

const greeting = (to: Recipient, locale: RecordLanguage) => m.exports_mail_greeting({ name: to.name }, { locale });

export function invitationMail(input: {
	to: Recipient;
	inviterName: string;
	reviewTitle: string;
	portName: string;
	/** The role as the sentence names it; derived from `role` in `language` when `role` is given. */
	roleLabel?: string;
	role?: Role;
	link: string;
	expiresAt: number;
	/** The review's record language; English when the caller does not say. */
	language?: RecordLanguage;
}): Rendered {
	const locale = input.language ?? 'en';
	const options = { locale };
	const role = input.role ? roleShortLabel(input.role, locale).toLocaleLowerCase(RECORD_LANGUAGE_TAGS[locale]) : (input.roleLabel ?? '');
	return render(
		locale,
		m.exports_mail_invitation_subject({ review: input.reviewTitle }, options),
		greeting(input.to, locale),
		[
			m.exports_mail_invitation_body({ inviter: input.inviterName, review: input.reviewTitle, port: input.portName, role }, options),
			m.exports_mail_invitation_expiry({ until: formatTimestamp(input.expiresAt, locale) }, options)
		],
		{ label: m.exports_mail_invitation_action({}, options), url: input.link }
	);
}

export function passwordResetMail(input: { to: Recipient; link: string; minutes: number; byAdministrator: boolean; language?: RecordLanguage }): Rendered {
	// About the account, not a review: the person's own interface language.
	const locale = input.language ?? input.to.locale ?? 'en';
	const options = { locale };
	return render(
		locale,
		m.exports_mail_reset_subject({}, options),
		greeting(input.to, locale),
		[
			input.byAdministrator ? m.exports_mail_reset_by_administrator({}, options) : m.exports_mail_reset_by_request({}, options),
			m.exports_mail_reset_lifetime({ minutes: input.minutes }, options)
		],
		{ label: m.exports_mail_reset_action({}, options), url: input.link },
		[m.exports_mail_reset_ignore({}, options)]
	);
}

export function signatureRequestMail(input: { to: Recipient; reviewTitle: string; version: number; meaningLabel: string; frozenBy: string; link: string; language?: RecordLanguage }): Rendered {
	const locale = input.language ?? 'en';
	const options = { locale };
	return render(
		locale,
		m.exports_mail_signature_subject({ version: input.version, review: input.reviewTitle }, options),
		greeting(input.to, locale),
		[
			m.exports_mail_signature_frozen({ frozenBy: input.frozenBy, version: input.version, review: input.reviewTitle }, options),
			m.exports_mail_signature_sign_as({ meaning: input.meaningLabel }, options)
		],
		{ label: m.exports_mail_signature_action({ version: input.version }, options), url: input.link }
	);
}

export function verificationRequestMail(input: { to: Recipient; reviewTitle: string; actionTitle: string; ownerName: string; link: string; language?: RecordLanguage }): Rendered {
	const locale = input.language ?? 'en';
	const options = { locale };
	return render(
		locale,
		m.exports_mail_verification_subject({ action: input.actionTitle }, options),
		greeting(input.to, locale),
		[m.exports_mail_verification_reported({ owner: input.ownerName, action: input.actionTitle, review: input.reviewTitle }, options), m.exports_mail_verification_explain({}, options)],
		{ label: m.exports_mail_verification_action({}, options), url: input.link }
	);
}

export type DueAction = { reviewTitle: string; title: string; dueDate: string; overdue: boolean; link: string };

export function dueDigestMail(input: { to: Recipient; day: string; actions: DueAction[]; link: string; language?: RecordLanguage }): Rendered {
	const locale = input.language ?? 'en';
	const options = { locale };
	// Dates stay ISO 8601 (YYYY-MM-DD): unambiguous in every language and the same as the day in the subject.
	const lines = input.actions.map((a) =>
		a.overdue
			? m.exports_mail_digest_line_overdue({ action: a.title, review: a.reviewTitle, date: a.dueDate, link: a.link }, options)
			: m.exports_mail_digest_line_due({ action: a.title, review: a.reviewTitle, date: a.dueDate, link: a.link }, options)
	);
	return render(
		locale,
		m.exports_mail_digest_subject({ count: input.actions.length, day: input.day }, options),
		greeting(input.to, locale),
		[m.exports_mail_digest_intro({}, options), ...lines],
		{ label: m.exports_mail_digest_action({}, options), url: input.link },
		[m.exports_mail_digest_footer({}, options)]
	);
}
