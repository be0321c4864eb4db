// An SMTP server that delivers nowhere: it accepts every message on a 127.0.0.1 port, parses it
// with mailparser and keeps it in an inbox that tests await (`sink.waitFor(m => …)`). The product
// sends through nodemailer to SMTP_URL; point SMTP_URL at `sink.url`.
//
// It runs in the process that starts it (no child process, so nothing to orphan). For a sink
// started once in a globalSetup, test files in other processes read the same inbox over HTTP:
// `openInbox(sink.inboxUrl)` has the same `messages`/`waitFor`/`clear`.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type AddressObject } from 'mailparser';
import { LOOPBACK } from './ports.ts';

export type ReceivedMail = {
	/** 1, 2, 3… in order of arrival; never reused, even after `clear()`. */
	id: number;
	receivedAt: string;
	/** SMTP envelope: who the client said it is sending for and to (Bcc recipients included). */
	envelope: { from: string; to: string[] };
	/** Header From address. */
	from: string;
	/** Every recipient the message was delivered to (the envelope: To, Cc and Bcc alike). */
	to: string[];
	/** Header To and Cc addresses, as the recipient's mail program shows them. */
	headerTo: string[];
	headerCc: string[];
	subject: string;
	text: string;
	html: string | null;
	/** http(s) URLs found in the text part, in order. */
	links: string[];
	messageId: string | null;
	/** The user that authenticated (when the sink requires authentication). */
	authenticatedAs: string | null;
};

export type MailPredicate = (mail: ReceivedMail) => boolean;

export type Inbox = {
	messages(): Promise<ReceivedMail[]>;
	/** The first message (already received or arriving later) that matches; rejects after `timeoutMs`. */
	waitFor(predicate: MailPredicate, timeoutMs?: number): Promise<ReceivedMail>;
	clear(): Promise<void>;
};

export type SmtpSinkOptions = {
	/** Require AUTH with these credentials (then SMTP_URL is smtp://user:pass@127.0.0.1:PORT). */
	auth?: { user: string; pass: string };
	/** Fixed loopback ports (a Playwright webServer is waited for by address); default: free ones. */
	port?: number;
	inboxPort?: number;
};

export type SmtpSink = {
	host: typeof LOOPBACK;
	port: number;
	/** smtp://127.0.0.1:PORT (with user:pass@ when `auth` was given) */
	url: string;
	/** http://127.0.0.1:PORT2/messages: the inbox for `openInbox` in another process. */
	inboxUrl: string;
	/** Received so far, oldest first. */
	readonly messages: readonly ReceivedMail[];
	waitFor(predicate: MailPredicate, timeoutMs?: number): Promise<ReceivedMail>;
	clear(): void;
	stop(): Promise<void>;
};

const DEFAULT_WAIT_MS = 5_000;

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
	const inbox: ReceivedMail[] = [];
	const arrivals = new EventEmitter();
	let lastId = 0;
	const auth = options.auth;

	const smtp = new SMTPServer({
		authOptional: !auth,
		// Plain SMTP on loopback: no STARTTLS to negotiate (nodemailer would otherwise upgrade to
		// the server's self-signed certificate and refuse it), AUTH allowed without TLS.
		disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
		allowInsecureAuth: true,
		disableReverseLookup: true,
		size: 25 * 1024 * 1024,
		logger: false,
		// stop() waits at most this long for clients that keep a connection open (a pooled transport).
		closeTimeout: 500,
		onAuth(credentials, _session, callback) {
			if (auth && credentials.username === auth.user && credentials.password === auth.pass) callback(null, { user: credentials.username });
			else callback(new Error('Invalid username or password'));
		},
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					const text = parsed.text ?? '';
					const mail: ReceivedMail = {
						id: ++lastId,
						receivedAt: new Date().toISOString(),
						envelope: {
							from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
							to: session.envelope.rcptTo.map((r) => r.address)
						},
						from: addresses(parsed.from)[0] ?? '',
						to: session.envelope.rcptTo.map((r) => r.address),
						headerTo: addresses(parsed.to),
						headerCc: addresses(parsed.cc),
						subject: parsed.subject ?? '',
						text,
						html: typeof parsed.html === 'string' ? parsed.html : null,
						links: linksIn(text),
						messageId: parsed.messageId ?? null,
						authenticatedAs: typeof session.user === 'string' ? session.user : null
					};
					inbox.push(mail);
					arrivals.emit('mail', mail);
					callback();
				})
				.catch((error: Error) => callback(error));
		}
	});
	const port = await listen(smtp.server, 'SMTP sink', options.port);

	const api = http.createServer((req, res) => serveInbox(req, res, inbox, arrivals, () => inbox.splice(0)));
	const apiPort = await listen(api, 'SMTP sink inbox API', options.inboxPort);

	const waitFor = (predicate: MailPredicate, timeoutMs = DEFAULT_WAIT_MS) =>
		new Promise<ReceivedMail>((resolve, reject) => {
			const found = inbox.find(predicate);
			if (found) return resolve(found);
			const onMail = (mail: ReceivedMail) => {
				if (!predicate(mail)) return;
				clearTimeout(timer);
				arrivals.off('mail', onMail);
				resolve(mail);
			};
			const timer = setTimeout(() => {
				arrivals.off('mail', onMail);
				reject(new Error(noMatch(timeoutMs, inbox)));
			}, timeoutMs);
			arrivals.on('mail', onMail);
		});

	const credentials = auth ? `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@` : '';
	return {
		host: LOOPBACK,
		port,
		url: `smtp://${credentials}${LOOPBACK}:${port}`,
		inboxUrl: `http://${LOOPBACK}:${apiPort}/messages`,
		messages: inbox,
		waitFor,
		clear: () => void inbox.splice(0),
		async stop() {
			api.closeAllConnections();
			await Promise.all([new Promise<void>((resolve) => smtp.close(() => resolve())), new Promise<void>((resolve) => api.close(() => resolve()))]);
		}
	};
}

