// One request-language store for both copies of the Paraglide runtime. The SvelteKit build bundles
// its own copy, while server/ (services, mail, evidence routes) imports src/lib/paraglide directly:
// two modules, two stores, and server code would always speak English. Each copy imports this
// file beside its own runtime and points it at the same AsyncLocalStorage, kept on globalThis.
import { AsyncLocalStorage } from 'node:async_hooks';
import { overwriteServerAsyncLocalStorage } from '../paraglide/runtime.js';

const KEY = Symbol.for('psems.requestLocale');
type Holder = { [KEY]?: AsyncLocalStorage<unknown> };
const holder = globalThis as Holder;
holder[KEY] ??= new AsyncLocalStorage();
overwriteServerAsyncLocalStorage(holder[KEY] as Parameters<typeof overwriteServerAsyncLocalStorage>[0]);
