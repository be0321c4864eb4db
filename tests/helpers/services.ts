// Services on a temporary SQLite file with an injectable clock, for unit tests of server/.
// Each call makes its own DATA_DIR, so tests never share rows; cleanup() closes and removes it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { createServices, type Services } from '../../server/services.ts';
import type { SessionUser } from '../../server/auth/sessions.ts';
import type { ReviewRow } from '../../server/persistence/reviews.ts';
import type { Role } from '../../src/lib/shared/roles.ts';
import { DEFAULT_FRAMEWORK, frameworkRef } from '../../src/lib/shared/framework/index.ts';

export type TestServices = Services & { dataDir: string; cleanup(): void };

export function createTestServices(opts: { now?: () => number } = {}): TestServices {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'psems-unit-'));
	const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, 'test');
	const services = createServices(config, { now: opts.now });
	return Object.assign(services, {
		dataDir,
		cleanup() {
			services.close();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	});
}

/** A clock the test moves by hand: `clock.advance(ms)`; pass `clock.now` to createTestServices. */
export function createTestClock(start = Date.UTC(2026, 10, 25)) {
	let t = start;
	return {
		now: (): number => t,
		advance(ms: number) {
			t += ms;
		},
		set(at: number) {
			t = at;
		}
	};
}

export const FRAMEWORK_REF = frameworkRef(DEFAULT_FRAMEWORK.id, DEFAULT_FRAMEWORK.version);

let counter = 0;

/** A unique address per call, so tests sharing one database never collide. */
export function uniqueEmail(label = 'user'): string {
	return `${label}-${++counter}-${crypto.randomUUID().slice(0, 8)}@example.test`;
}

/**
 * Inserts a user directly, without hashing a password (fast), for tests that never sign in
 * with a password. Returns the user as a session sees it.
 */
export function insertUser(
	services: Services,
	opts: { name?: string; email?: string; isAdmin?: boolean; mayCreateReviews?: boolean } = {}
): SessionUser {
	const user = {
		id: crypto.randomUUID(),
		email: opts.email ?? uniqueEmail(),
		name: opts.name ?? 'Test User',
		isAdmin: opts.isAdmin ?? false,
		// As the first account: an administrator in tests may create reviews unless told otherwise.
		mayCreateReviews: opts.mayCreateReviews ?? opts.isAdmin ?? false
	};
	// Fixtures write through the synchronous statements (store.ts `tx`): setup, not the behaviour under test.
	services.store.tx.users.insert({ ...user, passwordHash: 'not-a-password-hash', createdAt: 0 });
	return user;
}

/** Creates a review through the service as `admin` (who becomes its facilitator). */
export function createReviewAs(services: Services, admin: SessionUser, title = 'Port of Testhaven GAP review'): ReviewRow {
	const result = services.reviews.createIn(services.store.tx, admin, {
		title,
		portName: 'Port of Testhaven',
		portCountry: 'Nowhere',
		kind: 'independent_review',
		scheduledOn: '2026-12-01',
		framework: FRAMEWORK_REF
	});
	if (!result.ok) throw new Error(`createReviewAs: ${result.error.message}`);
	return result.value;
}

/** Adds an existing user to a review directly through the repository. */
export function addParticipant(services: Services, reviewId: string, user: SessionUser, role: Role, department: string | null = null): void {
	services.store.tx.reviews.addParticipant(reviewId, user.id, role, department, 0);
}
