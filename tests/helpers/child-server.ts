// The real server (services, Hocuspocus, durable log) in its own process, without the page
// bundle, so crash tests can SIGKILL it. Prints one JSON line with the port once listening.
import { loadConfig } from '../../server/config.ts';
import { startApp } from '../../server/app.ts';

const config = loadConfig({ ...process.env, HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }, 'test');
const app = await startApp(config);
process.stdout.write(JSON.stringify({ port: app.port }) + '\n');
process.on('SIGTERM', () => {
	const startedAt = Date.now();
	app.stop().then(() => {
		process.stderr.write(JSON.stringify({ stoppedInMs: Date.now() - startedAt }) + '\n');
		process.exit(0);
	});
});
