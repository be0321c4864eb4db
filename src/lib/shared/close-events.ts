// WebSocket close codes shared by the collaboration server and the browser, so the UI can
// explain why a connection ended (the pattern of Outline's shared/collaboration/CloseEvents.ts).
// 4000-4999 is the application range of RFC 6455.
export const CloseEvents = {
	Unauthorized: { code: 4401, reason: 'Your session has ended. Sign in again to rejoin the review.' },
	Forbidden: { code: 4403, reason: 'You are not a participant of this review.' },
	RoleChanged: { code: 4409, reason: 'Your role in this review changed. Reconnecting with your new rights.' },
	Removed: { code: 4410, reason: 'You were removed from this review by the facilitator.' },
	Deactivated: { code: 4411, reason: 'Your account was deactivated by an administrator.' },
	SignedOutEverywhere: { code: 4412, reason: 'Your password was reset, which signed you out everywhere. Sign in again.' },
	ReviewFull: { code: 4429, reason: 'This review has reached its connection limit. Try again shortly.' },
	MessageTooLarge: { code: 4413, reason: 'A change was too large to accept.' },
	SlowConnection: { code: 4420, reason: 'Your connection fell too far behind the review. Reconnecting.' },
	UpdateRejected: { code: 4422, reason: 'A change could not be applied to the review and was discarded. Reconnecting.' },
	ServerShutdown: { code: 4503, reason: 'The server is restarting. Reconnecting.' }
} as const;

export type CloseEventName = keyof typeof CloseEvents;

export function describeClose(code: number | undefined): string | null {
	for (const event of Object.values(CloseEvents)) {
		if (event.code === code) return event.reason;
	}
	return null;
}
