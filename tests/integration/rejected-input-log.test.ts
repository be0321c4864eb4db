// One log line per rejected input (issue 6, item 5): the server runs as a child process with
// its stderr captured; each kind of malformed input is sent on its own socket, and the log must
// grow by exactly one JSON line naming the socket (and the document where there is one), with
// no stack trace and nothing that is not JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { logEvents, spawnServer, type ChildServer } from '../helpers/child-process.ts';
import { prepareReview, type FaultFixture } from '../helpers/fault-fixture.ts';
import { frame, openRawSocket, syncUpdateMessage, upgradeStatus, Wire, type RawSocket } from '../helpers/raw-socket.ts';
import { eventually } from '../helpers/provider.ts';
import { removeDir } from '../helpers/server.ts';
import { workspaceDocumentName } from '../../src/lib/shared/document-names.ts';

const UPDATE_CAP = 64 * 1024;
let fixture: FaultFixture;
let server: ChildServer;
let name: string;
const sockets: RawSocket[] = [];

beforeAll(async () => {
	fixture = prepareReview(2);
	name = workspaceDocumentName(fixture.reviewId);
	server = await spawnServer(fixture.dataDir, { MAX_UPDATE_BYTES: String(UPDATE_CAP), LOG_LEVEL: 'warn' }, { captureLog: true });
});

afterAll(async () => {
	for (const socket of sockets) socket.socket.terminate();
	server.child.kill('SIGKILL');
	await server.exited;
	removeDir(fixture.dataDir);
});

type Input = { label: string; authenticate: boolean; frames: () => Uint8Array[] };

const INPUTS: Input[] = [
	{ label: 'an empty frame', authenticate: false, frames: () => [new Uint8Array(0)] },
	{ label: 'a 1-byte frame', authenticate: false, frames: () => [new Uint8Array([5])] },
	{ label: 'a truncated varint', authenticate: false, frames: () => [new Uint8Array([0xff, 0xff])] },
	{ label: 'an overlong varint', authenticate: false, frames: () => [new Uint8Array(12).fill(0xff)] },
	{ label: 'a truncated auth message', authenticate: false, frames: () => [frame(name, Wire.Auth, (e) => encoding.writeVarUint(e, 0))] },
	{ label: 'an unknown message type', authenticate: true, frames: () => [frame(name, 99)] },
	{ label: 'garbage bytes as a Yjs update', authenticate: true, frames: () => [syncUpdateMessage(name, new Uint8Array([1, 2, 3, 250, 251, 252, 253, 9, 9, 9]))] },
	{ label: 'an update over the cap', authenticate: true, frames: () => [syncUpdateMessage(name, new Uint8Array(UPDATE_CAP + 1024).fill(1))] },
	{ label: 'an auth message of an unknown kind on an authenticated document', authenticate: true, frames: () => [frame(name, Wire.Auth, (e) => encoding.writeVarUint(e, 7))] },
	{
		label: 'a flood of 2,000 messages before authenticating',
		authenticate: false,
		frames: () => Array.from({ length: 2_000 }, () => syncUpdateMessage(name, new Uint8Array([0, 0])))
	}
];

/** Lines with a log level (ours); anything else on stderr would be a stray trace. */
function jsonLines(): Array<Record<string, unknown>> {
	return server.log.flatMap((line) => {
		try {
			return [JSON.parse(line) as Record<string, unknown>];
		} catch {
			return [];
		}
	});
}

describe('log of rejected input', () => {
	it.each(INPUTS)('writes one JSON line for $label', async (input) => {
		const before = server.log.length;
		const socket = await openRawSocket(server.wsUrl, fixture.tokens[1]);
		sockets.push(socket);
		if (input.authenticate) await socket.authenticate(name);
		const afterAuth = server.log.length;
		for (const bytes of input.frames()) socket.send(bytes);
		await eventually(() => server.log.length > afterAuth, `a log line for ${input.label}`);
		// A barrier instead of a wait: once the server has handled everything on the socket, a
		// refused upgrade makes it log a marker line; stderr keeps order, so every line about the
		// input is in before the marker.
		await socket.settled();
		const marker = `https://marker-${crypto.randomUUID()}.example`;
		expect(await upgradeStatus(server.wsUrl, { origin: marker })).toBe(403);
		await eventually(() => server.log.slice(afterAuth).some((line) => line.includes(marker)), 'the marker line');
		const added = server.log.slice(afterAuth).filter((line) => !line.includes(marker));
		expect(afterAuth).toBe(before);
		expect(added).toHaveLength(1);
		const line = JSON.parse(added[0]) as Record<string, unknown>;
		expect(line.level).toBe('warn');
		expect(line.socket ?? line.peer).toBeTruthy();
	});

	it('wrote nothing but JSON lines, and names the document where the input had one', () => {
		expect(jsonLines()).toHaveLength(server.log.length);
		const rejected = logEvents(server.log, 'collab.input_rejected');
		expect(rejected.filter((line) => line.document === name).length).toBeGreaterThanOrEqual(4);
		console.log(`rejected-input-log: ${INPUTS.length} kinds of input, ${server.log.length} log lines`);
	});
});
