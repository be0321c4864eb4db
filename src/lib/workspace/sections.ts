// The sections of the review page, in tab order. Labels are read at each access, so they speak
// the reader's language (a constant would be evaluated once, in English).
import { m } from '#lib/paraglide/messages.js';

export const SECTIONS = [
	{ id: 'overview', get label() { return m.room_section_overview(); } },
	{ id: 'interview', get label() { return m.room_section_interview(); } },
	{ id: 'grid', get label() { return m.room_section_grid(); } },
	{ id: 'plan', get label() { return m.room_section_plan(); } },
	{ id: 'board', get label() { return m.room_section_board(); } }
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

/** A section's name in the reader's language; an unknown id as it is. */
export function sectionLabel(id: string): string {
	return SECTIONS.find((s) => s.id === id)?.label ?? id;
}

/** Section names by id, read at each access (`SECTION_LABELS.plan`). */
export const SECTION_LABELS: Record<string, string> = Object.defineProperties(
	{},
	Object.fromEntries(SECTIONS.map((s) => [s.id, { enumerable: true, get: () => sectionLabel(s.id) }]))
);

export function isSectionId(value: string): value is SectionId {
	return SECTIONS.some((s) => s.id === value);
}
