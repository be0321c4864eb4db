// The presence (awareness) state every client publishes. The server overwrites name and role from
// the authenticated session, so nobody can appear as someone else.
import type { Role } from './roles.ts';

export type PresenceUser = {
	userId: string;
	name: string;
	role: Role;
	color: string;
};

export type PresenceState = {
	user: PresenceUser;
	/** The section of the workspace the participant is looking at. */
	section?: string;
};

// Colours with AA contrast against white text, distinct at a glance.
export const PRESENCE_COLOURS = [
	'#1f6feb',
	'#b3261e',
	'#0a7d4f',
	'#8250df',
	'#b35900',
	'#0b7285',
	'#c2185b',
	'#5a6b00'
] as const;

/** A stable colour per user id, so a person keeps their colour across reconnects. */
export function colourFor(userId: string): string {
	let hash = 0;
	for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
	return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length];
}
