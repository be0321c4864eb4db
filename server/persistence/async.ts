// The asynchronous face of a repository. The SQLite statements underneath are synchronous
// (better-sqlite3); callers see Promises anyway, so a backend whose driver is asynchronous
// (PostgreSQL, issue 12) fits behind the same surface without touching a caller again.

type AnyFn = (...args: never[]) => unknown;

/** Every method of `T`, returning a Promise of what it returned. */
export type Async<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K] };

/**
 * Wraps each method so it runs at once (the statement executes before the caller's next line, as
 * before) and hands its result, or its error, back as a settled Promise.
 */
export function toAsync<T extends object>(queries: T): Async<T> {
	const wrapped: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(queries)) {
		wrapped[key] =
			typeof value === 'function'
				? (...args: unknown[]) => {
						try {
							return Promise.resolve((value as AnyFn)(...(args as never[])));
						} catch (error) {
							return Promise.reject(error);
						}
					}
				: value;
	}
	return wrapped as Async<T>;
}
