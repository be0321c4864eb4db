// Issue 13 against a real SMTP server on loopback (tests/helpers/infra/smtp-sink.ts: smtp-server
// + mailparser): what arrives, once, with links that work; account recovery; deactivation closing
// open collaboration sockets within a second; the last administrator. The product sends through
// nodemailer to SMTP_URL, as in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink, type ReceivedMail } from '../helpers/infra/smtp-sink.ts';
import { startTestServer, removeDir, type TestServer } from '../helpers/server.ts';
import { connectClient, eventually, synced } from '../helpers/provider.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { createAction } from '../../src/lib/shared/documents/plan.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { CloseEvents } from '../../src/lib/shared/close-events.ts';
import { InviteForm } from '../../src/lib/shared/forms.ts';
import { LAST_ADMIN } from '../../server/auth/people.ts';
import { RESET_REQUESTED } from '../../server/auth/recovery.ts';
import type { SessionUser } from '../../server/auth/sessions.ts';
import { FRAMEWORK_REF } from '../helpers/services.ts';

const ORIGIN = 'http://127.0.0.1:4519';
const PASSWORD = 'an old harbour passphrase';

let sink: SmtpSink;
let server: TestServer;
let dataDir = '';

async function start(): Promise<TestServer> {
	return startTestServer({ SMTP_URL: sink.url, MAIL_FROM: 'PSeMS <psems@port.test>', ORIGIN, ...(dataDir ? { DATA_DIR: dataDir } : {}) });
}

beforeAll(async () => {
	sink = await startSmtpSink();
	server = await start();
	dataDir = server.dataDir;
});

afterAll(async () => {
	await server?.stop();
	await sink?.stop();
	if (dataDir) removeDir(dataDir);
});

async function sessionUser(id: string): Promise<SessionUser> {
	const row = (await server.services.repos.users.findById(id))!;
	return { id: row.id, email: row.email, name: row.name, isAdmin: row.isAdmin, mayCreateReviews: row.mayCreateReviews };
}

async function personWithPassword(name: string, email: string, opts: { isAdmin?: boolean } = {}) {
	const id = crypto.randomUUID();
	await server.services.repos.users.insert({ id, email, name, passwordHash: await hashPassword(PASSWORD), isAdmin: opts.isAdmin ?? false, createdAt: Date.now() });
	return await sessionUser(id);
}

const mailsTo = (address: string, kind?: string) =>
	sink.messages.filter((m) => m.to.includes(address) && (kind === undefined || m.subject.includes(kind)));

/** The path (and query) of a mail's link on our origin. */
function ourLink(mail: ReceivedMail, prefix: string): string {
	const link = mail.links.find((l) => l.startsWith(`${ORIGIN}${prefix}`));
	expect(link, `a ${prefix} link in "${mail.subject}"`).toBeDefined();
	expect(mail.html, 'an HTML part').toContain(link!);
	return link!.slice(ORIGIN.length);
}

