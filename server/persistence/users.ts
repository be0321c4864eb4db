import type { Db } from './database.ts';
import { toAsync, type Async } from './async.ts';
import { isRecordLanguage, type RecordLanguage as InterfaceLocale } from '../../src/lib/shared/framework/languages.ts';

export type UserRow = {
	id: string;
	email: string;
	name: string;
	/** '' for an account that signs in only through the identity provider. */
	passwordHash: string;
	isAdmin: boolean;
	/** The reviewer (facilitator pool) right: may create reviews. */
	mayCreateReviews: boolean;
	createdAt: number;
	passwordChangedAt: number;
	deactivatedAt: number | null;
	lastSignInAt: number | null;
	/** The interface language the person chose; null lets their browser's languages decide. */
	locale: InterfaceLocale | null;
};

/** An account as the administration area lists it. */
export type PersonRow = UserRow & { reviewCount: number };

type RawUser = {
	id: string;
	email: string;
	name: string;
	password_hash: string;
	is_admin: number;
	may_create_reviews: number;
	created_at: number;
	password_changed_at: number;
	deactivated_at: number | null;
	last_sign_in_at: number | null;
	locale: string | null;
};

function toUser(row: RawUser | undefined): UserRow | null {
	if (!row) return null;
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		passwordHash: row.password_hash,
		isAdmin: row.is_admin === 1,
		mayCreateReviews: row.may_create_reviews === 1,
		createdAt: row.created_at,
		passwordChangedAt: row.password_changed_at,
		deactivatedAt: row.deactivated_at,
		lastSignInAt: row.last_sign_in_at,
		locale: isRecordLanguage(row.locale) ? row.locale : null
	};
}

export type NewUser = {
	id: string;
	email: string;
	name: string;
	passwordHash: string;
	isAdmin: boolean;
	/** Defaults to isAdmin: an administrator can create reviews unless told otherwise. */
	mayCreateReviews?: boolean;
	createdAt: number;
};

export function createUserQueries(db: Db) {
	const count = db.prepare('SELECT COUNT(*) AS n FROM users');
	const byId = db.prepare('SELECT * FROM users WHERE id = ?');
	const byEmail = db.prepare('SELECT * FROM users WHERE email = ?');
	const all = db.prepare('SELECT * FROM users ORDER BY name');
	const people = db.prepare(
		`SELECT users.*, (SELECT COUNT(*) FROM participants p WHERE p.user_id = users.id) AS review_count
		 FROM users ORDER BY users.deactivated_at IS NOT NULL, users.name COLLATE NOCASE`
	);
	const insert = db.prepare(
		`INSERT INTO users (id, email, name, password_hash, is_admin, may_create_reviews, created_at, password_changed_at)
		 VALUES (@id, @email, @name, @passwordHash, @isAdmin, @mayCreateReviews, @createdAt, @createdAt)`
	);
	const setPassword = db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?');
	const setAdmin = db.prepare('UPDATE users SET is_admin = ? WHERE id = ?');
	const setReviewer = db.prepare('UPDATE users SET may_create_reviews = ? WHERE id = ?');
	const setDeactivated = db.prepare('UPDATE users SET deactivated_at = ? WHERE id = ?');
	const setLocale = db.prepare('UPDATE users SET locale = ? WHERE id = ?');
	const touchSignIn = db.prepare('UPDATE users SET last_sign_in_at = ? WHERE id = ?');
	const activeAdmins = db.prepare('SELECT COUNT(*) AS n FROM users WHERE is_admin = 1 AND deactivated_at IS NULL');

	return {
		count: (): number => (count.get() as { n: number }).n,
		findById: (id: string) => toUser(byId.get(id) as RawUser | undefined),
		findByEmail: (email: string) => toUser(byEmail.get(email.trim()) as RawUser | undefined),
		list: () => (all.all() as RawUser[]).map((r) => toUser(r) as UserRow),
		/** Active accounts first, then by name; with the number of reviews each takes part in. */
		people: (): PersonRow[] =>
			(people.all() as Array<RawUser & { review_count: number }>).map((r) => ({ ...(toUser(r) as UserRow), reviewCount: r.review_count })),
		insert(user: NewUser) {
			insert.run({
				...user,
				email: user.email.trim(),
				isAdmin: user.isAdmin ? 1 : 0,
				mayCreateReviews: (user.mayCreateReviews ?? user.isAdmin) ? 1 : 0
			});
		},
		setPassword(id: string, passwordHash: string, at: number) {
			setPassword.run(passwordHash, at, id);
		},
		setAdmin(id: string, isAdmin: boolean) {
			setAdmin.run(isAdmin ? 1 : 0, id);
		},
		setReviewer(id: string, mayCreateReviews: boolean) {
			setReviewer.run(mayCreateReviews ? 1 : 0, id);
		},
		setDeactivated(id: string, at: number | null) {
			setDeactivated.run(at, id);
		},
		touchSignIn: (id: string, at: number) => void touchSignIn.run(at, id),
		setLocale: (id: string, locale: InterfaceLocale | null) => void setLocale.run(locale, id),
		countActiveAdmins: (): number => (activeAdmins.get() as { n: number }).n
	};
}

/** The synchronous statements: only inside a store transaction (store.ts), which must not await. */
export type UserQueries = ReturnType<typeof createUserQueries>;
/** What callers use: every method returns a Promise (see async.ts). */
export type UserRepository = Async<UserQueries>;
export const createUserRepository = (db: Db): UserRepository => toAsync(createUserQueries(db));
