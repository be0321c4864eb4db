// The one place nodemailer is used: a pooled SMTP transport from SMTP_URL.
import nodemailer from 'nodemailer';
import type { OutboxMail } from '../persistence/mail-outbox.ts';

export type MailTransport = {
	send(mail: OutboxMail): Promise<void>;
	close(): void;
};

export function createSmtpTransport(smtpUrl: string, from: string): MailTransport {
	// Timeouts short enough that a dead server shows as a failed attempt, not a hung loop.
	const url = new URL(smtpUrl);
	url.searchParams.set('connectionTimeout', '10000');
	url.searchParams.set('greetingTimeout', '10000');
	url.searchParams.set('socketTimeout', '20000');
	const transporter = nodemailer.createTransport(url.toString());
	return {
		async send(mail) {
			await transporter.sendMail({
				from,
				to: { name: mail.toName, address: mail.toAddress },
				subject: mail.subject,
				text: mail.textBody,
				html: mail.htmlBody,
				headers: { 'X-PSeMS-Mail': mail.kind }
			});
		},
		close: () => transporter.close()
	};
}
