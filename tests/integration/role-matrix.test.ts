// The role matrix through the real paths (issue 6, item 7): every role, plus a signed-in
// non-participant and a signed-out visitor, against every action that exists, as one test per
// pair. HTTP actions go through the production SvelteKit build (pages, form actions with the
// CSRF Origin, the export endpoint) served by the real server in this process; document edits go
// through the WebSocket, and a second client confirms whether the write landed.
//
// EXPECTED is written out by hand, not derived from server/auth/policy.ts, so a change to the
// policy that changes who may do what fails here until this table is changed too.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { loadConfig } from '../../server/config.ts';
import { createServices, type Services } from '../../server/services.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { may, type ReviewAction } from '../../server/auth/policy.ts';
import type { Role } from '../../src/lib/shared/roles.ts';
import { reviewerDocumentName, workspaceDocumentName } from '../../src/lib/shared/document-names.ts';
import { connectClient, eventually, synced, type TestClient } from '../helpers/provider.ts';
import { AuthReply, authMessage, openRawSocket, syncUpdateMessage, Wire } from '../helpers/raw-socket.ts';
import { removeDir, tempDataDir } from '../helpers/server.ts';
import { freePort } from '../helpers/fault-fixture.ts';
import { startOidcProvider, type OidcTestProvider } from '../helpers/infra/oidc-provider.ts';
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK, RECORD_LANGUAGES, frameworkRef } from '../../src/lib/shared/framework/index.ts';
import { createAction } from '../../src/lib/shared/documents/plan.ts';
import { readStored } from '../../server/collab/document-store.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HANDLER = path.join(ROOT, 'build', 'handler.js');
// `npm test` builds before vitest runs. Without a build the pages cannot be served, and every
// row fails with this message rather than being skipped: a skipped matrix looks like a green one.
const BUILD_MISSING = 'The SvelteKit build is missing (build/handler.js): run `npm run build` first (`npm test` does).';
const BUILT = fs.existsSync(HANDLER);

/** First line of every test: fails it with BUILD_MISSING when there is nothing to test against. */
function requireBuild(): void {
	expect(BUILT, BUILD_MISSING).toBe(true);
}

type Who = Role | 'non_participant' | 'signed_out';
const WHO: Who[] = ['facilitator', 'security_manager', 'department_head', 'accountable_manager', 'observer', 'non_participant', 'signed_out'];

/** What the person observes: done, refused (403 / read-only socket), not found (404 / denied socket), or sent to sign in. */
type Outcome = 'allowed' | 'forbidden' | 'not_found' | 'sign_in';

type Action = {
	id: string;
	/** The policy action this row exercises (to cross-check EXPECTED against may()). */
	policy: ReviewAction;
	run(who: Who): Promise<Outcome>;
};

const A: Outcome = 'allowed';
const F: Outcome = 'forbidden';
const N: Outcome = 'not_found';
const S: Outcome = 'sign_in';
// Columns follow WHO: facilitator, security manager, department head, accountable manager,
// observer, non-participant, signed out. Over the WebSocket a signed-out or non-participant
// socket is refused at authentication: recorded as not_found (no document for you).
const EXPECTED: Record<string, Outcome[]> = {
	'view the workspace page': [A, A, A, A, A, N, S],
	'view the record page': [A, A, A, A, A, N, S],
	'view the progress page': [A, A, A, A, A, N, S],
	'edit the workspace document': [A, A, A, A, F, N, N],
	'edit the reviewer document': [A, F, F, F, F, N, N],
	'manage participants (invite)': [A, F, F, F, F, N, S],
	freeze: [A, F, F, F, F, N, S],
	'sign as attested': [A, F, F, F, F, N, S],
	'sign as reviewed': [F, A, F, F, F, N, S],
	'sign as approved': [F, F, F, A, F, N, S],
	'export the record (JSON)': [A, A, A, A, F, N, S],
	// Issue 14: the language the next frozen version is written in (a form action on the review page).
	'set the record language': [A, F, F, F, F, N, S],
	// The rounds API answers a non-participant 403 whether or not the review exists, so it tells
	// nothing about which review ids are real (server/rounds/rounds-service.ts).
	'vote in a blind scoring round': [A, A, A, A, F, F, S],
	// Streamed by the node server before SvelteKit (server/http/evidence-routes.ts); 401 = sign in.
	'upload an evidence file': [A, A, A, A, F, N, S],
	// Follow-up of the signed plan (issue 15): each person reports on the action they own (the
	// non-participant "owns" one too, by name, and still learns nothing); each verifies an action
	// a department head reported done; the review's follow-up page is the overdue view.
	'report progress on an owned action': [A, A, A, A, F, N, S],
	'verify a done action': [A, A, F, F, F, N, S],
	'open the follow-up of a review': [A, A, F, A, F, N, S]
};

