import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_FRAMEWORK } from '../framework/index.ts';
import {
	applyTimerCommand,
	defaultJourneyStage,
	facilitationMap,
	formatRemaining,
	parseTimerCommand,
	readFacilitation,
	setFocus,
	setJourney,
	setPhase,
	timerRemainingMs,
	writeTimer,
	type RoomTimer
} from './facilitation.ts';
import { runInLocale } from '../../i18n/shared-locale-storage.ts';

const isSection = (id: string) => ['overview', 'interview', 'grid', 'plan'].includes(id);
const isElement = (code: string) => DEFAULT_FRAMEWORK.elements.some((e) => e.code === code);
const labels = {
	register: 'Commit and register',
	self_assessment: 'Self-help GAP analysis',
	independent_review: 'Independent review',
	certification: 'Certify and continuing assurance'
};
const idle: RoomTimer = { status: 'idle', durationMs: null };

/** Applies a chain of commands, failing the test on the first refusal. */
function run(timer: RoomTimer, ...steps: Array<[Parameters<typeof applyTimerCommand>[1], number]>): RoomTimer {
	let current = timer;
	for (const [command, now] of steps) {
		const next = applyTimerCommand(current, command, now);
		if (!next.ok) throw new Error(next.error.message);
		current = next.value;
	}
	return current;
}

describe('facilitation state in the reviewer document', () => {
	it('reads an untouched document as no phase, no focus, an idle timer and the default journey', () => {
		const problems: string[] = [];
		expect(readFacilitation(new Y.Doc(), problems)).toEqual({ phase: null, focus: null, timer: idle, journey: { labels: {}, current: null } });
		expect(problems).toEqual([]);
	});

	it('writes and reads back the phase, the focus and the journey', () => {
		const doc = new Y.Doc();
		expect(setPhase(doc, 'scoring').ok).toBe(true);
		expect(setFocus(doc, { section: 'grid', elementCode: DEFAULT_FRAMEWORK.elements[1].code }, isSection, isElement, 1000).ok).toBe(true);
		expect(setJourney(doc, { labels: { ...labels, register: '  Sign   up ' }, current: 'certification' }).ok).toBe(true);
		const read = readFacilitation(doc);
		expect(read.phase).toBe('scoring');
		expect(read.focus).toEqual({ section: 'grid', elementCode: DEFAULT_FRAMEWORK.elements[1].code, setAt: 1000 });
		expect(read.journey).toEqual({ labels: { ...labels, register: 'Sign up' }, current: 'certification' });
	});

	it('refuses an unknown phase, section or element and leaves the document unchanged', () => {
		const doc = new Y.Doc();
		expect(setPhase(doc, 'lunch')).toMatchObject({ ok: false, error: { field: 'phase' } });
		expect(setFocus(doc, { section: 'kitchen', elementCode: null }, isSection, isElement, 1)).toMatchObject({ ok: false, error: { field: 'section' } });
		expect(setFocus(doc, { section: 'grid', elementCode: 'Z9' }, isSection, isElement, 1)).toMatchObject({ ok: false, error: { field: 'elementCode' } });
		expect(facilitationMap(doc).size).toBe(0);
	});

	it('requires every journey label, limits its length and needs a known stage', () => {
		const doc = new Y.Doc();
		expect(setJourney(doc, { labels: { ...labels, certification: '   ' }, current: 'register' })).toMatchObject({
			ok: false,
			error: { field: 'label-certification', message: 'Give every step a label.' }
		});
		expect(setJourney(doc, { labels: { ...labels, register: 'x'.repeat(61) }, current: 'register' })).toMatchObject({ ok: false, error: { field: 'label-register' } });
		expect(setJourney(doc, { labels, current: 'step-5' })).toMatchObject({ ok: false, error: { field: 'current' } });
		expect(facilitationMap(doc).size).toBe(0);
	});

	it('reads malformed values as not set and reports each of them', () => {
		const doc = new Y.Doc();
		const map = facilitationMap(doc);
		map.set('phase', 42);
		map.set('focus', { section: 'grid', elementCode: 7, setAt: 1 });
		map.set('timer', { status: 'running', durationMs: 60_000, startedAt: 10, endsAt: 5 });
		map.set('journey', { current: 'nowhere', labels: { register: 'x'.repeat(200), certification: 'Certified' } });
		const problems: string[] = [];
		expect(readFacilitation(doc, problems)).toEqual({ phase: null, focus: null, timer: idle, journey: { labels: { certification: 'Certified' }, current: null } });
		expect(problems).toHaveLength(5);
	});

	it('starts the journey at step 2 for a self-help GAP analysis and at step 3 for an independent review', () => {
		expect(defaultJourneyStage('self_assessment')).toBe('self_assessment');
		expect(defaultJourneyStage('independent_review')).toBe('independent_review');
	});
});

