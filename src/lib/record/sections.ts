// The record's sections in reading order: the document numbers its headings from this list and
// the page's contents list links to the same ids.
export const RECORD_SECTIONS = [
	{ id: 'integrity', title: 'Integrity and signatures' },
	{ id: 'participants', title: 'Participants' },
	{ id: 'summary', title: 'Summary' },
	{ id: 'grid', title: 'GAP grid' },
	{ id: 'rationales', title: 'Rationales' },
	{ id: 'plan', title: 'Improvement plan' },
	{ id: 'interview', title: 'Interview record' },
	/** Only in records that have board notes; last, so the other numbers never shift. */
	{ id: 'board', title: 'Concerns board' }
] as const;

export type RecordSectionId = (typeof RECORD_SECTIONS)[number]['id'];

export function sectionTitle(id: RecordSectionId): string {
	const i = RECORD_SECTIONS.findIndex((s) => s.id === id);
	return `${i + 1}. ${RECORD_SECTIONS[i].title}`;
}
