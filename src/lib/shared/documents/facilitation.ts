// Facilitation state of a live review, kept in the reviewer document under `facilitation`
// (DESIGN.md §3): the agenda phase, the room's current focus, the room timer and where the review
// stands on the PSeMS journey. Every client receives the reviewer document and only facilitators
// write it (phase, focus and journey from their own client; the timer through a server action, so
// its times are the server's clock). Each entry is one plain value replaced as a whole: a timer or
// a focus is only meaningful with all of its fields together, so last-writer-wins per entry is right.
import * as Y from 'yjs';
import { JOURNEY_STAGES, type JourneyStage } from '../framework/codes.ts';
import { fail, ok, type Result } from '../result.ts';
import type { Problems } from './read.ts';
import { ReviewerKeys } from './reviewer.ts';

export const FacilitationKeys = { phase: 'phase', focus: 'focus', timer: 'timer', journey: 'journey' } as const;

export const PHASES = ['opening', 'interview', 'scoring', 'plan', 'close'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, string> = {
	opening: 'Opening',
	interview: 'Interview',
	scoring: 'Scoring',
	plan: 'Improvement plan',
	close: 'Close'
};

/**
 * Where the facilitator wants the room to look: a workspace section, optionally one framework
 * element within it. Sections are checked by shape, not against today's list, so a section added
 * to the workspace later does not make older documents unreadable; the page ignores ids it lacks.
 * `setAt` changes on every new focus, even to the same place, so followers can tell "move again".
 */
export type Focus = { section: string; elementCode: string | null; setAt: number };
const SECTION_ID = /^[a-z][a-z0-9-]{0,31}$/;
const ELEMENT_CODE = /^[A-Za-z0-9.]{1,16}$/;

export type RoomTimer =
	| { status: 'idle'; durationMs: number | null }
	/** startedAt and endsAt are the server's clock (ms since the epoch), never a client's. */
	| { status: 'running'; durationMs: number; startedAt: number; endsAt: number }
	| { status: 'paused'; durationMs: number; remainingMs: number };

export const TIMER_MIN_MS = 1_000;
export const TIMER_MAX_MS = 3 * 60 * 60 * 1_000;

export type Journey = {
	/** Labels the facilitator changed; a stage without one shows the framework's label. */
	labels: Partial<Record<JourneyStage, string>>;
	/** null: derived from the review kind (see defaultJourneyStage). */
	current: JourneyStage | null;
};
export const JOURNEY_LABEL_MAX = 60;

export type Facilitation = { phase: Phase | null; focus: Focus | null; timer: RoomTimer; journey: Journey };

export function facilitationMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(ReviewerKeys.facilitation);
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Y.AbstractType);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isDuration = (value: unknown): value is number => isTime(value) && value >= TIMER_MIN_MS && value <= TIMER_MAX_MS;

/** Tolerant reader: whatever is malformed reads as "not set" and is reported, never thrown. */
export function readFacilitation(doc: Y.Doc, problems: Problems = []): Facilitation {
	const map = facilitationMap(doc);
	return {
		phase: readPhase(map.get(FacilitationKeys.phase), problems),
		focus: readFocus(map.get(FacilitationKeys.focus), problems),
		timer: readTimer(map.get(FacilitationKeys.timer), problems),
		journey: readJourney(map.get(FacilitationKeys.journey), problems)
	};
}

function readPhase(value: unknown, problems: Problems): Phase | null {
	if (value === undefined || value === null) return null;
	if (typeof value === 'string' && (PHASES as readonly string[]).includes(value)) return value as Phase;
	problems.push('facilitation: phase is not one of ' + PHASES.join(', '));
	return null;
}

function readFocus(value: unknown, problems: Problems): Focus | null {
	if (value === undefined || value === null) return null;
	if (
		isPlain(value) &&
		typeof value.section === 'string' &&
		SECTION_ID.test(value.section) &&
		(value.elementCode === null || (typeof value.elementCode === 'string' && ELEMENT_CODE.test(value.elementCode))) &&
		isTime(value.setAt)
	) {
		return { section: value.section, elementCode: value.elementCode, setAt: value.setAt };
	}
	problems.push('facilitation: focus is malformed');
	return null;
}

function readTimer(value: unknown, problems: Problems): RoomTimer {
	const idle: RoomTimer = { status: 'idle', durationMs: null };
	if (value === undefined || value === null) return idle;
	if (isPlain(value)) {
		const { status, durationMs } = value;
		if (status === 'idle' && (durationMs === null || isDuration(durationMs))) return { status, durationMs };
		if (status === 'running' && isDuration(durationMs) && isTime(value.startedAt) && isTime(value.endsAt) && value.endsAt >= value.startedAt) {
			return { status, durationMs, startedAt: value.startedAt, endsAt: value.endsAt };
		}
		if (status === 'paused' && isDuration(durationMs) && isTime(value.remainingMs) && value.remainingMs <= durationMs) {
			return { status, durationMs, remainingMs: value.remainingMs };
		}
	}
	problems.push('facilitation: timer is malformed');
	return idle;
}

function readJourney(value: unknown, problems: Problems): Journey {
	const journey: Journey = { labels: {}, current: null };
	if (value === undefined || value === null) return journey;
	if (!isPlain(value)) {
		problems.push('facilitation: journey is malformed');
		return journey;
	}
	if (typeof value.current === 'string' && (JOURNEY_STAGES as readonly string[]).includes(value.current)) journey.current = value.current as JourneyStage;
	else if (value.current !== null && value.current !== undefined) problems.push('facilitation: journey stage is not one of ' + JOURNEY_STAGES.join(', '));
	const labels = isPlain(value.labels) ? value.labels : {};
	for (const stage of JOURNEY_STAGES) {
		const label = labels[stage];
		if (typeof label === 'string' && label.trim() !== '' && label.length <= JOURNEY_LABEL_MAX) journey.labels[stage] = label;
		else if (label !== undefined) problems.push(`facilitation: journey label for ${stage} is not a short text`);
	}
	return journey;
}

