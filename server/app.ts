// One process, one port: the SvelteKit handler for pages and Hocuspocus for /collab on one
// node:http server, sharing one set of services.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { createServices, type Services } from './services.ts';
import { registerServices, unregisterServices } from './registry.ts';
import { COLLAB_PATH, createCollabServer, type CollabServer } from './collab/collab-server.ts';
import { handleHealth, isHealthRequest } from './http/health.ts';
import { handleEvidenceRequest, isEvidenceRequest } from './http/evidence-routes.ts';
import { CloseEvents } from '../src/lib/shared/close-events.ts';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * adapter-node reads the request's scheme and host from these headers; we always overwrite them
 * (a client's own value is never trusted): from ORIGIN when it is set (behind a TLS proxy or a
 * load balancer), else plain http and the request's Host.
 */
export const SCHEME_HEADER = 'x-psems-scheme';
export const HOST_HEADER = 'x-psems-host';

export type RunningApp = {
	url: string;
	port: number;
	services: Services;
	collab: CollabServer;
	server: http.Server;
	stop(): Promise<void>;
};

export async function startApp(config: Config, opts: { handler?: RequestHandler; services?: Services } = {}): Promise<RunningApp> {
	const services = opts.services ?? createServices(config);
	try {
		// An unusable evidence store (an S3 bucket missing) stops the start, with the store's sentence.
		await services.evidence.blobs.ready();
	} catch (error) {
		services.close();
		throw error;
	}
	registerServices(services);
	const collab = createCollabServer(services);
	const publicOrigin = config.origin ? new URL(config.origin) : null;

	const server = http.createServer((req, res) => {
		if (isHealthRequest(req)) return handleHealth(services, res);
		req.headers[SCHEME_HEADER] = publicOrigin ? publicOrigin.protocol.slice(0, -1) : 'http';
		req.headers[HOST_HEADER] = publicOrigin ? publicOrigin.host : req.headers.host;
		// Streamed uploads and downloads of evidence, before SvelteKit reads any body whole.
		if (isEvidenceRequest(req)) return void handleEvidenceRequest(services, req, res);
		if (!opts.handler) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		opts.handler(req, res, () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'));
	});
	server.on('upgrade', (req, socket, head) => {
		const path = (req.url ?? '').split('?')[0];
		if (path === COLLAB_PATH) collab.handleUpgrade(req, socket, head);
		else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
	});
	// Slowloris and idle sockets: bound how long headers may trickle in.
	server.headersTimeout = 20_000;
	server.requestTimeout = 60_000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, config.host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
	services.mail.start();
	const stopDigest = services.digest.start();
	services.logger.info('server.listening', { url: `http://${host}:${port}`, data: config.databaseFile });

	let stopping: Promise<void> | null = null;
	return {
		url: `http://${host}:${port}`,
		port,
		services,
		collab,
		server,
		stop() {
			stopping ??= (async () => {
				server.close();
				await collab.shutdown(CloseEvents.ServerShutdown);
				server.closeAllConnections();
				unregisterServices();
				stopDigest();
				await services.mail.stop();
				services.close();
			})();
			return stopping;
		}
	};
}
