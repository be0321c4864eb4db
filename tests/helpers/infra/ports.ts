// Loopback ports for test services. Every service binds 127.0.0.1 only: nothing a test starts is
// reachable from another machine, and IPv6 `localhost` never enters the picture.
import net from 'node:net';

export const LOOPBACK = '127.0.0.1';

/**
 * A port that was free on 127.0.0.1 a moment ago (the kernel's pick for port 0). Another process
 * may take it before the service binds it, so each start helper retries with a fresh port when
 * its service reports "Address already in use".
 */
export function freeLoopbackPort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', reject);
		server.listen({ host: LOOPBACK, port: 0, exclusive: true }, () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function acceptsConnections(port: number, timeoutMs = 1_000): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: LOOPBACK, port });
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(timeoutMs, () => done(false));
		socket.once('connect', () => done(true));
		socket.once('error', () => done(false));
	});
}
