// `npm run bench`: the performance benchmarks of issue 7 (see tests/bench/README.md). Starts our
// real server and bare Hocuspocus as separate processes with temporary data, drives them with
// real providers from client worker processes, prints a table and writes
// tests/bench/results/<date>.json. BENCH_QUICK=1 for a short run, BENCH_ONLY=1,3 for a subset.
import fs from 'node:fs';
import { loadBenchConfig, machine, TMP_DIR, type ScenarioId } from './lib/config.ts';
import { stopAll, stopAllOnSignals } from './lib/processes.ts';
import { removeTempDirs } from './lib/fixtures.ts';
import { formatTable, resultFileName, verdictOf, writeResults, type Row } from './lib/report.ts';
import type { ScenarioContext } from './scenarios/context.ts';
import { propagation } from './scenarios/propagation.ts';
import { capacity } from './scenarios/capacity.ts';
import { coldJoin } from './scenarios/cold-join.ts';
import { freeze } from './scenarios/freeze.ts';
import { memory } from './scenarios/memory.ts';

/** The whole run must end within 15 minutes; a scenario is not started after this. */
const LAST_START_MS = 13 * 60_000;

const config = loadBenchConfig();
const startedAt = Date.now();
const loadAtStart = machine().loadAverage;
const log = (line: string) => process.stderr.write(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
const has = (id: ScenarioId) => config.only.has(id);
// Scenario 6 is the bare side of 1 and 3; asked for alone, it brings them along.
const only6 = config.only.size === 1 && has('6');
const runs = (id: ScenarioId) => has(id) || (only6 && (id === '1' || id === '3'));

const rows: Row[] = [];
const details: Record<string, unknown> = {};
const errors: Array<{ scenario: string; error: string }> = [];
const ctx: ScenarioContext = { config, withBare: has('6'), rows, details, log };

const scenarios: Array<{ id: ScenarioId; name: string; run: (c: ScenarioContext) => Promise<void> }> = [
	{ id: '4', name: 'freeze', run: freeze },
	{ id: '3', name: 'cold join', run: coldJoin },
	{ id: '1', name: 'propagation', run: propagation },
	{ id: '2', name: 'capacity', run: capacity },
	{ id: '5', name: 'memory', run: memory }
];

stopAllOnSignals(removeTempDirs);
fs.mkdirSync(TMP_DIR, { recursive: true });
log(`${config.quick ? 'quick' : 'full'} run of scenarios ${[...config.only].join(', ')} on ${machine().cpus} CPUs (load average ${loadAtStart.join(' ')})`);
try {
	for (const scenario of scenarios) {
		if (!runs(scenario.id)) continue;
		if (Date.now() - startedAt > LAST_START_MS) {
			errors.push({ scenario: scenario.name, error: 'not started: the run is out of time' });
			continue;
		}
		log(`scenario ${scenario.id}: ${scenario.name}`);
		try {
			await scenario.run(ctx);
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			errors.push({ scenario: scenario.name, error: message });
			log(`scenario ${scenario.id} failed: ${message}`);
			await stopAll();
		}
	}
} finally {
	await stopAll();
	removeTempDirs();
}

const order = (row: Row) => Number(row.scenario.split(' ')[0]);
rows.sort((a, b) => order(a) - order(b));
const table = formatTable(rows);
const verdicts = rows.map(verdictOf);
const summary = { met: verdicts.filter((v) => v === 'met').length, missed: verdicts.filter((v) => v === 'missed').length };
const file = writeResults(resultFileName(new Date(), config.quick, config.only.size < 6 ? [...config.only].sort().join(',') : null), {
	date: new Date().toISOString(),
	durationS: Math.round((Date.now() - startedAt) / 1000),
	quick: config.quick,
	scenarios: [...config.only],
	machine: { ...machine(), loadAverageAtStart: loadAtStart },
	config: { ...config, only: [...config.only] },
	summary,
	errors,
	rows: rows.map((row) => ({ ...row, result: verdictOf(row) })),
	details
});

process.stdout.write(`\n${table}\n\n`);
process.stdout.write(`Targets met: ${summary.met}, missed: ${summary.missed}. Ran ${Math.round((Date.now() - startedAt) / 1000)} s.\n`);
for (const e of errors) process.stdout.write(`Scenario "${e.scenario}" did not complete: ${e.error}\n`);
process.stdout.write(`Results: ${file}\n`);
process.exit(errors.length > 0 ? 1 : 0);
