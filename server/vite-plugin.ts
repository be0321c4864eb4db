// `npm run dev`: the same services and collaboration server attached to Vite's dev server, so
// pages and /collab share one port in development too. Vite's own HMR socket uses other paths
// and is left alone.
import type { Plugin } from 'vite';
import { loadConfig } from './config.ts';
import { createServices } from './services.ts';
import { registerServices } from './registry.ts';
import { COLLAB_PATH, createCollabServer } from './collab/collab-server.ts';
import { handleHealth, isHealthRequest } from './http/health.ts';
import { handleEvidenceRequest, isEvidenceRequest } from './http/evidence-routes.ts';
import { CloseEvents } from '../src/lib/shared/close-events.ts';

export function collabDevServer(): Plugin {
	return {
		name: 'psems-collab-dev-server',
		apply: 'serve',
		configureServer(server) {
			if (!server.httpServer) return;
			const config = loadConfig(process.env, 'dev');
			const services = createServices(config);
			registerServices(services);
			const collab = createCollabServer(services);
			server.middlewares.use((req, res, next) => (isHealthRequest(req) ? handleHealth(services, res) : next()));
			server.middlewares.use((req, res, next) => (isEvidenceRequest(req) ? void handleEvidenceRequest(services, req, res) : next()));
			server.httpServer.on('upgrade', (req, socket, head) => {
				if ((req.url ?? '').split('?')[0] === COLLAB_PATH) collab.handleUpgrade(req, socket, head);
			});
			server.httpServer.on('close', () => {
				void collab.shutdown(CloseEvents.ServerShutdown).finally(() => services.close());
			});
		}
	};
}
