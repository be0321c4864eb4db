// Builds the one set of services of this process: one database connection, shared by SvelteKit
// (through the registry) and the collaboration server.
import '../src/lib/i18n/shared-locale-storage.ts';
import type { Config } from './config.ts';
import { openDatabase, type Db } from './persistence/database.ts';
import { createUserRepository } from './persistence/users.ts';
import { createSessionRepository } from './persistence/sessions.ts';
import { createLoginAttemptRepository } from './persistence/login-attempts.ts';
import { createReviewRepository } from './persistence/reviews.ts';
import { createInvitationRepository } from './persistence/invitations.ts';
import { createDocumentRepository } from './persistence/documents.ts';
import { createSnapshotRepository } from './persistence/snapshots.ts';
import { createSignatureRepository } from './persistence/signatures.ts';
import { createAuditLogRepository } from './persistence/audit-log.ts';
import { createRoundRepository } from './persistence/rounds.ts';
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
import type { RecordsService } from './records/contract.ts';
import type { SessionUser } from './auth/sessions.ts';
import { createSelfScoreImport } from './reviews/import-self-scores.ts';
import { createRecordLanguageService } from './reviews/record-language.ts';
import { createRoundService } from './rounds/rounds-service.ts';
import { handleRoundRequest, type RoundTarget } from './rounds/round-requests.ts';
import { createRoomTimer } from './facilitation/room-timer.ts';
import { createEvidenceFileRepository } from './persistence/evidence-files.ts';
import { blobStoreFor } from './evidence/blob-stores.ts';
import { createEvidenceService } from './evidence/evidence-service.ts';
import { createBundleExport } from './records/export-bundle.ts';
import { createProgressService, type ProgressService } from './progress/progress-service.ts';
import { createPasswordResetRepository } from './persistence/password-resets.ts';
import { createMailOutboxRepository } from './persistence/mail-outbox.ts';
import { createOidcRepository } from './persistence/oidc.ts';
import { RESET_REQUEST_THROTTLE } from './auth/throttle.ts';
import { createRecoveryService } from './auth/recovery.ts';
import { createPeopleService } from './auth/people.ts';
import { createOidcService } from './auth/oidc.ts';
import { createMailOutbox } from './mail/outbox.ts';
import { createSmtpTransport } from './mail/transport.ts';
import { createPublicLinks } from './mail/links.ts';
import { requestSignatures } from './mail/signature-requests.ts';
import { queueDueDigests, startDigestSchedule } from './mail/due-digest.ts';
import { createActionFollowupRepository } from './persistence/action-followups.ts';
import { createFollowupService } from './followup/followup-service.ts';
import { requestVerification } from './mail/verification-requests.ts';
import { createNextReviewService, type NextReviewService } from './reviews/next-review.ts';

