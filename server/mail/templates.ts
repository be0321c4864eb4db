// The words of every mail the product sends, as plain text and HTML (the same content; the HTML
// escapes everything it is given). Each template gives its one main link separately too, so the
// outbox can show it to copy when no mail server is configured.
import type { NewOutboxMail } from '../persistence/mail-outbox.ts';

export type Recipient = { email: string; name: string };
type Rendered = Pick<NewOutboxMail, 'subject' | 'textBody' | 'htmlBody' | 'link'>;

const PRODUCT = 'PSeMS Review Workshop';

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Paragraphs of text (with one optional button-like link) as a mail: text and HTML alike. */
function render(subject: string, greeting: string, paragraphs: string[], action: { label: string; url: string } | null, footer: string[] = []): Rendered {
	const text = [
		greeting,
		'',
		...paragraphs.flatMap((p) => [p, '']),
		...(action ? [`${action.label}: ${action.url}`, ''] : []),
		...footer.flatMap((p) => [p, '']),
		`— ${PRODUCT}`
	].join('\n');
	const para = (p: string) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`;
	const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:16px;line-height:1.5;color:#1b2733;max-width:36rem;margin:0 auto;padding:24px">
${para(greeting)}
${paragraphs.map(para).join('\n')}
${action ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#0b4f7c;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p><p style="margin:0 0 16px;font-size:14px;color:#4a5a68">Or open this address: ${escapeHtml(action.url)}</p>` : ''}
${footer.map(para).join('\n')}
<p style="margin:24px 0 0;font-size:14px;color:#4a5a68">${PRODUCT}</p>
</body></html>`;
	return { subject, textBody: text, htmlBody: html, link: action?.url ?? null };
}

export function invitationMail(input: { to: Recipient; inviterName: string; reviewTitle: string; portName: string; roleLabel: string; link: string; expiresAt: number }): Rendered {
	return render(
		`Invitation: ${input.reviewTitle}`,
		`Hello ${input.to.name},`,
		[
			`${input.inviterName} invites you to take part in the PSeMS review "${input.reviewTitle}" (${input.portName}) as ${input.roleLabel}.`,
			`The link is for you alone and can be used once, until ${new Date(input.expiresAt).toUTCString()}.`
		],
		{ label: 'Accept the invitation', url: input.link }
	);
}

export function passwordResetMail(input: { to: Recipient; link: string; minutes: number; byAdministrator: boolean }): Rendered {
	return render(
		'Reset your password',
		`Hello ${input.to.name},`,
		[
			input.byAdministrator
				? 'An administrator asked for a password reset link for your account.'
				: 'Someone (we hope you) asked to reset the password of your account.',
			`The link works once, for ${input.minutes} minutes. Setting a new password signs you out everywhere else.`
		],
		{ label: 'Choose a new password', url: input.link },
		['If you did not ask for this, you can ignore this mail: your password stays as it is.']
	);
}

export function signatureRequestMail(input: { to: Recipient; reviewTitle: string; version: number; meaningLabel: string; frozenBy: string; link: string }): Rendered {
	return render(
		`Version ${input.version} of "${input.reviewTitle}" is ready for your signature`,
		`Hello ${input.to.name},`,
		[
			`${input.frozenBy} froze version ${input.version} of the evaluation record of "${input.reviewTitle}".`,
			`As a signer of this review you can now read it and sign it as "${input.meaningLabel}".`
		],
		{ label: `Open version ${input.version}`, url: input.link }
	);
}

export function verificationRequestMail(input: { to: Recipient; reviewTitle: string; actionTitle: string; ownerName: string; link: string }): Rendered {
	return render(
		`Action done, awaiting your verification: ${input.actionTitle}`,
		`Hello ${input.to.name},`,
		[
			`${input.ownerName} reports the improvement action "${input.actionTitle}" of "${input.reviewTitle}" done.`,
			'As a facilitator or security manager of this review you can look at the completion evidence, then verify it with the level reached or send it back with a reason.'
		],
		{ label: 'Open the follow-up', url: input.link }
	);
}

export type DueAction = { reviewTitle: string; title: string; dueDate: string; overdue: boolean; link: string };

export function dueDigestMail(input: { to: Recipient; day: string; actions: DueAction[]; link: string }): Rendered {
	const lines = input.actions.map((a) => `• ${a.title} (${a.reviewTitle}): ${a.overdue ? 'overdue since' : 'due'} ${a.dueDate} — ${a.link}`);
	const count = input.actions.length;
	return render(
		`${count} improvement action${count === 1 ? '' : 's'} due (${input.day})`,
		`Hello ${input.to.name},`,
		[`These improvement plan actions you own are due or overdue:`, ...lines],
		{ label: 'Open your reviews', url: input.link },
		['You receive this digest at most once a day, only on days when something is due.']
	);
}
