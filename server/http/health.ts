import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../services.ts';

/** GET /healthz: 200 with JSON once the database answers; 503 otherwise. */
export function handleHealth(services: Services, res: ServerResponse): void {
	let healthy = false;
	try {
		healthy = services.db.open && services.db.prepare('SELECT 1 AS ok').get() !== undefined;
	} catch {
		healthy = false;
	}
	const body = JSON.stringify(healthy ? { status: 'ok', version: services.config.version } : { status: 'unavailable' });
	res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
	res.end(body);
}

export function isHealthRequest(req: IncomingMessage): boolean {
	return (req.method === 'GET' || req.method === 'HEAD') && (req.url === '/healthz' || req.url?.startsWith('/healthz?') === true);
}