/** The inbox of a sink running in another process (e.g. started by a globalSetup). */
export function openInbox(inboxUrl: string): Inbox {
	const get = async (query: string): Promise<ReceivedMail[]> => {
		const response = await fetch(`${inboxUrl}${query}`);
		if (!response.ok) throw new Error(`SMTP sink inbox answered ${response.status}`);
		return (await response.json()) as ReceivedMail[];
	};
	return {
		messages: () => get(''),
		async waitFor(predicate, timeoutMs = DEFAULT_WAIT_MS) {
			const deadline = Date.now() + timeoutMs;
			const seen: ReceivedMail[] = [];
			let after = 0;
			for (;;) {
				const remaining = deadline - Date.now();
				if (remaining <= 0) throw new Error(noMatch(timeoutMs, seen));
				// Long poll: the sink answers as soon as a newer message arrives.
				for (const mail of await get(`?after=${after}&waitMs=${Math.min(remaining, 1_000)}`)) {
					seen.push(mail);
					after = mail.id;
					if (predicate(mail)) return mail;
				}
			}
		},
		async clear() {
			const response = await fetch(inboxUrl, { method: 'DELETE' });
			if (!response.ok) throw new Error(`SMTP sink inbox answered ${response.status}`);
		}
	};
}

function serveInbox(req: http.IncomingMessage, res: http.ServerResponse, inbox: ReceivedMail[], arrivals: EventEmitter, clear: () => void): void {
	const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
	if (url.pathname !== '/messages') return void res.writeHead(404).end();
	if (req.method === 'DELETE') {
		clear();
		return void res.writeHead(204).end();
	}
	const after = Number(url.searchParams.get('after') ?? 0);
	const waitMs = Math.min(Number(url.searchParams.get('waitMs') ?? 0), 10_000);
	const answer = () => {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify(inbox.filter((m) => m.id > after)));
	};
	if (waitMs <= 0 || inbox.some((m) => m.id > after)) return answer();
	const onMail = () => finish();
	const timer = setTimeout(() => finish(), waitMs);
	const finish = () => {
		clearTimeout(timer);
		arrivals.off('mail', onMail);
		if (!res.writableEnded) answer();
	};
	arrivals.on('mail', onMail);
	res.once('close', () => {
		clearTimeout(timer);
		arrivals.off('mail', onMail);
	});
}

function listen(server: net.Server, what: string, port = 0): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', (error) => reject(new Error(`${what} could not listen: ${error.message}`)));
		server.listen(port, LOOPBACK, () => resolve((server.address() as net.AddressInfo).port));
	});
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
	if (!field) return [];
	return (Array.isArray(field) ? field : [field]).flatMap((group) => group.value.flatMap((a) => (a.address ? [a.address] : [])));
}

/** http(s) URLs in plain text; trailing sentence punctuation is not part of a link. */
export function linksIn(text: string): string[] {
	return (text.match(/https?:\/\/[^\s<>"'\])]+/g) ?? []).map((link) => link.replace(/[.,;:!?]+$/, ''));
}

function noMatch(timeoutMs: number, received: readonly ReceivedMail[]): string {
	const list = received.map((m) => `  #${m.id} to ${m.to.join(', ')}: "${m.subject}"`).join('\n');
	return `no message matched within ${timeoutMs} ms; received ${received.length}${list ? `:\n${list}` : ''}`;
}
