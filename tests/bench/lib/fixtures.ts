// The database of a benchmark server, prepared before it starts (as durability.test.ts does):
// accounts, reviews with their participants, session tokens, and stored review documents.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../server/config.ts';
import { createServices, type Services } from '../../../server/services.ts';
import { reviewerDocumentName, workspaceDocumentName } from '../../../src/lib/shared/document-names.ts';
import type { Role } from '../../../src/lib/shared/roles.ts';
import { TMP_DIR } from './config.ts';

export type ReviewPlan = {
	/** One account and session per participant; the first one is the facilitator. */
	participants: Array<{ role: Role; department?: string | null }>;
	documents?: { workspace?: Uint8Array; reviewer?: Uint8Array };
};

export type PreparedReview = { id: string; workspace: string; tokens: string[]; roles: Role[] };
export type Prepared = { dataDir: string; reviews: PreparedReview[] };

let counter = 0;

const created = new Set<string>();

/** A fresh directory under tests/bench/tmp/ (git-ignored), removed by removeDir or removeTempDirs. */
export function benchTempDir(prefix: string): string {
	fs.mkdirSync(TMP_DIR, { recursive: true });
	const dir = fs.mkdtempSync(path.join(TMP_DIR, `${prefix}-`));
	created.add(dir);
	return dir;
}

/** Removes every directory this run created and has not removed yet (after Ctrl-C, say). */
export function removeTempDirs(): void {
	for (const dir of created) removeDir(dir);
}

export function openServices(dataDir: string): Services {
	return createServices(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, 'bench'));
}

/** Writes everything in one transaction: thousands of accounts in well under a second. */
export function prepareDatabase(prefix: string, plans: ReviewPlan[]): Prepared {
	const dataDir = benchTempDir(prefix);
	const services = openServices(dataDir);
	try {
		const reviews = services.db.transaction(() => plans.map((plan) => addReview(services, plan)))();
		return { dataDir, reviews };
	} finally {
		services.close();
	}
}

export function addReview(services: Services, plan: ReviewPlan, now = Date.now()): PreparedReview {
	const id = crypto.randomUUID();
	const tokens: string[] = [];
	plan.participants.forEach((participant, i) => {
		const userId = crypto.randomUUID();
		const n = ++counter;
		services.store.tx.users.insert({ id: userId, email: `bench${n}-${userId.slice(0, 8)}@example.test`, name: `Participant ${n}`, passwordHash: 'not-a-password', isAdmin: false, createdAt: now });
		if (i === 0) {
			services.store.tx.reviews.insert({
				id, title: `Benchmark review ${n}`, portName: 'Port of Benchmark', portCountry: 'Nowhere', kind: 'independent_review',
				scheduledOn: null, frameworkId: 'psems-gap', frameworkVersion: '1.0', createdBy: userId, createdAt: now
			});
		}
		services.store.tx.reviews.addParticipant(id, userId, participant.role, participant.department ?? (participant.role === 'facilitator' ? null : 'Operations'), now);
		tokens.push(services.sessions.createIn(services.store.tx, userId).token);
	});
	const { workspace, reviewer } = plan.documents ?? {};
	if (workspace) services.store.tx.documents.compact(workspaceDocumentName(id), workspace, 0, now);
	if (reviewer) services.store.tx.documents.compact(reviewerDocumentName(id), reviewer, 0, now);
	return { id, workspace: workspaceDocumentName(id), tokens, roles: plan.participants.map((p) => p.role) };
}

/** The same documents as files, for the bare server's onLoadDocument (it has no database). */
export function writeBareFixtures(dir: string, documents: Record<string, Uint8Array>): void {
	fs.mkdirSync(dir, { recursive: true });
	for (const [name, state] of Object.entries(documents)) fs.writeFileSync(path.join(dir, `${encodeURIComponent(name)}.bin`), state);
}

export function removeDir(dir: string): void {
	created.delete(dir);
	fs.rmSync(dir, { recursive: true, force: true });
}
