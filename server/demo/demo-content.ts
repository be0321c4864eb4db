// The sample workshop a newcomer can open in a minute: a mid-sized port part-way through its
// independent review. Written to read like a real workshop, not lorem ipsum.
import type { Role } from '../../src/lib/shared/roles.ts';

export const DEMO_PORT = { portName: 'Port of Eastmouth Authority', portCountry: 'United Kingdom' };

export const DEMO_PEOPLE: ReadonlyArray<{ key: string; name: string; role: Role; department: string | null }> = [
	{ key: 'dana', name: 'Dana Okafor', role: 'security_manager', department: 'Port Security' },
	{ key: 'tom', name: 'Tom Reyes', role: 'department_head', department: 'Marine Operations' },
	{ key: 'priya', name: 'Priya Shah', role: 'department_head', department: 'IT and OT' },
	{ key: 'margaret', name: 'Margaret Lowe', role: 'accountable_manager', department: 'Board' }
];

export type DemoInterview = {
	elementCode: string;
	promptId: string;
	role: string;
	department: string;
	answer: string[];
	observations: string[];
	evidence: Array<{ title: string; versionOrDate: string; status: 'requested' | 'received' | 'not_provided' }>;
	followUps: string[];
	level: number;
};

export const DEMO_INTERVIEWS: DemoInterview[] = [
	{
		elementCode: 'A1', promptId: 'A1.1', role: 'Chief Executive', department: 'Board',
		answer: ['The chief executive is named as accountable manager in the 2024 security policy.', 'Security is a standing item at every second board meeting.'],
		observations: ['Board minutes for the last year show security discussed three times; no decisions recorded on resourcing.'],
		evidence: [{ title: 'Security policy', versionOrDate: 'v2, March 2024', status: 'received' }, { title: 'Board minutes (security items)', versionOrDate: '2025', status: 'received' }],
		followUps: ['Ask for the last resourcing decision taken on the security manager’s advice.'], level: 3
	},
	{
		elementCode: 'A2', promptId: 'A2.1', role: 'Security manager', department: 'Port Security',
		answer: ['I report to the operations director; I can ask for time with the chief executive but it is not routine.'],
		observations: ['No written terms of reference giving direct access to the accountable manager.'],
		evidence: [{ title: 'Security manager job description', versionOrDate: '2022', status: 'received' }],
		followUps: ['Draft terms of reference for direct access.'], level: 2
	},
	{
		elementCode: 'B1', promptId: 'B1.2', role: 'Security manager', department: 'Port Security',
		answer: ['The port facility security assessments are current; there is no port-wide assessment that brings them together.', 'Cyber risks are assessed separately by IT.'],
		observations: ['Insider threat is not considered in any assessment we saw.'],
		evidence: [{ title: 'Port facility security assessments', versionOrDate: '2025', status: 'received' }, { title: 'Port-wide risk register', versionOrDate: '', status: 'not_provided' }],
		followUps: ['Agree who owns a port-wide assessment.'], level: 2
	},
	{
		elementCode: 'C1', promptId: 'C1.1', role: 'Harbour master', department: 'Marine Operations',
		answer: ['Contractors are booked in by the hiring department and collect a day pass at the gate.', 'Gate staff check photo ID against the booking list.'],
		observations: ['At the north gate we saw a van admitted on a phone call without a booking.'],
		evidence: [{ title: 'Gate log, north gate', versionOrDate: 'week 46', status: 'received' }, { title: 'Contractor access procedure', versionOrDate: 'v4', status: 'received' }],
		followUps: ['Walk the procedure with the north gate supervisor.'], level: 3
	},
	{
		elementCode: 'C3', promptId: 'C3.2', role: 'Head of IT and OT', department: 'IT and OT',
		answer: ['We keep an asset list for IT; the crane and gate control systems are run by the vendor.', 'Patching of operational systems happens during the annual shutdown.'],
		observations: ['No joint view of IT and OT cyber risk; the vendor contract has no security clauses.'],
		evidence: [{ title: 'IT asset inventory', versionOrDate: '2025-09', status: 'received' }, { title: 'OT vendor contract', versionOrDate: '', status: 'requested' }],
		followUps: ['Request the OT vendor contract and the last penetration test.'], level: 2
	},
	{
		elementCode: 'C5', promptId: 'C5.2', role: 'Emergency planning officer', department: 'Marine Operations',
		answer: ['We ran a multi-agency exercise with police and fire in May; drills happen quarterly at each facility.'],
		observations: ['The exercise report lists five actions; two are still open after six months.'],
		evidence: [{ title: 'Exercise Harbour Light report', versionOrDate: 'May 2025', status: 'received' }],
		followUps: [], level: 3
	},
	{
		elementCode: 'E2', promptId: 'E2.1', role: 'Berth supervisor', department: 'Marine Operations',
		answer: ['People do report things, but they do not hear back, so some have stopped bothering.'],
		observations: ['Two of five frontline staff we spoke to did not know how to report a concern anonymously.'],
		evidence: [{ title: 'Staff survey', versionOrDate: '2024', status: 'requested' }],
		followUps: ['Check whether the reporting line is on the staff intranet.'], level: 2
	}
];

