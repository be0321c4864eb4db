// The SMTP sink with nodemailer (the product's mail client) sending to it over real SMTP: what a
// test reading the inbox observes, in this process and from another one over the inbox URL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { openInbox, startSmtpSink, type SmtpSink } from '../../helpers/infra/smtp-sink.ts';

let sink: SmtpSink;
const timings: Record<string, number> = {};

beforeAll(async () => {
	const startedAt = performance.now();
	sink = await startSmtpSink();
	timings.start = Math.round(performance.now() - startedAt);
});

beforeEach(() => sink.clear());

afterAll(async () => {
	const startedAt = performance.now();
	await sink?.stop();
	timings.stop = Math.round(performance.now() - startedAt);
	console.log('infra/smtp-sink ms:', JSON.stringify(timings));
});

const invitation = {
	from: 'PSeMS Review <reviews@psems.test>',
	to: 'Head of Security <head.security@port.test>',
	bcc: 'archive@psems.test',
	subject: 'You are invited to the Harbour review',
	text: 'Open your invitation: http://127.0.0.1:3000/invitations/abc123.\nQuestions? See https://psems.test/help, or reply.',
	html: '<p>Open <a href="http://127.0.0.1:3000/invitations/abc123">your invitation</a>.</p>'
};

describe('a test SMTP sink', () => {
	it('receives a text and HTML message sent with nodemailer to its SMTP URL, with the links of the text', async () => {
		expect(sink.url).toBe(`smtp://127.0.0.1:${sink.port}`);
		const transport = nodemailer.createTransport(sink.url);
		const startedAt = performance.now();
		const info = await transport.sendMail(invitation);
		const mail = await sink.waitFor((m) => m.to.includes('head.security@port.test'));
		timings['send and receive'] = Math.round(performance.now() - startedAt);

		expect(mail).toMatchObject({
			from: 'reviews@psems.test',
			to: ['head.security@port.test', 'archive@psems.test'],
			headerTo: ['head.security@port.test'],
			headerCc: [],
			envelope: { from: 'reviews@psems.test', to: ['head.security@port.test', 'archive@psems.test'] },
			subject: 'You are invited to the Harbour review',
			messageId: info.messageId,
			authenticatedAs: null
		});
		expect(mail.text.trim()).toBe(invitation.text);
		expect(mail.html).toContain('<a href="http://127.0.0.1:3000/invitations/abc123">your invitation</a>');
		expect(mail.links).toEqual(['http://127.0.0.1:3000/invitations/abc123', 'https://psems.test/help']);
		transport.close();
	});

	it('waits for a message that arrives later, and says what did arrive when none matches', async () => {
		const transport = nodemailer.createTransport(sink.url);
		const waiting = sink.waitFor((m) => m.subject === 'Second', 3_000);
		await transport.sendMail({ ...invitation, subject: 'First' });
		await transport.sendMail({ ...invitation, subject: 'Second' });
		expect((await waiting).subject).toBe('Second');
		await expect(sink.waitFor((m) => m.to.includes('nobody@port.test'), 200)).rejects.toThrow(
			/no message matched within 200 ms; received 2:\n  #\d+ to head.security@port.test, archive@psems.test: "First"/
		);
		transport.close();
	});

	it('serves the same inbox over HTTP for test files in other processes', async () => {
		const inbox = openInbox(sink.inboxUrl);
		const transport = nodemailer.createTransport(sink.url);
		const waiting = inbox.waitFor((m) => m.subject === 'Over HTTP', 3_000);
		await new Promise((resolve) => setTimeout(resolve, 50)); // the long poll is waiting now
		await transport.sendMail({ ...invitation, subject: 'Over HTTP' });
		const mail = await waiting;
		expect(mail.links[0]).toBe('http://127.0.0.1:3000/invitations/abc123');
		expect((await inbox.messages()).map((m) => m.subject)).toEqual(['Over HTTP']);
		await inbox.clear();
		expect(await inbox.messages()).toEqual([]);
		expect(sink.messages).toEqual([]);
		transport.close();
	});

	it('requires the configured credentials when started with auth', async () => {
		const guarded = await startSmtpSink({ auth: { user: 'mailer', pass: 's3cret pass' } });
		try {
			expect(guarded.url).toBe(`smtp://mailer:s3cret%20pass@127.0.0.1:${guarded.port}`);
			const wrong = nodemailer.createTransport(`smtp://mailer:wrong@127.0.0.1:${guarded.port}`);
			await expect(wrong.sendMail(invitation)).rejects.toMatchObject({ code: 'EAUTH' });
			const right = nodemailer.createTransport(guarded.url);
			await right.sendMail(invitation);
			expect((await guarded.waitFor(() => true)).authenticatedAs).toBe('mailer');
			expect(guarded.messages).toHaveLength(1);
			wrong.close();
			right.close();
		} finally {
			await guarded.stop();
		}
	});
});
