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
	LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info')
});

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
	maxEvidenceBytes: number;
	logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
	version: string;
}>;

export function loadConfig(env: Record<string, string | undefined> = process.env, version = '0.0.0'): Config {
	const parsed = EnvSchema.safeParse(env);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
		throw new Error(`Invalid configuration: ${issues}`);
	}
	const e = parsed.data;
	const dataDir = path.resolve(e.DATA_DIR);
	const origin = e.ORIGIN ? new URL(e.ORIGIN).origin : null;
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
		maxEvidenceBytes: e.EVIDENCE_MAX_BYTES,
		logLevel: e.LOG_LEVEL,
		version
	});
}