const PASSWORD = 'role-matrix password 1';
let server: ChildProcess | null = null;
/** The identity provider the server is configured with (for the re-authentication row). */
let provider: OidcTestProvider | null = null;
let base = '';
let reader: Services;
let dataDir: string;
let reviewId: string;
let roundId: string;
/** Per person: the action they own, and the action they are asked to verify. */
const ownedAction = new Map<Who, string>();
const toVerify = new Map<Who, string>();
const people = new Map<Who, { id: string; name: string; email: string; isAdmin: boolean; mayCreateReviews: boolean; token: string | null }>();
const watchers: TestClient[] = [];
const sockets: Array<{ close(): void }> = [];

beforeAll(async () => {
	if (!BUILT) return;
	dataDir = tempDataDir('psems-matrix-');
	const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, 'test');
	const setup = createServices(config);
	const passwordHash = await hashPassword(PASSWORD);
	for (const who of WHO) {
		const id = crypto.randomUUID();
		const person = { id, name: `Person ${who}`, email: `${who.replace(/_/g, '-')}@example.test`, isAdmin: who === 'facilitator', mayCreateReviews: who === 'facilitator' };
		await setup.repos.users.insert({ ...person, passwordHash, createdAt: Date.now() });
		people.set(who, { ...person, token: who === 'signed_out' ? null : (await setup.sessions.create(id)).token });
	}
	const facilitator = people.get('facilitator')!;
	reviewId = crypto.randomUUID();
	await setup.repos.reviews.insert({
		id: reviewId, title: 'Role matrix', portName: 'Port of Matrix', portCountry: 'Nowhere', kind: 'independent_review',
		scheduledOn: null, frameworkId: 'psems-gap', frameworkVersion: '1.0', createdBy: facilitator.id, createdAt: Date.now()
	});
	for (const who of WHO) {
		if (who === 'non_participant' || who === 'signed_out') continue;
		await setup.repos.reviews.addParticipant(reviewId, people.get(who)!.id, who, who === 'facilitator' ? null : 'Operations', Date.now());
	}
	// The plan: one action owned by each person (by name), one per person to verify, owned by the department head.
	const workspaceName = workspaceDocumentName(reviewId);
	const workspace = readStored(setup.store.tx.documents, workspaceName);
	const before = Y.encodeStateVector(workspace);
	const add = (title: string, owner: string) => {
		const created = createAction(
			workspace,
			{ title, linkedElements: ['A1'], owner, dueDate: '2026-01-31', priority: 'P2', status: 'agreed', successMeasure: '', expectedLevelAfter: 3 },
			{ id: facilitator.id },
			() => true
		);
		if (!created.ok) throw new Error(`plan action: ${created.error.message}`);
		return created.value;
	};
	for (const who of WHO) {
		ownedAction.set(who, add(`Owned by ${who}`, people.get(who)!.name));
		toVerify.set(who, add(`To verify by ${who}`, people.get('department_head')!.name));
	}
	setup.documentStore.append(workspaceName, Y.encodeStateAsUpdate(workspace, before));
	const frozen = await setup.records.freeze(facilitator, reviewId, { label: 'Baseline', note: '' });
	if (!frozen.ok) throw new Error(`freeze: ${frozen.error.message}`);
	const signed = await setup.records.sign(people.get('accountable_manager')!, reviewId, 1, { meaning: 'approved', password: PASSWORD });
	if (!signed.ok) throw new Error(`sign: ${signed.error.message}`);
	for (const who of WHO) {
		const done = await setup.followup.update(people.get('department_head')!, reviewId, toVerify.get(who)!, { status: 'done_awaiting_verification', note: 'Done.' });
		if (!done.ok) throw new Error(`report done: ${done.error.message}`);
	}
	const round = await setup.rounds.open(facilitator, reviewId, 'A1');
	setup.close();
	if (!round.ok) throw new Error(`open a round: ${round.error.message}`);
	roundId = round.value.id;

	// The production entry point (server/index.ts with the build), as `npm start` runs it. Vitest's
	// own module loader would recompile the built .svelte.js files, so it runs in a child process.
	const port = await freePort();
	base = `http://127.0.0.1:${port}`;
	const client = { clientId: 'psems-matrix', clientSecret: 'matrix secret', redirectUris: [`${base}/auth/oidc/callback`] };
	provider = await startOidcProvider({ client, users: [] });
	const oidc = { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: client.clientId, OIDC_CLIENT_SECRET: client.clientSecret, OIDC_REDIRECT_URI: client.redirectUris[0] };
	server = spawn(process.execPath, [path.join(ROOT, 'server/index.ts')], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error', ...oidc },
		stdio: ['ignore', 'inherit', 'inherit']
	});
	// The child says nothing when it is ready (LOG_LEVEL=error), so readiness is polled, with a deadline.
	const until = Date.now() + 20_000;
	while (!(await fetch(`${base}/healthz`).then((r) => r.ok, () => false))) {
		if (Date.now() > until) throw new Error('the built server did not answer /healthz within 20 s');
		await new Promise((r) => setTimeout(r, 100));
	}
	// Read-only look-ups of what an action changed, on the same database file (WAL allows it).
	reader = createServices(config);
});

