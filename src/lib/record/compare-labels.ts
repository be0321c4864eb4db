// Words for the fields and values a version comparison reports, in the framework's own labels
// where it has them (plan statuses, confidence), so a reader never sees a stored code.
import type { Framework } from '../shared/framework/schema.ts';
import type { Scalar } from '../shared/record/compare.ts';
import { isConfidence } from '../shared/framework/scoring.ts';
import { confidenceLabel } from '../shared/framework/code-labels.ts';
import { formatIsoDate } from '../shared/format.ts';
import { m } from '../paraglide/messages.js';

/** Read at each call, so each reader gets their own language. */
const FIELD_LABELS: Record<string, () => string> = {
	selfScore: () => m.record_field_self_score(),
	independentScore: () => m.record_field_independent_score(),
	target: () => m.record_field_target(),
	gap: () => m.record_field_gap(),
	priority: () => m.record_field_priority(),
	confidence: () => m.record_field_confidence(),
	title: () => m.record_field_title(),
	description: () => m.record_field_description(),
	linkedElements: () => m.record_field_linked_elements(),
	owner: () => m.record_field_owner(),
	dueDate: () => m.record_field_due_date(),
	status: () => m.record_field_status(),
	successMeasure: () => m.record_field_success_measure(),
	expectedLevelAfter: () => m.record_field_expected_level_after(),
	elementCode: () => m.record_field_element_code(),
	intervieweeRole: () => m.record_field_interviewee_role(),
	intervieweeDepartment: () => m.record_field_interviewee_department(),
	intervieweeName: () => m.record_field_interviewee_name(),
	indicativeLevel: () => m.record_field_indicative_level(),
	evidence: () => m.record_field_evidence(),
	followUps: () => m.record_field_follow_ups(),
	readBackDone: () => m.record_field_read_back_done(),
	promptAsked: () => m.record_field_prompt_asked(),
	answer: () => m.record_field_answer(),
	observations: () => m.record_field_observations(),
	rationale: () => m.record_field_rationale()
};

export function fieldLabel(field: string): string {
	return FIELD_LABELS[field]?.() ?? field;
}

/** A compared value in words: "—" for nothing, Yes/No, labels for codes, dates written out. */
export function valueLabel(field: string, value: Scalar, framework: Framework | null): string {
	if (value === null || value === '') return '—';
	if (typeof value === 'boolean') return value ? m.record_value_yes() : m.record_value_no();
	if (field === 'confidence' && isConfidence(value)) return framework?.scale.confidence.find((c) => c.code === value)?.label ?? confidenceLabel(value);
	if (field === 'status') return framework?.improvementPlan.statuses.find((s) => s.code === value)?.label ?? String(value);
	if (field === 'dueDate' && typeof value === 'string') return formatIsoDate(value);
	return String(value);
}
