// The sections of the review page, in tab order.
export const SECTIONS = [
	{ id: 'overview', label: 'Overview' },
	{ id: 'interview', label: 'Interview' },
	{ id: 'grid', label: 'GAP grid' },
	{ id: 'plan', label: 'Improvement plan' },
	{ id: 'board', label: 'Concerns board' }
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export const SECTION_LABELS: Record<string, string> = Object.fromEntries(SECTIONS.map((s) => [s.id, s.label]));

export function isSectionId(value: string): value is SectionId {
	return SECTIONS.some((s) => s.id === value);
}