afterAll(async () => {
	if (!dataDir) return;
	for (const socket of sockets) socket.close();
	for (const watcher of watchers) watcher.destroy();
	reader?.close();
	if (server) {
		const exited = new Promise((resolve) => server!.once('exit', resolve));
		server.kill('SIGTERM');
		await exited;
	}
	await provider?.stop();
	removeDir(dataDir);
});

function cookie(who: Who): Record<string, string> {
	const token = people.get(who)!.token;
	return token ? { cookie: `psems_session=${token}` } : {};
}

async function get(who: Who, pathname: string): Promise<Outcome> {
	const response = await fetch(`${base}${pathname}`, { headers: cookie(who), redirect: 'manual' });
	return outcomeOf(response.status, response.headers.get('location'));
}

/** A form action posted as the browser's enhanced form does (same Origin, JSON answer). */
async function post(who: Who, pathname: string, form: Record<string, string>): Promise<Outcome> {
	const response = await fetch(`${base}${pathname}`, {
		method: 'POST',
		headers: { ...cookie(who), origin: base, accept: 'application/json', 'x-sveltekit-action': 'true' },
		body: new URLSearchParams(form),
		redirect: 'manual'
	});
	const body = (await response.json()) as { type: string; status?: number; location?: string };
	if (body.type === 'success') return 'allowed';
	if (body.type === 'redirect') return body.location?.startsWith('/login') ? 'sign_in' : 'allowed';
	return outcomeOf(body.status ?? response.status, null);
}

function outcomeOf(status: number, location: string | null): Outcome {
	if (status === 200) return 'allowed';
	if (status === 403) return 'forbidden';
	if (status === 404) return 'not_found';
	if (status === 303 && location?.startsWith('/login')) return 'sign_in';
	throw new Error(`unexpected answer ${status} ${location ?? ''}`);
}

/** A facilitator's client on the document: the second client that sees whether a write landed. */
async function watcher(name: string): Promise<TestClient> {
	const client = connectClient({ url: `${base.replace('http', 'ws')}/collab`, name, token: people.get('facilitator')!.token });
	watchers.push(client);
	await synced(client);
	return client;
}