export function createServices(config: Config, opts: { db?: Db; logger?: Logger; now?: () => number } = {}) {
	const db = opts.db ?? openDatabase(config.databaseFile);
	const logger = opts.logger ?? createLogger(config.logLevel);
	const now = opts.now ?? Date.now;
	const repos = {
		users: createUserRepository(db),
		sessions: createSessionRepository(db),
		loginAttempts: createLoginAttemptRepository(db),
		reviews: createReviewRepository(db),
		invitations: createInvitationRepository(db),
		documents: createDocumentRepository(db),
		snapshots: createSnapshotRepository(db),
		signatures: createSignatureRepository(db),
		auditLog: createAuditLogRepository(db),
		rounds: createRoundRepository(db),
		evidenceFiles: createEvidenceFileRepository(db),
		passwordResets: createPasswordResetRepository(db),
		mailOutbox: createMailOutboxRepository(db),
		oidc: createOidcRepository(db),
		actionFollowups: createActionFollowupRepository(db)
	};
	const sessions = createSessionService({
		sessions: repos.sessions,
		users: repos.users,
		idleMs: config.sessionIdleMs,
		absoluteMs: config.sessionAbsoluteMs,
		now
	});
	const events = createMembershipEvents();
	const throttle = createLoginThrottle(repos.loginAttempts, undefined, now);
	const audit = createAuditService({ db, log: repos.auditLog, users: repos.users, now });
	const accounts = createAccountService({ users: repos.users, sessions, throttle, audit, now, passwordSignIn: config.passwordSignIn });
	const links = createPublicLinks(config);
	const mail = createMailOutbox({
		outbox: repos.mailOutbox,
		transport: config.smtpUrl ? createSmtpTransport(config.smtpUrl, config.mailFrom) : null,
		logger,
		now
	});
	const recovery = createRecoveryService({
		db,
		users: repos.users,
		resets: repos.passwordResets,
		sessions,
		throttle: createLoginThrottle(repos.loginAttempts, RESET_REQUEST_THROTTLE, now, 'reset:'),
		mail,
		links,
		events,
		audit,
		now
	});
	const people = createPeopleService({
		db,
		users: repos.users,
		invitations: repos.invitations,
		resets: repos.passwordResets,
		sessions,
		recovery,
		events,
		audit,
		now,
		identitiesOf: repos.oidc.identitiesOf
	});
	// The collaboration server lends its open documents once it runs, so a freeze reads them live.
	const documentStore = createDocumentStore({ documents: repos.documents, now });
	const reviews = createReviewService({ reviews: repos.reviews, now });
	const evidence = createEvidenceService({
		reviews: repos.reviews,
		files: repos.evidenceFiles,
		blobs: blobStoreFor(config),
		documentStore,
		audit,
		maxBytes: config.maxEvidenceBytes,
		// Completion evidence goes to an action of the signed plan, even once the live plan dropped it.
		isSignedAction: (reviewId: string, actionId: string) => followup.isSignedAction(reviewId, actionId),
		now
	});
	const followup = createFollowupService({
		db,
		reviews: repos.reviews,
		snapshots: repos.snapshots,
		signatures: repos.signatures,
		followups: repos.actionFollowups,
		evidence,
		audit,
		onAwaitingVerification: ({ review, action, by, verifiers }) =>
			requestVerification({ mail, links }, { review, action, by, verifiers, at: action.updatedAt ?? now() }),
		now
	});
	const rounds = createRoundService({ db, rounds: repos.rounds, reviews: repos.reviews, documentStore, audit, logger, now });
	const digestDeps = {
		reviews: repos.reviews,
		users: repos.users,
		documentStore,
		mail,
		links,
		logger,
		now,
		followupStatus: (reviewId: string, actionId: string) => repos.actionFollowups.get(reviewId, actionId)?.status ?? null
	};
	/** A freeze and its "ready for your signature" mails commit together. */
	const withSignatureRequests = (records: RecordsService): RecordsService => ({
		...records,
		freeze: (actor, reviewId, input) =>
			db.transaction(() => {
				const frozen = records.freeze(actor, reviewId, input);
				if (frozen.ok) requestSignatures({ reviews: repos.reviews, mail, links }, { reviewId, version: frozen.value.version, frozenBy: actor });
				return frozen;
			})()
	});
	let progress: ProgressService | undefined;
	let nextReview: NextReviewService | undefined;
	const participants = createParticipantService({
		db,
		reviews: repos.reviews,
		invitations: repos.invitations,
		users: repos.users,
		sessions,
		events,
		audit,
		mail,
		links,
		now
	});
	/** Sign-in with the organisation's identity provider, when OIDC_* is configured. */
	const oidc = config.oidc
		? createOidcService({
				config: config.oidc,
				db,
				users: repos.users,
				oidc: repos.oidc,
				invitations: repos.invitations,
				reviews: repos.reviews,
				sessions,
				audit,
				acceptInvitation: participants.acceptAsSignedIn,
				logger,
				now
			})
		: null;
	const services = {
		config,
		db,
		logger,
		repos,
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
		recordLanguage: createRecordLanguageService({ db, reviews: repos.reviews, audit }),
		participants,
		oidc,
		records: withSignatureRequests(createRecordsService({
			db,
			reviews: repos.reviews,
			snapshots: repos.snapshots,
			signatures: repos.signatures,
			audit,
			documentStore,
			confirmPassword: accounts.confirmPassword,
			spendIdentityProof: (sessionId: string, userId: string) => repos.oidc.spendProof(sessionId, userId, now()),
			now,
			evidenceFiles: evidence.forRecord
		})),
		evidence,
		followup,
		selfScoreImport: createSelfScoreImport({
			reviews: repos.reviews,
			snapshots: repos.snapshots,
			audit,
			documentStore,
			now
		}),
		rounds,
		/** The blind-scoring endpoints' Request -> Response handler (server/rounds/round-requests.ts). */
		roundRequests: {
			handle: (user: { id: string } | null, target: RoundTarget, request: Request) => handleRoundRequest({ rounds, config, logger }, user, target, request)
		},
		/** Built on first use: it reads versions through `services.records`, defined just above. */
		get progress() {
			return (progress ??= createProgressService({
				reviews: repos.reviews,
				records: services.records,
				documentStore,
				verifications: (reviewId: string) =>
					new Map(
						[...repos.actionFollowups.forReview(reviewId).values()]
							.filter((f) => f.status === 'verified')
							.map((f) => [
								f.actionId,
								{ levelReached: f.levelReached, verifiedAt: f.verifiedAt === null ? null : new Date(f.verifiedAt).toISOString(), verifiedByName: f.verifiedByName }
							])
					)
			}));
		},
		/** Built on first use, like progress: it reads signed versions through `services.records`. */
		get nextReview() {
			return (nextReview ??= createNextReviewService({
				db,
				reviews: repos.reviews,
				snapshots: repos.snapshots,
				users: repos.users,
				evidenceFiles: repos.evidenceFiles,
				followups: repos.actionFollowups,
				records: services.records,
				audit,
				documentStore,
				participants,
				createReview: reviews.create,
				now
			}));
		},
		get bundles() {
			return createBundleExport({ reviews: repos.reviews, records: services.records, blobs: evidence.blobs, audit });
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
			if (db.open) db.close();
		}
	};
	return services;
}

export type Services = ReturnType<typeof createServices>;
