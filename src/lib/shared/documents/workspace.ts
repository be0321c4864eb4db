// The workspace document `review:<id>` (DESIGN.md §3), declared once for the browser and the
// server: every root key, what it holds, and the migrations from older versions.
import * as Y from 'yjs';
import { BoardNotes } from './board.ts';
import { GridCells, GridMeta, ScoreProposals } from './grid.ts';
import { InterviewEntries } from './interview.ts';
import { PlanActions } from './plan.ts';
import type { DocumentSchema, Migration } from './schema/version.ts';

/** Rich text: the facilitator's and participants' shared notes on the review overview. */
export const OVERVIEW_NOTES_KEY = 'overviewNotes';

export function overviewNotes(doc: Y.Doc): Y.XmlFragment {
	return doc.getXmlFragment(OVERVIEW_NOTES_KEY);
}

/** Every root key of the workspace document and the declaration that owns it. */
export const WorkspaceDocument = {
	overviewNotes: OVERVIEW_NOTES_KEY,
	interview: InterviewEntries,
	grid: GridCells,
	proposals: ScoreProposals,
	gridMeta: GridMeta,
	plan: PlanActions,
	board: BoardNotes
} as const;

/** Version 1's interview order: an array of entry ids beside the entries (now an `order` per entry). */
const V1_INTERVIEW_ORDER_KEY = 'interviewOrder';

/** Gives each entry without an order number its place, in the given sequence of ids. */
function numberInSequence(entries: Y.Map<unknown>, ids: readonly string[]): void {
	ids.forEach((id, index) => {
		const entry = entries.get(id);
		if (entry instanceof Y.Map && typeof entry.get('order') !== 'number') entry.set('order', index);
	});
}

/** Ids sorted by a number field, then by id: how version 1 ordered the plan and the proposals. */
function byField(entries: Y.Map<unknown>, field: string): string[] {
	const at = (id: string) => {
		const value = (entries.get(id) as Y.Map<unknown> | undefined)?.get(field);
		return typeof value === 'number' ? value : 0;
	};
	return [...entries.keys()].sort((a, b) => at(a) - at(b) || a.localeCompare(b));
}

const ONE_ORDERING: Migration = {
	to: 2,
	about: 'interview, plan and proposals ordered by an order number per entry, like the board',
	run(doc) {
		const interview = InterviewEntries.root(doc);
		const legacy = doc.getArray<unknown>(V1_INTERVIEW_ORDER_KEY);
		// Version 1 read the array's first occurrence of each id, then entries missing from it by id.
		const listed = [...new Set(legacy.toArray().filter((id): id is string => typeof id === 'string' && interview.has(id)))];
		const rest = [...interview.keys()].filter((id) => !listed.includes(id)).sort();
		numberInSequence(interview, [...listed, ...rest]);
		if (legacy.length > 0) legacy.delete(0, legacy.length);
		numberInSequence(PlanActions.root(doc), byField(PlanActions.root(doc), 'createdAt'));
		numberInSequence(ScoreProposals.root(doc), byField(ScoreProposals.root(doc), 'at'));
	}
};

export const WORKSPACE_SCHEMA: DocumentSchema = { kind: 'workspace', version: 2, migrations: [ONE_ORDERING] };