describe('mail through a real SMTP server', () => {
	it('sends the invitation once, text and HTML, with a link that opens the invitation', async () => {
		const admin = await sessionUser(server.createUser({ name: 'Ada Admin', isAdmin: true }).id);
		const reviewId = server.createReview(admin.id, 'Eastmouth GAP review');
		const invited = await server.services.participants.invite(admin, reviewId, InviteForm.parse({ name: 'Dana Dock', email: 'dana.dock@port.test', role: 'department_head', department: 'Marine' }));
		expect(invited.ok).toBe(true);

		const mail = await sink.waitFor((m) => m.to.includes('dana.dock@port.test'));
		expect(mail.from).toBe('psems@port.test');
		expect(mail.subject).toBe('Invitation: Eastmouth GAP review');
		expect(mail.text).toContain('Ada Admin invites you');
		const path = ourLink(mail, '/invite/');
		const token = path.split('/')[2];
		const view = await server.services.participants.lookupInvitation(token);
		expect(view.ok && view.value.invitation.email).toBe('dana.dock@port.test');
		await server.services.mail.flush();
		expect(mailsTo('dana.dock@port.test')).toHaveLength(1);
		// The secret link is not kept in the database once delivered.
		const row = (await server.services.mail.recent()).find((m) => m.toAddress === 'dana.dock@port.test')!;
		expect(row.sentAt).not.toBeNull();
		expect(row.textBody + row.htmlBody + (row.link ?? '')).not.toContain(token);
	});

	it('tells the signers of a freeze that a version is ready, once each, with a link to that version', async () => {
		const admin = await sessionUser(server.createUser({ name: 'Fran Facilitator', isAdmin: true }).id);
		const reviewId = server.createReview(admin.id, 'Signing review');
		const manager = server.createUser({ name: 'Sam Security', email: 'sam.security@port.test' });
		const accountable = server.createUser({ name: 'Alex Accountable', email: 'alex.accountable@port.test' });
		const head = server.createUser({ name: 'Hana Head', email: 'hana.head@port.test' });
		server.addParticipant(reviewId, manager.id, 'security_manager');
		server.addParticipant(reviewId, accountable.id, 'accountable_manager');
		server.addParticipant(reviewId, head.id, 'department_head', 'Marine');

		const frozen = await server.services.records.freeze(admin, reviewId, { label: 'Baseline', note: '' });
		expect(frozen.ok).toBe(true);
		for (const address of ['sam.security@port.test', 'alex.accountable@port.test']) {
			const mail = await sink.waitFor((m) => m.to.includes(address));
			expect(mail.subject).toBe('Version 1 of "Signing review" is ready for your signature');
			expect(ourLink(mail, `/reviews/${reviewId}/record/1`)).toBe(`/reviews/${reviewId}/record/1`);
		}
		await server.services.mail.flush();
		expect(mailsTo('sam.security@port.test')).toHaveLength(1);
		expect(mailsTo('hana.head@port.test')).toHaveLength(0);
	});

	it('sends the due-action digest once per person and day, even after a restart', async () => {
		const admin = await sessionUser(server.createUser({ name: 'Dee Digest', isAdmin: true }).id);
		const reviewId = server.createReview(admin.id, 'Digest review');
		const owner = server.createUser({ name: 'Olive Owner', email: 'olive.owner@port.test' });
		server.addParticipant(reviewId, owner.id, 'department_head', 'Marine');
		const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
		await server.services.documentStore.write(workspaceDocumentName(reviewId), (doc) => {
			const fields = { linkedElements: ['A1'], owner: 'Olive Owner', priority: 'P2' as const, status: 'agreed' as const, successMeasure: '', expectedLevelAfter: null };
			createAction(doc, { ...fields, title: 'Appoint a deputy security manager', dueDate: yesterday }, admin, () => true);
			createAction(doc, { ...fields, title: 'Not yet due', dueDate: nextYear }, admin, () => true);
			createAction(doc, { ...fields, title: 'Finished already', dueDate: yesterday, status: 'verified_closed' }, admin, () => true);
		});

		expect(await server.services.digest.run()).toBeGreaterThanOrEqual(1);
		const mail = await sink.waitFor((m) => m.to.includes('olive.owner@port.test'));
		expect(mail.subject).toMatch(/^1 improvement action due/);
		expect(mail.text).toContain(`Appoint a deputy security manager (Digest review): overdue since ${yesterday}`);
		expect(mail.text).not.toContain('Not yet due');
		expect(mail.text).not.toContain('Finished already');
		expect(ourLink(mail, `/reviews/${reviewId}`)).toBe(`/reviews/${reviewId}#plan`);

		expect(await server.services.digest.run()).toBe(0);
		await server.stop();
		server = await start();
		expect(await server.services.digest.run()).toBe(0);
		await server.services.mail.flush();
		expect(mailsTo('olive.owner@port.test')).toHaveLength(1);
	});

	it('keeps the action and retries when the mail server is down, and delivers once it is back', async () => {
		await server.stop();
		await sink.stop();
		const down = sink.port;
		server = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${down}`, ORIGIN, DATA_DIR: dataDir });
		const admin = await sessionUser(server.createUser({ name: 'Rita Retry', isAdmin: true }).id);
		const reviewId = server.createReview(admin.id, 'Retry review');
		const invited = await server.services.participants.invite(admin, reviewId, InviteForm.parse({ name: 'Late Larry', email: 'late.larry@port.test', role: 'observer' }));
		expect(invited.ok).toBe(true);
		await server.services.mail.flush();
		const row = (await server.services.mail.recent()).find((m) => m.toAddress === 'late.larry@port.test')!;
		expect(row.sentAt).toBeNull();
		expect(row.attempts).toBe(1);
		expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
		expect(row.nextAttemptAt - Date.now()).toBeGreaterThan(20_000);
		// The invitation itself stands.
		expect((await server.services.participants.pending(reviewId)).map((i) => i.email)).toEqual(['late.larry@port.test']);
		await server.stop();
		sink = await startSmtpSink();
		server = await start();
		server.services.db.prepare('UPDATE mail_outbox SET next_attempt_at = 0 WHERE sent_at IS NULL').run();
		await server.services.mail.flush();
		const mail = await sink.waitFor((m) => m.to.includes('late.larry@port.test'));
		expect(mail.subject).toBe('Invitation: Retry review');
	});
});

describe('account recovery', () => {
	it('answers the same for any address, mails only an existing account, and the link works once', async () => {
		const person = await personWithPassword('Rosa Reset', 'rosa.reset@port.test');
		const oldSession = (await server.services.sessions.create(person.id)).token;

		const unknown = await server.services.recovery.request('nobody@port.test', '10.0.0.1');
		const known = await server.services.recovery.request('rosa.reset@port.test', '10.0.0.1', '/reviews/abc');
		expect(unknown).toEqual({ ok: true, value: { message: RESET_REQUESTED() } });
		expect(known).toEqual(unknown);

		const mail = await sink.waitFor((m) => m.to.includes('rosa.reset@port.test'));
		expect(mail.subject).toBe('Reset your password');
		expect(mail.text).toContain('30 minutes');
		const token = ourLink(mail, '/reset/').split('/')[2];
		await server.services.mail.flush();
		expect(mailsTo('nobody@port.test')).toHaveLength(0);

		expect((await server.services.recovery.lookup(token))?.email).toBe('rosa.reset@port.test');
		const reset = await server.services.recovery.reset(token, 'a brand new passphrase');
		expect(reset.ok).toBe(true);
		if (!reset.ok) return;
		expect(reset.value.returnTo).toBe('/reviews/abc');
		expect(await server.services.sessions.validate(oldSession)).toBeNull();
		expect((await server.services.sessions.validate(reset.value.sessionToken))?.user.id).toBe(person.id);
		const signIn = await server.services.accounts.signIn({ email: 'rosa.reset@port.test', password: 'a brand new passphrase' }, '10.0.0.2');
		expect(signIn.ok).toBe(true);

		const again = await server.services.recovery.reset(token, 'yet another passphrase');
		expect(again).toMatchObject({ ok: false, error: { code: 'expired' } });
		expect(await server.services.recovery.lookup(token)).toBeNull();
	});

	it('refuses a link after its 30 minutes', async () => {
		const person = await personWithPassword('Eve Expired', 'eve.expired@port.test');
		const issued = await server.services.recovery.issueFor(person.id, null);
		expect(issued.ok).toBe(true);
		if (!issued.ok) return;
		expect(issued.value.expiresAt - Date.now()).toBeGreaterThan(29 * 60_000);
		expect(issued.value.expiresAt - Date.now()).toBeLessThanOrEqual(30 * 60_000);
		const token = issued.value.link.split('/reset/')[1];
		server.services.db.prepare('UPDATE password_resets SET expires_at = ? WHERE user_id = ?').run(Date.now() - 1, person.id);
		expect(await server.services.recovery.lookup(token)).toBeNull();
		expect(await server.services.recovery.reset(token, 'too late passphrase')).toMatchObject({ ok: false, error: { code: 'expired' } });
	});

	it('throttles requests for one address', async () => {
		for (let i = 0; i < 3; i++) expect((await server.services.recovery.request('throttled@port.test', `10.1.0.${i}`)).ok).toBe(true);
		expect(await server.services.recovery.request('throttled@port.test', '10.1.0.9')).toMatchObject({ ok: false, error: { code: 'throttled' } });
	});
});

describe('deactivation and administrators', () => {
	it("closes a deactivated person's open WebSocket within a second; they cannot reconnect or sign in", async () => {
		// Its own server without ORIGIN, so the test providers' sockets pass the origin check.
		const mailServer = server;
		server = await startTestServer();
		try {
			await deactivationScenario();
		} finally {
			await server.stop();
			removeDir(server.dataDir);
			server = mailServer;
		}
	});

	async function deactivationScenario() {
		const admin = await personWithPassword('Ada Admin Two', 'ada2@port.test', { isAdmin: true });
		const reviewId = server.createReview(admin.id, 'Leaver review');
		const leaver = await personWithPassword('Lee Leaver', 'lee.leaver@port.test');
		server.addParticipant(reviewId, leaver.id, 'department_head', 'Marine');
		const token = (await server.services.sessions.create(leaver.id)).token;
		const client = connectClient({ url: server.wsUrl, name: workspaceDocumentName(reviewId), token });
		try {
			await synced(client);
			const startedAt = Date.now();
			expect(await server.services.people.deactivate(admin, leaver.id)).toEqual({ ok: true, value: true });
			await eventually(() => client.closes.some((c) => c.code === CloseEvents.Deactivated.code), 'socket closed', 1_000);
			expect(Date.now() - startedAt).toBeLessThan(1_000);
		} finally {
			client.destroy();
		}
		expect(await server.services.sessions.validate(token)).toBeNull();
		const again = connectClient({ url: server.wsUrl, name: workspaceDocumentName(reviewId), token });
		try {
			expect(await again.denied).toBe(CloseEvents.Unauthorized.reason);
		} finally {
			again.destroy();
		}
		const signIn = await server.services.accounts.signIn({ email: 'lee.leaver@port.test', password: PASSWORD }, '10.2.0.1');
		expect(signIn).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		const entries = (await server.services.audit.verifyChain()).rows.filter((r) => r.action === 'account_deactivated');
		expect(entries.at(-1)?.details).toContain(leaver.id);

		expect((await server.services.people.reactivate(admin, leaver.id)).ok).toBe(true);
		expect((await server.services.accounts.signIn({ email: 'lee.leaver@port.test', password: PASSWORD }, '10.2.0.1')).ok).toBe(true);
	}

	it('never withdraws or deactivates the last active administrator', async () => {
		const fresh = await startTestServer({ ORIGIN });
		try {
			const { people, repos } = fresh.services;
			const only = fresh.createUser({ name: 'Only Admin', isAdmin: true });
			const other = fresh.createUser({ name: 'Other Person' });
			const actor = { id: only.id, email: only.email, name: 'Only Admin', isAdmin: true, mayCreateReviews: true };
			expect(await people.setAdmin(actor, only.id, false)).toEqual({ ok: false, error: { code: 'conflict', message: LAST_ADMIN() } });
			expect(await people.setAdmin(null, only.id, false)).toEqual({ ok: false, error: { code: 'conflict', message: LAST_ADMIN() } });
			expect((await repos.users.findById(only.id))?.isAdmin).toBe(true);

			expect((await people.setAdmin(actor, other.id, true)).ok).toBe(true);
			expect((await people.setAdmin(actor, only.id, false)).ok).toBe(true);
			// Now Other is the only one: it cannot be withdrawn or deactivated either.
			expect(await people.setAdmin(null, other.id, false)).toMatchObject({ ok: false, error: { code: 'conflict' } });
			expect(await people.deactivate(null, other.id)).toMatchObject({ ok: false, error: { code: 'conflict' } });
			// And the former administrator can no longer administer.
			expect(await people.list(actor)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
			const actions = (await fresh.services.audit.verifyChain()).rows.map((r) => r.action);
			expect(actions).toEqual(['admin_granted', 'admin_withdrawn']);
		} finally {
			await fresh.stop();
			removeDir(fresh.dataDir);
		}
	});

	it('lets only people with the reviewer right create reviews, granted by an administrator', async () => {
		const admin = await sessionUser(server.createUser({ name: 'Grant Admin', isAdmin: true }).id);
		const colleague = await sessionUser(server.createUser({ name: 'Colin Colleague' }).id);
		const input = { title: 'Colin review', portName: 'Port', portCountry: 'UK', kind: 'independent_review', scheduledOn: null, framework: FRAMEWORK_REF } as const;
		expect(await server.services.reviews.create(colleague, input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(await server.services.people.setReviewer(colleague, colleague.id, true)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect((await server.services.people.setReviewer(admin, colleague.id, true)).ok).toBe(true);
		const created = await server.services.reviews.create(await sessionUser(colleague.id), input);
		expect(created.ok).toBe(true);
	});
});
