// The GAP grid as the workspace uses it: one row per element (both documents) and the writes of
// each side: the port's self-assessment and proposals (workspace), the independent score and the
// difference rationale (reviewer document: the server lets only facilitators write it).
import type { Applicability } from '#lib/shared/framework/codes.ts';
import { readElementRows } from '#lib/shared/documents/element-rows.ts';
import { proposeScore, readSelfScoreImport, setApplicability, setGridComments, setSelfScore, withdrawProposal } from '#lib/shared/documents/grid.ts';
import { setDifferenceRationale, setIndependentScore, type IndependentScoreInput } from '#lib/shared/documents/reviewer.ts';
import { ROLE_SHORT_LABELS } from '#lib/shared/roles.ts';
import type { AreaContext } from './area-context.ts';

export function gridArea({ workspace, reviewer, framework, self, view }: AreaContext) {
	const rows = view(() => readElementRows(framework, workspace, reviewer), [workspace, reviewer]);
	const imported = view(() => readSelfScoreImport(workspace), [workspace]);
	return {
		/** One row per framework element: self-score, independent score, target, gap, priority, proposals. */
		get rows() {
			return rows.current;
		},
		/** Where the self-scores came from, when a facilitator imported them. */
		get selfScoreImport() {
			return imported.current;
		},
		setSelfScore: (code: string, score: number | null) => setSelfScore(workspace, code, score),
		setApplicability: (code: string, applicability: Applicability, justification: string) => setApplicability(workspace, code, applicability, justification),
		setComments: (code: string, comments: string) => setGridComments(workspace, code, comments),
		/** This person's proposal for their department (their role's name when they have none). */
		propose: (code: string, score: number, comment: string) =>
			proposeScore(workspace, { elementCode: code, user: { id: self.userId, name: self.name, department: self.department ?? ROLE_SHORT_LABELS[self.role] }, score, comment }),
		withdrawProposal: (code: string) => withdrawProposal(workspace, code, self.userId),
		setIndependentScore: (code: string, input: IndependentScoreInput) => setIndependentScore(reviewer, code, input),
		setDifferenceRationale: (code: string, text: string) => setDifferenceRationale(reviewer, code, text)
	};
}
