// The interface messages for server/ code, speaking the request's language.
//
// server/ runs from source (node server/index.ts) while the SvelteKit build bundles its own copy
// of the Paraglide runtime, so there are two runtimes in the process, and paraglideMiddleware
// (src/lib/server/i18n.ts) would put the request's locale in the bundled one's AsyncLocalStorage
// only: a service's message would be English on an Arabic page. Both copies evaluate this module
// (the bundle through src/lib/server/services.ts, before the first request), and both are handed
// one AsyncLocalStorage, kept on globalThis under a registered symbol (as server/registry.ts keeps
// the services), so `m.key()` in a service reads the locale the middleware set for this request.
// Outside a request (WebSocket hooks, timers, the CLI) there is no store: English, as before.
import { AsyncLocalStorage } from 'node:async_hooks';
import { overwriteServerAsyncLocalStorage } from '../../src/lib/paraglide/runtime.js';

type Storage = NonNullable<Parameters<typeof overwriteServerAsyncLocalStorage>[0]>;
const SLOT = Symbol.for('psems.i18n.request-locale-storage');
const shared = globalThis as { [SLOT]?: Storage };

shared[SLOT] ??= new AsyncLocalStorage() as unknown as Storage;
overwriteServerAsyncLocalStorage(shared[SLOT]);

export { m } from '../../src/lib/paraglide/messages.js';
