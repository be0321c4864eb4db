// Environment parsed once, validated, frozen. Everything else receives a Config, so tests can
// start a server on port 0 with a temporary DATA_DIR without touching process.env.
import path from 'node:path';
import { z } from 'zod';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const EnvSchema = z.object({
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	DATA_DIR: z.string().min(1).default('./data'),
	ORIGIN: z.string().url().optional(),
	SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
	SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().default(7),
	MAX_UPDATE_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
	MAX_FRAME_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
	MAX_CONNECTIONS_PER_REVIEW: z.coerce.number().int().positive().default(300),
	// A socket with no message for this long (or not authenticated this long after opening) is closed.
	COLLAB_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
	MAX_SEND_BUFFER_BYTES: z.coerce.number().int().min(64 * 1024).default(16 * 1024 * 1024),
	MAX_PENDING_UPDATE_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
	MAX_PREAUTH_BYTES: z.coerce.number().int().min(64 * 1024).default(64 * 1024 * 1024),
	MAX_UNAUTHENTICATED_SOCKETS: z.coerce.number().int().positive().default(1_000),
	// Largest evidence file accepted (25 MiB); uploads stream to disk, so this bounds disk, not memory.
	EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
	// Where evidence bytes live: DATA_DIR/evidence, or an S3-compatible bucket (all five S3_ settings).
	EVIDENCE_STORE: z.enum(['disk', 's3']).default('disk'),
	S3_ENDPOINT: z
		.string()
		.url()
		.regex(/^https?:\/\//, { error: 'must start with http:// or https://' })
		.optional(),
	S3_BUCKET: z
		.string()
		.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'must be a bucket name: 3-63 lower-case letters, digits, dots and hyphens' })
		.optional(),
	S3_REGION: z.string().min(1).optional(),
	S3_ACCESS_KEY_ID: z.string().min(1).optional(),
	S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
	LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
	// Mail: without SMTP_URL nothing is sent; administrators see the outbox and links to copy.
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, { error: 'must start with smtp:// or smtps://' })
		.optional(),
	MAIL_FROM: z.string().min(3).default('PSeMS Review Workshop <psems@localhost>'),
	// The UTC hour from which the day's due-action digest goes out (once per person and day).
	DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(6),
	// Sign-in with the organisation's OpenID Connect provider: all four, or none.
	OIDC_ISSUER: z.string().url().optional(),
	OIDC_CLIENT_ID: z.string().min(1).optional(),
	OIDC_CLIENT_SECRET: z.string().min(1).optional(),
	OIDC_REDIRECT_URI: z.string().url().optional(),
	OIDC_NAME: z.string().min(1).max(60).default('your organisation'),
	PASSWORD_SIGN_IN: z.enum(['on', 'off']).default('on')
});

export type OidcConfig = Readonly<{
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** The callback registered at the provider, …/auth/oidc/callback of this app. */
	redirectUri: string;
	/** Shown on the button: "Sign in with <name>". */
	displayName: string;
	/** Plain http is allowed only for a loopback issuer (tests, a provider on the same host). */
	allowHttp: boolean;
}>;

export type EvidenceStoreConfig =
	| Readonly<{ kind: 'disk' }>
	| Readonly<{ kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }>;

export type Config = Readonly<{
	port: number;
	host: string;
	dataDir: string;
	databaseFile: string;
	/** The public origin (scheme://host:port). When unset, the request's own Host is trusted. */
	origin: string | null;
	secureCookies: boolean;
	sessionIdleMs: number;
	sessionAbsoluteMs: number;
	maxUpdateBytes: number;
	maxFrameBytes: number;
	maxConnectionsPerReview: number;
	collabTimeoutMs: number;
	/** A socket whose unsent data exceeds this (a client that stopped reading) is closed. */
	maxSendBufferBytes: number;
	/** Updates a document holds because they depend on changes it never received. */
	maxPendingUpdateBytes: number;
	/** Bytes all not-yet-authenticated sockets together may have queued. */
	maxPreAuthBytes: number;
	maxUnauthenticatedSockets: number;
	/** Evidence files are stored content-addressed under this directory (DATA_DIR/evidence). */
	evidenceDir: string;
	/** disk: the files are under evidenceDir; s3: in the bucket, staged in evidenceDir/tmp while uploading. */
	evidenceStore: EvidenceStoreConfig;
	maxEvidenceBytes: number;
	logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
	smtpUrl: string | null;
	mailFrom: string;
	digestHourUtc: number;
	oidc: OidcConfig | null;
	/** false: only the identity provider signs people in (PASSWORD_SIGN_IN=off). */
	passwordSignIn: boolean;
	version: string;
}>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function oidcConfig(e: z.infer<typeof EnvSchema>): OidcConfig | null {
	const given = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET, e.OIDC_REDIRECT_URI];
	if (given.every((v) => v === undefined)) return null;
	if (given.some((v) => v === undefined)) {
		throw new Error('Invalid configuration: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI go together; set all four or none.');
	}
	const issuer = new URL(e.OIDC_ISSUER!);
	const allowHttp = issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname);
	if (issuer.protocol !== 'https:' && !allowHttp) {
		throw new Error('Invalid configuration: OIDC_ISSUER must be an https:// URL (plain http only on 127.0.0.1 or localhost).');
	}
	return Object.freeze({
		issuer: e.OIDC_ISSUER!,
		clientId: e.OIDC_CLIENT_ID!,
		clientSecret: e.OIDC_CLIENT_SECRET!,
		redirectUri: e.OIDC_REDIRECT_URI!,
		displayName: e.OIDC_NAME,
		allowHttp
	});
}

