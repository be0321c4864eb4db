// Words for the fields and values a version comparison reports, in the framework's own labels
// where it has them (plan statuses, confidence), so a reader never sees a stored code.
import type { Framework } from '../shared/framework/schema.ts';
import type { Scalar } from '../shared/record/compare.ts';
import { CONFIDENCE_LABELS, isConfidence } from '../shared/framework/scoring.ts';
import { formatIsoDate } from '../shared/format.ts';

export const FIELD_LABELS: Record<string, string> = {
	selfScore: 'Self-score',
	independentScore: 'Independent level',
	target: 'Target',
	gap: 'Gap',
	priority: 'Priority',
	confidence: 'Confidence',
	title: 'Title',
	description: 'Description',
	linkedElements: 'Elements',
	owner: 'Owner',
	dueDate: 'Due date',
	status: 'Status',
	successMeasure: 'Success measure',
	expectedLevelAfter: 'Expected level after',
	elementCode: 'Element',
	intervieweeRole: 'Interviewee role',
	intervieweeDepartment: 'Interviewee department',
	intervieweeName: 'Interviewee name',
	indicativeLevel: 'Indicative level',
	evidence: 'Evidence',
	followUps: 'Follow-ups',
	readBackDone: 'Read back',
	promptAsked: 'Question asked',
	answer: 'Answer',
	observations: 'Observations',
	rationale: 'Rationale'
};

export function fieldLabel(field: string): string {
	return FIELD_LABELS[field] ?? field;
}

/** A compared value in words: "—" for nothing, Yes/No, labels for codes, dates written out. */
export function valueLabel(field: string, value: Scalar, framework: Framework | null): string {
	if (value === null || value === '') return '—';
	if (typeof value === 'boolean') return value ? 'Yes' : 'No';
	if (field === 'confidence' && isConfidence(value)) return CONFIDENCE_LABELS[value];
	if (field === 'status') return framework?.improvementPlan.statuses.find((s) => s.code === value)?.label ?? String(value);
	if (field === 'dueDate' && typeof value === 'string') return formatIsoDate(value);
	return String(value);
}