/** Writes `probe-<who>` on a socket of its own; the watcher then says whether it arrived. */
async function writeDocument(who: Who, name: string): Promise<Outcome> {
	const wsUrl = `${base.replace('http', 'ws')}/collab`;
	const watch = await watcher(name);
	const socket = await openRawSocket(wsUrl, people.get(who)!.token);
	sockets.push(socket);
	socket.send(authMessage(name));
	await eventually(() => socket.replies.some((r) => r.document === name && r.type === Wire.Auth), `auth answer for ${who}`);
	const auth = socket.replies.find((r) => r.document === name && r.type === Wire.Auth)!;
	if (auth.subtype === AuthReply.PermissionDenied) return 'not_found';
	const probe = new Y.Doc();
	probe.getMap('probes').set(`probe-${who}`, true);
	socket.send(syncUpdateMessage(name, Y.encodeStateAsUpdate(probe)));
	await eventually(() => socket.replies.some((r) => r.type === Wire.SyncStatus), `sync status for ${who}`);
	// Sent after the server answered the probe, so the watcher receives the two in this order.
	const sentinel = `sentinel-${who}`;
	const writer = await watcher(name);
	writer.doc.getMap('probes').set(sentinel, true);
	await eventually(() => watch.doc.getMap('probes').get(sentinel) === true, 'watcher sees the sentinel');
	const landed = watch.doc.getMap('probes').get(`probe-${who}`) === true;
	const applied = socket.replies.find((r) => r.type === Wire.SyncStatus)!.subtype === 1;
	if (landed !== applied) throw new Error(`the server answered applied=${applied} but the watcher saw landed=${landed}`);
	return landed ? 'allowed' : 'forbidden';
}

async function latestVersion(): Promise<number> {
	const listed = await reader.records.listVersions(people.get('facilitator')!.id, reviewId);
	if (!listed.ok) throw new Error(listed.error.message);
	return Math.max(...listed.value.map((v) => v.version));
}

async function signatureCount(): Promise<number> {
	const listed = await reader.records.listVersions(people.get('facilitator')!.id, reviewId);
	return listed.ok ? listed.value.reduce((sum, v) => sum + v.signatures.length, 0) : 0;
}

/** A state-changing action: its outcome must agree with what changed in the database. */
async function changes(count: () => number | Promise<number>, act: () => Promise<Outcome>): Promise<Outcome> {
	const before = await count();
	const outcome = await act();
	const changed = (await count()) !== before;
	if (changed !== (outcome === 'allowed')) throw new Error(`outcome ${outcome} but the database ${changed ? 'changed' : 'did not change'}`);
	return outcome;
}

function sign(meaning: 'attested' | 'reviewed' | 'approved'): Action['run'] {
	return async (who) =>
		changes(signatureCount, async () =>
			post(who, `/reviews/${reviewId}/record/${await latestVersion()}?/sign`, { meaning, confirm: 'yes', password: PASSWORD })
		);
}

/** Votes stored for the open round (the only place a vote ever is before the reveal). */
async function votesCount(): Promise<number> {
	let n = 0;
	for (const who of WHO) if ((await reader.repos.rounds.vote(roundId, people.get(who)!.id)) !== null) n++;
	return n;
}

/** A vote as the round panel sends it: JSON with the page's Origin; 401 means sign in first. */
async function vote(who: Who): Promise<Outcome> {
	const response = await fetch(`${base}/reviews/${reviewId}/rounds/${roundId}/vote`, {
		method: 'POST',
		headers: { ...cookie(who), origin: base, 'content-type': 'application/json' },
		body: JSON.stringify({ score: 3, comment: '' })
	});
	return response.status === 401 ? 'sign_in' : outcomeOf(response.status, null);
}

