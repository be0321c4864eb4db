// "Follow the facilitator": on by default for everyone who does not lead the room, remembered per
// review in this browser, so a participant who switched it off is not pulled along again after a
// reload.
const key = (reviewId: string) => `psems:follow:${reviewId}`;

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		// Storage blocked (private mode, policy): following still works, it is just not remembered.
		return null;
	}
}

export class FollowPreference {
	following = $state(false);
	#reviewId: string;

	constructor(reviewId: string, defaultOn: boolean) {
		this.#reviewId = reviewId;
		const saved = storage()?.getItem(key(reviewId));
		this.following = saved === null || saved === undefined ? defaultOn : saved === 'on';
	}

	set(on: boolean) {
		this.following = on;
		try {
			storage()?.setItem(key(this.#reviewId), on ? 'on' : 'off');
		} catch {
			// Quota or policy: keep the choice for this page only.
		}
	}
}

/**
 * True while the person is writing in a field. Following then does not move the view: yanking a
 * half-typed answer off screen loses the writer's place, so the bar offers the way to the
 * facilitator's focus instead and the writer goes when ready.
 */
export function isTypingIn(active: Element | null): boolean {
	if (!active) return false;
	if (active instanceof HTMLTextAreaElement) return true;
	if (active instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(active.type);
	return active instanceof HTMLElement && active.isContentEditable;
}
