// Cross-site WebSocket hijacking defence: browsers always send Origin on a WebSocket upgrade,
// and the session cookie rides along, so the Origin must be our own.
import type { IncomingMessage } from 'node:http';

export function isAllowedOrigin(request: IncomingMessage, configuredOrigin: string | null): boolean {
	const origin = request.headers.origin;
	if (!origin) return false;
	if (configuredOrigin) return origin === configuredOrigin;
	const host = request.headers.host;
	if (!host) return false;
	try {
		const parsed = new URL(origin);
		return parsed.host === host && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
	} catch {
		return false;
	}
}
