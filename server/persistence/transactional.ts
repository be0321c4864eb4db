// Services whose steps are still written synchronously against the SQLite statements (records,
// rounds, evidence, follow-up, next review, import, progress) are published through this wrapper:
// each listed method runs as ONE store transaction and answers with a Promise. Callers are then
// already written for an asynchronous store; the bodies are what a PostgreSQL store must rewrite
// (as real database transactions, with the locks SCALE.md lists).
import type { Async } from './async.ts';
import type { Store } from './store.ts';

/** `T` with its methods `K` asynchronous; the other members as they are. */
export type Transactional<T, K extends keyof T> = Omit<T, K> & Async<Pick<T, K>>;

export function transactional<T extends object, K extends keyof T>(store: Pick<Store, 'transaction'>, service: T, methods: readonly K[]): Transactional<T, K> {
	const wrapped: Record<PropertyKey, unknown> = {};
	for (const key of methods) {
		const method = service[key] as (...args: unknown[]) => unknown;
		wrapped[key as PropertyKey] = (...args: unknown[]) => store.transaction(() => method(...args));
	}
	// Unlisted members (already asynchronous methods, values) stay the service's own.
	return new Proxy(service, { get: (target, key) => (key in wrapped ? wrapped[key] : Reflect.get(target, key)) }) as unknown as Transactional<T, K>;
}
