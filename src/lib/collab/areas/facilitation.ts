// Leading the room: the facilitation state every participant sees (phase, focus, timer, journey),
// what facilitators change from their own client, and the room timer, which runs on the server's
// clock and so is changed through the server.
import {
	readFacilitation,
	setFocus,
	setJourney,
	setPhase,
	type JourneyInput,
	type RoomTimer,
	type TimerCommand
} from '#lib/shared/documents/facilitation.ts';
import { isSectionId } from '#lib/workspace/sections.ts';
import { callServer } from '../server-call.ts';
import type { AreaContext } from './area-context.ts';

export function facilitationArea({ reviewId, reviewer, isElement, view }: AreaContext) {
	const state = view(() => readFacilitation(reviewer), [reviewer]);
	return {
		/** Phase, focus, timer and journey as the room sees them. */
		get room() {
			return state.current;
		},
		setPhase: (phase: string) => setPhase(reviewer, phase),
		setFocus: (section: string, elementCode: string | null) => setFocus(reviewer, { section, elementCode }, isSectionId, isElement, Date.now()),
		setJourney: (input: JourneyInput) => setJourney(reviewer, input),
		/** Starts, pauses, resumes or resets the room timer (facilitators; the server checks). */
		runTimer(command: TimerCommand) {
			const form = command.type === 'start' ? { command: 'start', durationSeconds: String(Math.round(command.durationMs / 1000)) } : { command: command.type, durationSeconds: '' };
			return callServer<RoomTimer>(`/reviews/${encodeURIComponent(reviewId)}/timer`, 'timer', { method: 'POST', form });
		}
	};
}
