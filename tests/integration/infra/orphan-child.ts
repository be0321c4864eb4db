// A stand-in for a test process that dies without cleaning up (see no-orphans.test.ts): starts
// PostgreSQL and Redis, prints their pids and temp dirs as one JSON line, then waits to be killed.
import { startPostgres } from '../../helpers/infra/postgres.ts';
import { startRedis } from '../../helpers/infra/redis.ts';

const postgres = await startPostgres();
const redis = await startRedis();
process.stdout.write(JSON.stringify({ pids: [postgres.pid(), redis.pid()], dirs: [postgres.dir, redis.dir], ports: [postgres.port, redis.port] }) + '\n');
setInterval(() => {}, 60_000);
