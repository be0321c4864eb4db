// The review as the workspace sees it: typed live views of both documents and the commands that
// change them, for one open review page. Sections read `review.grid.rows`, `review.plan.actions`, ... and call
// `review.plan.create(...)`; they never touch a Y.Doc, and they never refresh: the views follow
// the documents (live-view.svelte.ts). Provided to every section through Svelte context.
import { createContext } from 'svelte';
import type { ReviewSession } from './review-session.svelte.ts';
import { LiveView } from './live-view.svelte.ts';
import { getElement } from '#lib/shared/framework/index.ts';
import type { Framework } from '#lib/shared/framework/schema.ts';
import type { PresenceUser } from '#lib/shared/presence.ts';
import type { ReviewKind } from '#lib/shared/review-kinds.ts';
import type { LastReview } from '#lib/shared/progress/last-review.ts';
import type { AreaContext } from './areas/area-context.ts';
import { boardArea } from './areas/board.ts';
import { facilitationArea } from './areas/facilitation.ts';
import { gridArea } from './areas/grid.ts';
import { interviewArea } from './areas/interview.ts';
import { planArea } from './areas/plan.ts';
import { roundsArea } from './areas/rounds.ts';

export type ReviewSelf = PresenceUser & { department: string | null };

/** What this person's role lets them do, as the server decided when the page loaded (the server checks again on every write). */
export type ReviewPermissions = {
	editWorkspace: boolean;
	editReviewer: boolean;
	manageParticipants: boolean;
	/** Department heads and other staff propose scores for their department. */
	propose: boolean;
	/** Attach evidence files (every role but observer). */
	uploadEvidence: boolean;
	/** See, and mark, confidential evidence (facilitators and the security manager). */
	viewConfidential: boolean;
};

export type ReviewInfo = { id: string; kind: ReviewKind };

export class ReviewModel {
	readonly session: ReviewSession;
	readonly framework: Framework;
	readonly self: ReviewSelf;
	readonly can: ReviewPermissions;
	readonly review: ReviewInfo;
	/** The signed record this review started from (read by the server), or null. */
	readonly lastReview: LastReview | null;

	/** Entries in agreed order, and their changes. */
	readonly interview: ReturnType<typeof interviewArea>;
	/** One row per element (both documents), and the writes of each side. */
	readonly grid: ReturnType<typeof gridArea>;
	readonly plan: ReturnType<typeof planArea>;
	readonly board: ReturnType<typeof boardArea>;
	readonly facilitation: ReturnType<typeof facilitationArea>;
	readonly rounds: ReturnType<typeof roundsArea>;

	readonly #views: Array<LiveView<unknown>> = [];

	constructor(init: {
		session: ReviewSession;
		framework: Framework;
		self: ReviewSelf;
		can: ReviewPermissions;
		review: ReviewInfo;
		lastReview?: LastReview | null;
	}) {
		this.session = init.session;
		this.framework = init.framework;
		this.self = init.self;
		this.can = init.can;
		this.review = init.review;
		this.lastReview = init.lastReview ?? null;
		const area: AreaContext = {
			reviewId: init.review.id,
			workspace: init.session.workspace,
			reviewer: init.session.reviewer,
			framework: init.framework,
			self: init.self,
			can: init.can,
			isElement: this.isElement,
			view: (read, docs) => {
				const created = new LiveView(read, docs);
				this.#views.push(created as LiveView<unknown>);
				return created;
			}
		};
		this.interview = interviewArea(area);
		this.grid = gridArea(area);
		this.plan = planArea(area);
		this.board = boardArea(area);
		this.facilitation = facilitationArea(area);
		this.rounds = roundsArea(area);
	}

	/** May this person change the workspace now: their role allows it and the server has not refused them. */
	get canEdit(): boolean {
		return this.can.editWorkspace && !this.session.accessDenied;
	}
	/** May this person attach evidence files now: their role allows it and the server has not refused them. */
	get canUploadEvidence(): boolean {
		return this.can.uploadEvidence && !this.session.accessDenied;
	}
	/** May this person write the reviewer document now (facilitators). */
	get canJudge(): boolean {
		return this.can.editReviewer && !this.session.accessDenied;
	}
	/** Nothing has arrived yet and more is on the way: show "loading", not "empty". */
	get loading(): boolean {
		return !this.session.synced && this.session.status !== 'offline';
	}

	readonly isElement = (code: string): boolean => getElement(this.framework, code) !== null;

	destroy() {
		for (const view of this.#views) view.destroy();
	}
}

const [getReview, setReview] = createContext<ReviewModel>();

/** The open review, for any component inside the workspace. */
export { getReview, setReview };
