// Process entry: config -> services -> collab -> http server; graceful shutdown on SIGTERM.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from './config.ts';
import { startApp, HOST_HEADER, SCHEME_HEADER, type RequestHandler } from './app.ts';
import { StartupError } from './persistence/database.ts';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

async function main() {
	const config = loadConfig(process.env, pkg.version);
	// adapter-node 6 takes its origin from these headers at run time (ORIGIN is a build option
	// there); app.ts fills them from ORIGIN when it is set, else from the request itself.
	process.env.PROTOCOL_HEADER = SCHEME_HEADER;
	process.env.HOST_HEADER = HOST_HEADER;
	// adapter-node's default 512 KB would refuse a large review's JSON export uploaded to /verify.
	process.env.BODY_SIZE_LIMIT ??= '8M';
	const handlerFile = path.join(root, 'build', 'handler.js');
	if (!fs.existsSync(handlerFile)) {
		throw new StartupError('The app is not built yet: run `npm run build` first (or `./run start`).', 78);
	}
	const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: RequestHandler };
	const app = await startApp(config, { handler });

	const shutdown = (signal: string) => {
		app.services.logger.info('server.stopping', { signal });
		// Exit within 10 s whatever happens: a stuck shutdown must not block a deploy.
		setTimeout(() => process.exit(1), 9_000).unref();
		app.stop().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			}
		);
	};
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
	if (error instanceof StartupError) {
		console.error(`psems: ${error.message}`);
		process.exit(error.exitCode);
	}
	console.error(error);
	process.exit(1);
});
