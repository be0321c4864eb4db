// Copying to the clipboard with a visible result. navigator.clipboard is missing on plain http
// (no secure context) and may be refused; then the caller selects the text so Ctrl+C works.
export type CopyStatus = 'idle' | 'copied' | 'manual';

export class CopyToClipboard {
	status = $state<CopyStatus>('idle');
	#timer: ReturnType<typeof setTimeout> | undefined;

	async copy(text: string, selectForManualCopy: () => void): Promise<void> {
		clearTimeout(this.#timer);
		try {
			if (!navigator.clipboard) throw new Error('no clipboard');
			await navigator.clipboard.writeText(text);
			this.status = 'copied';
			this.#timer = setTimeout(() => (this.status = 'idle'), 4000);
		} catch {
			selectForManualCopy();
			this.status = 'manual';
		}
	}

	destroy(): void {
		clearTimeout(this.#timer);
	}
}
