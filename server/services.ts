// Builds the one set of services of this process: one database connection, shared by SvelteKit
// (through the registry) and the collaboration server. Everything reaches the database through
// the Store (persistence/store.ts, the seam for a second backend).
import '../src/lib/i18n/shared-locale-storage.ts';
import type { Config } from './config.ts';
import { createStore, openStore, type Store } from './persistence/store.ts';
import { transactional } from './persistence/transactional.ts';
import type { Db } from './persistence/database.ts';
import { createSessionService } from './auth/sessions.ts';
import { createLoginThrottle } from './auth/throttle.ts';
import { createAccountService } from './auth/accounts.ts';
import { createReviewService } from './reviews/reviews.ts';
import { createParticipantService } from './reviews/participants.ts';
import { createMembershipEvents } from './reviews/membership-events.ts';
import { createLogger, type Logger } from './logger.ts';
import { createDemoReview } from './demo/create-demo-review.ts';
import { createAuditService } from './records/audit.ts';
import { createDocumentStore } from './collab/document-store.ts';
import { createRecordsService } from './records/records-service.ts';
import type { RecordsCore } from './records/contract.ts';
import type { SessionUser } from './auth/sessions.ts';
import { createSelfScoreImport } from './reviews/import-self-scores.ts';
import { createRecordLanguageService } from './reviews/record-language.ts';
import { createRoundService } from './rounds/rounds-service.ts';
import { handleRoundRequest, type RoundTarget } from './rounds/round-requests.ts';
import { createRoomTimer } from './facilitation/room-timer.ts';
import { blobStoreFor } from './evidence/blob-stores.ts';
import { createEvidenceService } from './evidence/evidence-service.ts';
import { createBundleExport } from './records/export-bundle.ts';
import { createProgressService } from './progress/progress-service.ts';
import { RESET_REQUEST_THROTTLE } from './auth/throttle.ts';
import { createRecoveryService } from './auth/recovery.ts';
import { createPeopleService } from './auth/people.ts';
import { createOidcService } from './auth/oidc.ts';
import { createMailOutbox } from './mail/outbox.ts';
import { createSmtpTransport } from './mail/transport.ts';
import { createPublicLinks } from './mail/links.ts';
import { requestSignatures } from './mail/signature-requests.ts';
import { queueDueDigests, startDigestSchedule } from './mail/due-digest.ts';
import { createFollowupService } from './followup/followup-service.ts';
import { requestVerification } from './mail/verification-requests.ts';
import { createNextReviewService } from './reviews/next-review.ts';

