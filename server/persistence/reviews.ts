import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';
import type { Role } from '../../src/lib/shared/roles.ts';
import type { ReviewKind } from '../../src/lib/shared/review-kinds.ts';
import type { RecordLanguage } from '../../src/lib/shared/framework/languages.ts';

export type ReviewRow = {
	id: string;
	title: string;
	portName: string;
	portCountry: string;
	kind: ReviewKind;
	scheduledOn: string | null;
	frameworkId: string;
	frameworkVersion: string;
	createdBy: string;
	createdAt: number;
	/** The language the record is frozen in (migration 10); facilitators choose it. */
	recordLanguage: RecordLanguage;
	/** The signed review this one was started from, and the version of it (migration 9); null otherwise. */
	previousReviewId: string | null;
	previousVersion: number | null;
};

/** A new review starts in English, from nothing, unless it says otherwise. */
export type NewReview = Omit<ReviewRow, 'recordLanguage' | 'previousReviewId' | 'previousVersion'> & {
	recordLanguage?: RecordLanguage;
	previousReviewId?: string | null;
	previousVersion?: number | null;
};

export type ParticipantRow = {
	reviewId: string;
	userId: string;
	name: string;
	email: string;
	role: Role;
	department: string | null;
	addedAt: number;
};

type RawReview = {
	id: string;
	title: string;
	port_name: string;
	port_country: string;
	kind: ReviewKind;
	scheduled_on: string | null;
	framework_id: string;
	framework_version: string;
	created_by: string;
	created_at: number;
	record_language: RecordLanguage;
	previous_review_id: string | null;
	previous_version: number | null;
};

type RawParticipant = {
	review_id: string;
	user_id: string;
	name: string;
	email: string;
	role: Role;
	department: string | null;
	added_at: number;
};

const toReview = (r: RawReview): ReviewRow => ({
	id: r.id,
	title: r.title,
	portName: r.port_name,
	portCountry: r.port_country,
	kind: r.kind,
	scheduledOn: r.scheduled_on,
	frameworkId: r.framework_id,
	frameworkVersion: r.framework_version,
	createdBy: r.created_by,
	createdAt: r.created_at,
	recordLanguage: r.record_language,
	previousReviewId: r.previous_review_id,
	previousVersion: r.previous_version
});

const toParticipant = (r: RawParticipant): ParticipantRow => ({
	reviewId: r.review_id,
	userId: r.user_id,
	name: r.name,
	email: r.email,
	role: r.role,
	department: r.department,
	addedAt: r.added_at
});

export function createReviewQueries(db: Db) {
	const insertReview = db.prepare(
		`INSERT INTO reviews (id, title, port_name, port_country, kind, scheduled_on, framework_id, framework_version, created_by, created_at, record_language, previous_review_id, previous_version)
		 VALUES (@id, @title, @portName, @portCountry, @kind, @scheduledOn, @frameworkId, @frameworkVersion, @createdBy, @createdAt, @recordLanguage, @previousReviewId, @previousVersion)`
	);
	const setLanguage = db.prepare('UPDATE reviews SET record_language = ? WHERE id = ?');
	const byId = db.prepare('SELECT * FROM reviews WHERE id = ?');
	const forUser = db.prepare(
		`SELECT r.*, p.role AS my_role FROM reviews r JOIN participants p ON p.review_id = r.id
		 WHERE p.user_id = ? ORDER BY COALESCE(r.scheduled_on, '9999') DESC, r.created_at DESC`
	);
	const participantsOf = db.prepare(
		`SELECT p.*, u.name, u.email FROM participants p JOIN users u ON u.id = p.user_id
		 WHERE p.review_id = ? ORDER BY p.added_at`
	);
	const participant = db.prepare(
		`SELECT p.*, u.name, u.email FROM participants p JOIN users u ON u.id = p.user_id
		 WHERE p.review_id = ? AND p.user_id = ?`
	);
	const upsertParticipant = db.prepare(
		`INSERT INTO participants (review_id, user_id, role, department, added_at) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (review_id, user_id) DO UPDATE SET role = excluded.role, department = excluded.department`
	);
	const updateRole = db.prepare('UPDATE participants SET role = ?, department = ? WHERE review_id = ? AND user_id = ?');
	const removeParticipant = db.prepare('DELETE FROM participants WHERE review_id = ? AND user_id = ?');
	const countRole = db.prepare('SELECT COUNT(*) AS n FROM participants WHERE review_id = ? AND role = ?');

	const allReviews = db.prepare('SELECT * FROM reviews ORDER BY created_at');
	return {
		insert: (review: NewReview) => void insertReview.run({ recordLanguage: 'en', previousReviewId: null, previousVersion: null, ...review }),
		setRecordLanguage: (reviewId: string, language: RecordLanguage) => setLanguage.run(language, reviewId).changes === 1,
		all: () => (allReviews.all() as RawReview[]).map(toReview),
		findById(id: string): ReviewRow | null {
			const row = byId.get(id) as RawReview | undefined;
			return row ? toReview(row) : null;
		},
		listForUser(userId: string): Array<ReviewRow & { myRole: Role }> {
			return (forUser.all(userId) as Array<RawReview & { my_role: Role }>).map((r) => ({
				...toReview(r),
				myRole: r.my_role
			}));
		},
		participants: (reviewId: string) => (participantsOf.all(reviewId) as RawParticipant[]).map(toParticipant),
		participant(reviewId: string, userId: string): ParticipantRow | null {
			const row = participant.get(reviewId, userId) as RawParticipant | undefined;
			return row ? toParticipant(row) : null;
		},
		addParticipant(reviewId: string, userId: string, role: Role, department: string | null, at: number) {
			upsertParticipant.run(reviewId, userId, role, department, at);
		},
		updateParticipant: (reviewId: string, userId: string, role: Role, department: string | null) =>
			updateRole.run(role, department, reviewId, userId).changes === 1,
		removeParticipant: (reviewId: string, userId: string) => removeParticipant.run(reviewId, userId).changes === 1,
		countWithRole: (reviewId: string, role: Role) => (countRole.get(reviewId, role) as { n: number }).n
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type ReviewQueries = ReturnType<typeof createReviewQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type ReviewRepository = Async<ReviewQueries>;
export const createReviewRepository = (db: Db): ReviewRepository => toAsync(createReviewQueries(db));
