// argon2id with the OWASP minimum (19 MiB, t=2, p=1); length rules, no composition rules
// (NIST SP 800-63B). The algorithm default of @node-rs/argon2 is argon2id.
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../src/lib/shared/forms.ts';

const ARGON2ID = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	if (password.length === 0 || password.length > PASSWORD_MAX_LENGTH) return false;
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/**
 * A hash of a random password, verified against when the account does not exist, so a
 * sign-in attempt takes the same time whether or not the email is known.
 */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
	dummyHash ??= hashPassword(crypto.randomUUID() + crypto.randomUUID());
	return dummyHash;
}

export { PASSWORD_MIN_LENGTH };
