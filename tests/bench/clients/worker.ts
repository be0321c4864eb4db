// A client worker: many real HocuspocusProviders (one socket each) in one process, driven by the
// runner over IPC. Writers put a CLOCK_MONOTONIC timestamp into each update (a new key of the
// Y.Map 'bench' per update, so no write ever overwrites another); readers subtract it from the
// same clock in their observe callback. The clock is shared by every process on the machine.
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../../helpers/provider.ts';
import { serveRpc } from '../lib/rpc.ts';
import { monotonicMs, sleep } from '../lib/stats.ts';
import type { ClientSpec, ColdJoinResult, Collected, ConnectResult, Cpu, CyclesResult, Progress, RunResult, Target, WorkerRequest, WritePlan } from '../lib/protocol.ts';
import { LatencyLog } from './latency-log.ts';

type Client = { spec: ClientSpec; test: TestClient; map: Y.Map<number>; seq: number };

const clients: Client[] = [];
const latencies = new LatencyLog();
let measuring = false;
let received = 0;

function open(url: string, target: Target, label: string): TestClient {
	const test = connectClient({ url, name: target.doc, token: target.token });
	// Like the app: every client publishes a presence state, which the server relays.
	test.provider.setAwarenessField('user', { name: label });
	return test;
}

/** Resolves on the provider's 'synced' event (not by polling, so the time is exact). */
function whenSynced(test: TestClient, timeoutMs: number): Promise<void> {
	if (test.provider.isSynced) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`not synced within ${timeoutMs} ms`)), timeoutMs);
		test.denied.then((reason) => (clearTimeout(timer), reject(new Error(`denied: ${reason}`))));
		const onSynced = ({ state }: { state: boolean }) => {
			if (!state) return;
			clearTimeout(timer);
			test.provider.off('synced', onSynced);
			resolve();
		};
		test.provider.on('synced', onSynced);
	});
}

async function connect(url: string, specs: ClientSpec[], concurrency: number, timeoutMs: number): Promise<ConnectResult> {
	const startedAt = Date.now();
	const errors: string[] = [];
	let connected = 0;
	for (let i = 0; i < specs.length; i += concurrency) {
		const batch = specs.slice(i, i + concurrency).map((spec) => {
			const test = open(url, spec, spec.key);
			const client: Client = { spec, test, map: test.doc.getMap<number>('bench'), seq: 0 };
			client.map.observe((event, transaction) => {
				if (transaction.local || !measuring) return;
				const now = monotonicMs();
				for (const key of event.keysChanged) {
					const sentAt = client.map.get(key);
					if (typeof sentAt !== 'number') continue;
					latencies.push(now - sentAt, sentAt);
					received++;
				}
			});
			clients.push(client);
			return whenSynced(test, timeoutMs);
		});
		for (const outcome of await Promise.allSettled(batch)) {
			if (outcome.status === 'fulfilled') connected++;
			else if (errors.length < 5) errors.push(String(outcome.reason));
		}
	}
	return { connected, failed: specs.length - connected, ms: Date.now() - startedAt, errors };
}

function write(client: Client, writtenByDoc: Record<string, number>): void {
	client.map.set(`${client.spec.key}:${client.seq++}`, monotonicMs());
	writtenByDoc[client.spec.doc] = (writtenByDoc[client.spec.doc] ?? 0) + 1;
}

