import type { Db } from './database.ts';

export type UserRow = {
	id: string;
	email: string;
	name: string;
	passwordHash: string;
	isAdmin: boolean;
	createdAt: number;
	passwordChangedAt: number;
};

type RawUser = {
	id: string;
	email: string;
	name: string;
	password_hash: string;
	is_admin: number;
	created_at: number;
	password_changed_at: number;
};

function toUser(row: RawUser | undefined): UserRow | null {
	if (!row) return null;
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		passwordHash: row.password_hash,
		isAdmin: row.is_admin === 1,
		createdAt: row.created_at,
		passwordChangedAt: row.password_changed_at
	};
}

export function createUserRepository(db: Db) {
	const count = db.prepare('SELECT COUNT(*) AS n FROM users');
	const byId = db.prepare('SELECT * FROM users WHERE id = ?');
	const byEmail = db.prepare('SELECT * FROM users WHERE email = ?');
	const all = db.prepare('SELECT * FROM users ORDER BY name');
	const insert = db.prepare(
		`INSERT INTO users (id, email, name, password_hash, is_admin, created_at, password_changed_at)
		 VALUES (@id, @email, @name, @passwordHash, @isAdmin, @createdAt, @createdAt)`
	);
	const setPassword = db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?');
	const setAdmin = db.prepare('UPDATE users SET is_admin = ? WHERE id = ?');

	return {
		count: (): number => (count.get() as { n: number }).n,
		findById: (id: string) => toUser(byId.get(id) as RawUser | undefined),
		findByEmail: (email: string) => toUser(byEmail.get(email.trim()) as RawUser | undefined),
		list: () => (all.all() as RawUser[]).map((r) => toUser(r) as UserRow),
		insert(user: { id: string; email: string; name: string; passwordHash: string; isAdmin: boolean; createdAt: number }) {
			insert.run({ ...user, email: user.email.trim(), isAdmin: user.isAdmin ? 1 : 0 });
		},
		setPassword(id: string, passwordHash: string, at: number) {
			setPassword.run(passwordHash, at, id);
		},
		setAdmin(id: string, isAdmin: boolean) {
			setAdmin.run(isAdmin ? 1 : 0, id);
		}
	};
}

export type UserRepository = ReturnType<typeof createUserRepository>;