export function createServices(config: Config, opts: { db?: Db; store?: Store; logger?: Logger; now?: () => number } = {}) {
	const store = opts.store ?? (opts.db ? createStore(opts.db) : openStore(config.databaseFile));
	const db = store.db;
	const logger = opts.logger ?? createLogger(config.logLevel);
	const now = opts.now ?? Date.now;
	/**
	 * The synchronous statements, for the services still written as synchronous steps: they run
	 * only inside store transactions (transactional(), below), on this one SQLite connection.
	 */
	const q = store.tx;
	const sessions = createSessionService({
		sessions: store.sessions,
		users: store.users,
		idleMs: config.sessionIdleMs,
		absoluteMs: config.sessionAbsoluteMs,
		now
	});
	const events = createMembershipEvents();
	const throttle = createLoginThrottle(store, undefined, now);
	const audit = createAuditService({ store, now });
	const auditSync = audit.inTransaction(q);
	const accounts = createAccountService({ users: store.users, sessions, throttle, audit, now, passwordSignIn: config.passwordSignIn });
	const links = createPublicLinks(config);
	const mail = createMailOutbox({
		outbox: store.mailOutbox,
		transport: config.smtpUrl ? createSmtpTransport(config.smtpUrl, config.mailFrom) : null,
		logger,
		now
	});
	const recovery = createRecoveryService({
		store,
		users: store.users,
		sessions,
		throttle: createLoginThrottle(store, RESET_REQUEST_THROTTLE, now, 'reset:'),
		mail,
		links,
		events,
		audit,
		now
	});
	const people = createPeopleService({
		store,
		users: store.users,
		invitations: store.invitations,
		sessions,
		recovery,
		events,
		audit,
		now,
		identitiesOf: store.oidc.identitiesOf
	});
	// The collaboration server lends its open documents once it runs, so a freeze reads them live.
	// The durable log appends synchronously (DESIGN.md §5), so the document store takes the statements.
	const documentStore = createDocumentStore({ documents: q.documents, now });
	const reviews = createReviewService({ store, now });
	const evidenceCore = createEvidenceService({
		reviews: q.reviews,
		files: q.evidenceFiles,
		blobs: blobStoreFor(config),
		documentStore,
		audit: auditSync,
		maxBytes: config.maxEvidenceBytes,
		// Completion evidence goes to an action of the signed plan, even once the live plan dropped it.
		isSignedAction: (reviewId: string, actionId: string) => followupCore.isSignedAction(reviewId, actionId),
		now
	});
	const evidence = transactional(store, evidenceCore, ['list', 'remove', 'setConfidential', 'forRecord', 'seesConfidential']);
	const followupCore = createFollowupService({
		db,
		reviews: q.reviews,
		snapshots: q.snapshots,
		signatures: q.signatures,
		followups: q.actionFollowups,
		evidence: evidenceCore,
		audit: auditSync,
		onAwaitingVerification: ({ review, action, by, verifiers }) =>
			requestVerification(q, { mail, links }, { review, action, by, verifiers, at: action.updatedAt ?? now() }),
		now
	});
	const followup = transactional(store, followupCore, ['mine', 'overdue', 'forReview', 'update', 'verify', 'sendBack', 'isSignedAction']);
	const roundsCore = createRoundService({ db, rounds: q.rounds, reviews: q.reviews, documentStore, audit: auditSync, logger, now });
	const rounds = transactional(store, roundsCore, ['myVote']);
	const digestDeps = {
		reviews: store.reviews,
		users: store.users,
		documentStore,
		mail,
		links,
		logger,
		now,
		followupStatus: async (reviewId: string, actionId: string) => (await store.actionFollowups.get(reviewId, actionId))?.status ?? null
	};
	/** A freeze and its "ready for your signature" mails commit together (the caller's transaction). */
	const withSignatureRequests = (records: RecordsCore): RecordsCore => ({
		...records,
		freeze: (actor, reviewId, input) => {
			const frozen = records.freeze(actor, reviewId, input);
			if (frozen.ok) requestSignatures(q, { mail, links }, { reviewId, version: frozen.value.version, frozenBy: actor });
			return frozen;
		}
	});
	let progress: ReturnType<typeof publishProgress> | undefined;
	let nextReview: ReturnType<typeof publishNextReview> | undefined;
	const participants = createParticipantService({ store, sessions, events, audit, mail, links, now });
	/** Sign-in with the organisation's identity provider, when OIDC_* is configured. */
	const oidc = config.oidc
		? createOidcService({
				config: config.oidc,
				store,
				users: store.users,
				oidc: store.oidc,
				reviews: store.reviews,
				sessions,
				audit,
				acceptInvitation: participants.acceptAsSignedIn,
				logger,
				now
			})
		: null;
	const recordsCore = withSignatureRequests(
		createRecordsService({
			db,
			reviews: q.reviews,
			snapshots: q.snapshots,
			signatures: q.signatures,
			audit: auditSync,
			documentStore,
			confirmPassword: accounts.confirmPassword,
			spendIdentityProof: (sessionId: string, userId: string) => q.oidc.spendProof(sessionId, userId, now()),
			now,
			evidenceFiles: evidenceCore.forRecord
		})
	);
	const records = transactional(store, recordsCore, ['freeze', 'listVersions', 'pendingDifferences', 'getVersion', 'declaration', 'verifyAll', 'verifyReview', 'verifyExport']);
	const selfScoreImport = transactional(
		store,
		createSelfScoreImport({ reviews: q.reviews, snapshots: q.snapshots, audit: auditSync, documentStore, now }),
		['sources', 'preview']
	);
	const publishProgress = () =>
		transactional(
			store,
			createProgressService({
				reviews: q.reviews,
				records: recordsCore,
				documentStore,
				verifications: (reviewId: string) =>
					new Map(
						[...q.actionFollowups.forReview(reviewId).values()]
							.filter((f) => f.status === 'verified')
							.map((f) => [
								f.actionId,
								{ levelReached: f.levelReached, verifiedAt: f.verifiedAt === null ? null : new Date(f.verifiedAt).toISOString(), verifiedByName: f.verifiedByName }
							])
					)
			}),
			['forReview']
		);
	const publishNextReview = () =>
		transactional(
			store,
			createNextReviewService({
				db,
				reviews: q.reviews,
				snapshots: q.snapshots,
				users: q.users,
				evidenceFiles: q.evidenceFiles,
				followups: q.actionFollowups,
				records: recordsCore,
				audit: auditSync,
				documentStore,
				participants: { invite: (actor, reviewId, input) => participants.inviteIn(q, actor, reviewId, input) },
				createReview: (user, input, previous) => reviews.createIn(q, user, input, previous),
				now
			}),
			['startingPoints', 'startFrom', 'lastReview']
		);
	const services = {
		config,
		/** The one store of the process (persistence/store.ts). */
		store,
		/** The SQLite connection underneath, for raw reads (tests, verify) and backup. */
		db,
		logger,
		/** The asynchronous repositories (the store's). */
		repos: store as Store,
		sessions,
		membership: events,
		accounts,
		recovery,
		people,
		mail,
		links,
		audit,
		documentStore,
		reviews,
		recordLanguage: createRecordLanguageService({ store, audit }),
		participants,
		oidc,
		records,
		evidence,
		followup,
		selfScoreImport,
		rounds,
		/** The blind-scoring endpoints' Request -> Response handler (server/rounds/round-requests.ts). */
		roundRequests: {
			handle: (user: { id: string } | null, target: RoundTarget, request: Request) => handleRoundRequest({ rounds, config, logger }, user, target, request)
		},
		/** Built on first use. */
		get progress() {
			return (progress ??= publishProgress());
		},
		/** Built on first use, like progress. */
		get nextReview() {
			return (nextReview ??= publishNextReview());
		},
		get bundles() {
			return createBundleExport({ reviews: q.reviews, records: recordsCore, blobs: evidenceCore.blobs, audit: auditSync });
		},
		roomTimer: createRoomTimer({ reviews, documentStore, logger, now }),
		demo: {
			create: (admin: SessionUser) => createDemoReview(services, admin, now())
		},
		digest: {
			/** Queues today's due-action digests now (the schedule calls it hourly). */
			run: () => queueDueDigests(digestDeps),
			start: () => startDigestSchedule({ ...digestDeps, hourUtc: config.digestHourUtc })
		},
		close() {
			void mail.stop();
			store.close();
		}
	};
	return services;
}

export type Services = ReturnType<typeof createServices>;
