// The shape of the workspace document `review:<id>` (DESIGN.md §3), defined once for the browser
// and the server. Schema version lives in the `meta` map so later readers can migrate.
import type * as Y from 'yjs';

export const WORKSPACE_SCHEMA_VERSION = 1;

export const WorkspaceKeys = {
	meta: 'meta',
	/** Rich text: the facilitator's and participants' shared notes on the review overview. */
	overviewNotes: 'overviewNotes',
	/** The concerns board: a map of sticky notes by id (board.ts). */
	board: 'board'
} as const;

export function overviewNotes(doc: Y.Doc): Y.XmlFragment {
	return doc.getXmlFragment(WorkspaceKeys.overviewNotes);
}