const ACTIONS: Action[] = [
	{ id: 'view the workspace page', policy: 'view', run: (who) => get(who, `/reviews/${reviewId}`) },
	{ id: 'view the record page', policy: 'view', run: (who) => get(who, `/reviews/${reviewId}/record`) },
	{ id: 'view the progress page', policy: 'view', run: (who) => get(who, `/reviews/${reviewId}/progress`) },
	{ id: 'edit the workspace document', policy: 'edit_workspace', run: (who) => writeDocument(who, workspaceDocumentName(reviewId)) },
	{ id: 'edit the reviewer document', policy: 'edit_reviewer', run: (who) => writeDocument(who, reviewerDocumentName(reviewId)) },
	{
		id: 'manage participants (invite)',
		policy: 'manage_participants',
		run: async (who) =>
			changes(
				async () => (await reader.participants.pending(reviewId)).length,
				() => post(who, `/reviews/${reviewId}/participants?/invite`, { name: `Invited by ${who}`, email: `invitee-${who}@example.test`, role: 'observer', department: '' })
			)
	},
	{
		id: 'freeze',
		policy: 'freeze',
		run: (who) => changes(versionsCount, () => post(who, `/reviews/${reviewId}/record?/freeze`, { label: `Frozen by ${who}`, note: '' }))
	},
	{ id: 'sign as attested', policy: 'sign_attested', run: sign('attested') },
	{ id: 'sign as reviewed', policy: 'sign_reviewed', run: sign('reviewed') },
	{ id: 'sign as approved', policy: 'sign_approved', run: sign('approved') },
	{ id: 'export the record (JSON)', policy: 'export', run: async (who) => get(who, `/reviews/${reviewId}/record/${await latestVersion()}/export/json`) },
	{
		id: 'set the record language',
		policy: 'set_record_language',
		run: (who) => changes(languageChanges, async () => post(who, `/reviews/${reviewId}?/recordLanguage`, { language: await otherLanguage() }))
	},
	{ id: 'vote in a blind scoring round', policy: 'vote', run: (who) => changes(votesCount, () => vote(who)) },
	{ id: 'upload an evidence file', policy: 'upload_evidence', run: (who) => changes(evidenceCount, () => uploadEvidence(who)) },
	{
		id: 'report progress on an owned action',
		policy: 'update_own_actions',
		run: (who) =>
			changes(
				() => followupCount('in_progress'),
				() => post(who, '/actions?/update', { reviewId, actionId: ownedAction.get(who)!, status: 'in_progress', note: `Started by ${who}` })
			)
	},
	{
		id: 'verify a done action',
		policy: 'verify_actions',
		run: (who) =>
			changes(() => followupCount('verified'), () => post(who, `/reviews/${reviewId}/follow-up?/verify`, { actionId: toVerify.get(who)!, level: '3' }))
	},
	{ id: 'open the follow-up of a review', policy: 'view_overdue', run: (who) => get(who, `/reviews/${reviewId}/follow-up`) }
];

function followupCount(status: string): number {
	return (reader.db.prepare('SELECT COUNT(*) AS n FROM action_followups WHERE review_id = ? AND status = ?').get(reviewId, status) as { n: number }).n;
}

/** Audit entries of record language changes: each allowed post changes the language once. */
async function languageChanges(): Promise<number> {
	return (await reader.audit.entries(reviewId)).filter((e) => e.action === 'record_language_changed').length;
}

/** A language the review does not have yet, so an allowed post is a real change. */
async function otherLanguage(): Promise<string> {
	const current = (await reader.repos.reviews.findById(reviewId))!.recordLanguage;
	return RECORD_LANGUAGES[(RECORD_LANGUAGES.indexOf(current) + 1) % RECORD_LANGUAGES.length];
}

async function evidenceCount(): Promise<number> {
	return (await reader.repos.evidenceFiles.forReview(reviewId)).length;
}

/** An upload as the element panel sends it: the file's bytes, the page's Origin. */
async function uploadEvidence(who: Who): Promise<Outcome> {
	const response = await fetch(`${base}/reviews/${reviewId}/evidence?target=element&id=A1&name=${encodeURIComponent(`by-${who}.txt`)}`, {
		method: 'PUT',
		headers: { ...cookie(who), origin: base },
		body: `Evidence written by ${who}\n`
	});
	return response.status === 401 ? 'sign_in' : outcomeOf(response.status, null);
}

// Rights that are not per review (issue 13): the matrix's facilitator is also the administrator
// and has the reviewer right; every other person has neither.
const ACCOUNT_EXPECTED: Record<string, Outcome[]> = {
	'open the administration area': [A, F, F, F, F, F, S],
	'create a review': [A, F, F, F, F, F, S],
	// Issue 15: starting the next review from this signed one needs the reviewer right and
	// membership of the source (a reviewer who is not a member: tests/integration/next-review.test.ts).
	'start a review from the signed review': [A, F, F, F, F, F, S],
	'grant the reviewer right': [A, F, F, F, F, F, S],
	'deactivate an account': [A, F, F, F, F, F, S],
	// A fresh login at the identity provider to sign with: only for a role that signs this
	// review's record (attested, reviewed, approved); the department head and observer sign nothing.
	'confirm a signature at the identity provider': [A, A, F, A, F, N, S]
};

