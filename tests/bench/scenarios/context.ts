// What every scenario receives: the run's configuration, where to put table rows and raw
// figures, and a logger for progress lines (stderr, so the table on stdout stays clean).
import type { BenchConfig } from '../lib/config.ts';
import type { Row } from '../lib/report.ts';

export type ScenarioContext = {
	config: BenchConfig;
	/** Whether the bare-Hocuspocus side (scenario 6) runs alongside scenarios 1 and 3. */
	withBare: boolean;
	rows: Row[];
	details: Record<string, unknown>;
	log(line: string): void;
};