describe('the room timer', () => {
	it('counts down from the server time it was started at', () => {
		const timer = run(idle, [{ type: 'start', durationMs: 300_000 }, 1_000_000]);
		expect(timer).toEqual({ status: 'running', durationMs: 300_000, startedAt: 1_000_000, endsAt: 1_300_000 });
		expect(timerRemainingMs(timer, 1_000_000)).toBe(300_000);
		expect(timerRemainingMs(timer, 1_100_500)).toBe(199_500);
		expect(timerRemainingMs(timer, 1_400_000)).toBe(0);
	});

	it('keeps the remaining time while paused and continues from it on resume', () => {
		const paused = run(idle, [{ type: 'start', durationMs: 120_000 }, 0], [{ type: 'pause' }, 30_000]);
		expect(paused).toEqual({ status: 'paused', durationMs: 120_000, remainingMs: 90_000 });
		expect(timerRemainingMs(paused, 999_999)).toBe(90_000);
		const resumed = run(paused, [{ type: 'resume' }, 500_000]);
		expect(timerRemainingMs(resumed, 500_000 + 45_000)).toBe(45_000);
	});

	it('resets to idle but remembers the duration for the next start', () => {
		const reset = run(idle, [{ type: 'start', durationMs: 600_000 }, 0], [{ type: 'reset' }, 10]);
		expect(reset).toEqual({ status: 'idle', durationMs: 600_000 });
		expect(timerRemainingMs(reset, 10)).toBeNull();
	});

	it('refuses durations outside 1 second to 3 hours, and pausing or resuming out of turn', () => {
		expect(applyTimerCommand(idle, { type: 'start', durationMs: 0 }, 0)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
		expect(applyTimerCommand(idle, { type: 'start', durationMs: 3 * 3600_000 + 1000 }, 0)).toMatchObject({ ok: false });
		expect(applyTimerCommand(idle, { type: 'start', durationMs: 1.5 }, 0)).toMatchObject({ ok: false });
		expect(applyTimerCommand(idle, { type: 'pause' }, 0)).toMatchObject({ ok: false, error: { code: 'conflict' } });
		expect(applyTimerCommand(idle, { type: 'resume' }, 0)).toMatchObject({ ok: false, error: { code: 'conflict' } });
		const finished = run(idle, [{ type: 'start', durationMs: 1000 }, 0]);
		expect(applyTimerCommand(finished, { type: 'pause' }, 5000)).toMatchObject({ ok: false, error: { code: 'conflict' } });
	});

	it('reads a timer back exactly as written', () => {
		const doc = new Y.Doc();
		const timer = run(idle, [{ type: 'start', durationMs: 120_000 }, 42]);
		writeTimer(doc, timer);
		expect(readFacilitation(doc).timer).toEqual(timer);
	});

	it('parses form commands and rejects anything else', () => {
		expect(parseTimerCommand({ command: 'start', durationSeconds: '300' })).toEqual({ ok: true, value: { type: 'start', durationMs: 300_000 } });
		expect(parseTimerCommand({ command: 'pause', durationSeconds: '' })).toEqual({ ok: true, value: { type: 'pause' } });
		expect(parseTimerCommand({ command: 'start', durationSeconds: '2.5' })).toMatchObject({ ok: false, error: { field: 'duration' } });
		expect(parseTimerCommand({ command: 'start', durationSeconds: '' })).toMatchObject({ ok: false });
		expect(parseTimerCommand({ command: 'explode', durationSeconds: '' })).toMatchObject({ ok: false, error: { field: 'command' } });
	});

	it('shows minutes and seconds rounded up, with hours from an hour on', () => {
		expect(formatRemaining(300_000)).toBe('5:00');
		expect(formatRemaining(299_001)).toBe('5:00');
		expect(formatRemaining(299_000)).toBe('4:59');
		expect(formatRemaining(1)).toBe('0:01');
		expect(formatRemaining(0)).toBe('0:00');
		expect(formatRemaining(3_725_000)).toBe('1:02:05');
	});
});

describe('refusals in the reader’s language', () => {
	it('refuses a phase, a journey label and a timer command in the language of the request', () => {
		const doc = new Y.Doc();
		expect(runInLocale('es', () => setPhase(doc, 'lunch'))).toMatchObject({ ok: false, error: { field: 'phase', message: 'Elija una de las fases del orden del día.' } });
		const long = { labels: { ...labels, register: 'x'.repeat(61) }, current: 'register' };
		expect(setJourney(doc, long)).toMatchObject({ ok: false, error: { message: 'Keep each label to 60 characters or fewer.' } });
		expect(runInLocale('fr', () => setJourney(doc, long))).toMatchObject({ ok: false, error: { message: 'Limitez chaque libellé à 60 caractères au plus.' } });
		expect(runInLocale('ar', () => setJourney(doc, long))).toMatchObject({ ok: false, error: { message: 'اجعل كل تسمية في حدود 60 حرفًا أو أقل.' } });
		expect(runInLocale('fr', () => applyTimerCommand(idle, { type: 'resume' }, 0))).toMatchObject({ ok: false, error: { message: 'Le minuteur n’est pas en pause.' } });
		expect(runInLocale('ar', () => parseTimerCommand({ command: 'start', durationSeconds: '1.5' }))).toMatchObject({
			ok: false,
			error: { field: 'duration', message: 'أدخل المدة بعدد صحيح من الثواني.' }
		});
		expect(readFacilitation(doc).phase).toBeNull();
	});
});
