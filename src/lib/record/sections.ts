// The record's sections in reading order: the document numbers its headings from this list and
// the page's contents list links to the same ids. Titles are read at each call, in the reader's language.
import { m } from '../paraglide/messages.js';

export const RECORD_SECTIONS = [
	{ id: 'integrity', title: () => m.record_section_integrity() },
	{ id: 'participants', title: () => m.record_section_participants() },
	{ id: 'summary', title: () => m.record_section_summary() },
	{ id: 'grid', title: () => m.record_section_grid() },
	{ id: 'rationales', title: () => m.record_section_rationales() },
	{ id: 'plan', title: () => m.record_section_plan() },
	{ id: 'interview', title: () => m.record_section_interview() },
	/** Only in records that have board notes; last, so the other numbers never shift. */
	{ id: 'board', title: () => m.record_section_board() }
] as const;

export type RecordSectionId = (typeof RECORD_SECTIONS)[number]['id'];

export function sectionTitle(id: RecordSectionId): string {
	const i = RECORD_SECTIONS.findIndex((s) => s.id === id);
	return m.record_section_numbered({ number: i + 1, title: RECORD_SECTIONS[i].title() });
}
