// The per-review roles of DESIGN.md §1. `as const` objects instead of enums so that Node's
// type stripping can run this file unchanged on the server.
import { getLocale } from '../paraglide/runtime.js';
import { m } from '../paraglide/messages.js';
import type { RecordLanguage as InterfaceLocale } from './framework/languages.ts';
export const ROLES = [
	'facilitator',
	'security_manager',
	'department_head',
	'accountable_manager',
	'observer'
] as const;

export type Role = (typeof ROLES)[number];

/**
 * A role's name in a language (the reader's by default; the record's for exports and mail).
 * The objects below read it at each access, so `ROLE_LABELS[role]` speaks the request's language.
 */
export function roleLabel(role: Role, locale: InterfaceLocale = getLocale()): string {
	const options = { locale };
	switch (role) {
		case 'facilitator': return m.common_role_facilitator({}, options);
		case 'security_manager': return m.common_role_security_manager({}, options);
		case 'department_head': return m.common_role_department_head({}, options);
		case 'accountable_manager': return m.common_role_accountable_manager({}, options);
		case 'observer': return m.common_role_observer({}, options);
	}
}

/** "Facilitator" without the bracketed explanation, where space is short. */
export function roleShortLabel(role: Role, locale: InterfaceLocale = getLocale()): string {
	return role === 'facilitator' ? m.common_role_short_facilitator({}, { locale }) : roleLabel(role, locale);
}

function labelTable(label: (role: Role) => string): Readonly<Record<Role, string>> {
	return Object.freeze(Object.defineProperties({} as Record<Role, string>, Object.fromEntries(ROLES.map((role) => [role, { enumerable: true, get: () => label(role) }]))));
}

export const ROLE_LABELS = labelTable((role) => roleLabel(role));
export const ROLE_SHORT_LABELS = labelTable((role) => roleShortLabel(role));

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
