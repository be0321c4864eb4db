// The browser side of one review: the two Yjs documents, one shared WebSocket to /collab, an
// offline cache in IndexedDB, and the state the UI shows (connection, unsynced changes, who is
// online). One instance per open review page.
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { DeviceCache } from './device-cache.svelte.ts';
import { reviewerDocumentName, workspaceDocumentName } from '#lib/shared/document-names.ts';
import { describeClose, translateCloseReason } from '#lib/shared/close-events.ts';
import { CLIENT_SILENCE_TIMEOUT_MS, RECONNECT_BACKOFF } from '#lib/shared/collab-timing.ts';
import type { PresenceState, PresenceUser } from '#lib/shared/presence.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'offline';

export type OnlineParticipant = PresenceUser & { clientId: number; section: string | null; isSelf: boolean };

export class ReviewSession {
	readonly workspace = new Y.Doc();
	readonly reviewer = new Y.Doc();
	readonly socket: HocuspocusProviderWebsocket;
	readonly workspaceProvider: HocuspocusProvider;
	readonly reviewerProvider: HocuspocusProvider;

	status = $state<ConnectionStatus>('connecting');
	synced = $state(false);
	unsyncedChanges = $state(0);
	/** Why the server closed or refused us, in words for the user; null while all is well. */
	notice = $state<string | null>(null);
	accessDenied = $state(false);
	online = $state<OnlineParticipant[]>([]);

	/** The offline copy in IndexedDB; null where the browser has none. */
	deviceCache: DeviceCache | null = null;
	#onOffline = () => {
		// A dropped wifi can leave the socket looking open until TCP gives up; trust the browser
		// and go offline now, so people see at once that their edits are kept locally.
		this.socket.disconnect();
		this.status = 'offline';
	};
	#onOnline = () => void this.socket.connect();

	constructor(reviewId: string, self: PresenceUser, collabUrl: string) {
		this.socket = new HocuspocusProviderWebsocket({
			url: collabUrl,
			// Exponential backoff with jitter, so a restarted server is not hit by every
			// browser in the room at the same instant.
			...RECONNECT_BACKOFF,
			// The server pings every few seconds; silence this long means it is gone (or paused).
			messageReconnectTimeout: CLIENT_SILENCE_TIMEOUT_MS,
			onStatus: ({ status }) => {
				this.status = status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline';
				if (status === 'connected') this.notice = this.accessDenied ? this.notice : null;
			},
			onClose: ({ event }) => {
				const reason = describeClose(event.code);
				if (reason) this.notice = reason;
			}
		});
		const common = {
			websocketProvider: this.socket,
			token: 'cookie', // the session cookie authenticates; the provider needs a non-null token to send auth
			onAuthenticationFailed: ({ reason }: { reason: string }) => {
				this.accessDenied = true;
				// The server refuses in English (CloseEvents); the page says it in the reader's words.
				this.notice = translateCloseReason(reason);
			},
			onAuthenticated: () => {
				this.accessDenied = false;
				this.#refreshUnsynced();
			}
		};
		this.workspaceProvider = new HocuspocusProvider({
			...common,
			name: workspaceDocumentName(reviewId),
			document: this.workspace,
			onSynced: ({ state }) => (this.synced = state),
			onUnsyncedChanges: () => this.#refreshUnsynced(),
			onAwarenessChange: () => this.#refreshOnline()
		});
		this.reviewerProvider = new HocuspocusProvider({
			...common,
			name: reviewerDocumentName(reviewId),
			document: this.reviewer,
			onUnsyncedChanges: () => this.#refreshUnsynced()
		});
		// Providers that share a websocketProvider must be attached explicitly.
		this.workspaceProvider.attach();
		this.reviewerProvider.attach();
		this.workspaceProvider.setAwarenessField('user', self);
		if (typeof indexedDB !== 'undefined') {
			this.deviceCache = new DeviceCache([
				{ name: `psems:${workspaceDocumentName(reviewId)}`, doc: this.workspace },
				{ name: `psems:${reviewerDocumentName(reviewId)}`, doc: this.reviewer }
			]);
		}
		this.#refreshOnline();
		if (typeof window !== 'undefined') {
			window.addEventListener('offline', this.#onOffline);
			window.addEventListener('online', this.#onOnline);
		}
	}

	/** The section this participant is looking at, shown to everyone in the presence bar. */
	setSection(section: string) {
		this.workspaceProvider.setAwarenessField('section', section);
	}

	get selfUser(): PresenceUser | undefined {
		return (this.workspaceProvider.awareness?.getLocalState() as PresenceState | null)?.user;
	}

	#refreshUnsynced() {
		// Deferred: a local edit can happen inside Svelte's DOM update (a focused editor removed from
		// the page fires blur, and ProseMirror writes on blur), where changing state throws.
		// A read-only connection (the reviewer document for all but facilitators) cannot change
		// anything: what it sends is the offline cache replaying content, which the server answers
		// with "not applied", so its count would never drop and the page would say "Saving…" forever.
		queueMicrotask(() => {
			const reviewer = this.reviewerProvider.authorizedScope === 'readonly' ? 0 : this.reviewerProvider.unsyncedChanges;
			this.unsyncedChanges = this.workspaceProvider.unsyncedChanges + reviewer;
		});
	}

	#refreshOnline() {
		const awareness = this.workspaceProvider.awareness;
		if (!awareness) return;
		const seen = new Set<string>();
		const list: OnlineParticipant[] = [];
		for (const [clientId, state] of awareness.getStates()) {
			const presence = state as Partial<PresenceState>;
			if (!presence.user) continue;
			// One chip per person even with several tabs open.
			if (seen.has(presence.user.userId)) continue;
			seen.add(presence.user.userId);
			list.push({
				...presence.user,
				clientId,
				section: presence.section ?? null,
				isSelf: clientId === awareness.clientID
			});
		}
		this.online = list.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
	}

	destroy() {
		if (typeof window !== 'undefined') {
			window.removeEventListener('offline', this.#onOffline);
			window.removeEventListener('online', this.#onOnline);
		}
		this.workspaceProvider.destroy();
		this.reviewerProvider.destroy();
		this.socket.destroy();
		this.deviceCache?.destroy();
		this.workspace.destroy();
		this.reviewer.destroy();
	}
}
