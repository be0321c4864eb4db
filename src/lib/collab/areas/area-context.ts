// What every area of the review model is built from: the documents, a way to make a live view,
// who is at the keyboard, what they may do, and the framework's rules.
import type * as Y from 'yjs';
import type { Framework } from '#lib/shared/framework/schema.ts';
import type { LiveView } from '../live-view.svelte.ts';
import type { ReviewPermissions, ReviewSelf } from '../review-model.svelte.ts';

export type AreaContext = {
	reviewId: string;
	workspace: Y.Doc;
	reviewer: Y.Doc;
	framework: Framework;
	self: ReviewSelf;
	can: ReviewPermissions;
	isElement(code: string): boolean;
	view<T>(read: () => T, docs: readonly Y.Doc[]): LiveView<T>;
};
