// The one progressive-enhancement pattern our forms share: mark the form busy while it posts,
// let SvelteKit apply the result, then clear the flag. `reset: false` keeps what the user typed
// when the server sends the form back with messages.
import type { SubmitFunction } from '$app/forms';

export function submitting(setBusy: (busy: boolean) => void, options: { reset?: boolean; afterUpdate?: (form: HTMLFormElement) => void } = {}): SubmitFunction {
	return ({ formElement }) => {
		setBusy(true);
		return async ({ update }) => {
			await update({ reset: options.reset ?? true });
			options.afterUpdate?.(formElement);
			setBusy(false);
		};
	};
}
