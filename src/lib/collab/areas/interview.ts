// The interview as the workspace uses it: the entries in agreed order and every change to them,
// bound to this review's workspace document, its framework and the person at the keyboard.
import type { EvidenceStatus } from '#lib/shared/framework/codes.ts';
import {
	addEntry,
	addEvidence,
	addFollowUp,
	deleteEntry,
	moveEntry,
	readInterview,
	removeListItem,
	setEntryFlag,
	setEntryText,
	setEvidenceStatus,
	setFollowUpDone,
	setIndicativeLevel,
	type EntryField
} from '#lib/shared/documents/interview.ts';
import type { AreaContext } from './area-context.ts';

export function interviewArea({ workspace, view, self, isElement }: AreaContext) {
	const entries = view(() => readInterview(workspace), [workspace]);
	return {
		/** Every entry, in agreed order. */
		get entries() {
			return entries.current;
		},
		add: (input: { elementCode: string; promptId: string | null; promptAsked: string; intervieweeRole?: string; intervieweeDepartment?: string }) =>
			addEntry(workspace, { ...input, author: { id: self.userId, name: self.name } }, isElement),
		setText: (id: string, field: EntryField, value: string) => setEntryText(workspace, id, field, value),
		setFlag: (id: string, field: 'nameInExports' | 'readBackDone', value: boolean) => setEntryFlag(workspace, id, field, value),
		setIndicativeLevel: (id: string, level: number | null) => setIndicativeLevel(workspace, id, level),
		addEvidence: (id: string, input: { title: string; versionOrDate: string; status: EvidenceStatus }) => addEvidence(workspace, id, input),
		setEvidenceStatus: (id: string, evidenceId: string, status: EvidenceStatus) => setEvidenceStatus(workspace, id, evidenceId, status),
		removeEvidence: (id: string, evidenceId: string) => removeListItem(workspace, id, 'evidence', evidenceId),
		addFollowUp: (id: string, text: string) => addFollowUp(workspace, id, text),
		setFollowUpDone: (id: string, followUpId: string, done: boolean) => setFollowUpDone(workspace, id, followUpId, done),
		removeFollowUp: (id: string, followUpId: string) => removeListItem(workspace, id, 'followUps', followUpId),
		/** Moves an entry to just before `beforeId`, or to the end. */
		move: (id: string, beforeId: string | null) => moveEntry(workspace, id, beforeId),
		remove: (id: string) => deleteEntry(workspace, id)
	};
}