async function run(plan: WritePlan): Promise<RunResult> {
	const writers = clients.filter((c) => c.spec.writer);
	const writtenByDoc: Record<string, number> = {};
	const timers = new Set<ReturnType<typeof setTimeout>>();
	const endAt = Date.now() + plan.durationMs;
	received = 0;
	latencies.clear();
	measuring = true;
	if (plan.mode === 'bursts') {
		// Each editor types a burst every burstEveryMs, at its own random phase.
		const burst = (client: Client) => {
			if (Date.now() >= endAt) return;
			for (let i = 0; i < plan.burstSize; i++) {
				const t = setTimeout(() => (timers.delete(t), write(client, writtenByDoc)), i * plan.burstGapMs);
				timers.add(t);
			}
			const next = setTimeout(() => (timers.delete(next), burst(client)), plan.burstEveryMs);
			timers.add(next);
		};
		for (const client of writers) {
			const t = setTimeout(() => (timers.delete(t), burst(client)), Math.random() * plan.burstEveryMs);
			timers.add(t);
		}
		await sleep(plan.durationMs + plan.burstSize * plan.burstGapMs + 20);
	} else if (writers.length > 0) {
		// A steady total rate, each update from a random writer of this worker.
		const startedAt = Date.now();
		let issued = 0;
		while (Date.now() < endAt) {
			const due = Math.floor(((Date.now() - startedAt) / 1000) * plan.perSecond) - issued;
			for (let i = 0; i < due; i++) write(writers[Math.floor(Math.random() * writers.length)], writtenByDoc);
			issued += Math.max(0, due);
			await sleep(10);
		}
	}
	for (const t of timers) clearTimeout(t);
	return { written: Object.values(writtenByDoc).reduce((a, b) => a + b, 0), writtenByDoc };
}

async function coldJoin(url: string, target: Target, timeoutMs: number): Promise<ColdJoinResult> {
	const startedAt = monotonicMs();
	const test = open(url, target, 'cold-join');
	try {
		await whenSynced(test, timeoutMs);
		const ms = monotonicMs() - startedAt;
		return { ms, bytes: Y.encodeStateAsUpdate(test.doc).byteLength };
	} finally {
		test.destroy();
	}
}

/** Open, edit once, wait for the acknowledgement, close; `concurrency` such loops at once. */
async function cycles(url: string, targets: Target[], total: number, concurrency: number, timeoutMs: number): Promise<CyclesResult> {
	const startedAt = Date.now();
	const errors: string[] = [];
	let next = 0;
	let done = 0;
	let failed = 0;
	const slot = async () => {
		while (next < total && Date.now() - startedAt < timeoutMs) {
			const n = next++;
			const test = open(url, targets[n % targets.length], `cycle-${n}`);
			try {
				await whenSynced(test, 10_000);
				test.doc.getMap<number>('cycles').set(`c${n}`, n);
				const until = Date.now() + 10_000;
				while (test.provider.hasUnsyncedChanges && Date.now() < until) await sleep(5);
				if (test.provider.hasUnsyncedChanges) throw new Error('edit not acknowledged within 10 s');
				done++;
			} catch (error) {
				failed++;
				if (errors.length < 5) errors.push(String(error));
			} finally {
				test.destroy();
			}
		}
	};
	await Promise.all(Array.from({ length: concurrency }, slot));
	return { done, failed, ms: Date.now() - startedAt, errors };
}

serveRpc<WorkerRequest>(async (request): Promise<unknown> => {
	switch (request.type) {
		case 'connect':
			return connect(request.url, request.clients, request.concurrency, request.timeoutMs);
		case 'run':
			return run(request.plan);
		case 'progress':
			return { received, disconnects: disconnects() } satisfies Progress;
		case 'collect':
			measuring = false;
			return { latencies: latencies.latencies(), sentAt: latencies.sentAt(), received, disconnects: disconnects() } satisfies Collected;
		case 'cpu': {
			const cpu = process.cpuUsage();
			return { userUs: cpu.user, systemUs: cpu.system } satisfies Cpu;
		}
		case 'coldJoin':
			return coldJoin(request.url, request.target, request.timeoutMs);
		case 'cycles':
			return cycles(request.url, request.targets, request.cycles, request.concurrency, request.timeoutMs);
		case 'closeAll':
			for (const client of clients.splice(0)) client.test.destroy();
			measuring = false;
			return null;
	}
});

function disconnects(): number {
	return clients.reduce((n, c) => n + c.test.closes.length, 0);
}
