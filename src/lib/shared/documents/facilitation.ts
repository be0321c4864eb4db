// Facilitation state of a live review, a singleton of the reviewer document (DESIGN.md §3): the agenda phase, the room's current focus, the room timer and where the review
// stands on the PSeMS journey. Every client receives the reviewer document and only facilitators
// write it (phase, focus and journey from their own client; the timer through a server action, so
// its times are the server's clock). Each entry is one plain value replaced as a whole: a timer or
// a focus is only meaningful with all of its fields together, so last-writer-wins per entry is right.
import * as Y from 'yjs';
import * as z from 'zod';
import { JOURNEY_STAGES, type JourneyStage } from '../framework/codes.ts';
import { fail, ok, type Result } from '../result.ts';
import { optionalOneOf, plain, type Problems, type ReadPlace } from './schema/fields.ts';
import { singleton } from './schema/records.ts';
import type { Values } from './schema/shape.ts';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import type { InterfaceLocale } from '../../i18n/locales.ts';

export const PHASES = ['opening', 'interview', 'scoring', 'plan', 'close'] as const;
export type Phase = (typeof PHASES)[number];
/** An agenda phase's name in a language (the reader's by default); the document keeps the code. */
export function phaseLabel(phase: Phase, locale: InterfaceLocale = getLocale()): string {
	const options = { locale };
	switch (phase) {
		case 'opening': return m.room_phase_opening({}, options);
		case 'interview': return m.room_phase_interview({}, options);
		case 'scoring': return m.room_phase_scoring({}, options);
		case 'plan': return m.room_phase_plan({}, options);
		case 'close': return m.room_phase_close({}, options);
	}
}

/**
 * Where the facilitator wants the room to look: a workspace section, optionally one framework
 * element within it. Sections are checked by shape, not against today's list, so a section added
 * to the workspace later does not make older documents unreadable; the page ignores ids it lacks.
 * `setAt` changes on every new focus, even to the same place, so followers can tell "move again".
 */
const SECTION_ID = /^[a-z][a-z0-9-]{0,31}$/;
const ELEMENT_CODE = /^[A-Za-z0-9.]{1,16}$/;

export const TIMER_MIN_MS = 1_000;
export const TIMER_MAX_MS = 3 * 60 * 60 * 1_000;
export const JOURNEY_LABEL_MAX = 60;

const InstantSchema = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const DurationSchema = z.int().min(TIMER_MIN_MS).max(TIMER_MAX_MS);

const FocusSchema = z.object({ section: z.string().regex(SECTION_ID), elementCode: z.string().regex(ELEMENT_CODE).nullable(), setAt: InstantSchema });
/**
 * Where the facilitator wants the room to look: a workspace section, optionally one framework
 * element within it. Sections are checked by shape, not against today's list, so a section added
 * to the workspace later does not make older documents unreadable; the page ignores ids it lacks.
 * `setAt` changes on every new focus, even to the same place, so followers can tell "move again".
 */
export type Focus = z.infer<typeof FocusSchema>;

const RoomTimerSchema = z.union([
	z.object({ status: z.literal('idle'), durationMs: DurationSchema.nullable() }),
	/** startedAt and endsAt are the server's clock (ms since the epoch), never a client's. */
	z.object({ status: z.literal('running'), durationMs: DurationSchema, startedAt: InstantSchema, endsAt: InstantSchema }).refine((t) => t.endsAt >= t.startedAt),
	z.object({ status: z.literal('paused'), durationMs: DurationSchema, remainingMs: InstantSchema }).refine((t) => t.remainingMs <= t.durationMs)
]);
export type RoomTimer = z.infer<typeof RoomTimerSchema>;
const IDLE: RoomTimer = { status: 'idle', durationMs: null };

export type Journey = {
	/** Labels the facilitator changed; a stage without one shows the framework's label. */
	labels: Partial<Record<JourneyStage, string>>;
	/** null: derived from the review kind (see defaultJourneyStage). */
	current: JourneyStage | null;
};
const JourneySchema = z.object({
	labels: z.partialRecord(z.enum(JOURNEY_STAGES), z.string().trim().min(1).max(JOURNEY_LABEL_MAX)),
	current: z.enum(JOURNEY_STAGES).nullable()
});

/** Keeps every well-formed part of a journey and reports each malformed one. */
function readJourney(stored: unknown, at: ReadPlace): Journey {
	const journey: Journey = { labels: {}, current: null };
	if (typeof stored !== 'object' || stored === null || Array.isArray(stored) || stored instanceof Y.AbstractType) {
		at.problems.push(`${at.where}: journey is malformed`);
		return journey;
	}
	const value = stored as { current?: unknown; labels?: unknown };
	if (typeof value.current === 'string' && (JOURNEY_STAGES as readonly string[]).includes(value.current)) journey.current = value.current as JourneyStage;
	else if (value.current !== null && value.current !== undefined) at.problems.push(`${at.where}: journey stage is not one of ${JOURNEY_STAGES.join(', ')}`);
	const labels = typeof value.labels === 'object' && value.labels !== null ? (value.labels as Record<string, unknown>) : {};
	for (const stage of JOURNEY_STAGES) {
		const label = labels[stage];
		if (typeof label === 'string' && label.trim() !== '' && label.length <= JOURNEY_LABEL_MAX) journey.labels[stage] = label;
		else if (label !== undefined) at.problems.push(`${at.where}: journey label for ${stage} is not a short text`);
	}
	return journey;
}

