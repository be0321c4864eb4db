// Our real server (services, Hocuspocus with every extension, durable log) in its own process,
// as tests/helpers/child-server.ts starts it, plus the benchmark's outside instrumentation.
// Prints one JSON line with the port once listening.
import { loadConfig } from '../../../server/config.ts';
import { startApp } from '../../../server/app.ts';
import { instrument } from './instrument.ts';

const config = loadConfig({ ...process.env, HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' }, 'bench');
const app = await startApp(config);
instrument(app.collab.hocuspocus);
process.stdout.write(JSON.stringify({ port: app.port }) + '\n');
process.on('SIGTERM', () => {
	app.stop().then(() => process.exit(0));
});
