// The custom server, the Vite dev plugin and the SvelteKit bundle each load their own copy of
// this module, so a module-level variable would give two database connections. A slot on
// globalThis under a registered symbol is shared by all copies in the process.
import type { Services } from './services.ts';

const SLOT = Symbol.for('psems.services');
type Slot = { [SLOT]?: Services };

export function registerServices(services: Services): void {
	(globalThis as Slot)[SLOT] = services;
}

export function unregisterServices(): void {
	delete (globalThis as Slot)[SLOT];
}

export function getServices(): Services {
	const services = (globalThis as Slot)[SLOT];
	if (!services) {
		throw new Error('PSeMS services are not started: run the app with `npm start` or `npm run dev`.');
	}
	return services;
}
