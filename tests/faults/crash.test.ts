// Long crash suite: 20 editing clients, SIGKILL at random instants, at least 20 trials.
import { describe, expect, it } from 'vitest';
import { runCrashTrials } from '../helpers/crash-trials.ts';

const TRIALS = Number(process.env.FAULT_TRIALS ?? 20);

describe('crash (SIGKILL) under load', () => {
	it(`loses no acknowledged edit in ${TRIALS} kills; 20 clients converge within 5 s of each restart`, async () => {
		const figures = await runCrashTrials({ trials: TRIALS, editors: 20, convergeWithinMs: 5_000 });
		console.log(
			`faults/crash: ${figures.trials} trials, ${figures.editors} clients, ${figures.acknowledgedEdits} acknowledged edits ` +
				`(${figures.acknowledgedChecks} look-ups in the stored document), converge ms: max ${figures.maxConvergeMs}, all [${figures.convergeMs.join(', ')}]`
		);
		expect(figures.missing).toEqual([]);
		expect(figures.maxConvergeMs).toBeLessThan(5_000);
	});
});