const S3_SETTINGS = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

function evidenceStoreConfig(e: z.infer<typeof EnvSchema>): EvidenceStoreConfig {
	const given = S3_SETTINGS.filter((name) => e[name] !== undefined);
	if (e.EVIDENCE_STORE === 'disk') {
		// Half a configuration is a mistake to say out loud, not a reason to store evidence elsewhere quietly.
		if (given.length > 0) throw new Error(`Invalid configuration: ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set but EVIDENCE_STORE is not s3; set EVIDENCE_STORE=s3 to keep evidence in the bucket, or remove ${given.length === 1 ? 'it' : 'them'}.`);
		return Object.freeze({ kind: 'disk' });
	}
	const missing = S3_SETTINGS.filter((name) => e[name] === undefined);
	if (missing.length > 0) throw new Error(`Invalid configuration: EVIDENCE_STORE=s3 needs ${S3_SETTINGS.join(', ')}; missing: ${missing.join(', ')}.`);
	return Object.freeze({
		kind: 's3',
		endpoint: e.S3_ENDPOINT!,
		bucket: e.S3_BUCKET!,
		region: e.S3_REGION!,
		accessKeyId: e.S3_ACCESS_KEY_ID!,
		secretAccessKey: e.S3_SECRET_ACCESS_KEY!
	});
}

export function loadConfig(env: Record<string, string | undefined> = process.env, version = '0.0.0'): Config {
	const parsed = EnvSchema.safeParse(env);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
		throw new Error(`Invalid configuration: ${issues}`);
	}
	const e = parsed.data;
	const dataDir = path.resolve(e.DATA_DIR);
	const origin = e.ORIGIN ? new URL(e.ORIGIN).origin : null;
	const oidc = oidcConfig(e);
	const evidenceStore = evidenceStoreConfig(e);
	// With passwords off only the identity provider signs people in: without one nobody could.
	if (e.PASSWORD_SIGN_IN === 'off' && !oidc) {
		throw new Error('Invalid configuration: PASSWORD_SIGN_IN=off needs OIDC_ISSUER and the other OIDC_ settings, or nobody could sign in.');
	}
	return Object.freeze({
		port: e.PORT,
		host: e.HOST,
		dataDir,
		databaseFile: path.join(dataDir, 'psems.sqlite'),
		origin,
		secureCookies: origin?.startsWith('https:') ?? false,
		sessionIdleMs: e.SESSION_IDLE_HOURS * HOUR,
		sessionAbsoluteMs: e.SESSION_ABSOLUTE_DAYS * DAY,
		maxUpdateBytes: e.MAX_UPDATE_BYTES,
		maxFrameBytes: e.MAX_FRAME_BYTES,
		maxConnectionsPerReview: e.MAX_CONNECTIONS_PER_REVIEW,
		collabTimeoutMs: e.COLLAB_TIMEOUT_MS,
		maxSendBufferBytes: e.MAX_SEND_BUFFER_BYTES,
		maxPendingUpdateBytes: e.MAX_PENDING_UPDATE_BYTES,
		maxPreAuthBytes: e.MAX_PREAUTH_BYTES,
		maxUnauthenticatedSockets: e.MAX_UNAUTHENTICATED_SOCKETS,
		evidenceDir: path.join(dataDir, 'evidence'),
		evidenceStore,
		maxEvidenceBytes: e.EVIDENCE_MAX_BYTES,
		logLevel: e.LOG_LEVEL,
		smtpUrl: e.SMTP_URL ?? null,
		mailFrom: e.MAIL_FROM,
		digestHourUtc: e.DIGEST_HOUR_UTC,
		oidc,
		passwordSignIn: e.PASSWORD_SIGN_IN === 'on',
		version
	});
}