const REVIEW_FORM = { title: 'New review', portName: 'Port', portCountry: 'Nowhere', kind: 'independent_review', scheduledOn: '', framework: frameworkRef(DEFAULT_FRAMEWORK.id, DEFAULT_FRAMEWORK.version) };
const userRow = async (who: Who) => (await reader.repos.users.findById(people.get(who)!.id))!;

const ACCOUNT_ACTIONS: Array<Omit<Action, 'policy'>> = [
	{ id: 'open the administration area', run: (who) => get(who, '/admin') },
	{ id: 'create a review', run: (who) => changes(async () => (await reader.repos.reviews.all()).length, () => post(who, '/reviews/new', REVIEW_FORM)) },
	{
		id: 'start a review from the signed review',
		run: async (who) =>
			changes(
				async () => (await reader.repos.reviews.all()).filter((r) => r.previousReviewId === reviewId).length,
				() => post(who, '/reviews/new', { ...REVIEW_FORM, portName: 'Port of Matrix', source: reviewId })
			)
	},
	{
		id: 'grant the reviewer right',
		run: (who) => changes(async () => ((await userRow('observer')).mayCreateReviews ? 1 : 0), () => post(who, '/admin?/grantReviewer', { userId: people.get('observer')!.id }))
	},
	{
		// The target is the signed-out visitor's account: nobody signed in loses a session to this row.
		id: 'deactivate an account',
		run: (who) => changes(async () => ((await userRow('signed_out')).deactivatedAt === null ? 0 : 1), () => post(who, '/admin?/deactivate', { userId: people.get('signed_out')!.id }))
	},
	{
		id: 'confirm a signature at the identity provider',
		run: (who) => changes(pendingProviderRequests, () => startReauthentication(who))
	}
];

function pendingProviderRequests(): number {
	return (reader.db.prepare('SELECT COUNT(*) AS n FROM oidc_requests').get() as { n: number }).n;
}

/** The sign page's "Confirm with …" link: allowed means sent on to the provider's login (prompt=login). */
async function startReauthentication(who: Who): Promise<Outcome> {
	const query = new URLSearchParams({ purpose: 'reauthenticate', reviewId, returnTo: `/reviews/${reviewId}/record/1#sign` });
	const response = await fetch(`${base}/auth/oidc/start?${query}`, { headers: cookie(who), redirect: 'manual' });
	const location = response.headers.get('location');
	if (response.status === 303 && location?.startsWith(`${provider!.issuer}/`)) {
		expect(new URL(location).searchParams.get('prompt')).toBe('login');
		return 'allowed';
	}
	return outcomeOf(response.status, location);
}

async function versionsCount(): Promise<number> {
	const listed = await reader.records.listVersions(people.get('facilitator')!.id, reviewId);
	return listed.ok ? listed.value.length : 0;
}

describe('role matrix through HTTP and WebSocket', () => {
	it('covers every action with a row, and agrees with the policy for every participant role', () => {
		requireBuild();
		expect(Object.keys(EXPECTED).sort()).toEqual(ACTIONS.map((a) => a.id).sort());
		for (const action of ACTIONS) {
			WHO.forEach((who, i) => {
				if (who === 'non_participant' || who === 'signed_out') return;
				expect(EXPECTED[action.id][i] === 'allowed', `${action.id} / ${who}`).toBe(may(who, action.policy));
			});
		}
	});

	for (const action of [...ACTIONS, ...ACCOUNT_ACTIONS]) {
		const expected = EXPECTED[action.id] ?? ACCOUNT_EXPECTED[action.id];
		describe(action.id, () => {
			WHO.forEach((who, i) => {
				it(`${who}: ${expected[i]}`, async () => {
					requireBuild();
					expect(await action.run(who)).toBe(expected[i]);
				});
			});
		});
	}
});
