// A tiny backend for haproxy.test.ts: says its name on every request and WebSocket message, and
// answers GET /healthz like the product. PORT and NAME come from the environment.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const name = process.env.NAME ?? 'backend';
const server = http.createServer((req, res) => {
	res.writeHead(200, { 'content-type': 'application/json', 'x-backend': name });
	res.end(JSON.stringify({ backend: name, path: req.url }));
});
const sockets = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
	sockets.handleUpgrade(req, socket, head, (ws) => {
		ws.on('message', (data) => ws.send(JSON.stringify({ backend: name, echo: data.toString() })));
	});
});
server.listen(Number(process.env.PORT), '127.0.0.1');
