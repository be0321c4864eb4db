// Example rows for the chart tests: every case a chart must draw differently (independent and
// provisional levels, a self-score beside an independent one, not scored, not applicable, zero).
import type { GapRow, LevelInfo, PillarInfo } from './types.ts';

export const PILLARS: PillarInfo[] = [
	{ code: 'A', order: 1, title: 'Leadership and accountability' },
	{ code: 'B', order: 2, title: 'Threat and risk management' },
	{ code: 'C', order: 3, title: 'Security operations and delivery' }
];

export const LEVEL_LABELS: LevelInfo[] = ['Absent', 'Ad hoc', 'Present', 'Suitable', 'Operating', 'Effective'].map((label, value) => ({ value, label }));

const base = { critical: false, applicable: true, self: null, current: null, currentSource: null, target: 4, gap: null, priority: null } as const;

export const ROWS: GapRow[] = [
	{ ...base, code: 'A1', pillar: 'A', title: 'Accountable manager and senior leadership commitment', critical: true, current: 2, currentSource: 'independent', self: 4, target: 5, gap: 3, priority: 'P1' },
	{ ...base, code: 'A2', pillar: 'A', title: 'Security manager: authority, resources and direct access', critical: true, current: 3, currentSource: 'self', self: 3, target: 5, gap: 2, priority: 'P2' },
	{ ...base, code: 'B1', pillar: 'B', title: 'Threat, vulnerability and risk assessment', current: 4, currentSource: 'independent', target: 4, gap: 0 },
	{ ...base, code: 'B2', pillar: 'B', title: 'Risk treatment, ownership and acceptance' },
	{ ...base, code: 'C1', pillar: 'C', title: 'Physical and operational security measures', current: 0, currentSource: 'independent', self: 1, gap: 4, priority: 'P1' },
	{ ...base, code: 'C4', pillar: 'C', title: 'Tenants, contractors and port-community partners', applicable: false }
];