/** Port self-scores (from its self-help GAP analysis) for all 16 elements. */
export const DEMO_SELF_SCORES: Record<string, number> = {
	A1: 4, A2: 3, A3: 3, A4: 4, B1: 3, B2: 3, C1: 4, C2: 3, C3: 3, C4: 2, C5: 4, D1: 2, D2: 3, D3: 2, E1: 3, E2: 3
};

export const DEMO_INDEPENDENT: Record<string, { score: number; confidence: 'low' | 'medium' | 'high'; rationale: string }> = {
	A1: { score: 3, confidence: 'high', rationale: 'Named accountable manager and policy signed; board oversight is irregular and resourcing decisions are not recorded.' },
	A2: { score: 2, confidence: 'high', rationale: 'Role defined but no direct access to the accountable manager in practice.' },
	B1: { score: 2, confidence: 'medium', rationale: 'Facility assessments are current; no port-wide, all-hazards assessment; insider threat absent.' },
	C1: { score: 3, confidence: 'medium', rationale: 'Procedures are sound; observed one admission without a booking at the north gate.' },
	C3: { score: 2, confidence: 'medium', rationale: 'IT assets known; OT systems and vendor access are outside any cyber risk assessment.' },
	C5: { score: 3, confidence: 'high', rationale: 'Drills and a multi-agency exercise took place; lessons are not closed out.' },
	E2: { score: 2, confidence: 'low', rationale: 'Staff report concerns but receive no feedback; anonymous route not widely known.' }
};

export const DEMO_ACTIONS = [
	{ title: 'Give the security manager direct access to the accountable manager', linked: ['A2', 'A1'], owner: 'Chief Executive', due: '2026-03-31', priority: 'P1', status: 'agreed', measure: 'Terms of reference signed; monthly one-to-one held', level: 4 },
	{ title: 'Build one port-wide risk assessment covering insider and cyber threats', linked: ['B1', 'C3'], owner: 'Dana Okafor', due: '2026-06-30', priority: 'P1', status: 'proposed', measure: 'Assessment approved by the security committee', level: 4 },
	{ title: 'Close out the Harbour Light exercise actions', linked: ['C5'], owner: 'Tom Reyes', due: '2026-02-28', priority: 'P2', status: 'in_progress', measure: 'All five actions verified closed', level: 4 },
	{ title: 'Add security clauses to the OT vendor contract', linked: ['C3', 'C4'], owner: 'Priya Shah', due: '2026-09-30', priority: 'P2', status: 'proposed', measure: 'Clauses agreed at contract renewal', level: 3 },
	{ title: 'Tell reporters what happened to their report', linked: ['E2', 'D2'], owner: 'Dana Okafor', due: '2026-04-30', priority: 'P3', status: 'agreed', measure: 'Feedback sent for 90% of reports within 10 days', level: 3 }
] as const;