export function setPhase(doc: Y.Doc, phase: string): Result<Phase> {
	if (!(PHASES as readonly string[]).includes(phase)) return fail('invalid_input', 'Choose one of the agenda phases.', 'phase');
	facilitationMap(doc).set(FacilitationKeys.phase, phase);
	return ok(phase as Phase);
}

export function setFocus(
	doc: Y.Doc,
	input: { section: string; elementCode: string | null },
	isSection: (id: string) => boolean,
	isElement: (code: string) => boolean,
	now: number
): Result<Focus> {
	if (!SECTION_ID.test(input.section) || !isSection(input.section)) return fail('invalid_input', 'Choose a section of the workspace.', 'section');
	if (input.elementCode !== null && (!ELEMENT_CODE.test(input.elementCode) || !isElement(input.elementCode))) {
		return fail('invalid_input', 'Choose an element of this review’s framework.', 'elementCode');
	}
	const focus: Focus = { section: input.section, elementCode: input.elementCode, setAt: now };
	facilitationMap(doc).set(FacilitationKeys.focus, focus);
	return ok(focus);
}

export type JourneyInput = { labels: Record<JourneyStage, string>; current: string };

/** All four labels are required, so the journey never shows an empty step. */
export function validateJourney(input: JourneyInput): Result<Journey> {
	const labels: Partial<Record<JourneyStage, string>> = {};
	for (const stage of JOURNEY_STAGES) {
		const label = (input.labels[stage] ?? '').trim().replace(/\s+/g, ' ');
		if (label === '') return fail('invalid_input', 'Give every step a label.', `label-${stage}`);
		if (label.length > JOURNEY_LABEL_MAX) return fail('invalid_input', `Keep each label to ${JOURNEY_LABEL_MAX} characters or fewer.`, `label-${stage}`);
		labels[stage] = label;
	}
	if (!(JOURNEY_STAGES as readonly string[]).includes(input.current)) return fail('invalid_input', 'Choose the step this review is at.', 'current');
	return ok({ labels, current: input.current as JourneyStage });
}

export function setJourney(doc: Y.Doc, input: JourneyInput): Result<Journey> {
	const valid = validateJourney(input);
	if (!valid.ok) return valid;
	facilitationMap(doc).set(FacilitationKeys.journey, valid.value);
	return valid;
}

/** A self-help GAP analysis is step 2 of the journey; an independent review is step 3. */
export function defaultJourneyStage(kind: 'self_assessment' | 'independent_review'): JourneyStage {
	return kind === 'self_assessment' ? 'self_assessment' : 'independent_review';
}

export type TimerCommand = { type: 'start'; durationMs: number } | { type: 'pause' } | { type: 'resume' } | { type: 'reset' };

/** The time left at `now` (server ms); null when no countdown is set. Never negative. */
export function timerRemainingMs(timer: RoomTimer, now: number): number | null {
	if (timer.status === 'running') return Math.max(0, timer.endsAt - now);
	if (timer.status === 'paused') return timer.remainingMs;
	return null;
}

/** The next timer after a facilitator's command, computed with the server's clock. */
export function applyTimerCommand(timer: RoomTimer, command: TimerCommand, now: number): Result<RoomTimer> {
	switch (command.type) {
		case 'start':
			if (!Number.isSafeInteger(command.durationMs) || !isDuration(command.durationMs)) {
				return fail('invalid_input', 'Choose a duration from 1 second to 3 hours.', 'duration');
			}
			return ok({ status: 'running', durationMs: command.durationMs, startedAt: now, endsAt: now + command.durationMs });
		case 'pause': {
			const remaining = timerRemainingMs(timer, now);
			if (timer.status !== 'running' || remaining === 0) return fail('conflict', 'The timer is not running.');
			return ok({ status: 'paused', durationMs: timer.durationMs, remainingMs: remaining ?? 0 });
		}
		case 'resume':
			if (timer.status !== 'paused') return fail('conflict', 'The timer is not paused.');
			return ok({ status: 'running', durationMs: timer.durationMs, startedAt: now, endsAt: now + timer.remainingMs });
		case 'reset':
			return ok({ status: 'idle', durationMs: timer.durationMs });
	}
}

export function writeTimer(doc: Y.Doc, timer: RoomTimer): void {
	facilitationMap(doc).set(FacilitationKeys.timer, timer);
}

/** Reads a command from a form post; anything unrecognised is invalid input, not a guess. */
export function parseTimerCommand(fields: { command: string; durationSeconds: string }): Result<TimerCommand> {
	switch (fields.command) {
		case 'pause':
		case 'resume':
		case 'reset':
			return ok({ type: fields.command });
		case 'start': {
			const seconds = Number(fields.durationSeconds);
			if (fields.durationSeconds.trim() === '' || !Number.isInteger(seconds)) return fail('invalid_input', 'Enter the duration in whole seconds.', 'duration');
			return ok({ type: 'start', durationMs: seconds * 1_000 });
		}
		default:
			return fail('invalid_input', 'Unknown timer command.', 'command');
	}
}

/** m:ss (h:mm:ss from an hour), rounded up: a countdown shows 0:01 until the time is really up. */
export function formatRemaining(ms: number): string {
	const total = Math.ceil(ms / 1_000);
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = String(total % 60).padStart(2, '0');
	return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
