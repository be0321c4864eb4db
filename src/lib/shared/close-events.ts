// WebSocket close codes shared by the collaboration server and the browser, so the UI can
// explain why a connection ended (the pattern of Outline's shared/collaboration/CloseEvents.ts).
// 4000-4999 is the application range of RFC 6455. `reason` is the English wire text (the close
// frame, the logs); what a person reads comes from describeClose, in their language.
import { m } from '../paraglide/messages.js';
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
	ServerShutdown: { code: 4503, reason: 'The server is restarting. Reconnecting.' },
	NotStored: { code: 4507, reason: 'The server could not store your last change. Reconnecting; your change is kept and will be sent again.' }
} as const;

export type CloseEventName = keyof typeof CloseEvents;

/** Why the connection ended, in the reader's language; null for a code the app does not send. */
export function describeClose(code: number | undefined): string | null {
	switch (code) {
		case CloseEvents.Unauthorized.code: return m.room_close_unauthorized();
		case CloseEvents.Forbidden.code: return m.room_close_forbidden();
		case CloseEvents.RoleChanged.code: return m.room_close_role_changed();
		case CloseEvents.Removed.code: return m.room_close_removed();
		case CloseEvents.Deactivated.code: return m.room_close_deactivated();
		case CloseEvents.SignedOutEverywhere.code: return m.room_close_signed_out_everywhere();
		case CloseEvents.ReviewFull.code: return m.room_close_review_full();
		case CloseEvents.MessageTooLarge.code: return m.room_close_message_too_large();
		case CloseEvents.SlowConnection.code: return m.room_close_slow_connection();
		case CloseEvents.UpdateRejected.code: return m.room_close_update_rejected();
		case CloseEvents.ServerShutdown.code: return m.room_close_server_shutdown();
		case CloseEvents.NotStored.code: return m.room_close_not_stored();
		default: return null;
	}
}

/** The reader's words for a reason the server sent in English (an authentication refusal), else the reason itself. */
export function translateCloseReason(reason: string): string {
	const event = Object.values(CloseEvents).find((e) => e.reason === reason);
	return event ? (describeClose(event.code) ?? reason) : reason;
}
