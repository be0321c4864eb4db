// Participant changes are announced here; the collaboration server listens and closes the
// affected user's open connections, so new rights apply at once (not at the next reconnect).
export type MembershipChange =
	| { type: 'role_changed'; reviewId: string; userId: string }
	| { type: 'removed'; reviewId: string; userId: string }
	/** Every socket of the person, on every review: deactivated, or signed out everywhere by a reset. */
	| { type: 'account_closed'; userId: string; reason: 'deactivated' | 'password_reset' };

export type MembershipListener = (change: MembershipChange) => void;

export function createMembershipEvents() {
	const listeners = new Set<MembershipListener>();
	return {
		subscribe(listener: MembershipListener): () => void {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		publish(change: MembershipChange) {
			for (const listener of listeners) listener(change);
		}
	};
}

export type MembershipEvents = ReturnType<typeof createMembershipEvents>;
