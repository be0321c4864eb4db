// The messages between the benchmark runner and the processes it starts (servers under test and
// client workers), sent over Node's IPC channel with the 'advanced' serialisation so latency
// arrays travel as Float64Arrays.

export type EventLoopDelay = { p50: number; p99: number; max: number; mean: number };

export type ServerStats = {
	pid: number;
	/** process.cpuUsage(): user and system CPU of the whole process, microseconds. */
	cpuUserUs: number;
	cpuSystemUs: number;
	rss: number;
	heapUsed: number;
	heapTotal: number;
	external: number;
	arrayBuffers: number;
	documents: number;
	connections: number;
	/** perf_hooks.monitorEventLoopDelay since the last reset, milliseconds. */
	eventLoopDelay: EventLoopDelay;
	/** Event-loop blocks over 200 ms since the last reset: start (monotonic ms) and length. */
	stalls: Array<{ atMs: number; ms: number }>;
	/** Document loads (Hocuspocus createDocument, hooks included) since the last drain. */
	loads: Array<{ name: string; ms: number }>;
};

export type ServerRequest = { type: 'stats'; gc?: boolean; resetEventLoopDelay?: boolean; drainLoads?: boolean };

export type ClientSpec = { key: string; doc: string; token: string | null; writer: boolean };

export type WritePlan =
	| { mode: 'bursts'; durationMs: number; burstSize: number; burstGapMs: number; burstEveryMs: number }
	| { mode: 'rate'; durationMs: number; perSecond: number };

export type Target = { doc: string; token: string | null };

export type WorkerRequest =
	| { type: 'connect'; url: string; origin: string; clients: ClientSpec[]; concurrency: number; timeoutMs: number }
	| { type: 'run'; plan: WritePlan }
	| { type: 'progress' }
	| { type: 'collect' }
	| { type: 'cpu' }
	| { type: 'coldJoin'; url: string; origin: string; target: Target; timeoutMs: number }
	| { type: 'cycles'; url: string; origin: string; targets: Target[]; cycles: number; concurrency: number; timeoutMs: number }
	| { type: 'closeAll' };

export type ConnectResult = { connected: number; failed: number; ms: number; errors: string[] };
export type RunResult = { written: number; writtenByDoc: Record<string, number> };
export type Progress = { received: number; disconnects: number };
export type Collected = { latencies: Float64Array; sentAt: Float64Array; received: number; disconnects: number };
export type Cpu = { userUs: number; systemUs: number };
export type ColdJoinResult = { ms: number; bytes: number };
export type CyclesResult = { done: number; failed: number; ms: number; errors: string[] };

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
export type Envelope<T> = { id: number; request: T };
