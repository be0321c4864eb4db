// Request/response over a child process's IPC channel, with a time bound on every request.
import type { ChildProcess } from 'node:child_process';
import type { Envelope, Reply } from './protocol.ts';

export type Rpc<Req> = { request<T>(request: Req, timeoutMs: number): Promise<T> };

export function rpcClient<Req>(child: ChildProcess, label: string): Rpc<Req> {
	let nextId = 1;
	const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
	child.on('message', (message: Reply) => {
		const waiter = pending.get(message.id);
		if (!waiter) return;
		pending.delete(message.id);
		if (message.ok) waiter.resolve(message.value);
		else waiter.reject(new Error(`${label}: ${message.error}`));
	});
	child.once('exit', (code, signal) => {
		for (const waiter of pending.values()) waiter.reject(new Error(`${label} exited (${code ?? signal})`));
		pending.clear();
	});
	return {
		request<T>(request: Req, timeoutMs: number): Promise<T> {
			const id = nextId++;
			return new Promise<T>((resolve, reject) => {
				const timer = setTimeout(() => {
					pending.delete(id);
					reject(new Error(`${label}: no answer to ${JSON.stringify(request).slice(0, 80)} within ${timeoutMs} ms`));
				}, timeoutMs);
				pending.set(id, {
					resolve: (v) => (clearTimeout(timer), resolve(v as T)),
					reject: (e) => (clearTimeout(timer), reject(e))
				});
				child.send({ id, request } satisfies Envelope<Req>);
			});
		}
	};
}

/** The child side: answers each request with the handler's result or its error message. */
export function serveRpc<Req>(handler: (request: Req) => unknown | Promise<unknown>): void {
	process.on('message', (message: Envelope<Req>) => {
		Promise.resolve()
			.then(() => handler(message.request))
			.then(
				(value) => process.send?.({ id: message.id, ok: true, value } satisfies Reply),
				(error: unknown) => process.send?.({ id: message.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies Reply)
			);
	});
	// The runner going away (even by SIGKILL) closes the channel: do not outlive it.
	process.on('disconnect', () => process.exit(0));
}
