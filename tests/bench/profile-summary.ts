// Summarises a V8 .cpuprofile (from BENCH_PROFILE=1) as self time per function and per package,
// so a profile can be read in a terminal and quoted in a note.
import fs from 'node:fs';

type Frame = { functionName: string; url: string; lineNumber: number };
type Node = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const file = process.argv[2];
if (!file) {
	console.error('usage: node tests/bench/profile-summary.ts <file.cpuprofile> [top=25] [--callers <function name>]');
	process.exit(64);
}
const callersOf = process.argv.indexOf('--callers') > 0 ? process.argv[process.argv.indexOf('--callers') + 1] : null;
const top = Number(/^\d+$/.test(process.argv[3] ?? '') ? process.argv[3] : 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** The package (node_modules/<name>), our own folder, or node's internals. */
function area(url: string): string {
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (pkg) return pkg[1];
	if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
	const ours = /\/(server|src|tests)\/(.*)$/.exec(url);
	if (ours) return `${ours[1]}/${ours[2].split('/').slice(0, -1).join('/') || '.'}`;
	return url === '' ? '(native/gc/idle)' : url;
}

const perFunction = new Map<string, number>();
const perArea = new Map<string, number>();
for (const [id, us] of self) {
	const frame = byId.get(id)!.callFrame;
	const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
	perFunction.set(name, (perFunction.get(name) ?? 0) + us);
	const a = frame.url === '' ? `(${frame.functionName || 'native'})` : area(frame.url);
	perArea.set(a, (perArea.get(a) ?? 0) + us);
}
const pct = (us: number) => ((100 * us) / total).toFixed(1).padStart(5) + ' %';
const print = (title: string, map: Map<string, number>) => {
	console.log(`\n${title}`);
	for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
print('self time by area', perArea);
print('self time by function', perFunction);

// --callers: the call chains (8 frames up) that spend self time in functions with this name.
if (callersOf) {
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const where = (f: Frame) => `${f.functionName || '(anonymous)'}@${f.url.split('/').slice(-1)[0]}:${f.lineNumber + 1}`;
	const chains = new Map<string, number>();
	for (const [id, us] of self) {
		if (!byId.get(id)!.callFrame.functionName.includes(callersOf)) continue;
		const chain: string[] = [];
		for (let cur = parent.get(id); cur !== undefined && chain.length < 8; cur = parent.get(cur)) chain.push(where(byId.get(cur)!.callFrame));
		const key = chain.join(' < ');
		chains.set(key, (chains.get(key) ?? 0) + us);
	}
	print(`callers of ${callersOf}`, chains);
}
