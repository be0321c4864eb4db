// The room timer, run on the server: the facilitator's start, pause, resume and reset are HTTP
// posts, so every time in the timer is this server's clock and every client counts down to the
// same instant (each client corrects for its own clock's offset). The reviewer document is
// read-only for everyone but facilitators anyway; checking here as well means a forged post from
// any other participant changes nothing.
import { may } from '../auth/policy.ts';
import type { DocumentStore } from '../collab/document-store.ts';
import type { Logger } from '../logger.ts';
import type { ReviewService } from '../reviews/reviews.ts';
import { reviewerDocumentName } from '../../src/lib/shared/document-names.ts';
import { applyTimerCommand, readFacilitation, writeTimer, type RoomTimer, type TimerCommand } from '../../src/lib/shared/documents/facilitation.ts';
import { fail, type Result } from '../../src/lib/shared/result.ts';
import { m } from '../../src/lib/paraglide/messages.js';

type Deps = {
	reviews: Pick<ReviewService, 'open'>;
	documentStore: Pick<DocumentStore, 'write'>;
	logger: Logger;
	now: () => number;
};

/** The room timer as a service: facilitators' commands, each checked and applied on the server's clock. */
export function createRoomTimer(deps: Deps) {
	return {
		run: (userId: string, reviewId: string, command: TimerCommand) => runTimerCommand(deps, userId, reviewId, command)
	};
}

export type RoomTimerService = ReturnType<typeof createRoomTimer>;

export async function runTimerCommand(deps: Deps, userId: string, reviewId: string, command: TimerCommand): Promise<Result<RoomTimer>> {
	const opened = await deps.reviews.open(userId, reviewId);
	if (!opened.ok) return opened;
	if (!may(opened.value.role, 'edit_reviewer')) {
		deps.logger.warn('timer_denied', { userId, reviewId, role: opened.value.role, command: command.type });
		return fail('forbidden', m.room_timer_facilitator_only());
	}
	// A holder, not a plain variable: TypeScript does not see assignments made inside the callback.
	const outcome: { result: Result<RoomTimer> } = { result: fail('internal', m.room_timer_not_changed()) };
	// Read and write in one server-side transaction, so two quick clicks (pause, then resume)
	// each see the timer the other left behind.
	await deps.documentStore.write(reviewerDocumentName(reviewId), (doc) => {
		const next = applyTimerCommand(readFacilitation(doc).timer, command, deps.now());
		outcome.result = next;
		if (next.ok) writeTimer(doc, next.value);
	});
	return outcome.result;
}
