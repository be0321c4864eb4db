// The per-review roles of DESIGN.md §1. `as const` objects instead of enums so that Node's
// type stripping can run this file unchanged on the server.
export const ROLES = [
	'facilitator',
	'security_manager',
	'department_head',
	'accountable_manager',
	'observer'
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
	facilitator: 'Facilitator (independent reviewer)',
	security_manager: 'Security manager',
	department_head: 'Department head',
	accountable_manager: 'Accountable manager',
	observer: 'Observer'
};

export const ROLE_SHORT_LABELS: Record<Role, string> = {
	facilitator: 'Facilitator',
	security_manager: 'Security manager',
	department_head: 'Department head',
	accountable_manager: 'Accountable manager',
	observer: 'Observer'
};

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
