// Absolute links for mail. ORIGIN when it is set; otherwise the origin the app was last reached
// at (hooks.server.ts tells it every request; with ORIGIN unset that Host is trusted anyway), so
// a link in a mail opens the same server the sender used.
import type { Config } from '../config.ts';

export function createPublicLinks(config: Pick<Config, 'origin' | 'port'>) {
	let seen: string | null = null;
	const base = () => config.origin ?? seen ?? `http://localhost:${config.port}`;
	return {
		observe(origin: string) {
			if (!config.origin) seen = origin;
		},
		base,
		to: (path: string) => `${base()}${path.startsWith('/') ? path : `/${path}`}`
	};
}

export type PublicLinks = ReturnType<typeof createPublicLinks>;
