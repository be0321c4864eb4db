// Where this person is on the review page: the section shown, and the element the facilitator's
// focus asked them to look at. Shared with every section through Svelte context, so a grid row's
// "Create action" can open the plan and the facilitation bar can move followers.
import { createContext, tick } from 'svelte';
import type { SectionId } from './sections.ts';

/**
 * A request to bring one framework element into view in a section, made when following the
 * facilitator. `serial` grows with every request, so the same element asked for twice moves again.
 */
export type ElementRequest = { section: SectionId; elementCode: string; serial: number };

export class WorkspaceNavigation {
	section = $state<SectionId>('overview');
	/** Set while following the facilitator to an element: the grid opens its panel, the interview shows its group. */
	elementRequest = $state<ElementRequest | null>(null);
	#serial = 0;
	#onShow: (section: SectionId) => void;

	/** `onShow` runs on every change of section (presence, the address bar). */
	constructor(onShow: (section: SectionId) => void) {
		this.#onShow = onShow;
	}

	#show(section: SectionId, focusId?: string) {
		this.section = section;
		this.#onShow(section);
		if (!focusId) return;
		void tick().then(() => {
			const target = document.getElementById(focusId);
			target?.scrollIntoView({ block: 'center' });
			target?.focus();
		});
	}

	/** Moving by hand (tabs, links, the back button): drops any element the facilitator's focus asked for. */
	goTo = (section: SectionId, focusId?: string): void => {
		this.elementRequest = null;
		this.#show(section, focusId);
	};

	/** Following the facilitator: the section, then the element's place in it. */
	follow = (target: { section: SectionId; elementCode: string | null }): void => {
		this.#show(target.section);
		this.elementRequest = target.elementCode ? { section: target.section, elementCode: target.elementCode, serial: ++this.#serial } : null;
	};
}

const [getNavigation, setNavigation] = createContext<WorkspaceNavigation>();

export { getNavigation, setNavigation };