/** The facilitation map of the reviewer document: each field one plain value replaced as a whole. */
export const FacilitationState = singleton({
	key: 'facilitation',
	label: 'facilitation',
	shape: {
		phase: optionalOneOf(PHASES, { invalid: () => m.documents_phase_invalid() }),
		focus: plain(FocusSchema.nullable(), { fallback: () => null, malformed: 'focus is malformed' }),
		timer: plain(RoomTimerSchema, { fallback: () => IDLE, malformed: 'timer is malformed' }),
		journey: plain(JourneySchema, { fallback: () => ({ labels: {}, current: null }), malformed: 'journey is malformed', read: readJourney })
	}
});

export type Facilitation = Values<typeof FacilitationState.shape>;

export function facilitationMap(doc: Y.Doc): Y.Map<unknown> {
	return FacilitationState.root(doc);
}

/** Tolerant reader: whatever is malformed reads as "not set" and is reported, never thrown. */
export function readFacilitation(doc: Y.Doc, problems: Problems = []): Facilitation {
	return FacilitationState.read(doc, problems);
}

export function setPhase(doc: Y.Doc, phase: string): Result<Phase> {
	if (!(PHASES as readonly string[]).includes(phase)) return fail('invalid_input', m.documents_phase_invalid(), 'phase');
	const written = FacilitationState.update(doc, { phase: phase as Phase });
	return written.ok ? ok(phase as Phase) : written;
}

export function setFocus(
	doc: Y.Doc,
	input: { section: string; elementCode: string | null },
	isSection: (id: string) => boolean,
	isElement: (code: string) => boolean,
	now: number
): Result<Focus> {
	if (!SECTION_ID.test(input.section) || !isSection(input.section)) return fail('invalid_input', m.documents_focus_section_invalid(), 'section');
	if (input.elementCode !== null && (!ELEMENT_CODE.test(input.elementCode) || !isElement(input.elementCode))) {
		return fail('invalid_input', m.documents_focus_element_invalid(), 'elementCode');
	}
	const focus: Focus = { section: input.section, elementCode: input.elementCode, setAt: now };
	const written = FacilitationState.update(doc, { focus });
	return written.ok ? ok(focus) : written;
}

export type JourneyInput = { labels: Record<JourneyStage, string>; current: string };

/** All four labels are required, so the journey never shows an empty step. */
export function validateJourney(input: JourneyInput): Result<Journey> {
	const labels: Partial<Record<JourneyStage, string>> = {};
	for (const stage of JOURNEY_STAGES) {
		const label = (input.labels[stage] ?? '').trim().replace(/\s+/g, ' ');
		if (label === '') return fail('invalid_input', m.documents_journey_label_required(), `label-${stage}`);
		if (label.length > JOURNEY_LABEL_MAX) return fail('invalid_input', m.documents_journey_label_too_long({ max: JOURNEY_LABEL_MAX }), `label-${stage}`);
		labels[stage] = label;
	}
	if (!(JOURNEY_STAGES as readonly string[]).includes(input.current)) return fail('invalid_input', m.documents_journey_current_invalid(), 'current');
	return ok({ labels, current: input.current as JourneyStage });
}

export function setJourney(doc: Y.Doc, input: JourneyInput): Result<Journey> {
	const valid = validateJourney(input);
	if (!valid.ok) return valid;
	const written = FacilitationState.update(doc, { journey: valid.value });
	return written.ok ? valid : written;
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
			if (!DurationSchema.safeParse(command.durationMs).success) {
				return fail('invalid_input', m.documents_timer_duration_range(), 'duration');
			}
			return ok({ status: 'running', durationMs: command.durationMs, startedAt: now, endsAt: now + command.durationMs });
		case 'pause': {
			const remaining = timerRemainingMs(timer, now);
			if (timer.status !== 'running' || remaining === 0) return fail('conflict', m.documents_timer_not_running());
			return ok({ status: 'paused', durationMs: timer.durationMs, remainingMs: remaining ?? 0 });
		}
		case 'resume':
			if (timer.status !== 'paused') return fail('conflict', m.documents_timer_not_paused());
			return ok({ status: 'running', durationMs: timer.durationMs, startedAt: now, endsAt: now + timer.remainingMs });
		case 'reset':
			return ok({ status: 'idle', durationMs: timer.durationMs });
	}
}

export function writeTimer(doc: Y.Doc, timer: RoomTimer): void {
	FacilitationState.update(doc, { timer });
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
			if (fields.durationSeconds.trim() === '' || !Number.isInteger(seconds)) return fail('invalid_input', m.documents_timer_duration_whole(), 'duration');
			return ok({ type: 'start', durationMs: seconds * 1_000 });
		}
		default:
			return fail('invalid_input', m.documents_timer_command_unknown(), 'command');
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
