// The agenda phases' names in the reader's language (the document keeps the codes).
import { m } from '#lib/paraglide/messages.js';
import type { Phase } from '#lib/shared/documents/facilitation.ts';

export function phaseLabel(phase: Phase): string {
	switch (phase) {
		case 'opening': return m.room_phase_opening();
		case 'interview': return m.room_phase_interview();
		case 'scoring': return m.room_phase_scoring();
		case 'plan': return m.room_phase_plan();
		case 'close': return m.room_phase_close();
	}
}
