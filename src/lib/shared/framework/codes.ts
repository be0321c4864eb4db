// The stable codes that framework data, Yjs documents, the database and the frozen record all
// store. Labels live in the framework data (they are wording and may change between versions);
// codes never change once a record has been signed with them. `as const` arrays instead of enums
// so that Node's type stripping runs this file unchanged on the server.

/** Maturity levels 0..5 (Absent .. Effective). */
export const SCORES = [0, 1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

/** Ordered weakest first, so a level's index is its rank. */
export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** Ordered most urgent first. */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** 'alternate' is still scored (a compensating arrangement); only 'not_applicable' drops out. */
export const APPLICABILITY = ['applicable', 'not_applicable', 'alternate'] as const;
export type Applicability = (typeof APPLICABILITY)[number];

export const JOURNEY_STAGES = ['register', 'self_assessment', 'independent_review', 'certification'] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

export const PLAN_STATUSES = [
	'proposed',
	'agreed',
	'in_progress',
	'blocked',
	'done_awaiting_verification',
	'verified_closed',
	'cancelled',
	'risk_accepted'
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const RECORD_STATES = ['draft', 'review', 'frozen', 'signed', 'superseded'] as const;
export type RecordState = (typeof RECORD_STATES)[number];

export const SIGNATURE_MEANINGS = ['attested', 'reviewed', 'approved'] as const;
export type SignatureMeaning = (typeof SIGNATURE_MEANINGS)[number];

export const PSOE_PHASES = ['P', 'S', 'O', 'E'] as const;
export type PsoePhase = (typeof PSOE_PHASES)[number];

export const ROLLUP_PHASES = ['phase_1', 'phase_2'] as const;
export type RollupPhase = (typeof ROLLUP_PHASES)[number];

export const INTERVIEW_MODES = ['on_site', 'remote', 'hybrid'] as const;
export type InterviewMode = (typeof INTERVIEW_MODES)[number];

export const INTERVIEWEE_TIERS = ['board', 'senior', 'middle', 'frontline', 'tenant', 'agency'] as const;
export type IntervieweeTier = (typeof INTERVIEWEE_TIERS)[number];

export const EVIDENCE_STATUSES = ['requested', 'received', 'not_provided'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

export const CONFIDENTIALITY_LEVELS = ['normal', 'sensitive'] as const;
export type ConfidentialityLevel = (typeof CONFIDENTIALITY_LEVELS)[number];

/** Only this status exists so far; a version INTERPORTPOLICE endorses would add its own. */
export const FRAMEWORK_STATUSES = ['proposal'] as const;
export type FrameworkStatus = (typeof FRAMEWORK_STATUSES)[number];
