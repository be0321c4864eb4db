// The PSeMS four-step journey as this review shows it: the framework's steps, with the labels the
// facilitator chose, and where the review stands (the steps before it done).
import type { JourneyStage } from '#lib/shared/framework/codes.ts';
import type { Framework } from '#lib/shared/framework/schema.ts';
import { defaultJourneyStage, type Journey } from '#lib/shared/documents/facilitation.ts';
import type { ReviewKind } from '#lib/shared/review-kinds.ts';

export type JourneyStep = {
	code: JourneyStage;
	number: number;
	label: string;
	description: string;
	state: 'done' | 'current' | 'upcoming';
};

export function journeySteps(framework: Framework, journey: Journey, kind: ReviewKind): JourneyStep[] {
	const stages = [...framework.journey.stages].sort((a, b) => a.order - b.order);
	const current = journey.current ?? defaultJourneyStage(kind);
	const at = Math.max(0, stages.findIndex((s) => s.code === current));
	return stages.map((stage, index) => ({
		code: stage.code,
		number: index + 1,
		label: journey.labels[stage.code] ?? stage.label,
		description: stage.description,
		state: index < at ? 'done' : index === at ? 'current' : 'upcoming'
	}));
}
