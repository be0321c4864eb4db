// For unit tests of the areas and what uses them: an area context over plain documents, with
// views that read afresh on every access (no Svelte, no server).
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK, getElement } from '#lib/shared/framework/index.ts';
import type { LiveView } from '../live-view.svelte.ts';
import type { ReviewPermissions, ReviewSelf } from '../review-model.svelte.ts';
import type { AreaContext } from './area-context.ts';

export const FACILITATOR: ReviewSelf = { userId: 'fac-1', name: 'Fran', role: 'facilitator', color: '#1f6feb', department: null };

export function testArea(options: { workspace?: Y.Doc; reviewer?: Y.Doc; self?: ReviewSelf; can?: Partial<ReviewPermissions> } = {}): AreaContext {
	const editWorkspace = options.can?.editWorkspace ?? true;
	return {
		reviewId: 'review-1',
		workspace: options.workspace ?? new Y.Doc(),
		reviewer: options.reviewer ?? new Y.Doc(),
		framework: DEFAULT_FRAMEWORK,
		self: options.self ?? FACILITATOR,
		can: { editWorkspace, editReviewer: editWorkspace, manageParticipants: false, propose: false, uploadEvidence: editWorkspace, viewConfidential: editWorkspace, ...options.can },
		isElement: (code) => getElement(DEFAULT_FRAMEWORK, code) !== null,
		view: <T>(read: () => T) => ({ get current() { return read(); } }) as unknown as LiveView<T>
	};
}
